"""The ledger's cells, kept on every line recorded or reversed, give for every unit and any
period (whole months, cut months, one day, none) and month by month the totals summed
from the lines themselves, after any sequence of lines at every level and mergers of communes and
districts; and they equal the cells rebuilt from the lines (property test)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from phongtrao.accounts.models import User
from phongtrao.contributions import ledger, services
from phongtrao.contributions.models import Contribution, LedgerCell
from phongtrao.geo.models import AdminUnit, Kind, UnitSuccession
from phongtrao.geo.services import unit_create
from phongtrao.indicators.services import units_merge

FIRST_DAY = dt.date(2025, 11, 1)
NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]

OPS = st.lists(
    st.tuples(
        st.sampled_from(["record", "record", "record", "reverse", "merge"]),
        st.integers(0, 20),  # where: a unit of the fixture (for a merger, a commune or the district)
        st.integers(0, 120),  # the day, counted from FIRST_DAY
        st.sampled_from(["money", "goods", "labour", "land"]),
        st.integers(1, 99_999),  # the amount
    ),
    min_size=1,
    max_size=14,
)
PERIODS = st.lists(st.tuples(st.integers(0, 130), st.integers(0, 130)), min_size=1, max_size=4)


def _cells() -> dict:
    return {(c.unit_id, c.kind, c.month): (c.amount, c.value) for c in LedgerCell.objects.all() if c.amount or c.value}


def _recomputed(unit: AdminUnit, start: dt.date | None, end: dt.date | None) -> dict:
    lines = Contribution.objects.of_area(unit)
    if start is not None:
        lines = lines.filter(date__gte=start)
    if end is not None:
        lines = lines.filter(date__lte=end)
    out: dict = {}
    for line in lines:
        out.setdefault(line.kind, [Decimal(0), Decimal(0)])
        out[line.kind][0] += line.amount
        out[line.kind][1] += line.value
    return {kind: tuple(sums) for kind, sums in out.items() if any(sums)}


def _read(totals: ledger.Totals) -> dict:
    return {
        kind: (totals.of(kind), totals.value_by_kind[kind])
        for kind in totals.by_kind
        if totals.of(kind) or totals.value_by_kind[kind]
    }


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    phases=NO_SHRINK,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=OPS, periods=PERIODS)
def test_cells_give_the_lines_totals_for_every_unit_and_period(people, ops, periods, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2026, 6, 30))
    Contribution.objects.filter(reverses__isnull=False).delete()
    Contribution.objects.all().delete()
    LedgerCell.objects.all().delete()
    UnitSuccession.objects.all().delete()
    AdminUnit.objects.filter(name__contains="Hợp Nhất").delete()
    admin = User.objects.filter(username="admin").first() or User.objects.create_superuser("admin", "", "x" * 12)
    places = list(AdminUnit.objects.filter(path__startswith=people.province.path).order_by("path"))
    recorded: list[Contribution] = []
    for op, where, day, kind, n in ops:
        if op == "record":
            recorded.append(
                services.contribution_record(
                    user=admin,
                    unit=places[where % len(places)],
                    contributor_kind="household",
                    contributor_name=f"Hộ {len(recorded)}",
                    kind=kind,
                    amount=Decimal(n) if kind == "money" else Decimal(n) / 100,
                    value=Decimal(n) * 10 if kind == "goods" else None,
                    description="Xi măng" if kind == "goods" else "",
                    date=FIRST_DAY + dt.timedelta(days=day),
                )
            )
        elif op == "reverse" and recorded:
            line = recorded.pop(where % len(recorded))
            services.contribution_reverse(user=admin, contribution=line, reason="Ghi nhầm")
        elif op == "merge":
            old = [people.commune, people.other_commune, people.district][where % 3]
            if not UnitSuccession.objects.filter(predecessor=old).exists():
                kind_of_unit = Kind.DISTRICT if old.level == "district" else Kind.COMMUNE
                parent = people.province if old.level == "district" else people.district
                new = unit_create(name=f"Hợp Nhất {where}", kind=kind_of_unit, parent=parent, code=f"99{where:02d}9")
                units_merge(user=admin, predecessor=old, successor=new, effective_date=dt.date(2025, 7, 1))
    maintained = _cells()
    services.ledger_cells_rebuild()
    assert _cells() == maintained
    for unit in AdminUnit.objects.filter(path__startswith=people.province.path):
        assert _read(ledger.area_totals(unit)) == _recomputed(unit, None, None), unit
        by_month = ledger.area_by_month(unit, "money", FIRST_DAY, dt.date(2026, 3, 1))
        for month, amount in by_month.items():
            last = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            assert amount == _recomputed(unit, month, last).get("money", (Decimal(0),))[0], (unit, month)
        for a, b in periods:
            start, end = FIRST_DAY + dt.timedelta(days=min(a, b)), FIRST_DAY + dt.timedelta(days=max(a, b))
            assert _read(ledger.area_totals(unit, start, end)) == _recomputed(unit, start, end), (unit, start, end)
            assert _read(ledger.area_totals(unit, start=start)) == _recomputed(unit, start, None)
            assert _read(ledger.area_totals(unit, end=end)) == _recomputed(unit, None, end)
