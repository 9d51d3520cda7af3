"""How far a plan's measured targets have come, read from the indicators' roll-ups: over a
unit, or unit by unit against what was handed to each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from phongtrao.geo.models import AdminUnit
from phongtrao.indicators.models import Aggregation, Rollup
from phongtrao.indicators.rollups import cells, rollup_value
from phongtrao.indicators.rollups import series as rollups_series
from phongtrao.plans.models import Target, TargetAllocation
from phongtrao.plans.selectors import implementing_units
from phongtrao.text import natural_key


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
    plan's measured targets. Four queries."""
    targets = list(plan.targets.filter(indicator__isnull=False).select_related("indicator"))
    return targets, _units_progress(plan, targets, kind, start)


def _units_progress(plan, targets: list, kind: str, start: dt.date) -> list[UnitProgress]:
    """Each implementing unit against `targets`: against what was handed to that unit when
    the target was allocated; else, for a rate or an average, against the plan's own value,
    which holds for every unit; a total not handed down has no share to compare with."""
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
    return rows


def time_share(plan, target, day: dt.date) -> Decimal | None:
    """How much of the way to `target` the plan expects by `day`, from 0 to 1: the share
    of its phases' days gone by when it has phases (a gap between two phases expects
    nothing more), else of its period (from its issue when it names no start) up to the
    target's own deadline; all of it once that deadline has passed. None when there is no
    such span to measure time against."""
    phases = [(phase.start, phase.end) for phase in plan.phases.all()]
    if target.due_date is not None:
        phases = [(start, min(end, target.due_date)) for start, end in phases if start <= target.due_date]
    if not phases:
        # a plan that names no start runs from the day it was issued; once its end has
        # passed, all of it was expected whenever it began
        start, end = plan.period_start or plan.issue_date, target.due_date or plan.period_end
        if end is not None and day >= end:
            return Decimal(1)
        if start is None or end is None or end < start:
            return None
        phases = [(start, end)]
    total = sum((end - start).days + 1 for start, end in phases)
    gone = sum(min(max((day - start).days + 1, 0), (end - start).days + 1) for start, end in phases)
    return Decimal(gone) / Decimal(total)


@dataclass
class Behind:
    unit: AdminUnit
    progress: TargetProgress
    gap: int  # percentage points short of what was expected by the day


@dataclass
class ExpectedProgress:
    """A target's expected progress by a day against its actual progress over the plan's
    unit, and the units carrying it out that are behind, furthest first."""

    progress: TargetProgress
    expected: int | None  # percent of the goal expected by the day; None: no period
    behind: list[Behind]
    silent: list[AdminUnit]  # units with no figure for it yet (not counted as behind)
    day: dt.date

    @property
    def target(self):
        return self.progress.target

    @property
    def trend_until(self) -> dt.date:
        return trend_end(self.target, self.day)

    @property
    def gap(self) -> int | None:
        if self.expected is None or self.progress.percent is None:
            return None
        return self.expected - self.progress.percent


def measured_targets(plans: list, day: dt.date) -> list[tuple[object, int, list]]:
    """The plans' targets measured by an indicator, by plan and by the year they fall due
    in (that year's roll-up is their actual figure)."""
    measured = (
        Target.objects.filter(plan__in=plans, indicator__isnull=False)
        .select_related("indicator", "plan__unit")
        .prefetch_related("plan__phases")
        .order_by("plan_id", "order", "pk")
    )
    wanted: dict[tuple[int, int], tuple[object, int, list]] = {}
    for target in measured:
        plan = target.plan
        year = (target.due_date or plan.period_end or plan.issue_date or day).year
        wanted.setdefault((plan.pk, year), (plan, year, []))[2].append(target)
    return list(wanted.values())


def targets_progress(plans: list, day: dt.date) -> list[TargetProgress]:
    """Each measured target against its plan unit's roll-up for the year it falls due in."""
    out = []
    for plan, year, targets in measured_targets(plans, day):
        found = cells({t.indicator_id for t in targets}, plan.unit, "year", dt.date(year, 1, 1))
        out.extend(target_progress(t, found.get(t.indicator_id), goal=t.value) for t in targets)
    return out


def expected_progress(plans: list, day: dt.date) -> list[ExpectedProgress]:
    """Each measured target's expected progress by `day` against the actual, over the plan's
    unit and unit by unit below it: the units behind, furthest first, and those with no
    figure yet. A handful of queries per plan, whatever the number of units."""
    out = []
    for plan, year, targets in measured_targets(plans, day):
        start = dt.date(year, 1, 1)
        found = cells({t.indicator_id for t in targets}, plan.unit, "year", start)
        by_unit = _units_progress(plan, targets, "year", start)
        for target in targets:
            share = time_share(plan, target, day)
            expected = int(share * 100) if share is not None else None
            index = targets.index(target)
            rows = [(row.unit, row.targets[index]) for row in by_unit]
            behind = [
                Behind(unit, progress, expected - progress.percent)
                for unit, progress in rows
                if expected is not None and progress.percent is not None and progress.percent < expected
            ]
            out.append(
                ExpectedProgress(
                    target_progress(target, found.get(target.indicator_id), goal=target.value),
                    expected,
                    sorted(behind, key=lambda b: (-b.gap, natural_key(b.unit.name))),
                    [unit for unit, progress in rows if progress.actual is None],
                    day,
                )
            )
    return out


def trend_end(target, day: dt.date) -> dt.date:
    """Where a target's trend should end: its deadline or its plan's end once passed, else
    the day asked about."""
    end = target.due_date or target.plan.period_end
    return min(end, day) if end else day


@dataclass
class TrendMonth:
    month: dt.date  # its first day
    expected: Decimal | None  # of the goal, expected by the month's end; None: no period to measure
    actual: Decimal | None  # reached by the month's end; None: nothing reported
    count: int  # units that reported for the month


TREND_MONTHS = 12


def target_trend(target, until: dt.date) -> list[TrendMonth]:
    """A measured target month by month over its plan's unit, for the twelve months up to
    the one holding `until` (from the plan's first month when it started later): what the
    plan expected by each month's end against what was reached, read from the monthly
    roll-up cells (one query). A target added up (km, days of labour) is reached as the
    running total of its year's months; a rate is its month's figure."""
    plan, indicator = target.plan, target.indicator
    series = rollups_series(indicator, plan.unit, "month", until, TREND_MONTHS)
    begins = plan.period_start or plan.issue_date
    if begins is not None:
        series = [(start, cell) for start, cell in series if start >= begins.replace(day=1)] or series[-1:]
    added_up = indicator.aggregation == Aggregation.SUM
    out, running, year = [], Decimal(0), None
    for start, cell in series:
        value = target_progress(target, cell, goal=None).actual
        if added_up:
            running = (running if start.year == year else Decimal(0)) + Decimal(value or 0)
            year = start.year
            value = running if value is not None or running else None
        month_end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        share = time_share(plan, target, month_end)
        expected = None if share is None or target.value is None else (share * target.value).quantize(Decimal("0.01"))
        out.append(TrendMonth(start, expected, None if value is None else Decimal(value), cell.count if cell else 0))
    return out
