"""Seed 001's "hoàn thành 2 vườn mẫu": each model garden is a record of its village,
assessed criterion by criterion against a garden set (Hà Tĩnh's vườn mẫu), not only counted."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phongtrao.concurrency import Conflict
from phongtrao.criteria import selectors
from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.models import CriteriaSet, CriterionStatus, Garden


@pytest.fixture
def garden_set(current_set) -> CriteriaSet:
    return CriteriaSet.objects.get(code="ha-tinh-vuon-mau")


def test_a_commune_adds_a_garden_and_assesses_it(people, garden_set):
    client = people.client(people.commune_officer)
    url = f"/criteria/units/{people.commune.pk}/gardens/"
    response = client.post(
        url,
        {
            "village": people.village.pk,
            "name": "Vườn mẫu thôn Đông",
            "keeper": "Đoàn xã",
            "criteria_set": garden_set.pk,
        },
        follow=True,
    )
    assert "Đã thêm vườn mẫu “Vườn mẫu thôn Đông”." in response.content.decode()
    garden = Garden.objects.get()
    planning = garden_set.criteria.get(number=1)
    page = f"/criteria/gardens/{garden.pk}/{planning.pk}/"
    assert client.post(page, {"state": "achieved", "date": "20/06/2022"}).status_code == 302
    status = CriterionStatus.objects.get(garden=garden)
    assert (status.unit, status.state) == (people.village, "achieved")
    board = selectors.board(garden_set, people.commune)
    assert [(row.garden, row.achieved) for row in board.rows] == [(garden, 1)]
    assert board.achieved_per_criterion[0] == 1
    public = people.client(None).get(url).content.decode()
    assert "Vườn mẫu thôn Đông" in public and "1/" in public
    assert "Đạt" in people.client(None).get(page).content.decode()
    # the village's own (village-level) assessment is a different thing, not this garden's
    assert not CriterionStatus.objects.filter(garden__isnull=True).exists()


def test_it_refuses_a_garden_for_those_without_a_role_and_names_a_repeated_one(people, garden_set):
    url = f"/criteria/units/{people.commune.pk}/gardens/"
    form = {"village": people.village.pk, "name": "Vườn A", "criteria_set": garden_set.pk}
    for user in (people.outsider, people.village_head, people.commune_viewer, None):
        assert people.client(user).post(url, form).status_code == 403
    assert not Garden.objects.exists()
    criteria_services.garden_create(
        user=people.commune_officer, village=people.village, name="Vườn A", criteria_set=garden_set
    )
    with pytest.raises(Conflict, match="Vườn A"):
        criteria_services.garden_create(
            user=people.commune_officer, village=people.village, name="Vườn A", criteria_set=garden_set
        )
    with pytest.raises(ValidationError):  # a garden lies in a village, not in the commune itself
        criteria_services.garden_create(
            user=people.commune_officer, village=people.commune, name="Vườn B", criteria_set=garden_set
        )


def test_a_gardens_criterion_is_refused_to_outsiders_and_from_another_set(people, garden_set, current_set):
    garden = criteria_services.garden_create(
        user=people.commune_officer, village=people.village, name="Vườn A", criteria_set=garden_set
    )
    planning = garden_set.criteria.get(number=1)
    page = f"/criteria/gardens/{garden.pk}/{planning.pk}/"
    for user in (people.outsider, people.commune_viewer):
        assert people.client(user).post(page, {"state": "achieved", "date": "20/06/2022"}).status_code == 403
    assert not CriterionStatus.objects.exists()
    commune_criterion = current_set.criteria.get(number=1)
    assert people.client(None).get(f"/criteria/gardens/{garden.pk}/{commune_criterion.pk}/").status_code == 404
    assert people.client(None).get(f"/criteria/gardens/999999/{planning.pk}/").status_code == 404
    with pytest.raises(ValidationError, match="cấp"):  # a garden set is not for the village itself
        criteria_services.criterion_status_set(
            user=people.commune_officer,
            unit=people.village,
            criterion=planning,
            state="achieved",
            date=dt.date(2022, 6, 1),
        )
