"""What is public and what is internal is decided once, in the permission module, and
holds on both sides: a visitor sees a criterion's state, not the official's note, name
or the dossier; sees a plan's evidence and photos once the plan is issued, not before;
reads the figures, not who entered them. Uploaded files are served only through views
that ask the owning object's access helper, never from a public media path."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from PIL import Image

from phongtrao.criteria import services as criteria
from phongtrao.criteria.models import CriteriaSet, DossierFile
from phongtrao.geo.models import Kind
from phongtrao.geo.services import unit_create
from phongtrao.plans import services as plans
from phongtrao.plans import services as plans_services
from phongtrao.testing import make_plan
from phongtrao.workdays import services as workdays_services


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def dossier(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_criteria", stdout=open("/dev/null", "w"))  # noqa: SIM115
    traffic = CriteriaSet.objects.get(code="ntm-xa-2021-2025").criteria.get(number=2)
    criteria.criterion_status_set(
        user=people.commune_officer,
        unit=people.commune,
        criterion=traffic,
        state="achieved",
        date=dt.date(2023, 5, 2),
        note="Còn 300 m đường thôn Tây chưa cứng hóa",
        files=[("bien-ban.pdf", b"%PDF-1.4 bien ban")],
    )
    return traffic, DossierFile.objects.get()


def test_a_criterion_shows_its_state_to_all_and_its_note_and_dossier_to_the_commune(people, dossier):
    traffic, file = dossier
    url = f"/criteria/units/{people.commune.pk}/{traffic.pk}/"
    public = people.client(None).get(url).content.decode()
    assert "Đạt" in public and "02/05/2023" in public
    assert "Còn 300 m" not in public and "bien-ban.pdf" not in public and "commune_officer" not in public
    inside = people.client(people.commune_viewer).get(url).content.decode()
    assert "Còn 300 m" in inside and "bien-ban.pdf" in inside and "commune_officer" in inside
    file_url = f"/criteria/dossiers/{file.pk}/file"
    assert file_url in inside and "/media/" not in inside
    assert people.client(None).get(file_url).status_code == 404
    assert people.client(people.outsider).get(file_url).status_code == 404
    served = people.client(people.commune_viewer).get(file_url)
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF")
    assert "private" in served["Cache-Control"]


def test_evidence_and_photos_of_a_draft_plan_stay_inside_until_it_is_issued(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    unit_create(name="Thôn Nam", kind=Kind.HAMLET, parent=people.commune)
    plan = make_plan(people)
    plans.plan_set_parts(
        user=people.commune_officer, plan=plan, parts={"duties": [{"assignee_text": "Thôn Đông", "text": "Làm đường"}]}
    )
    duty = plan.duties.get()
    progress = plans_services.duty_progress_add(
        user=people.commune_officer, duty=duty, date=dt.date(2023, 3, 5), percent=50, files=[("anh.jpg", _jpeg())]
    )
    (day,) = workdays_services.workdays_generate(
        user=people.commune_officer, plan=plan, start=dt.date(2023, 4, 1), end=dt.date(2023, 4, 30)
    )
    (photo,) = workdays_services.workday_photos_add(
        user=people.commune_officer, work_day=day, files=[("ngay.jpg", _jpeg())]
    )
    urls = [f"/plans/evidence/{progress.evidence.get().pk}/file", f"/workdays/photos/{photo.pk}/file"]
    for url in urls:
        assert people.client(None).get(url).status_code == 404
        assert people.client(people.outsider).get(url).status_code == 404
        assert people.client(people.commune_viewer).get(url).status_code == 200
    plans.plan_update(user=people.commune_approver, plan=plan, issue_date=dt.date(2023, 2, 20), signer_name="A")
    plans.plan_issue(user=people.commune_approver, plan=plan)
    for url in urls:
        served = people.client(None).get(url)
        assert (
            served.status_code == 200 and served["Content-Type"] == "image/jpeg" and "public" in served["Cache-Control"]
        )
    assert people.client(None).get(f"/media/{photo.file.name}").status_code == 404  # never from the media path
