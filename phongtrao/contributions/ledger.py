"""Totals of the contributions ledger, by kind, for a unit's subtree, a plan or a fund."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from phongtrao.contributions.models import Contribution, ContributionKind, Fund
from phongtrao.geo.models import AdminUnit
from phongtrao.grouping import grouped


@dataclass
class Totals:
    by_kind: dict[str, Decimal]
    value: Decimal  # money plus goods valued in đồng

    def of(self, kind: str) -> Decimal:
        return self.by_kind.get(kind, Decimal(0))


def totals(contributions: QuerySet[Contribution]) -> Totals:
    """One grouped query; reversals are negative lines, so they net out. SQLite adds
    decimals as floating point (0.3 − 0.2 = 0.0999…): the sums are brought back to the
    columns' own precision, which every line has."""
    rows = grouped(contributions, "kind").annotate(amount=Sum("amount"), value=Sum("value"))
    by_kind = {row["kind"]: _exact(row["amount"], AMOUNT_PLACES) for row in rows}
    value = sum((_exact(row["value"], VALUE_PLACES) for row in rows), Decimal(0))
    return Totals(by_kind={k: by_kind.get(k, Decimal(0)) for k in ContributionKind.values}, value=value)


AMOUNT_PLACES = Decimal(1).scaleb(-Contribution._meta.get_field("amount").decimal_places)
VALUE_PLACES = Decimal(1).scaleb(-Contribution._meta.get_field("value").decimal_places)


def _exact(total: Decimal | None, places: Decimal) -> Decimal:
    return Decimal(0) if total is None else Decimal(total).quantize(places) + 0


def area_totals(unit: AdminUnit) -> Totals:
    """What was given in a unit's area: the figure its ledger, disclosure page, dashboard,
    portal page and `/api/contributions` all show."""
    return totals(Contribution.objects.of_area(unit))


def fund_progress(fund: Fund) -> tuple[Decimal, Decimal | None]:
    """(money and goods given, share of the target in %)."""
    given = totals(fund.contributions.all()).value
    share = (given * 100 / fund.target).quantize(Decimal("0.1")) if fund.target else None
    return given, share
