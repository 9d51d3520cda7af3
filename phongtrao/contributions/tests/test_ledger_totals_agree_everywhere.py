"""The money, labour and land given in a unit read the same on its ledger, its public
disclosure page, its dashboard, its portal page and `/api/contributions`, and equal a
recomputation from the entries themselves, whatever lines, dates and reversals the
ledger holds (property test). A ledger spread over several dates once showed one date's
lines per kind: the totals were grouped from a queryset ordered by date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from phongtrao.contributions import services
from phongtrao.ui.formatting import number_text
from phongtrao.ui.templatetags.vn import vnd

TODAY = dt.date(2026, 6, 30)
# A failing ledger is short already; shrinking it request by request takes minutes.
NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]

ENTRY = st.tuples(
    st.sampled_from(["money", "goods", "labour", "land"]),
    st.integers(1, 900_000),  # the amount: đồng in thousands, or tenths of a day, or hundredths of a m²
    st.integers(0, 40),  # days before TODAY
    st.booleans(),  # given in the village (else at the commune)
    st.booleans(),  # later reversed
)


def _amount(kind: str, n: int) -> Decimal:
    return {"money": Decimal(n) * 1000, "goods": Decimal(n % 500 + 1), "labour": Decimal(n) / 10}.get(
        kind, Decimal(n) / 100
    )


def _expected(entries) -> dict[str, Decimal]:
    """The recomputation: every line not reversed, added up by kind; goods and money valued."""
    out = dict.fromkeys(["money", "goods", "labour", "land", "value"], Decimal(0))
    for kind, n, _days, _village, reversed_ in entries:
        if reversed_:
            continue
        amount = _amount(kind, n)
        out[kind] += amount
        out["value"] += amount if kind == "money" else Decimal(n) * 1000 if kind == "goods" else 0
    return out


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], phases=NO_SHRINK)
@given(entries=st.lists(ENTRY, min_size=1, max_size=12))
def test_every_page_and_the_api_show_the_recomputed_totals(people, entries, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    with transaction.atomic():
        for index, (kind, n, days, village, reversed_) in enumerate(entries):
            line = services.contribution_record(
                user=people.commune_officer,
                unit=people.village if village else people.commune,
                contributor_kind="household",
                contributor_name=f"Hộ số {index}",
                kind=kind,
                amount=_amount(kind, n),
                value=Decimal(n) * 1000 if kind == "goods" else None,
                description="Xi măng" if kind == "goods" else "",
                date=TODAY - dt.timedelta(days=days),
            )
            if reversed_:
                services.contribution_reverse(user=people.commune_officer, contribution=line, reason="Ghi nhầm")
        expected = _expected(entries)
        cache.clear()
        officer = people.client(people.commune_officer)
        api = officer.get(f"/api/contributions?unit={people.commune.pk}").json()["totals"]
        assert {k: Decimal(v) for k, v in api.items()} == expected
        pages = {
            "ledger": officer.get(f"/contributions/units/{people.commune.pk}/"),
            "disclosure": people.client(None).get(f"/contributions/units/{people.commune.pk}/public/"),
            "dashboard": officer.get(f"/units/{people.commune.pk}/dashboard/"),
            "portal": people.client(None).get(f"/portal/units/{people.commune.pk}/"),
        }
        for name, response in pages.items():
            totals = response.context["totals"]
            assert {**totals.by_kind, "value": totals.value} == expected, name
            html = response.content.decode()
            assert vnd(expected["money"]) in html and vnd(expected["value"]) in html, name
            assert number_text(expected["labour"]) in html, name
        transaction.set_rollback(True)
