"""One page a unit looks at first: its running plans, what is due and late, how far the
targets are, the criteria achieved, what people have given."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth

from phongtrao.activities import ledger
from phongtrao.activities.models import Contribution, WorkDay
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring.models import CriteriaSet, CriterionState, CriterionStatus, Rollup
from phongtrao.monitoring.services import rollup_value
from phongtrao.plans.models import ADOPTED, Duty, DutyStatus, Plan


@dataclass
class TargetProgress:
    target: object
    actual: Decimal | int | None
    percent: int | None  # of the target reached, capped at 100 for the bar


@dataclass
class Bar:
    label: str
    value: Decimal
    width: int  # of 300 px


def _progress(target, unit: AdminUnit, year: int) -> TargetProgress:
    cell = Rollup.objects.filter(
        indicator=target.indicator, unit=unit, period_kind="year", period_start=dt.date(year, 1, 1)
    ).first()
    actual = rollup_value(target.indicator, cell)
    if actual is None or not target.value:
        return TargetProgress(target, actual, None)
    if target.indicator.aggregation == "count_achieving" and target.unit_of_measure == "%" and cell.count:
        actual = (Decimal(cell.achieving) * 100 / cell.count).quantize(Decimal("0.1"))
    reached = (
        Decimal(actual) / target.value * 100
        if not target.lower_is_better
        else target.value / max(Decimal(actual), Decimal("0.0001")) * 100
    )
    return TargetProgress(target, actual, int(min(reached, 100)))


def dashboard(unit: AdminUnit, user, today: dt.date | None = None) -> dict:
    today = today or dt.date.today()
    plans = list(Plan.objects.visible_to(user).rolling_into(unit).filter(status__in=ADOPTED).for_list()[:20])
    duties = list(
        Duty.objects.filter(plan__in=plans)
        .exclude(status=DutyStatus.DONE)
        .filter(deadline__lte=today + dt.timedelta(days=14))
        .select_related("plan")
        .order_by("deadline")[:30]
    )
    targets = []
    for plan in plans:
        for target in plan.targets.filter(indicator__isnull=False).select_related("indicator"):
            year = (target.due_date or plan.period_end or plan.issue_date or today).year
            targets.append(_progress(target, plan.unit, year))
    criteria = []
    for criteria_set in CriteriaSet.objects.all():
        statuses = CriterionStatus.objects.filter(criterion__criteria_set=criteria_set, indicator__isnull=True).filter(
            Q(unit__path__startswith=unit.path)
        )
        achieved = statuses.filter(state=CriterionState.ACHIEVED).count()
        if statuses.exists():
            criteria.append((criteria_set, achieved, statuses.count()))
    totals = ledger.totals(Contribution.objects.in_subtree(unit))
    kinds = [("money", "Tiền (đồng)"), ("labour", "Ngày công"), ("land", "Hiến đất (m²)")]
    days = WorkDay.objects.filter(unit__path__startswith=unit.path, plan__in=plans)
    return {
        "plans": plans,
        "duties": [(d, d.is_overdue(today)) for d in duties],
        "targets": targets,
        "criteria": criteria,
        "totals": totals,
        "work_days": days.count(),
        "work_days_done": days.filter(status="done").count(),
        "bars": _bars([(label, totals.of(kind)) for kind, label in kinds if totals.of(kind)]),
        "money_by_month": _columns(_money_by_month(unit, today)),
    }


def _money_by_month(unit: AdminUnit, today: dt.date) -> list[tuple[str, Decimal]]:
    """Money received in each of the last twelve months (reversals net out), oldest first."""
    months = []
    year, month = today.year, today.month
    for _step in range(12):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    months.reverse()
    rows = (
        Contribution.objects.in_subtree(unit)
        .filter(kind="money", date__gte=months[0], date__lte=today)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("amount"))
    )
    by_month = {_as_date(row["month"]): row["total"] or Decimal(0) for row in rows}
    if not any(by_month.values()):
        return []
    return [(f"{m.month:02d}/{m.year}", max(by_month.get(m, Decimal(0)), Decimal(0))) for m in months]


def _as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


@dataclass
class Column:
    label: str
    value: Decimal
    x: int
    y: int
    height: int  # of 100 px


def _columns(rows: list[tuple[str, Decimal]]) -> list[Column]:
    """Columns over time, drawn on the server as SVG like the bars."""
    largest = max((value for _label, value in rows), default=Decimal(0))
    out = []
    for n, (label, value) in enumerate(rows):
        height = int(value / largest * 100) if largest else 0
        out.append(Column(label, value, n * 38, 100 - height, height))
    return out


def _bars(rows: list[tuple[str, Decimal]]) -> list[Bar]:
    """A bar chart drawn on the server as SVG: no script, no network."""
    largest = max((value for _label, value in rows), default=Decimal(0))
    return [Bar(label, value, int(value / largest * 300) if largest else 0) for label, value in rows]
