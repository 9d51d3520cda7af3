"""A plan's PDF is made by a job with Debian's LibreOffice: two conversions at once each
have a profile of their own (LibreOffice locks a shared one), and a converter that fails
ends the job with a sentence, never a 500."""

from __future__ import annotations

import io
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader

from phongtrao.documents import render
from phongtrao.jobs.models import Job, JobState
from phongtrao.plans.selectors import plan_for_document
from phongtrao.testing import make_plan, work_queued_jobs

SOFFICE = shutil.which("soffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason=".ci/run installs libreoffice-writer-nogui")


def _start_pdf(people, plan, django_capture_on_commit_callbacks):
    client = people.client(people.commune_officer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(f"/documents/plans/{plan.pk}.pdf")
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/jobs/{job.pk}/"
    return client, job


@needs_libreoffice
def test_the_worker_makes_the_pdf_and_its_starter_downloads_it(people, settings, django_capture_on_commit_callbacks):
    settings.PDF_CONVERTER = SOFFICE
    plan = make_plan(people, issued=True, full_number="42/KH-UBND", title="Kế hoạch làm đường giao thông nông thôn")
    client, job = _start_pdf(people, plan, django_capture_on_commit_callbacks)
    work_queued_jobs()
    job.refresh_from_db()
    assert job.state == JobState.DONE, job.outcome
    assert job.result_name.endswith(".pdf") and job.result.name.startswith("jobs/")
    download = client.get(f"/jobs/{job.pk}/result")
    pdf = b"".join(download.streaming_content)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "làm đường giao thông" in text
    assert people.client(people.outsider).get(f"/jobs/{job.pk}/result").status_code == 404


@needs_libreoffice
def test_two_conversions_at_once_do_not_collide(people, settings):
    settings.PDF_CONVERTER = SOFFICE
    docx = render.plan_docx(plan_for_document(make_plan(people, issued=True).pk))
    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(render.to_pdf, [docx, docx]))
    assert all(pdf.startswith(b"%PDF-") for pdf in made)


def test_a_failing_converter_fails_the_job_with_a_sentence(people, settings, django_capture_on_commit_callbacks):
    settings.PDF_CONVERTER = shutil.which("false")
    plan = make_plan(people, issued=True)
    client, job = _start_pdf(people, plan, django_capture_on_commit_callbacks)
    work_queued_jobs()
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.outcome == "LibreOffice không chuyển được văn bản sang PDF; văn bản Word vẫn tải được."
    page = client.get(f"/jobs/{job.pk}/")
    assert page.status_code == 200 and "LibreOffice không chuyển được" in page.content.decode()
    assert client.get(f"/jobs/{job.pk}/result").status_code == 404
