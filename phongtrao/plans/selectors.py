"""Reads shared by pages and the API: a plan's adoption by the units below it and the
differences between a child plan and its parent."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, Sum, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts.permissions import Someone
from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import (
    ADOPTED,
    Duty,
    DutyAssignment,
    DutyStatus,
    Plan,
    PlanStatus,
    ReferenceRole,
    Target,
    TargetAllocation,
)
from phongtrao.plans.numbering import split_number
from phongtrao.search import matching
from phongtrao.text import fold, natural_key
from phongtrao.ui.formatting import day_text, number_text


@dataclass
class AdoptionRow:
    unit: AdminUnit
    plans: list[Plan] = field(default_factory=list)
    overdue_duties: int = 0

    @property
    def best(self) -> Plan | None:
        adopted = [p for p in self.plans if p.status in ADOPTED]
        chosen = adopted or [p for p in self.plans if p.status == PlanStatus.DRAFT]
        return chosen[0] if chosen else None

    @property
    def adopted(self) -> bool:
        return any(p.status in ADOPTED for p in self.plans)

    @property
    def late(self) -> bool:
        """Not adopted although the parent's period has begun."""
        return not self.adopted and self.overdue_since is not None

    overdue_since: dt.date | None = None


@dataclass
class Adoption:
    rows: list[AdoptionRow]

    @property
    def adopted_count(self) -> int:
        return sum(1 for r in self.rows if r.adopted)

    @property
    def total(self) -> int:
        return len(self.rows)


def _implementation_day(plan: Plan) -> dt.date:
    return plan.period_start or plan.issue_date or plan.period_end or timezone.localdate()


def implementing_units(plan: Plan) -> list[AdminUnit]:
    """The units directly below the plan's unit that carry it out: those existing during
    the plan (a 2020 district plan is carried out by its communes of 2020, merged since),
    in the order a list of villages or communes is read."""
    units = AdminUnit.objects.filter(parent=plan.unit_id).valid_on(_implementation_day(plan))
    return sorted(units, key=lambda u: natural_key(u.name))


@dataclass
class AllocationSummary:
    target: Target
    allocated: Decimal  # handed to the units below, added up
    units: int  # how many units were handed a share

    @property
    def remainder(self) -> Decimal | None:
        """What is still to hand down (negative: more was handed down than the target)."""
        return self.target.value - self.allocated if self.target.is_total else None


def allocation_summary(target: Target) -> AllocationSummary:
    """A target's allocations added up: the figure the allocation form and the API show."""
    found = TargetAllocation.objects.filter(target=target).aggregate(total=Sum("value"), units=Count("pk"))
    return AllocationSummary(target, Decimal(found["total"] or 0).quantize(Decimal("0.0001")) + 0, found["units"])


def plan_adoption(plan: Plan, *, today: dt.date | None = None, visible: Q | None = None) -> Adoption:
    """For each unit directly below the plan's unit (those existing during the plan),
    the child plans that implement it and their overdue duties: two queries in all."""
    return plans_adoption([plan], today=today, visible=visible)[plan.pk]


