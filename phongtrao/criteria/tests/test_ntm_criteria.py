"""The national NTM criteria for communes (Decision 318/QĐ-TTg) as a data file; each
commune's status per criterion with its dossier; the district's board; new sets without code."""

import datetime as dt
import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from phongtrao.accounts.models import Role
from phongtrao.accounts.services import membership_grant
from phongtrao.criteria import selectors as criteria_selectors
from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.models import CriteriaSet, CriterionStatus, DossierFile


@pytest.fixture
def national(db):
    call_command("load_criteria", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return CriteriaSet.objects.get(code="ntm-xa-2021-2025")


def test_the_national_set_has_19_criteria_and_loads_twice(national):
    assert national.criteria.count() == 19
    assert [c.name for c in national.criteria.all()][:4] == [
        "Quy hoạch",
        "Giao thông",
        "Thủy lợi và phòng, chống thiên tai",
        "Điện",
    ]
    assert national.criteria.get(number=17).indicators.count() == 8
    call_command("load_criteria", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert CriteriaSet.objects.count() == len(list((settings.DATA_DIR / "criteria").glob("*.json")))
    assert national.criteria.count() == 19


def test_a_commune_records_a_criterion_with_its_dossier_and_the_board_counts(people, national, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    traffic = national.criteria.get(number=2)
    client = people.client(people.commune_officer)
    response = client.post(
        f"/criteria/units/{people.commune.pk}/{traffic.pk}/",
        {
            "state": "achieved",
            "date": "2023-11-20",
            "note": "Đã cứng hóa 100% đường trục thôn",
            "files": [SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 ...")],
        },
    )
    assert response.status_code == 302
    assert CriterionStatus.objects.get().state == "achieved" and DossierFile.objects.get().kind == "pdf"
    criteria_services.criterion_status_set(
        user=people.outsider, unit=people.other_commune, criterion=traffic, state="lost", date=dt.date(2023, 11, 1)
    )
    board = criteria_selectors.board(national, people.district)
    assert [(r.unit.name, r.achieved) for r in board.rows] == [("Xã Hồng Phong", 1), ("Xã Tân Lập", 0)]
    assert board.achieved_per_criterion[1] == 1 and sum(board.achieved_per_criterion) == 1
    closest = [(row.unit.name, len(missing)) for row, missing in board.closest]
    assert closest == [("Xã Hồng Phong", 18), ("Xã Tân Lập", 19)]
    page = people.client(None).get(f"/criteria/{national.pk}/units/{people.district.pk}/").content.decode()
    assert "1/19" in page and "0/19" in page
    board = people.client(None).get(f"/api/criteria/board?set={national.code}&unit={people.district.pk}").json()
    assert board["units"][0]["states"][1] == "achieved" and board["units"][1]["states"][1] == "lost"


def test_others_cannot_change_a_communes_criteria(people, national):
    traffic = national.criteria.get(number=2)
    url = f"/criteria/units/{people.commune.pk}/{traffic.pk}/"
    for user in (people.outsider, people.village_head, people.commune_viewer):
        assert people.client(user).post(url, {"state": "achieved", "date": "2023-11-20"}).status_code == 403
    with pytest.raises(ValidationError, match="cấp"):
        criteria_services.criterion_status_set(
            user=people.commune_officer,
            unit=people.village,
            criterion=traffic,
            state="achieved",
            date=dt.date(2023, 1, 1),
        )
    assert not CriterionStatus.objects.exists()


def test_an_administrator_defines_a_model_village_set_without_code(people, db):
    model_village = {
        "code": "khu-dan-cu-kieu-mau-thu",
        "name": "Khu dân cư nông thôn mới kiểu mẫu (thử)",
        "level": "village",
        "criteria": [
            {"number": 1, "name": "Sản xuất - Thu nhập - Hộ nghèo"},
            {"number": 2, "name": "Giáo dục - Y tế - Văn hóa"},
        ],
    }
    upload = SimpleUploadedFile("bo-tieu-chi.json", json.dumps(model_village, ensure_ascii=False).encode())
    assert people.client(people.commune_officer).post("/criteria/import/", {"file": upload}).status_code == 403
    membership_grant(user=people.commune_officer, unit=people.commune, role=Role.ADMIN)
    upload.seek(0)
    people.client(people.commune_officer).post("/criteria/import/", {"file": upload})
    assert CriteriaSet.objects.get(code="khu-dan-cu-kieu-mau-thu").criteria.count() == 2
    bad = SimpleUploadedFile("x.json", b"{not json")
    page = people.client(people.commune_officer).post("/criteria/import/", {"file": bad})
    assert "JSON" in page.content.decode()


def test_the_data_file_is_where_the_decision_is_named():
    data = json.loads((settings.DATA_DIR / "criteria" / "ntm-xa-2021-2025.json").read_text(encoding="utf-8"))
    assert "318/QĐ-TTg" in data["source"] and len(data["criteria"]) == 19
