"""The province places each commune in a group (with history); a commune's result on an
indicator is held against its own group's level; a commune not placed is shown as such
and never held to an assumed level."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from phongtrao.accounts.models import Role, User
from phongtrao.accounts.services import membership_grant
from phongtrao.criteria import selectors
from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.models import CommuneGrouping, CriterionStatus


def _water(current_set, province_admin):
    environment = current_set.criteria.get(number=8)
    groups = {g.number: g for g in current_set.groups.all()}
    indicator = criteria_services.criterion_indicator_save(
        user=province_admin,
        criterion=environment,
        code="8.1",
        name="Tỷ lệ hộ được sử dụng nước sạch",
        unit_of_measure="%",
        levels={groups[1]: "≥ 80%", groups[2]: "≥ 70%", groups[3]: "≥ 60%"},
    )
    return environment, indicator, groups


def test_the_province_places_communes_in_groups_on_a_page(people, current_set, province_admin):
    _environment, _indicator, groups = _water(current_set, province_admin)
    url = f"/criteria/{current_set.pk}/groups/{people.district.pk}/"
    response = people.client(province_admin).post(
        url,
        {f"unit_{people.commune.pk}": groups[2].pk, f"unit_{people.other_commune.pk}": "", "basis": "QĐ 12/QĐ-UBND"},
        follow=True,
    )
    assert "Đã cập nhật nhóm của 1 xã." in response.content.decode()
    placed = CommuneGrouping.objects.get(unit=people.commune)
    assert (placed.group, placed.basis) == (groups[2], "QĐ 12/QĐ-UBND")
    people.client(province_admin).post(url, {f"unit_{people.commune.pk}": groups[3].pk})
    assert [h.group_id for h in CommuneGrouping.history.filter(unit_id=people.commune.pk).order_by("history_date")] == [
        groups[2].pk,
        groups[3].pk,
    ]
    page = people.client(None).get(url).content.decode()
    assert "Xã nhóm 3" in page and "Chưa xếp nhóm" in page


def test_it_refuses_to_place_a_commune_for_anyone_but_the_provinces_administrator(people, current_set, province_admin):
    group = current_set.groups.get(number=1)
    url = f"/criteria/{current_set.pk}/groups/{people.district.pk}/"
    commune_admin = User.objects.create_user("quantri-xa", password="x")
    for user in (people.commune_officer, people.district_officer, people.outsider, None):
        assert people.client(user).post(url, {f"unit_{people.commune.pk}": group.pk}).status_code == 403
    assert not CommuneGrouping.objects.exists()
    membership_grant(user=commune_admin, unit=people.commune, role=Role.ADMIN)
    with pytest.raises(PermissionDenied):  # a commune's own administrator does not choose its group
        criteria_services.commune_groups_set(
            user=commune_admin, criteria_set=current_set, groups={people.commune: group}
        )
    assert not CommuneGrouping.objects.exists()
    assert people.client(None).get(f"/criteria/{current_set.pk}/groups/999999/").status_code == 404


def test_a_result_is_held_against_the_level_of_the_communes_group(people, current_set, province_admin):
    environment, indicator, groups = _water(current_set, province_admin)
    criteria_services.commune_groups_set(
        user=province_admin,
        criteria_set=current_set,
        groups={people.commune: groups[3], people.other_commune: groups[1]},
    )

    def record(user, unit, value, state="not_yet"):
        return criteria_services.criterion_status_set(
            user=user,
            unit=unit,
            criterion=environment,
            indicator=indicator,
            value=Decimal(value),
            state=state,
            date=dt.date(2026, 11, 1),
        )

    # 65 %: enough for group 3 (≥ 60 %), not for group 1 (≥ 80 %), whatever is typed
    assert record(people.commune_officer, people.commune, "65", state="not_yet").state == "achieved"
    assert record(people.outsider, people.other_commune, "65", state="achieved").state == "not_yet"
    # a commune that met its level and falls below it has lost it
    assert record(people.commune_officer, people.commune, "55").state == "lost"
    page = (
        people.client(people.commune_officer)
        .get(f"/criteria/units/{people.commune.pk}/{environment.pk}/")
        .content.decode()
    )
    assert "Xã thuộc Xã nhóm 3" in page and "≥ 60%" in page and "dưới mức đạt" in page


def test_a_commune_without_a_group_is_said_to_be_so(people, current_set, province_admin):
    environment, indicator, _groups = _water(current_set, province_admin)
    status = criteria_services.criterion_status_set(
        user=people.commune_officer,
        unit=people.commune,
        criterion=environment,
        indicator=indicator,
        value=Decimal("65"),
        state="not_yet",
        date=dt.date(2026, 11, 1),
    )
    assert status.state == "not_yet"  # no level assumed: the state stays as recorded
    page = people.client(None).get(f"/criteria/units/{people.commune.pk}/{environment.pk}/").content.decode()
    assert "Xã chưa được tỉnh xếp nhóm nên chưa so được với mức đạt." in page
    board = selectors.board(current_set, people.district)
    assert [row.group for row in board.rows] == [None, None]
    assert (
        "chưa xếp"
        in people.client(None).get(f"/criteria/{current_set.pk}/units/{people.district.pk}/").content.decode()
    )
    api = people.client(None).get(f"/api/criteria/board?set={current_set.code}&unit={people.district.pk}").json()
    assert [u["group"] for u in api["units"]] == [None, None]


def test_the_form_records_a_result_and_the_api_gives_the_levels(people, current_set, province_admin):
    environment, indicator, groups = _water(current_set, province_admin)
    criteria_services.commune_groups_set(
        user=province_admin, criteria_set=current_set, groups={people.commune: groups[2]}
    )
    url = f"/criteria/units/{people.commune.pk}/{environment.pk}/"
    form = {"indicator": indicator.pk, "value": "72,5", "state": "not_yet", "date": "01/11/2026"}
    assert people.client(people.commune_viewer).post(url, form).status_code == 403
    assert not CriterionStatus.objects.exists()
    assert people.client(people.commune_officer).post(url, form).status_code == 302
    status = CriterionStatus.objects.get(indicator=indicator)
    assert (status.value, status.state) == (Decimal("72.5"), "achieved")
    sets = {s["code"]: s for s in people.client(None).get("/api/criteria").json()}
    current = sets["ntm-xa-2026-2030"]
    assert [g["name"] for g in current["groups"]] == ["Xã nhóm 1", "Xã nhóm 2", "Xã nhóm 3"]
    water = next(i for c in current["criteria"] for i in c["indicators"] if i["code"] == "8.1")
    assert {(lv["group"], lv["comparator"], lv["amount"]) for lv in water["levels"]} == {
        ("Xã nhóm 1", ">=", "80"),
        ("Xã nhóm 2", ">=", "70"),
        ("Xã nhóm 3", ">=", "60"),
    }
    board = people.client(None).get(f"/api/criteria/board?set={current_set.code}&unit={people.district.pk}").json()
    assert board["units"][0]["group"] == "Xã nhóm 2"
