"""Every kind of stored file (a duty's evidence, a Saturday's photo, a criterion's
dossier, an exemplary model's photo, a job's file) is stored under a random name that
says nothing of what it belongs to, and is served only through its owner's access
helper: an outsider (an officer of another commune) and a visitor get 404 for each
while it is internal, whoever may see the object gets the bytes."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from PIL import Image

from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.models import CriteriaSet, DossierFile
from phongtrao.jobs.models import Job, JobState
from phongtrao.jobs.services import JobRun, job_run
from phongtrao.plans import services as plan_services
from phongtrao.plans.models import Evidence
from phongtrao.rewards import services as rewards_services
from phongtrao.rewards.models import ExemplarPhoto
from phongtrao.testing import make_plan
from phongtrao.workdays import services as workdays_services
from phongtrao.workdays.models import WorkDayPhoto

RANDOM = re.compile(r"^[a-z]+/[A-Za-z0-9_-]{24}\.[a-z]+$")


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 60)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def stored(people, settings, tmp_path):
    """One file of each kind, each internal to the commune, with the address that serves it."""
    settings.MEDIA_ROOT = tmp_path
    files = {}
    plan = make_plan(people, period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31))
    plan_services.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={"duties": [{"assignee_text": "Thôn Đông", "text": "Làm vườn mẫu", "place_unit": people.village}]},
    )
    plan_services.duty_progress_add(
        user=people.commune_officer,
        duty=plan.duties.get(),
        date=dt.date(2023, 5, 2),
        percent=30,
        files=[("Biên bản nghiệm thu.pdf", b"%PDF-1.4 bien ban")],
    )
    evidence = Evidence.objects.get()
    files["evidence"] = (evidence.file, f"/plans/evidence/{evidence.pk}/file")

    day = workdays_services.workdays_generate(user=people.commune_officer, plan=plan)[0]
    workdays_services.workday_photos_add(user=people.commune_officer, work_day=day, files=[("anh.jpg", _photo())])
    photo = WorkDayPhoto.objects.get()
    files["work_day_photo"] = (photo.file, f"/workdays/photos/{photo.pk}/file")

    call_command("load_criteria", stdout=io.StringIO())
    criterion = CriteriaSet.objects.get(code="ntm-xa-2021-2025").criteria.get(number=2)
    criteria_services.criterion_status_set(
        user=people.commune_officer,
        unit=people.commune,
        criterion=criterion,
        state="achieved",
        date=dt.date(2024, 5, 1),
        files=[("Hồ sơ giao thông.pdf", b"%PDF-1.4 ho so")],
    )
    dossier = DossierFile.objects.get()
    files["dossier"] = (dossier.file, f"/criteria/dossiers/{dossier.pk}/file")

    rewards_services.exemplar_create(
        user=people.village_head,
        unit=people.village,
        kind="practice",
        title="Tuyến đường hoa",
        story="Mỗi hộ chăm 20 m đường hoa.",
        photos=[("duong-hoa.jpg", _photo(), "")],
    )
    exemplar_photo = ExemplarPhoto.objects.get()
    files["exemplar_photo"] = (exemplar_photo.image, f"/rewards/photos/{exemplar_photo.pk}/full.jpg")
    files["exemplar_thumbnail"] = (exemplar_photo.thumbnail, f"/rewards/photos/{exemplar_photo.pk}/thumb.jpg")

    job = Job.objects.create(title="Xuất số liệu", task_path="x", started_by=people.commune_officer)

    def export(run: JobRun) -> None:
        run.finish(result=b"PK sheet", result_name="so-lieu.xlsx")

    job_run(job.pk, export)
    job.refresh_from_db()
    assert job.state == JobState.DONE
    files["job_result"] = (job.result, f"/jobs/{job.pk}/result")
    return files


def test_every_file_has_a_random_name_and_is_404_to_an_outsider(people, stored):
    for kind, (field, address) in stored.items():
        assert RANDOM.match(field.name), (kind, field.name)
        for stranger in (people.client(people.outsider), people.client(None)):
            answer = stranger.get(address)
            assert answer.status_code in (404, 302), (kind, answer.status_code)
            assert answer.status_code == 404 or "/login/" in answer["Location"]
        seen = people.client(people.commune_officer).get(address)
        assert seen.status_code == 200, kind
        assert b"".join(seen.streaming_content) == field.open("rb").read()
        assert "private" in seen["Cache-Control"]
