"""Every search box (units, plans, awards, households) finds what people type whatever
the case and the diacritics, on SQLite (whose lower() knows only ASCII) and PostgreSQL."""

import pytest
from django.urls import reverse

from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.services import household_save
from phongtrao.rewards.tests.test_decide_and_certify import _issue, approved  # noqa: F401 (fixture)
from phongtrao.search import matching
from phongtrao.testing import make_plan

TYPED = ["hồng phong", "HỒNG PHONG", "hong phong", "HONG  Phong", "Xã hồng"]


@pytest.mark.parametrize("typed", TYPED)
def test_units_are_found_however_the_name_is_typed(people, typed):
    found = people.client(None).get("/api/units", {"q": typed}).json()
    assert "Xã Hồng Phong" in [unit["name"] for unit in found]
    assert set(AdminUnit.objects.search(typed).values_list("name", flat=True)) == {"Xã Hồng Phong"}


def test_a_word_not_in_the_name_finds_nothing(people):
    assert not AdminUnit.objects.search("hồng quang").exists()
    assert AdminUnit.objects.search("   ").count() == AdminUnit.objects.count()


def test_plans_are_found_by_title_issuer_or_number(people):
    plan = make_plan(people, title="Ngày thứ Bảy đi cơ sở", issued=True)
    client = people.client(None)
    for typed in ["THỨ BẢY", "thu bay", "ubnd HỒNG phong", plan.full_number.lower()]:
        assert "Ngày thứ Bảy đi cơ sở" in client.get("/plans/", {"q": typed}).content.decode(), typed


def test_awards_are_found_without_diacritics(people, approved):  # noqa: F811
    plan, form, nominations = approved
    _issue(people, plan, form, nominations)
    url = reverse("rewards:unit_awards", args=[people.commune.pk])
    for typed in ["THÔN TÂY", "thon tay", "Tây"]:
        found = people.client(None).get(url, {"q": typed}).context["page"].object_list
        assert [a.subject_name for a in found] == ["Thôn Tây"], typed


def test_households_are_found_by_the_heads_name_typed_on_a_phone(people):
    household_save(user=people.commune_officer, village=people.village, code="D-01", head_name="Nguyễn Văn Đức")
    household_save(user=people.commune_officer, village=people.village, code="D-02", head_name="Trần Thị Hoa")
    viewer = people.client(people.commune_viewer)
    url = reverse("orgs:households", args=[people.commune.pk])
    for typed in ["nguyen van duc", "ĐỨC", "van duc", "d-01"]:
        page = viewer.get(url, {"q": typed}).content.decode()
        assert "Nguyễn Văn Đức" in page and "Trần Thị Hoa" not in page, typed


def test_the_helper_needs_every_word_in_some_field(people):
    units = AdminUnit.objects.filter(level="commune")
    assert list(matching(units, "hong xa", "name").values_list("name", flat=True)) == ["Xã Hồng Phong"]
    assert not matching(units, "hong tay", "name").exists()
