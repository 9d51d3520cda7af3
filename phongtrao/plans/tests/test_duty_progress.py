"""Seed 001: the youth union's model garden at Thành Xuân, due 30/6/2022, reported with photos."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from phongtrao.orgs.services import organization_create
from phongtrao.plans import services
from phongtrao.plans import services as plan_services
from phongtrao.plans.models import DutyProgress, DutyStatus
from phongtrao.testing import make_plan


def photo(size=(3000, 2000), fmt="JPEG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, format=fmt)
    return out.getvalue()


@pytest.fixture
def garden(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    youth = organization_create(unit=people.commune, kind="doan_tn", name="Đoàn xã")
    plan = make_plan(
        people, period_start=dt.date(2022, 2, 16), period_end=dt.date(2022, 12, 30), issue_date=dt.date(2022, 2, 15)
    )
    plan_services.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={
            "duties": [
                {
                    "assignee_text": "Đoàn xã",
                    "assignee_org": youth,
                    "text": "Hoàn thành 1 vườn mẫu tại thôn Đông",
                    "deadline": dt.date(2022, 6, 30),
                    "place_unit": people.village,
                }
            ]
        },
    )
    plan_services.plan_update(user=people.commune_approver, plan=plan, signer_name="Lê Văn Sơn")
    plan_services.plan_issue(user=people.commune_approver, plan=plan)
    return plan.duties.get()


def test_progress_with_a_photo_that_is_resized(people, garden):
    client = people.client(people.village_head)  # the village where the garden is reports
    response = client.post(
        f"/plans/duties/{garden.pk}/",
        {
            "date": "2022-05-10",
            "percent": "60",
            "note": "Đã cải tạo vườn, trồng rau",
            "evidence": [SimpleUploadedFile("vuon.jpg", photo(), content_type="image/jpeg")],
        },
    )
    assert response.status_code == 302
    progress = DutyProgress.objects.get()
    item = progress.evidence.get()
    assert item.kind == "image" and Image.open(item.file.path).size == (1600, 1067)
    garden.refresh_from_db()
    assert garden.status == DutyStatus.IN_PROGRESS
    services.duty_progress_add(user=people.commune_officer, duty=garden, date=dt.date(2022, 6, 28), percent=100)
    garden.refresh_from_db()
    assert garden.status == DutyStatus.DONE and not garden.is_overdue(dt.date(2022, 7, 1))


def test_a_file_that_lies_about_its_type_or_is_too_large_is_refused(people, garden):
    with pytest.raises(ValidationError, match="không phải ảnh"):
        services.duty_progress_add(
            user=people.village_head,
            duty=garden,
            date=dt.date(2022, 5, 1),
            percent=10,
            files=[("anh.jpg", b"MZ\x90\x00 this is an exe")],
        )
    with pytest.raises(ValidationError, match="quá lớn"):
        services.duty_progress_add(
            user=people.village_head,
            duty=garden,
            date=dt.date(2022, 5, 1),
            percent=10,
            files=[("scan.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))],
        )
    assert not DutyProgress.objects.exists()  # nothing half-saved


def test_documents_are_recognised_by_content(people, garden):
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    progress = services.duty_progress_add(
        user=people.village_head,
        duty=garden,
        date=dt.date(2022, 5, 1),
        percent=20,
        files=[("bien-ban.bin", docx.getvalue()), ("bao-cao.pdf", b"%PDF-1.4 ...")],
    )
    assert sorted(e.kind for e in progress.evidence.all()) == ["docx", "pdf"]


def test_bad_percent_or_future_dates_are_refused(people, garden):
    with pytest.raises(ValidationError, match="0 đến 100"):
        services.duty_progress_add(user=people.village_head, duty=garden, date=dt.date(2022, 5, 1), percent=140)
    with pytest.raises(ValidationError, match="chưa đến"):
        services.duty_progress_add(
            user=people.village_head, duty=garden, date=timezone.localdate() + dt.timedelta(days=3), percent=10
        )


def test_overdue_duties_show_per_organisation_and_per_village(people, garden):
    page = people.client(people.commune_officer).get(f"/plans/duties/?org={garden.assignee_org_id}")
    assert "quá hạn" in page.content.decode()  # 30/6/2022 passed, not done
    page = people.client(None).get(f"/plans/duties/?unit={people.village.pk}").content.decode()
    assert "Hoàn thành 1 vườn mẫu" in page


def test_others_cannot_report_and_outsiders_cannot_see_drafts(people, garden):
    url = f"/plans/duties/{garden.pk}/"
    data = {"date": "2022-05-10", "percent": "10"}
    assert people.client(people.other_village_head).post(url, data).status_code == 403
    assert people.client(people.outsider).post(url, data).status_code == 403
    draft = make_plan(people, unit=people.other_commune)
    plan_services.plan_set_parts(
        user=people.outsider, plan=draft, parts={"duties": [{"assignee_text": "X", "text": "Y"}]}
    )
    assert people.client(people.village_head).get(f"/plans/duties/{draft.duties.get().pk}/").status_code == 404
    listed = people.client(people.village_head).get("/plans/duties/").content.decode()
    assert "Hoàn thành 1 vườn mẫu" in listed and ">Y<" not in listed
