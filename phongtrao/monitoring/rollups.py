"""Reading the maintained roll-ups: one indicator or a plan's targets over a unit's
subtree, or over the whole country, for one period. Every read is a handful of rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.grouping import grouped
from phongtrao.monitoring import periods
from phongtrao.monitoring.models import Aggregation, Indicator, Rollup
from phongtrao.plans.models import TargetAllocation
from phongtrao.plans.selectors import implementing_units

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


@dataclass
class TargetProgress:
    target: object
    actual: Decimal | int | None
    percent: int | None  # of the goal reached, capped at 100 for the bar
    reporting_units: int
    goal: Decimal | None  # the target's value, or the share handed to one unit


def target_progress(target, cell: Rollup | None, *, goal: Decimal | None) -> TargetProgress:
    """How far a target measured by an indicator has come, from its roll-up cell, against
    `goal`; None when there is nothing to compare with."""
    actual = rollup_value(target.indicator, cell)
    count = cell.count if cell else 0
    if (
        actual is not None
        and target.indicator.aggregation == Aggregation.COUNT_ACHIEVING
        and target.unit_of_measure == "%"
    ):
        # "61,5 % of communes": the units achieving, as a share of those that reported
        actual = (Decimal(cell.achieving) * 100 / cell.count).quantize(Decimal("0.1"))
    if actual is None or not goal:
        return TargetProgress(target, actual, None, count, goal)
    reached = (
        Decimal(actual) / goal * 100
        if not target.lower_is_better
        else goal / max(Decimal(actual), Decimal("0.0001")) * 100
    )
    return TargetProgress(target, actual, int(min(reached, 100)), count, goal)


def plan_progress(plan, unit: AdminUnit | None, kind: str, start: dt.date) -> list[TargetProgress]:
    """Each of the plan's measured targets over `unit` (the country when None): two queries."""
    targets = list(plan.targets.filter(indicator__isnull=False).select_related("indicator"))
    found = cells({t.indicator_id for t in targets}, unit, kind, start)
    return [target_progress(t, found.get(t.indicator_id), goal=t.value) for t in targets]


@dataclass
class UnitProgress:
    unit: AdminUnit
    targets: list[TargetProgress]


def plan_progress_by_unit(plan, kind: str, start: dt.date) -> tuple[list, list[UnitProgress]]:
    """Each unit right under the plan's unit (those that carry it out) against each of the
    plan's measured targets: against what was handed to that unit when the target was
    allocated; else, for a rate or an average, against the plan's own value, which holds
    for every unit; a total not handed down has no share to compare with. Four queries."""
    targets = list(plan.targets.filter(indicator__isnull=False).select_related("indicator"))
    units = implementing_units(plan)
    handed = {
        (a.target_id, a.unit_id): a.value for a in TargetAllocation.objects.filter(target__in=targets, unit__in=units)
    }
    found = {
        (cell.indicator_id, cell.unit_id): cell
        for cell in Rollup.objects.filter(
            indicator_id__in={t.indicator_id for t in targets}, unit__in=units, period_kind=kind, period_start=start
        )
    }
    rows = []
    for unit in units:
        progress = []
        for target in targets:
            goal = handed.get((target.pk, unit.pk))
            if goal is None and not target.is_total:
                goal = target.value
            progress.append(target_progress(target, found.get((target.indicator_id, unit.pk)), goal=goal))
        rows.append(UnitProgress(unit, progress))
    return targets, rows


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
