"""The criteria board: units × criteria of an area."""

from __future__ import annotations

from dataclasses import dataclass

from phongtrao.criteria.models import (
    CriteriaSet,
    Criterion,
    CriterionState,
    CriterionStatus,
)
from phongtrao.geo.models import AdminUnit
from phongtrao.text import natural_key


@dataclass
class BoardRow:
    unit: AdminUnit
    cells: list[CriterionStatus | None]

    @property
    def achieved(self) -> int:
        return sum(1 for cell in self.cells if cell and cell.state == CriterionState.ACHIEVED)


def board(criteria_set: CriteriaSet, area: AdminUnit) -> tuple[list[Criterion], list[BoardRow]]:
    """Every unit of the set's level in `area` × every criterion, in three queries."""
    criteria = list(criteria_set.criteria.all())
    units = sorted(
        AdminUnit.objects.in_subtree(area).filter(level=criteria_set.level), key=lambda u: natural_key(u.name)
    )
    statuses = {
        (s.unit_id, s.criterion_id): s
        for s in CriterionStatus.objects.filter(
            criterion__criteria_set=criteria_set, indicator__isnull=True, unit__path__startswith=area.path
        )
    }
    return criteria, [BoardRow(unit, [statuses.get((unit.pk, c.pk)) for c in criteria]) for unit in units]
