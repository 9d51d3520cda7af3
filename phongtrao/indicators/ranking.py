"""Communes of an area side by side on one indicator and period, best first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from phongtrao.geo.models import AdminUnit, Level
from phongtrao.indicators import periods
from phongtrao.indicators.models import Indicator, Rollup
from phongtrao.indicators.rollups import rollup_value
from phongtrao.ranks import ranked


@dataclass
class Place:
    rank: int | None  # None: nothing reported yet
    unit: AdminUnit
    value: Decimal | int | None
    reporting_units: int


def communes_ranked(
    *, indicator: Indicator, area: AdminUnit, period_kind: str, day: dt.date, lowest_first: bool = False
) -> list[Place]:
    """Every current commune under `area`, by the indicator's roll-up (merged communes
    included in their successors); equal values share a rank; those without figures last."""
    start = periods.period_start(period_kind, day)
    communes = list(
        AdminUnit.objects.current().filter(path__startswith=area.path, level=Level.COMMUNE).order_by("name")
    )
    cells = {
        cell.unit_id: cell
        for cell in Rollup.objects.filter(
            indicator=indicator, period_kind=period_kind, period_start=start, unit__in=communes
        )
    }
    places = []
    for commune in communes:
        cell = cells.get(commune.pk)
        places.append(Place(None, commune, rollup_value(indicator, cell), cell.count if cell else 0))
    return ranked(places, lambda p: p.value, highest_first=not lowest_first)
