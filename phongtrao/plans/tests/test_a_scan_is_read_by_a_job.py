"""A scanned plan (a PDF without a text layer) is read by OCR in a job, page by page: the
import page moves to the job's page, and when the job is done its link opens the same
check page a Word file gets at once. Through the API the answer is 202 with the job, and
the job's result is the parse contract's JSON."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from phongtrao.docparse.readers import tesseract_ready
from phongtrao.docparse.tests.test_read_docx_and_pdf import FONT, LINES, scanned_pdf
from phongtrao.jobs.models import Job, JobState
from phongtrao.testing import work_queued_jobs

pytestmark = pytest.mark.skipif(
    not FONT.exists() or tesseract_ready() is not None,
    reason=".ci/run installs tesseract-ocr-vie and fonts-dejavu-core",
)


def test_the_import_page_hands_a_scan_to_a_job_and_opens_its_reading(people, django_capture_on_commit_callbacks):
    client = people.client(people.commune_officer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            "/plans/import/",
            {"unit": people.commune.pk, "file": SimpleUploadedFile("ban-quet.pdf", scanned_pdf(LINES))},
        )
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/jobs/{job.pk}/"
    assert job.title == "Đọc bản quét “ban-quet.pdf”" and job.source_name == "ban-quet.pdf"

    work_queued_jobs()

    job.refresh_from_db()
    assert job.state == JobState.DONE, job.outcome
    assert (job.progress_done, job.progress_total) == (1, 1)
    assert job.link == f"/plans/import/read/{job.pk}/?unit={people.commune.pk}"
    check = client.get(job.link).content.decode()
    assert "ban-quet.pdf" in check and 'value="2023-04-07"' in check
    assert people.client(people.outsider).get(job.link).status_code == 404


def test_the_parse_api_answers_202_with_the_job_then_the_contract(people, django_capture_on_commit_callbacks):
    client = people.client(people.commune_officer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post("/api/parse", {"file": SimpleUploadedFile("scan.pdf", scanned_pdf(LINES))})
    assert answer.status_code == 202
    job = answer.json()
    assert (job["state"], job["result_url"]) == ("queued", None)
    work_queued_jobs()
    done = client.get(f"/api/jobs/{job['id']}").json()
    assert done["state"] == "done" and done["result_url"] == f"/api/jobs/{job['id']}/result"
    parsed = client.get(done["result_url"])
    assert b"".join(parsed.streaming_content).decode().count('"issue_date": "2023-04-07"') == 1
    assert people.client(people.outsider).get(done["result_url"]).status_code == 404
