"""The same figure reads the same on every page, in the API, on the portal and in an
independent recomputation from what was entered, whatever was entered (property tests;
the ledger's own is in contributions/tests/test_ledger_totals_agree_everywhere.py and the
roll-ups' in indicators/tests/test_rollups_stay_equal_to_a_recomputation.py)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from phongtrao.orgs.services import household_save
from phongtrao.plans import services as plans
from phongtrao.plans.selectors import allocation_summary
from phongtrao.surveys import services as surveys
from phongtrao.testing import make_plan
from phongtrao.ui.formatting import number_text

# A failing example is short already; shrinking it request by request takes minutes.
QUICK = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)


@pytest.mark.django_db
@QUICK
@given(shares=st.lists(st.integers(0, 200_000_000), min_size=2, max_size=2))
def test_a_targets_allocations_add_up_the_same_on_the_form_in_the_api_and_by_hand(people, shares):
    with transaction.atomic():
        plan = make_plan(people, unit=people.district, title="Quỹ")
        plans.plan_set_parts(
            user=people.district_officer,
            plan=plan,
            parts={
                "targets": [{"text": "Quỹ Vì người nghèo", "value": Decimal(134_000_000), "unit_of_measure": "đồng"}]
            },
        )
        target = plan.targets.get()
        communes = [people.commune, people.other_commune]
        answer = people.client(people.district_officer).put(
            f"/api/plans/targets/{target.pk}/allocations",
            [{"unit": c.pk, "value": str(v)} for c, v in zip(communes, shares, strict=True)],
            content_type="application/json",
        )
        assert answer.status_code == 200, answer.content
        by_hand = sum(shares)
        assert sum(Decimal(a["value"]) for a in answer.json()) == by_hand
        summary = allocation_summary(target)
        assert (summary.allocated, summary.remainder) == (by_hand, 134_000_000 - by_hand)
        page = people.client(people.district_officer).get(f"/plans/targets/{target.pk}/allocations/")
        assert page.context["summary"].allocated == by_hand
        assert f"{number_text(by_hand)} đồng" in page.content.decode()
        transaction.set_rollback(True)


CHOICES = st.sampled_from(["satisfied", "unsatisfied", "no_opinion"])


@pytest.mark.django_db
@QUICK
@given(ballots=st.lists(st.tuples(st.booleans(), CHOICES, CHOICES), min_size=1, max_size=14))
def test_survey_results_read_the_same_on_the_page_in_the_api_on_the_portal_and_by_hand(people, ballots, settings):
    settings.SURVEY_MIN_PUBLIC_GROUP = 1  # every answer in public: here the figures, not their hiding, are tested
    with transaction.atomic():
        plan = make_plan(people, issued=True)
        today = timezone.localdate()
        survey = surveys.survey_create(
            user=people.commune_officer,
            plan=plan,
            unit=people.commune,
            title="Khảo sát",
            opens_on=today - dt.timedelta(days=1),
            closes_on=today + dt.timedelta(days=9),
            questions=[("Giao thông", None), ("Môi trường", None)],
            target_rate=Decimal(80),
        )
        surveys.survey_open(user=people.commune_officer, survey=survey)
        questions = list(survey.questions.all())
        for n, (east, first, second) in enumerate(ballots):
            village = people.village if east else people.other_village
            household_save(user=people.commune_officer, village=village, code=f"H{n}", head_name=f"Hộ {n}")
            surveys.survey_answer(
                survey=survey,
                choices={questions[0].pk: first, questions[1].pk: second},
                village=village,
                household_code=f"H{n}",
                entered_by=people.commune_officer,
            )
        surveys.survey_close(user=people.commune_officer, survey=survey)
        by_hand = [
            {c: sum(1 for b in ballots if b[1 + q] == c) for c in ("satisfied", "unsatisfied", "no_opinion")}
            for q in range(2)
        ]
        cache.clear()
        api = people.client(None).get(f"/api/surveys/{survey.pk}").json()["results"]
        assert [{c: row[c] for c in by_hand[0]} for row in api["contents"]] == by_hand
        page = people.client(None).get(f"/surveys/{survey.pk}/")
        assert [row.tally.__dict__ for row in page.context["results"].contents] == by_hand
        portal = people.client(None).get(f"/portal/plans/{plan.pk}/")
        ((_survey, results),) = portal.context["surveys"]
        assert [row.tally.__dict__ for row in results.contents] == by_hand
        for q, counts in enumerate(by_hand):
            rate = (Decimal(100) * counts["satisfied"] / len(ballots)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            assert Decimal(api["contents"][q]["rate"]) == rate
            assert f"{number_text(rate)}%" in page.content.decode()
        transaction.set_rollback(True)
