"""Totals of the contributions ledger, by kind, for a unit's subtree, a plan or a fund."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from phongtrao.activities.models import Contribution, ContributionKind, Fund


@dataclass
class Totals:
    by_kind: dict[str, Decimal]
    value: Decimal  # money plus goods valued in đồng

    def of(self, kind: str) -> Decimal:
        return self.by_kind.get(kind, Decimal(0))


def totals(contributions: QuerySet[Contribution]) -> Totals:
    """One grouped query; reversals are negative lines, so they net out."""
    rows = contributions.values("kind").annotate(amount=Sum("amount"), value=Sum("value"))
    by_kind = {row["kind"]: row["amount"] or Decimal(0) for row in rows}
    value = sum((row["value"] or Decimal(0) for row in rows), Decimal(0))
    return Totals(by_kind={k: by_kind.get(k, Decimal(0)) for k in ContributionKind.values}, value=value)


def fund_progress(fund: Fund) -> tuple[Decimal, Decimal | None]:
    """(money and goods given, share of the target in %)."""
    given = totals(fund.contributions.all()).value
    share = (given * 100 / fund.target).quantize(Decimal("0.1")) if fund.target else None
    return given, share
