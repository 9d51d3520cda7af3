"""The criteria board (units × criteria of an area), a commune's group and the levels it
is held to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from phongtrao.criteria.models import (
    CommuneGroup,
    CommuneGrouping,
    CriteriaSet,
    Criterion,
    CriterionIndicator,
    CriterionState,
    CriterionStatus,
    Garden,
    IndicatorLevel,
    SetLevel,
)
from phongtrao.geo.models import AdminUnit
from phongtrao.text import natural_key


def _achieved(cell: CriterionStatus | None) -> bool:
    return cell is not None and cell.state == CriterionState.ACHIEVED


@dataclass
class BoardRow:
    unit: AdminUnit
    group: CommuneGroup | None
    cells: list[CriterionStatus | None]
    garden: Garden | None = None

    @property
    def achieved(self) -> int:
        return sum(1 for cell in self.cells if _achieved(cell))


@dataclass
class Board:
    criteria: list[Criterion]
    rows: list[BoardRow]
    has_groups: bool

    @property
    def lines(self) -> list[tuple[BoardRow, list[tuple[Criterion, CriterionStatus | None]]]]:
        """Each row with its cells beside their criterion (a page links each cell)."""
        return [(row, list(zip(self.criteria, row.cells, strict=True))) for row in self.rows]

    @property
    def closest(self) -> list[tuple[BoardRow, list[Criterion]]]:
        """The units not yet meeting every criterion, those with the fewest left first, each
        with the criteria it still lacks: whom a push would bring over the line."""
        waiting = [
            (row, [c for c, cell in zip(self.criteria, row.cells, strict=True) if not _achieved(cell)])
            for row in self.rows
            if row.achieved < len(self.criteria)
        ]
        return sorted(waiting, key=lambda pair: len(pair[1]))[:10]

    @property
    def complete(self) -> int:
        """How many units meet every criterion of the set."""
        return sum(1 for row in self.rows if self.criteria and row.achieved == len(self.criteria))

    @property
    def per_criterion(self) -> list[tuple[Criterion, int]]:
        return list(zip(self.criteria, self.achieved_per_criterion, strict=True))

    @property
    def achieved_per_criterion(self) -> list[int]:
        """How many units of the board meet each criterion (the footer of the board)."""
        return [sum(1 for row in self.rows if _achieved(row.cells[n])) for n in range(len(self.criteria))]


def board(criteria_set: CriteriaSet, area: AdminUnit) -> Board:
    """Every unit of the set's level in `area` (every garden, for a garden set) × every
    criterion, with each commune's group under the set, in four queries."""
    criteria = list(criteria_set.criteria.all())
    if criteria_set.level == SetLevel.GARDEN:
        return _garden_board(criteria_set, criteria, area)
    units = sorted(
        AdminUnit.objects.in_subtree(area).filter(level=criteria_set.level), key=lambda u: natural_key(u.name)
    )
    statuses = {
        (s.unit_id, s.criterion_id): s
        for s in CriterionStatus.objects.filter(
            criterion__criteria_set=criteria_set,
            indicator__isnull=True,
            garden__isnull=True,
            unit__path__startswith=area.path,
        )
    }
    groups = groups_of(criteria_set, area)
    return Board(
        criteria,
        [BoardRow(unit, groups.get(unit.pk), [statuses.get((unit.pk, c.pk)) for c in criteria]) for unit in units],
        has_groups=criteria_set.groups.exists(),
    )


def _garden_board(criteria_set: CriteriaSet, criteria: list[Criterion], area: AdminUnit) -> Board:
    gardens = sorted(
        Garden.objects.filter(criteria_set=criteria_set, unit__path__startswith=area.path).select_related("unit"),
        key=lambda g: (natural_key(g.unit.name), natural_key(g.name)),
    )
    statuses = {
        (s.garden_id, s.criterion_id): s
        for s in CriterionStatus.objects.filter(
            criterion__criteria_set=criteria_set, indicator__isnull=True, garden__in=gardens
        )
    }
    rows = [BoardRow(g.unit, None, [statuses.get((g.pk, c.pk)) for c in criteria], garden=g) for g in gardens]
    return Board(criteria, rows, has_groups=False)


def groups_of(criteria_set: CriteriaSet, area: AdminUnit) -> dict[int, CommuneGroup]:
    """Unit id → the group the province placed that commune of `area` in under the set."""
    placed = CommuneGrouping.objects.filter(criteria_set=criteria_set, unit__path__startswith=area.path)
    return {grouping.unit_id: grouping.group for grouping in placed.select_related("group")}


def group_of(unit: AdminUnit, criteria_set: CriteriaSet) -> CommuneGroup | None:
    grouping = CommuneGrouping.objects.filter(unit=unit, criteria_set=criteria_set).select_related("group").first()
    return grouping.group if grouping else None


