"""A list page asks the database as many times for eight rows as for one: each list is
read with what it shows joined or prefetched, never one query per row (compared, not
bounded by a loose maximum)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import count

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phongtrao.contributions import services as contributions_services
from phongtrao.geo.models import Kind
from phongtrao.geo.services import unit_create
from phongtrao.orgs.services import household_save
from phongtrao.registrations import services as registrations_services
from phongtrao.rewards import services as rewards
from phongtrao.rewards.models import RewardForm
from phongtrao.testing import make_plan

SERIAL = count(1)


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def _same_for_one_and_eight(client, url: str, add) -> None:
    add(1)
    few = _queries(client, url)
    add(7)
    many = _queries(client, url)
    assert many == few, f"{url}: {few} queries for one row, {many} for eight"


@pytest.fixture
def plan(people):
    return make_plan(people, issued=True)


def _village(people):
    return unit_create(name=f"Thôn Mới {next(SERIAL)}", kind=Kind.HAMLET, parent=people.commune)


def test_the_plan_list(people):
    def add(n):
        for _ in range(n):
            make_plan(people, issued=True, title=f"Kế hoạch {next(SERIAL)}")

    _same_for_one_and_eight(people.client(people.commune_officer), "/plans/", add)


def test_the_ledger_and_its_public_page(people):
    def add(n):
        for _ in range(n):
            contributions_services.contribution_record(
                user=people.commune_officer,
                unit=_village(people),
                contributor_kind="household",
                contributor_name=f"Hộ số {next(SERIAL)}",
                kind="money",
                amount=Decimal(100_000),
                date=dt.date(2023, 5, 3),
            )

    officer = people.client(people.commune_officer)
    _same_for_one_and_eight(officer, f"/contributions/units/{people.commune.pk}/", add)
    _same_for_one_and_eight(people.client(None), f"/contributions/units/{people.commune.pk}/public/", add)


def test_a_calls_registrations(people, plan):
    call = registrations_services.call_create(
        user=people.commune_officer, plan=plan, title="Đăng ký", kind="activity", registrants="villages"
    )

    def add(n):
        for _ in range(n):
            registrations_services.registration_submit(
                user=people.commune_officer,
                call=call,
                unit=_village(people),
                content="Nạo vét mương",
                place="Thôn",
                lines=[{"kind": "people", "quantity": Decimal(20), "unit_of_measure": "người"}],
            )

    _same_for_one_and_eight(people.client(people.commune_officer), f"/registrations/calls/{call.pk}/", add)


def test_pledges_and_nominations(people, plan):
    form = RewardForm.objects.get(code="giay-khen-xa")

    def add(n):
        for _ in range(n):
            pledge = rewards.pledge_register(
                user=people.commune_officer,
                plan=plan,
                unit=_village(people),
                subject_kind="collective",
                commitments="Làm đường",
            )
            rewards.nomination_propose(user=people.commune_officer, pledge=pledge, reward_form=form)

    officer = people.client(people.commune_approver)
    _same_for_one_and_eight(officer, f"/rewards/plans/{plan.pk}/pledges/", add)
    _same_for_one_and_eight(officer, f"/rewards/plans/{plan.pk}/nominations/", add)


def test_the_household_register(people):
    def add(n):
        for _ in range(n):
            household_save(user=people.commune_officer, village=people.village, code=f"H{next(SERIAL)}", head_name="Hộ")

    _same_for_one_and_eight(
        people.client(people.commune_officer), f"/organizations/{people.commune.pk}/households/", add
    )


def test_a_units_public_page(people, plan):
    def add(n):
        for _ in range(n):
            _village(people)
            make_plan(people, issued=True, title=f"Kế hoạch {next(SERIAL)}")

    _same_for_one_and_eight(people.client(None), f"/portal/units/{people.commune.pk}/", add)