def plans_adoption(plans: list[Plan], *, today: dt.date | None = None, visible: Q | None = None) -> dict[int, Adoption]:
    """`plan_adoption` of several plans (a district's running plans on its officer's
    work page), by plan id, in the same two queries whatever their number."""
    today = today or timezone.localdate()
    below = AdminUnit.objects.filter(parent__in=[p.unit_id for p in plans])
    by_parent: dict[int, list[AdminUnit]] = {}
    for unit in below:
        by_parent.setdefault(unit.parent_id, []).append(unit)  # type: ignore[arg-type]  # filtered on parent
    children = (
        Plan.objects.filter(parent__in=plans)
        .exclude(status=PlanStatus.CANCELLED)
        .annotate(overdue=Count("duties", filter=Q(duties__deadline__lt=today) & ~Q(duties__status=DutyStatus.DONE)))
        .select_related("unit")
    )
    if visible is not None:
        children = children.filter(visible)
    rows: dict[int, dict[int, AdoptionRow]] = {}
    for plan in plans:
        day = _implementation_day(plan)
        units = sorted(
            (u for u in by_parent.get(plan.unit_id, []) if u.existed_on(day)), key=lambda u: natural_key(u.name)
        )
        rows[plan.pk] = {u.pk: AdoptionRow(unit=u) for u in units}
    for child in children:
        by_unit = rows[child.parent_id]  # type: ignore[index]  # filtered on parent
        row = by_unit.get(child.unit_id)
        if row is None:  # a plan from a unit further down or since merged: show it too
            row = by_unit.setdefault(child.unit_id, AdoptionRow(unit=child.unit))
        row.plans.append(child)
        row.overdue_duties += child.overdue  # type: ignore[attr-defined]  # annotated by the query above
    adoptions = {}
    for plan in plans:
        started = plan.period_start if plan.period_start and plan.period_start <= today else None
        for row in rows[plan.pk].values():
            row.overdue_since = started
        adoptions[plan.pk] = Adoption(rows=sorted(rows[plan.pk].values(), key=lambda r: natural_key(r.unit.name)))
    return adoptions


@dataclass
class Difference:
    kind: str
    message: str


def plan_differences(plan: Plan) -> list[Difference]:
    """What a child plan changes or leaves out of its parent: period outside the
    parent's, a target weaker than the one allocated, a duty given to this level missing."""
    parent = plan.parent
    if parent is None:
        return []
    found: list[Difference] = []
    if not parent.period_contains(plan.period_start, plan.period_end):
        found.append(
            Difference(
                "period",
                _("Thời gian thực hiện (%(a)s – %(b)s) vượt ngoài thời gian của kế hoạch cấp trên (%(c)s – %(d)s).")
                % {
                    "a": day_text(plan.period_start),
                    "b": day_text(plan.period_end),
                    "c": day_text(parent.period_start),
                    "d": day_text(parent.period_end),
                },
            )
        )
    allocations = dict(
        TargetAllocation.objects.filter(target__plan=parent, unit=plan.unit).values_list("target_id", "value")
    )
    children = {t.allocated_from_id: t for t in plan.targets.all() if t.allocated_from_id}
    for target in parent.targets.select_related("indicator"):
        expected = allocations.get(target.pk, None if target.is_total else target.value)
        mine = children.get(target.pk)
        if expected is None and mine is None:
            continue  # a total not handed to this unit: nothing is asked of it
        if mine is None:
            found.append(Difference("target_missing", _("Thiếu chỉ tiêu của cấp trên: “%(t)s”.") % {"t": target.text}))
        elif expected is not None and mine.is_weaker_than(expected):
            found.append(
                Difference(
                    "target_weaker",
                    _("Chỉ tiêu “%(t)s”: %(mine)s thấp hơn mức được giao %(exp)s.")
                    % {"t": target.text, "mine": number_text(mine.value) or "…", "exp": number_text(expected) or "…"},
                )
            )
    derived = set(plan.duties.exclude(from_parent_duty=None).values_list("from_parent_duty_id", flat=True))
    for duty in parent.duties.filter(assignee_level=plan.unit.level):
        if duty.pk not in derived:
            found.append(
                Difference(
                    "duty_missing", _("Thiếu nhiệm vụ cấp trên giao cho cấp này: “%(t)s”.") % {"t": duty.text[:120]}
                )
            )
    return found


def opening_lines(plan: Plan) -> list[str]:
    """What the document says it implements, as its text opens: the preamble as written
    when it has one (it names its bases in its own words), otherwise one line per basis.
    The page and the Word file both read this, so neither says it twice."""
    if plan.preamble.strip():
        return [line for line in plan.preamble.splitlines() if line.strip()]
    return [ref.sentence for ref in plan.references.all() if ref.role == ReferenceRole.BASIS]


# The parts of a plan's document: fixed once it is issued (an issued plan is cancelled
# and replaced, never edited), so its page may keep them rendered (plans.views).
DOCUMENT_PARTS = (
    "sections",
    "phases",
    "deadlines",
    "reporting_duties",
    "emulation_subjects",
    "reward_standards",
    "reward_forms",
    "recipients",
    "references",
    Prefetch("targets", queryset=Target.objects.select_related("scope_unit")),
)
# The parts that move while the plan runs: its duties' progress, its registration calls.
WORK_PARTS = (
    "registration_calls",
    Prefetch("duties", queryset=Duty.objects.select_related("assignee_org", "place_unit")),
)


