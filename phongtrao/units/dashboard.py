"""One page a unit looks at first: its running plans, what is due and late, how far the
targets are, the criteria achieved, what people have given."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone

from phongtrao.contributions import ledger
from phongtrao.criteria.models import CriteriaSet, CriterionState, CriterionStatus, SetLevel
from phongtrao.criteria.selectors import board as criteria_board
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.grouping import grouped
from phongtrao.indicators import charts
from phongtrao.plans.models import ADOPTED, Duty, DutyStatus, Plan
from phongtrao.plans.target_progress import expected_progress
from phongtrao.workdays.models import WorkDay


def dashboard_plans(unit: AdminUnit, user) -> list[Plan]:
    """The running plans a unit's dashboard (and its API) reads: those adopted, rolling
    into the unit, in the reader's sight."""
    return list(Plan.objects.visible_to(user).rolling_into(unit).filter(status__in=ADOPTED).for_list()[:20])


def dashboard(unit: AdminUnit, user, today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    plans = dashboard_plans(unit, user)
    duties = list(
        Duty.objects.filter(plan__in=plans)
        .exclude(status=DutyStatus.DONE)
        .filter(deadline__lte=today + dt.timedelta(days=14))
        .select_related("plan")
        .order_by("deadline")[:30]
    )
    targets = expected_progress(plans, today)
    per_set = {
        row["criterion__criteria_set"]: row
        for row in grouped(
            CriterionStatus.objects.filter(indicator__isnull=True, unit__path__startswith=unit.path),
            "criterion__criteria_set",
        ).annotate(total=Count("pk"), achieved=Count("pk", filter=Q(state=CriterionState.ACHIEVED)))
    }
    # the sets in force today are shown even before anything is recorded against them
    boards = [SetLevel.VILLAGE] if unit.level == Level.VILLAGE else [SetLevel.COMMUNE, SetLevel.VILLAGE]
    in_force = set(CriteriaSet.objects.in_force_on(today).filter(level__in=boards).values_list("pk", flat=True))
    criteria = [
        (
            criteria_set,
            per_set.get(criteria_set.pk, {}).get("achieved", 0),
            per_set.get(criteria_set.pk, {}).get("total", 0),
            criteria_set.pk in in_force,
        )
        for criteria_set in CriteriaSet.objects.filter(Q(pk__in=per_set) | Q(pk__in=in_force)).order_by(
            "-valid_from", "name"
        )
    ]
    # above a commune, the commune set in force summed up: how many communes meet each criterion
    summary = None
    if unit.level in (Level.PROVINCE, Level.DISTRICT):
        current = CriteriaSet.objects.in_force_on(today).filter(level=SetLevel.COMMUNE).order_by("-valid_from").first()
        summary = {"set": current, "board": criteria_board(current, unit)} if current else None
    totals = ledger.area_totals(unit)
    kinds = [("money", "Tiền (đồng)"), ("labour", "Ngày công"), ("land", "Hiến đất (m²)")]
    days = WorkDay.objects.within([unit]).filter(plan__in=plans).tally()
    return {
        "plans": plans,
        "duties": [(d, d.is_overdue(today)) for d in duties],
        "targets": targets,
        "criteria": criteria,
        "criteria_summary": summary,
        "totals": totals,
        "work_days": days,
        "bars": charts.bars([(label, totals.of(kind)) for kind, label in kinds if totals.of(kind)]),
        "money_by_month": charts.columns(_money_by_month(unit, today)),
    }


def _money_by_month(unit: AdminUnit, today: dt.date) -> list[tuple[str, Decimal]]:
    """Money received in each of the last twelve months (reversals net out), oldest first."""
    months = []
    year, month = today.year, today.month
    for _step in range(12):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    months.reverse()
    by_month = ledger.area_by_month(unit, "money", months[0], months[-1])
    if not any(by_month.values()):
        return []
    return [(f"{m.month:02d}/{m.year}", max(by_month[m], Decimal(0))) for m in months]
