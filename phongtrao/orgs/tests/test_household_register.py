"""A commune's household register, typed once in Excel and imported (all rows or none,
the reason per row), updated by importing again, kept with its history, and seen only
by those with a role over the unit: the codes households answer surveys with."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import Workbook

from phongtrao.orgs.households import COLUMNS
from phongtrao.orgs.models import Household
from phongtrao.orgs.services import household_save
from phongtrao.testing import table_rows


def _xlsx(*rows) -> io.BytesIO:
    workbook = Workbook()
    workbook.active.append(COLUMNS)
    for row in rows:
        workbook.active.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "ho.xlsx"
    return out


def test_an_officer_imports_the_register_and_updates_it(people):
    client = people.client(people.commune_officer)
    url = reverse("orgs:households_import", args=[people.commune.pk])
    sent = client.post(
        url,
        {
            "file": _xlsx(
                ("Thôn Đông", "d-01", "Nguyễn Văn An", "Xóm 1", 4), ("thôn tây", "T-01", "Lê Thị Bình", "", None)
            )
        },
    )
    assert sent.status_code == 302
    assert sorted(Household.objects.values_list("unit__name", "code", "head_name")) == [
        ("Thôn Tây", "T-01", "Lê Thị Bình"),
        ("Thôn Đông", "D-01", "Nguyễn Văn An"),
    ]
    client.post(url, {"file": _xlsx(("Thôn Đông", "D-01", "Nguyễn Văn Ba", "Xóm 1", 5))})
    household = Household.objects.get(code="D-01")
    assert (household.head_name, household.members, Household.objects.count()) == ("Nguyễn Văn Ba", 5, 2)
    assert household.history.count() == 2 and household.history.first().history_user == people.commune_officer
    sheet = client.get(reverse("orgs:households_xlsx", args=[people.commune.pk]))
    rows = table_rows(sheet.content)
    assert rows[0] == tuple(COLUMNS) and ("Thôn Đông", "D-01", "Nguyễn Văn Ba", "Xóm 1", 5) in rows


def test_one_bad_row_and_nothing_is_saved(people):
    page = people.client(people.commune_officer).post(
        reverse("orgs:households_import", args=[people.commune.pk]),
        {
            "file": _xlsx(
                ("Thôn Đông", "D-01", "Nguyễn Văn An", "", 4),
                ("Thôn Bắc", "B-01", "Trần Văn C", "", 3),  # a village of another commune
                ("Thôn Đông", "D-01", "Trùng mã", "", 2),
                ("Thôn Đông", "D-02", "", "", "bốn"),
            )
        },
    )
    text = page.content.decode()
    assert "Dòng 3: không có thôn “Thôn Bắc”" in text
    assert "Dòng 4: mã hộ D-01 trùng với dòng 2" in text
    assert "Dòng 5: “Số nhân khẩu” phải là số nguyên" in text
    assert not Household.objects.exists()
    page = people.client(people.commune_officer).post(
        reverse("orgs:households_import", args=[people.commune.pk]), {"file": _xlsx(("Thôn Đông", "D-02", "", "", 2))}
    )
    assert "Dòng 2: Hãy ghi họ tên chủ hộ." in page.content.decode()
    assert not Household.objects.exists()


def test_a_village_head_keeps_the_register_of_the_village_only(people):
    household_save(user=people.village_head, village=people.village, code="D-01", head_name="Nguyễn Văn An")
    with pytest.raises(PermissionDenied):
        household_save(user=people.village_head, village=people.other_village, code="T-01", head_name="Lê Thị Bình")
    with pytest.raises(ValidationError) as caught:
        household_save(user=people.village_head, village=people.village, code=" ", head_name=" ", members=0)
    assert set(caught.value.message_dict) == {"code", "head_name", "members"}


def test_the_register_is_not_public(people, django_assert_max_num_queries):
    for n in range(30):
        household_save(user=people.commune_officer, village=people.village, code=f"D-{n:02d}", head_name=f"Hộ {n}")
    url = reverse("orgs:households", args=[people.commune.pk])
    assert people.client(None).get(url).status_code == 302  # to the login page
    assert people.client(people.outsider).get(url).status_code == 403
    assert people.client(people.other_village_head).get(url).status_code == 403
    viewer = people.client(people.commune_viewer)
    first = viewer.get(url).content.decode()
    assert "Trang 1/2" in first and "?page=2" in first
    with django_assert_max_num_queries(10):
        page = viewer.get(url, {"q": "Hộ 2"})
    assert "D-02" in page.content.decode() and "D-03" not in page.content.decode()
    assert viewer.post(reverse("orgs:households_import", args=[people.commune.pk])).status_code == 403