def level_for(unit: AdminUnit, indicator: CriterionIndicator) -> IndicatorLevel | None:
    """The level `indicator` holds `unit` to: its group's, or the one for every unit of a
    set without groups; None for a commune not placed in a group (never assumed)."""
    criteria_set = indicator.criterion.criteria_set
    if criteria_set.groups.exists():
        group = group_of(unit, criteria_set)
        return IndicatorLevel.objects.filter(indicator=indicator, group=group).first() if group else None
    return IndicatorLevel.objects.filter(indicator=indicator, group__isnull=True).first()


@dataclass
class IndicatorLine:
    indicator: CriterionIndicator
    level: IndicatorLevel | None
    status: CriterionStatus | None

    @property
    def met(self) -> bool | None:
        """Whether the recorded result reaches the level; None when either is missing or
        the level is not a number (the recorded state then says)."""
        if self.level is None or self.status is None or self.status.value is None:
            return None
        return self.level.is_met_by(self.status.value)


def indicator_lines(
    unit: AdminUnit, criterion: Criterion, group: CommuneGroup | None, garden: Garden | None = None
) -> list[IndicatorLine]:
    """The criterion's indicators, each with the level for `group` and the unit's (or the
    garden's) result."""
    indicators = list(criterion.indicators.all())
    levels = {
        level.indicator_id: level
        for level in IndicatorLevel.objects.filter(indicator__criterion=criterion, group=group)
    }
    statuses = {
        status.indicator_id: status
        for status in CriterionStatus.objects.filter(
            unit=unit, criterion=criterion, garden=garden, indicator__isnull=False
        )
    }
    return [IndicatorLine(i, levels.get(i.pk), statuses.get(i.pk)) for i in indicators]


def levels_table(criteria_set: CriteriaSet) -> list[tuple[Criterion, list[tuple[CriterionIndicator, list[str]]]]]:
    """Each criterion with its indicators and their level text per group, in the groups'
    order (one column "every unit" in a set without groups)."""
    groups: list[CommuneGroup | None] = [*criteria_set.groups.all()] or [None]
    out = []
    for criterion in criteria_set.criteria.prefetch_related("indicators__levels"):
        lines = []
        for indicator in criterion.indicators.all():
            by_group = {level.group_id: level.text for level in indicator.levels.all()}
            lines.append((indicator, [by_group.get(group.pk if group else None, "") for group in groups]))
        out.append((criterion, lines))
    return out


@dataclass
class CriteriaTrend:
    months: list[dt.date]  # each month's last day, oldest first
    per_criterion: list[tuple[Criterion, list[int]]]  # units meeting it at each month's end
    all_met: list[int]  # units meeting every criterion at each month's end
    units: int


def month_ends(until: dt.date, count: int) -> list[dt.date]:
    ends, day = [], until
    for _step in range(count):
        first = day.replace(day=1)
        ends.append((first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1))
        day = first - dt.timedelta(days=1)
    return ends[::-1]


def criteria_trend(criteria_set: CriteriaSet, area: AdminUnit, until: dt.date, count: int = 12) -> CriteriaTrend:
    """How many units of `area` met each criterion at the end of each of the last `count`
    months, read from every assessment kept in the statuses' history (an assessment counts
    from the day it was made, until the next one): one query."""
    months = month_ends(until, count)
    criteria = list(criteria_set.criteria.all())
    units = set(AdminUnit.objects.in_subtree(area).filter(level=criteria_set.level).values_list("pk", flat=True))
    versions = (
        CriterionStatus.history.filter(
            criterion__criteria_set=criteria_set,
            indicator__isnull=True,
            garden__isnull=True,
            unit__path__startswith=area.path,
        )
        .order_by("date", "history_date")
        .values_list("unit_id", "criterion_id", "state", "date", "history_type")
    )
    assessed: dict[tuple[int, int], list[tuple[dt.date, bool]]] = {}
    for unit_id, criterion_id, state, date, kind in versions:
        assessed.setdefault((unit_id, criterion_id), []).append(
            (date, kind != "-" and state == CriterionState.ACHIEVED)
        )

    def met(unit_id: int, criterion_id: int, month_end: dt.date) -> bool:
        held = False
        for date, achieved in assessed.get((unit_id, criterion_id), []):
            if date > month_end:
                break
            held = achieved
        return held

    per_criterion = [(c, [sum(1 for u in units if met(u, c.pk, m)) for m in months]) for c in criteria]
    all_met = [sum(1 for u in units if criteria and all(met(u, c.pk, m) for c in criteria)) for m in months]
    return CriteriaTrend(months, per_criterion, all_met, len(units))
