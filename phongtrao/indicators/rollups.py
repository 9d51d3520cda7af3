"""Reading the maintained roll-ups: one indicator over a unit's subtree, or over the whole
country, for one period. Every read is a handful of rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.grouping import grouped
from phongtrao.indicators import periods
from phongtrao.indicators.models import Aggregation, Indicator, Rollup

SUMMED = ("count", "value_sum", "numerator_sum", "denominator_sum", "weight_sum", "weighted_sum", "achieving")


def rollup_value(indicator: Indicator, cell: Rollup | None) -> Decimal | int | None:
    """The figure a roll-up cell stands for, by the indicator's way of aggregating."""
    if cell is None or cell.count == 0:
        return None
    if indicator.aggregation == Aggregation.SUM:
        return cell.value_sum
    if indicator.aggregation == Aggregation.RATIO_OF_SUMS:
        return (
            (cell.numerator_sum * 100 / cell.denominator_sum).quantize(Decimal("0.01"))
            if cell.denominator_sum
            else None
        )
    if indicator.aggregation == Aggregation.WEIGHTED_MEAN:
        return (cell.weighted_sum / cell.weight_sum).quantize(Decimal("0.0001")) if cell.weight_sum else None
    return cell.achieving


def cells(indicator_ids: Iterable[int], unit: AdminUnit | None, kind: str, start: dt.date) -> dict[int, Rollup]:
    """The roll-up cell of each indicator over `unit`, or over the country when `unit` is
    None: the sum of the current provinces' cells (a merged province counts in its
    successor only, so nothing is counted twice). One query either way."""
    found = Rollup.objects.filter(indicator_id__in=list(indicator_ids), period_kind=kind, period_start=start)
    if unit is not None:
        return {cell.indicator_id: cell for cell in found.filter(unit=unit)}
    provinces = AdminUnit.objects.current().filter(level=Level.PROVINCE).values("pk")
    rows = grouped(found.filter(unit__in=provinces), "indicator_id").annotate(**{f"t_{f}": Sum(f) for f in SUMMED})
    return {
        row["indicator_id"]: Rollup(
            indicator_id=row["indicator_id"],
            period_kind=kind,
            period_start=start,
            **{f: row[f"t_{f}"] for f in SUMMED},
        )
        for row in rows
    }


def series(
    indicator: Indicator, unit: AdminUnit, kind: str, until: dt.date, count: int
) -> list[tuple[dt.date, Rollup | None]]:
    """The indicator's roll-up over `unit` for the `count` periods ending with the one
    holding `until`, oldest first; a period nobody reported for has None. One query."""
    starts: list[dt.date] = []
    day = until
    for _step in range(count):
        starts.append(periods.period_start(kind, day))
        day = starts[-1] - dt.timedelta(days=1)
    starts.reverse()
    found = {
        cell.period_start: cell
        for cell in Rollup.objects.filter(indicator=indicator, unit=unit, period_kind=kind, period_start__in=starts)
    }
    return [(start, found.get(start)) for start in starts]


# How many periods a trend shows, by their kind.
TREND_LENGTH = {"week": 12, "month": 12, "quarter": 8, "year": 6}


@dataclass
class TrendPoint:
    start: dt.date
    label: str
    value: Decimal | int | None  # None: nobody reported for the period
    count: int  # units that reported


def trend(indicator: Indicator, unit: AdminUnit, kind: str, until: dt.date) -> list[TrendPoint]:
    """An indicator's roll-up over `unit`, period after period up to the one holding
    `until`, oldest first: what its trend page, its sheet and the API show. One query."""
    return [
        TrendPoint(start, periods.label(kind, start), rollup_value(indicator, cell), cell.count if cell else 0)
        for start, cell in series(indicator, unit, kind, until, TREND_LENGTH[kind])
    ]
