"""Totals of the contributions ledger, by kind, for a unit's area (read from the
maintained cells), a plan or a fund (summed from their lines)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from phongtrao.contributions.models import Contribution, ContributionKind, Fund, LedgerCell
from phongtrao.geo.models import AdminUnit, Level, rollup_paths
from phongtrao.grouping import grouped


@dataclass
class Totals:
    by_kind: dict[str, Decimal]
    value_by_kind: dict[str, Decimal]  # in đồng: money as given, goods as valued

    def of(self, kind: str) -> Decimal:
        return self.by_kind.get(kind, Decimal(0))

    def only(self, kind: str | None) -> Totals:
        """These totals reduced to one kind (all of them when no kind is named)."""
        if kind is None:
            return self
        keep = {k: (amount if k == kind else Decimal(0)) for k, amount in self.by_kind.items()}
        return Totals(keep, {k: (v if k == kind else Decimal(0)) for k, v in self.value_by_kind.items()})

    @property
    def value(self) -> Decimal:
        """Money plus goods valued in đồng."""
        return sum(self.value_by_kind.values(), Decimal(0))


AMOUNT_PLACES = Decimal(1).scaleb(-Contribution._meta.get_field("amount").decimal_places)
VALUE_PLACES = Decimal(1).scaleb(-Contribution._meta.get_field("value").decimal_places)


def exact(total: Decimal | int | None, places: Decimal) -> Decimal:
    """SQLite adds decimals as floating point (0.3 − 0.2 = 0.0999…): a sum is brought back
    to the columns' own precision, which every line has."""
    return Decimal(0) if total is None else Decimal(total).quantize(places) + 0


def _added(*parts: QuerySet) -> Totals:
    """Each part grouped by kind in one query, the parts added; reversals are negative
    lines (and move the cells down), so they net out."""
    amounts = dict.fromkeys(ContributionKind.values, Decimal(0))
    values = dict.fromkeys(ContributionKind.values, Decimal(0))
    for part in parts:
        for row in grouped(part, "kind").annotate(a=Sum("amount"), v=Sum("value")):
            amounts[row["kind"]] += exact(row["a"], AMOUNT_PLACES)
            values[row["kind"]] += exact(row["v"], VALUE_PLACES)
    return Totals(by_kind=amounts, value_by_kind=values)


def totals(contributions: QuerySet[Contribution]) -> Totals:
    """Summed from the lines themselves: for a plan, a fund or a filtered ledger."""
    return _added(contributions)


def cell_units(unit: AdminUnit) -> list[int]:
    """The units whose cells a line recorded at `unit` adds to: the unit and every unit
    above it, a village itself excepted."""
    chain = [*unit.ancestor_ids, unit.pk]
    return chain[:-1] if unit.level == Level.VILLAGE else chain


@dataclass
class _Area:
    """A unit's area as the ledger reads it: units whose cells cover their subtree, and
    villages (merged into the area on their own) whose lines are read directly."""

    cell_units: list[int]
    cell_paths: list[str]
    village_paths: list[str]


def _area(unit: AdminUnit) -> _Area:
    paths = rollup_paths(unit)
    widest = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
    roots = AdminUnit.objects.filter(path__in=widest).values_list("pk", "path", "level")
    with_cells = [(pk, path) for pk, path, level in roots if level != Level.VILLAGE]
    return _Area(
        cell_units=[pk for pk, _path in with_cells],
        cell_paths=[path for _pk, path in with_cells],
        village_paths=[path for _pk, path, level in roots if level == Level.VILLAGE],
    )


def _under(paths: list[str]) -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(unit__path__startswith=path)
    return condition


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _last_whole_month_end(end: dt.date) -> dt.date:
    """The last day of the last month that ends on or before `end`."""
    if _next_month(end) - dt.timedelta(days=1) == end:
        return end
    return end.replace(day=1) - dt.timedelta(days=1)


def area_totals(unit: AdminUnit, start: dt.date | None = None, end: dt.date | None = None) -> Totals:
    """What was given in a unit's area (its subtree and, through mergers, the units that
    went into it), between two days if given: the figure its ledger, disclosure page,
    dashboard, review, portal page and `/api/contributions` all show. Whole months come
    from the cells, the days of a month cut by the period from the lines."""
    area = _area(unit)
    covered_from = None if start is None else (start if start.day == 1 else _next_month(start))
    covered_until = None if end is None else _last_whole_month_end(end)
    cells = LedgerCell.objects.filter(unit_id__in=area.cell_units)
    covered = Q()
    if covered_from is not None:
        cells, covered = cells.filter(month__gte=covered_from), covered & Q(date__gte=covered_from)
    if covered_until is not None:
        cells, covered = cells.filter(month__lte=covered_until), covered & Q(date__lte=covered_until)
    period = Q()
    if start is not None:
        period &= Q(date__gte=start)
    if end is not None:
        period &= Q(date__lte=end)
    lines = Contribution.objects.filter(period & _under(area.village_paths))
    parts: list[QuerySet] = [cells, lines]
    if start is not None or end is not None:
        parts.append(Contribution.objects.filter(period & _under(area.cell_paths)).exclude(covered))
    return _added(*parts)


def area_by_month(unit: AdminUnit, kind: str, first: dt.date, last: dt.date) -> dict[dt.date, Decimal]:
    """The amount of one kind given in the area in each month from `first` to `last`
    (first days of months), from the cells and the merged villages' lines."""
    area = _area(unit)
    by_month = dict.fromkeys(_months(first, last), Decimal(0))
    cells = LedgerCell.objects.filter(unit_id__in=area.cell_units, kind=kind, month__gte=first, month__lte=last)
    for row in grouped(cells, "month").annotate(a=Sum("amount")):
        by_month[row["month"]] += exact(row["a"], AMOUNT_PLACES)
    lines = Contribution.objects.filter(
        _under(area.village_paths), kind=kind, date__gte=first, date__lt=_next_month(last)
    ).annotate(month=TruncMonth("date"))
    for row in grouped(lines, "month").annotate(a=Sum("amount")):
        by_month[row["month"]] += exact(row["a"], AMOUNT_PLACES)
    return by_month


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = _next_month(month)
    return months


def fund_progress(fund: Fund) -> tuple[Decimal, Decimal | None]:
    """(money and goods given, share of the target in %)."""
    given = totals(fund.contributions.all()).value
    share = (given * 100 / fund.target).quantize(Decimal("0.1")) if fund.target else None
    return given, share
