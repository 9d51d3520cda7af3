"""Reads for the emulation council: what the system already holds about a subject, and
the ranking the members' scores add up to."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from phongtrao.contributions import ledger
from phongtrao.contributions.models import Contribution
from phongtrao.grouping import grouped
from phongtrao.plans.models import Duty, DutyStatus, Plan
from phongtrao.ranks import ranked
from phongtrao.registrations.models import Registration, RegistrationStatus
from phongtrao.rewards.models import Nomination, NominationStatus, Pledge, Score, ScoringItem, ScoringScope, scope_of
from phongtrao.text import fold
from phongtrao.workdays.models import WorkDay


@dataclass
class Record:
    """The subject's record under the plan, beside the scoring form."""

    duties_done: int
    duties: int
    registrations_confirmed: int
    work_days_done: int
    money: Decimal
    labour_days: Decimal
    land: Decimal


def subject_record(pledge: Pledge) -> Record:
    """Within the plan: the duties given to the subject's organisation, and in the
    subject's unit and below the confirmed registrations, Saturdays held and what people gave."""
    plan, area = pledge.plan, pledge.unit.path
    duties = (
        Duty.objects.filter(plan=plan, assignee_org=pledge.organization) if pledge.organization else Duty.objects.none()
    )
    counted = duties.aggregate(total=Count("id"), done=Count("id", filter=Q(status=DutyStatus.DONE)))
    registrations = Registration.objects.filter(
        call__plan=plan, unit__path__startswith=area, status=RegistrationStatus.CONFIRMED
    )
    if pledge.organization is not None:
        registrations = registrations.filter(organization=pledge.organization)
    totals = ledger.totals(Contribution.objects.of_area(pledge.unit).filter(plan=plan))
    return Record(
        duties_done=counted["done"],
        duties=counted["total"],
        registrations_confirmed=registrations.count(),
        work_days_done=WorkDay.objects.filter(plan=plan, unit__path__startswith=area, status="done").count(),
        money=totals.of("money"),
        labour_days=totals.of("labour"),
        land=totals.of("land"),
    )


@dataclass
class Standing:
    rank: int | None  # None: no member has scored the whole sheet yet
    pledge: Pledge
    average: Decimal | None  # of the complete sheets
    sheets: int  # members who scored every item


def ranking(plan: Plan) -> list[Standing]:
    """Subjects by the average of the complete sheets their council members gave; equal
    averages share a rank; unscored subjects last. Two queries."""
    pledges = list(Pledge.objects.live().filter(plan=plan).for_list())
    lines_per_scope = dict(
        grouped(ScoringItem.objects.filter(plan=plan), "applies_to")
        .annotate(n=Count("pk"))
        .values_list("applies_to", "n")
    )
    items = {p.pk: lines_per_scope.get(ScoringScope.ALL, 0) + lines_per_scope.get(scope_of(p), 0) for p in pledges}
    sheets = grouped(Score.objects.filter(pledge__plan=plan), "pledge_id", "member_id").annotate(
        total=Sum("points"), lines=Count("id")
    )
    complete: dict[int, list[Decimal]] = {}
    for sheet in sheets:
        if sheet["lines"] == items.get(sheet["pledge_id"]):
            complete.setdefault(sheet["pledge_id"], []).append(sheet["total"])
    standings = [
        Standing(
            None,
            pledge,
            (sum(complete[pledge.pk]) / len(complete[pledge.pk])).quantize(Decimal("0.01"))
            if pledge.pk in complete
            else None,
            len(complete.get(pledge.pk, [])),
        )
        for pledge in pledges
    ]
    return ranked(standings, lambda s: s.average)


def earlier_rewards(nominations: list) -> dict[int, list]:
    """For each nomination, the same subject's approved nominations under other plans (the
    reward history a decider checks before approving). One query."""
    if not nominations:
        return {}
    plan_id = nominations[0].plan_id
    earlier = (
        Nomination.objects.filter(
            status__in=[NominationStatus.APPROVED, NominationStatus.AWARDED],
            pledge__unit__in={n.pledge.unit_id for n in nominations},
        )
        .exclude(plan_id=plan_id)
        .select_related("pledge", "reward_form", "plan")
        .order_by("-proposed_at")
    )
    by_subject: dict[tuple[int, str], list] = {}
    for other in earlier:
        by_subject.setdefault((other.pledge.unit_id, fold(other.pledge.subject_name)), []).append(other)
    return {n.pk: by_subject.get((n.pledge.unit_id, fold(n.pledge.subject_name)), []) for n in nominations}