def plan_for_document(pk: int) -> Plan:
    """The plan with every part it renders, in a fixed number of queries."""
    plan = Plan.objects.select_related("unit", "unit__parent", "parent", "issuer").get(pk=pk)
    prefetch_related_objects([plan], *DOCUMENT_PARTS, *WORK_PARTS)
    return plan


@dataclass(frozen=True)
class GridCell:
    item: DutyAssignment
    state: str  # done, late, in_progress, pending


@dataclass
class DutyGridRow:
    assignee: str
    cells: list[GridCell | None]  # one per duty of the grid; None: not given to this row

    @property
    def done(self) -> int:
        return sum(1 for c in self.cells if c is not None and c.state == DutyStatus.DONE)

    @property
    def late(self) -> int:
        return sum(1 for c in self.cells if c is not None and c.state == "late")


@dataclass
class DutyGrid:
    """The commune's view of who is where on its duties: a row per unit or organisation,
    a column per duty, each cell done, late, under way or not started."""

    duties: list[Duty]
    rows: list[DutyGridRow]


def duty_grid(plan: Plan, *, visible: Callable[[AdminUnit], bool], today: dt.date) -> DutyGrid:
    """Two queries whatever the size; rows a reader may not see (a neighbouring village's)
    are left out by `visible`."""
    items = [
        a
        for a in DutyAssignment.objects.filter(duty__plan=plan).select_related("unit", "organization", "duty")
        if visible(a.unit)
    ]
    duty_ids = {a.duty_id for a in items}
    duties = [d for d in plan.duties.order_by("order", "pk") if d.pk in duty_ids]
    column = {d.pk: n for n, d in enumerate(duties)}
    rows: dict[tuple[int, int | None], DutyGridRow] = {}
    for item in items:
        row = rows.setdefault((item.unit_id, item.organization_id), DutyGridRow(item.assignee, [None] * len(duties)))
        row.cells[column[item.duty_id]] = GridCell(item, "late" if item.is_overdue(today) else item.status)
    ordered = sorted(rows.items(), key=lambda kv: (kv[0][1] is not None, natural_key(kv[1].assignee)))
    return DutyGrid(duties=duties, rows=[row for _key, row in ordered])


def _document_key(text: str) -> str:
    """A name or title as compared between two copies of one document: case, diacritics,
    punctuation, spacing and the abbreviation “UBND” set aside."""
    words = re.sub(r"[^\w\s]", " ", fold(text or "")).split()
    return " ".join("uy ban nhan dan" if word == "ubnd" else word for word in words)


def same_document(user: Someone, header: dict[str, Any]) -> list[Plan]:
    """The plans in the reader's sight that are already the document a header describes
    (the import form's fields): the same number, issuer and date, or the same title and
    issuer. An import shows them before a second draft is made of the same text."""
    full_number, title = header.get("full_number") or "", header.get("title") or ""
    issuer_name, issue_date = header.get("issuer_name") or "", header.get("issue_date")
    number, symbol = split_number(full_number)
    issuer = _document_key(issuer_name)
    if not issuer:
        return []
    near = Plan.objects.visible_to(user).select_related("unit")
    by_number = (
        near.filter(number=number, symbol=symbol, issue_date=issue_date) if number and issue_date else near.none()
    )
    by_title = matching(near, title, "title") if title.strip() else near.none()
    candidates = {plan.pk: plan for query in (by_number, by_title) for plan in query.order_by("-pk")[:20]}
    found = []
    for plan in candidates.values():
        if _document_key(plan.issuer_name) != issuer:
            continue
        same_number = bool(number) and (plan.number, plan.symbol, plan.issue_date) == (number, symbol, issue_date)
        if same_number or _document_key(plan.title) == _document_key(title):
            found.append(plan)
    return found
