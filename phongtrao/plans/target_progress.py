"""How far a plan's measured targets have come, read from the indicators' roll-ups: over a
unit, or unit by unit against what was handed to each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from phongtrao.geo.models import AdminUnit
from phongtrao.indicators.models import Aggregation, Rollup
from phongtrao.indicators.rollups import cells, rollup_value
from phongtrao.plans.models import TargetAllocation
from phongtrao.plans.selectors import implementing_units


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
