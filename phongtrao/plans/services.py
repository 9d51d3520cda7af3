"""Every write to a plan: create, edit its parts, issue, start, close, cancel, delete,
derive a child plan, allocate targets. Each is atomic and leaves history."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import Role, User
from phongtrao.accounts.selectors import people_acting_for
from phongtrao.bounds import checked
from phongtrao.concurrency import Conflict
from phongtrao.geo.models import AdminUnit, Kind, Level
from phongtrao.notifications.services import notify_all
from phongtrao.orgs.models import MASS_ORGANISATIONS, Organization
from phongtrao.plans.assigning import duty_targets
from phongtrao.plans.models import (
    ADOPTED,
    Deadline,
    Duty,
    DutyAssignment,
    DutyProgress,
    DutyStatus,
    EmulationSubject,
    Evidence,
    Phase,
    Plan,
    PlanRewardForm,
    PlanStatus,
    Recipient,
    Reference,
    ReferenceRole,
    ReportingDuty,
    RewardStandard,
    Section,
    Target,
    TargetAllocation,
)
from phongtrao.plans.numbering import normalise_number, split_number
from phongtrao.plans.selectors import same_document
from phongtrao.text import natural_key
from phongtrao.ui import uploads as evidence
from phongtrao.ui.formatting import day_text
from phongtrao.ui.history import attributed

HEADER_FIELDS = [
    "kind",
    "issuer_name",
    "number",
    "symbol",
    "place",
    "issue_date",
    "title",
    "theme",
    "preamble",
    "purposes",
    "requirements",
    "period_start",
    "period_end",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recurrence_weekday",
    "recurrence_frequency",
    "recurrence_skip",
]

# part name → (model, the fields a row may carry, its label for messages)
PARTS: dict[str, tuple[type[models.Model], list[str], str]] = {
    "sections": (Section, ["label", "depth", "heading", "text"], "Mục"),
    "phases": (Phase, ["name", "start", "end", "tasks"], "Đợt thi đua"),
    "targets": (
        Target,
        [
            "text",
            "value",
            "unit_of_measure",
            "comparator",
            "baseline",
            "scope_unit",
            "due_date",
            "allocated_from",
            "indicator",
        ],
        "Chỉ tiêu",
    ),
    "duties": (
        Duty,
        [
            "assignee_text",
            "assignee_org",
            "assignee_position",
            "assignee_level",
            "text",
            "deadline",
            "place_unit",
            "quantity",
            "quantity_unit",
            "status",
            "from_parent_duty",
        ],
        "Nhiệm vụ",
    ),
    "deadlines": (Deadline, ["what", "date"], "Thời hạn"),
    "reporting_duties": (
        ReportingDuty,
        ["reporter_text", "recipient_text", "frequency", "weekday", "day_of_month"],
        "Chế độ báo cáo",
    ),
    "emulation_subjects": (EmulationSubject, ["kind", "text"], "Đối tượng thi đua"),
    "reward_standards": (RewardStandard, ["subject", "text"], "Tiêu chuẩn khen thưởng"),
    "reward_forms": (PlanRewardForm, ["name", "note"], "Hình thức khen thưởng"),
    "recipients": (Recipient, ["text"], "Nơi nhận"),
    "references": (Reference, ["role", "number", "date", "issuer", "title", "document"], "Văn bản liên quan"),
}


def _require(user: User, action: str, plan_or_unit: Plan | AdminUnit) -> None:
    permissions.demand(user, action, plan_or_unit.unit if isinstance(plan_or_unit, Plan) else plan_or_unit)


def _require_draft(plan: Plan) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(
            {"status": _("Kế hoạch đã ban hành không sửa được; nếu cần thay đổi, hãy hủy và ban hành văn bản mới.")}
        )


def _validate_header(plan: Plan) -> None:
    errors: dict[str, str] = {}
    if not plan.title.strip():
        errors["title"] = _("Trích yếu không được để trống.")
    if not plan.issuer_name.strip():
        errors["issuer_name"] = _("Tên cơ quan ban hành không được để trống.")
    if plan.period_start and plan.period_end and plan.period_start > plan.period_end:
        errors["period_end"] = _("Ngày kết thúc (%(end)s) trước ngày bắt đầu (%(start)s).") % {
            "end": day_text(plan.period_end),
            "start": day_text(plan.period_start),
        }
    if plan.number and not plan.number.isdigit():
        errors["number"] = _("Số văn bản chỉ gồm chữ số (ví dụ 42); ký hiệu ghi ở ô Ký hiệu.")
    if errors:
        raise ValidationError(errors)
    if plan.number and plan.issue_date:
        clash = (
            Plan.objects.filter(
                unit=plan.unit,
                issuer_name__iexact=plan.issuer_name,
                symbol__iexact=plan.symbol,
                number=plan.number,
                issue_year=plan.issue_date.year,
            )
            .exclude(status=PlanStatus.CANCELLED)
            .exclude(pk=plan.pk)
        )
        if clash.exists():
            raise ValidationError(
                {
                    "number": _("Số %(number)s đã được %(issuer)s dùng trong năm %(year)s.")
                    % {"number": plan.full_number, "issuer": plan.issuer_name, "year": plan.issue_date.year}
                }
            )


def _save(plan: Plan, user: User | None) -> None:
    plan.issue_year = plan.issue_date.year if plan.issue_date else None
    attributed(plan, user)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as exc:
        raise ValidationError({"number": _("Số văn bản đã được dùng cho một kế hoạch khác.")}) from exc


def _match_basis(plan: Plan, number: str, date: dt.date | None) -> Plan | None:
    """A basis reference names a plan in the system when its number and date match."""
    if not number or date is None:
        return None
    wanted = normalise_number(number)
    for candidate in Plan.objects.filter(issue_date=date).exclude(pk=plan.pk).exclude(status=PlanStatus.CANCELLED):
        if normalise_number(candidate.full_number) == wanted and candidate.unit.contains(plan.unit):
            return candidate
    return None


@transaction.atomic
def plan_create(*, user: User, unit: AdminUnit, title: str, issuer_name: str, **header: Any) -> Plan:
    _require(user, permissions.EDIT, unit)
    if "full_number" in header:
        header["number"], header["symbol"] = split_number(header.pop("full_number"))
    plan = Plan(
        unit=unit,
        title=title.strip(),
        issuer_name=issuer_name.strip(),
        created_by=user,
        status=PlanStatus.DRAFT,
        **{k: v for k, v in header.items() if k in HEADER_FIELDS},
    )
    _validate_header(plan)
    _save(plan, user)
    return plan


@transaction.atomic
def plan_import(
    *,
    user: User,
    unit: AdminUnit,
    header: dict[str, Any],
    parts: dict[str, list[dict[str, Any]]],
    anyway: bool = False,
) -> Plan:
    """A draft from a document read by docparse and checked by a person: the header and
    every part at once, linked to its parent when a basis reference is a plan here. A
    document already in the system (same number, issuer and date, or title and issuer)
    makes a second draft only when the person chose so knowingly."""
    header = dict(header)
    known = same_document(user, header)
    if known and not anyway:
        raise ValidationError(
            {
                "__all__": _(
                    "Văn bản này đã có trong hệ thống: %(plans)s. Nếu đúng là cần thêm một bản, hãy chọn "
                    "“Vẫn lưu thành dự thảo mới”."
                )
                % {"plans": "; ".join(str(plan) for plan in known)}
            }
        )
    plan = plan_create(
        user=user, unit=unit, title=header.pop("title", ""), issuer_name=header.pop("issuer_name", ""), **header
    )
    return plan_set_parts(user=user, plan=plan, parts=parts)


@transaction.atomic
def plan_update(*, user: User, plan: Plan, **header: Any) -> Plan:
    _require(user, permissions.EDIT, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if "full_number" in header:
        header["number"], header["symbol"] = split_number(header.pop("full_number"))
    unknown = set(header) - set(HEADER_FIELDS) - {"parent", "issuer"}
    if unknown:
        raise ValidationError({"__all__": _("Trường không sửa được: %(f)s") % {"f": ", ".join(sorted(unknown))}})
    for key, value in header.items():
        setattr(plan, key, value.strip() if isinstance(value, str) else value)
    _validate_header(plan)
    _validate_parts_against_period(plan)
    _save(plan, user)
    return plan


@transaction.atomic
def plan_edit(*, user: User, plan: Plan, header: dict[str, Any], parts: dict[str, list[dict[str, Any]]]) -> Plan:
    """The edit page's save: header and lists together, or nothing."""
    plan = plan_update(user=user, plan=plan, **header)
    return plan_set_parts(user=user, plan=plan, parts=parts)


def _link_errors(plan: Plan, row: dict[str, Any]) -> list[str]:
    """A row may point only at units and organisations of the plan's own subtree, at
    rows of the plan it implements, and at documents everyone may see."""
    errors = []
    for name in ("place_unit", "scope_unit"):
        unit = row.get(name)
        if unit is not None and not plan.unit.contains(unit):
            errors.append(_("%(unit)s không thuộc %(plan_unit)s") % {"unit": unit, "plan_unit": plan.unit})
    org = row.get("assignee_org")
    if org is not None and not plan.unit.contains(org.unit):
        errors.append(_("%(org)s không thuộc %(plan_unit)s") % {"org": org, "plan_unit": plan.unit})
    for name in ("allocated_from", "from_parent_duty"):
        upper = row.get(name)
        if upper is not None and upper.plan_id != plan.parent_id:
            errors.append(_("chỉ liên kết được với chỉ tiêu, nhiệm vụ của kế hoạch cấp trên"))
    document = row.get("document")
    if document is not None and not document.is_published and document.unit_id != plan.unit_id:
        errors.append(_("văn bản được dẫn chiếu chưa ban hành"))
    return errors


def _row_errors(plan: Plan, part: str, row: dict[str, Any]) -> list[str]:
    errors = _link_errors(plan, row)
    if part == "phases":
        if not (row.get("name") or "").strip():
            errors.append(_("thiếu tên đợt"))
        start, end = row.get("start"), row.get("end")
        if start is None or end is None:
            errors.append(_("thiếu ngày bắt đầu hoặc kết thúc"))
        elif start > end:
            errors.append(
                _("ngày kết thúc %(end)s trước ngày bắt đầu %(start)s")
                % {"end": day_text(end), "start": day_text(start)}
            )
        elif not plan.period_contains(start, end):
            errors.append(
                _("nằm ngoài thời gian thực hiện kế hoạch (%(start)s – %(end)s)")
                % {"start": day_text(plan.period_start), "end": day_text(plan.period_end)}
            )
    elif part == "targets":
        if not (row.get("text") or "").strip():
            errors.append(_("thiếu nội dung chỉ tiêu"))
        if row.get("value") in (None, ""):
            errors.append(_("thiếu giá trị chỉ tiêu"))
        elif Decimal(row["value"]) < 0:
            errors.append(_("giá trị không được âm"))
    elif part == "duties":
        if not (row.get("assignee_text") or "").strip():
            errors.append(_("thiếu đơn vị, người được giao"))
        if not (row.get("text") or "").strip():
            errors.append(_("thiếu nội dung nhiệm vụ"))
        if row.get("quantity") is not None and Decimal(row["quantity"]) <= 0:
            errors.append(_("khối lượng phải lớn hơn 0"))
        if row.get("deadline") and plan.period_end and row["deadline"] > plan.period_end:
            errors.append(
                _("thời hạn %(d)s sau khi kế hoạch kết thúc (%(end)s)")
                % {"d": day_text(row["deadline"]), "end": day_text(plan.period_end)}
            )
    elif part == "deadlines":
        if not (row.get("what") or "").strip():
            errors.append(_("thiếu nội dung"))
        if row.get("date") is None:
            errors.append(_("thiếu ngày"))
    elif part == "reporting_duties":
        if not (row.get("reporter_text") or "").strip():
            errors.append(_("thiếu đơn vị báo cáo"))
        if row.get("weekday") is not None and row.get("frequency") != "weekly":
            errors.append(_("chỉ báo cáo hàng tuần mới chọn thứ trong tuần"))
    elif part == "references":
        if not (row.get("number") or row.get("title")):
            errors.append(_("cần số, ký hiệu hoặc trích yếu"))
    elif part == "sections":
        if not (str(row.get("heading") or "").strip() or str(row.get("text") or "").strip()):
            errors.append(_("dòng trống"))
    else:
        main_field = "text" if "text" in PARTS[part][1] else "name"
        if not str(row.get(main_field) or "").strip():
            errors.append(_("dòng trống"))
    return errors


def _validate_parts_against_period(plan: Plan) -> None:
    problems = []
    for phase in plan.phases.all():
        if not plan.period_contains(phase.start, phase.end):
            problems.append(
                _("Đợt “%(name)s” (%(start)s – %(end)s) nằm ngoài thời gian thực hiện kế hoạch.")
                % {"name": phase.name, "start": day_text(phase.start), "end": day_text(phase.end)}
            )
    if problems:
        raise ValidationError({"period_start": problems})


@transaction.atomic
def plan_set_parts(*, user: User, plan: Plan, parts: dict[str, list[dict[str, Any]]]) -> Plan:
    """Replace some of a plan's lists. A row with an "id" updates that row, a row
    without one is added, and rows not sent are removed; all parts or none."""
    _require(user, permissions.EDIT, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if "references" in parts:
        _link_parent(plan, parts["references"], user)
    errors: dict[str, list[str]] = {}
    for part, rows in list(parts.items()):
        if part not in PARTS:
            raise ValidationError({"__all__": _("Phần “%(part)s” không có trong kế hoạch.") % {"part": part}})
        model, fields, label = PARTS[part]
        current = {obj.pk: obj for obj in getattr(plan, part).all()}
        # a row that names an existing one changes only the fields it sends
        rows = parts[part] = [
            {**{f: getattr(current[row["id"]], f) for f in fields}, **row} if row.get("id") in current else row
            for row in rows
        ]
        for index, row in enumerate(rows, start=1):
            for problem in _row_errors(plan, part, row):
                errors.setdefault(part, []).append(
                    _("%(label)s, dòng %(n)s: %(problem)s.") % {"label": label, "n": index, "problem": problem}
                )
    if errors:
        raise ValidationError(errors)
    for part, rows in parts.items():
        _sync_rows(plan, part, rows, user)
    attributed(plan, user)
    plan.save(update_fields=["updated_at"])
    return plan


def _sync_rows(plan: Plan, part: str, rows: list[dict[str, Any]], user: User | None) -> None:
    model, fields, label = PARTS[part]
    manager = getattr(plan, part)
    existing = {obj.pk: obj for obj in manager.all()}
    kept = set()
    for order, row in enumerate(rows):
        obj = existing.get(row.get("id")) if row.get("id") else None
        if obj is None:
            obj = model(plan=plan)
        for name in fields:
            if name in row:
                value = row[name]
                setattr(obj, name, value.strip() if isinstance(value, str) else value)
        setattr(obj, "order", order)  # every part keeps its rows in order  # noqa: B010
        attributed(obj, user)
        try:
            obj.full_clean(exclude=["plan"])
        except ValidationError as exc:
            problems = [
                f"{getattr(model._meta.get_field(f), 'verbose_name', f)}: {m}" if f != "__all__" else m
                for f, messages in exc.message_dict.items()
                for m in messages
            ]
            raise ValidationError(
                {
                    part: [
                        _("%(label)s, dòng %(n)s: %(problem)s") % {"label": label, "n": order + 1, "problem": p}
                        for p in problems
                    ]
                }
            ) from exc
        obj.save()
        kept.add(obj.pk)
    for pk, obj in existing.items():
        if pk not in kept:
            attributed(obj, user)
            obj.delete()


def _link_parent(plan: Plan, references: list[dict[str, Any]], user: User | None) -> None:
    """A basis reference that names a plan in the system links it, and makes it the
    parent when the plan has none yet (before the rows that point at its parts are checked)."""
    for row in references:
        if row.get("role", ReferenceRole.BASIS) != ReferenceRole.BASIS or row.get("document"):
            continue
        match = _match_basis(plan, row.get("number") or "", row.get("date"))
        if match is None:
            continue
        row["document"] = match
        if not plan.parent_id:
            plan.parent = match
            attributed(plan, user)
            plan.save(update_fields=["parent"])


# --- status ------------------------------------------------------------------------


def _transition(plan: Plan, user: User, to: str, reason: str = "") -> Plan:
    plan.status = to
    plan.status_reason = reason
    _save(plan, user)
    return plan


@transaction.atomic
def plan_issue(*, user: User, plan: Plan) -> Plan:
    """Issue a draft: it becomes an official, public document that can no longer be edited."""
    _require(user, permissions.APPROVE, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise Conflict(_("Kế hoạch này đã được ban hành hoặc không còn là dự thảo; hãy tải lại trang."))
    if errors := plan_issue_problems(plan):
        raise ValidationError(errors)
    _validate_header(plan)
    _validate_parts_against_period(plan)
    plan = _transition(plan, user, PlanStatus.IN_PROGRESS if _started(plan) else PlanStatus.ISSUED)
    duty_assignments_make(user=user, plan=plan)
    return plan


@transaction.atomic
def duty_assignments_make(*, user: User, plan: Plan) -> list[DutyAssignment]:
    """Each duty of an issued plan becomes one item per unit or organisation it names
    (plans.assigning), each told. Run again (a village added since, a plan issued before
    items existed), it adds only what is missing."""
    permissions.demand(user, permissions.EDIT, plan.unit)
    if plan.status not in ADOPTED:
        raise ValidationError({"status": _("Chỉ giao nhiệm vụ của kế hoạch đã ban hành.")})
    villages = sorted(
        AdminUnit.objects.filter(parent=plan.unit, level=Level.VILLAGE).current(), key=lambda u: natural_key(u.name)
    )
    organizations = list(
        Organization.objects.filter(unit=plan.unit, kind__in=MASS_ORGANISATIONS).select_related("unit").order_by("name")
    )
    have = set(DutyAssignment.objects.filter(duty__plan=plan).values_list("duty_id", "unit_id", "organization_id"))
    made = []
    for duty in plan.duties.select_related("assignee_org__unit", "place_unit").order_by("order", "pk"):
        targets = duty_targets(
            assignee_text=duty.assignee_text,
            assignee_level=duty.assignee_level,
            assignee_org=duty.assignee_org,
            place_unit=duty.place_unit,
            plan_unit=plan.unit,
            villages=villages,
            organizations=organizations,
        )
        for unit, organization in targets:
            if (duty.pk, unit.pk, organization.pk if organization else None) in have:
                continue
            assignment = DutyAssignment(duty=duty, unit=unit, organization=organization)
            attributed(assignment, user)
            assignment.save()
            made.append(assignment)
    for assignment in made:
        _tell_assignee(assignment, user)
    return made


@translation.override("vi")  # stored: in Vietnamese, whatever the sender's language
def _tell_assignee(assignment: DutyAssignment, actor: User) -> None:
    duty = assignment.duty
    deadline = _("hạn %(d)s; ") % {"d": day_text(duty.deadline)} if duty.deadline else ""
    notify_all(
        users=[u for u in people_acting_for(assignment.unit, Role.REPORTER) if u != actor],
        key=f"assignment:{assignment.pk}",
        subject=_("Nhiệm vụ mới cho %(who)s: %(what)s") % {"who": assignment.assignee, "what": duty.text[:120]},
        body=deadline + duty.plan.title[:300],
        url=reverse("plans:duty", args=[duty.pk]),
    )


# "số … ngày …", "ngày ... tháng ... năm": a blank left to fill in a draft.
PLACEHOLDER = re.compile(r"\b(?:số|ngày|tháng|năm)\s*(?:…|\.{3,}|_{2,})", re.IGNORECASE)


def plan_issue_problems(plan: Plan) -> dict[str, str]:
    """What stops a draft from being issued: what an official document must have, and
    the blanks of a draft still unfilled (an issued plan once read "Thực hiện Kế hoạch
    số … ngày …")."""
    problems = {}
    if plan.issue_date is None:
        problems["issue_date"] = _("Cần ngày ban hành trước khi ban hành.")
    if not plan.signer_name.strip():
        problems["signer_name"] = _("Cần tên người ký trước khi ban hành.")
    texts = {
        "title": plan.title,
        "preamble": plan.preamble,
        "purposes": plan.purposes,
        "requirements": plan.requirements,
        "place": plan.place,
        **{"references": " ".join(r.sentence for r in plan.references.all())},
    }
    for field, text in texts.items():
        if blank := PLACEHOLDER.search(text or ""):
            problems[field] = _("Còn chỗ trống chưa điền (“%(blank)s”): hãy điền đủ trước khi ban hành.") % {
                "blank": blank.group(0)
            }
    return problems


@transaction.atomic
def plan_register_issued(*, user: User, plan: Plan) -> Plan:
    """Record a document that was issued outside the system (the district's plan as
    received): it is published as it stands, even when the copy lost its date."""
    _require(user, permissions.APPROVE, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError({"status": _("Chỉ ghi nhận được kế hoạch đang là dự thảo.")})
    _validate_header(plan)
    return _transition(plan, user, PlanStatus.ISSUED)


def _started(plan: Plan) -> bool:
    return bool(plan.period_start and plan.period_start <= timezone.localdate())


@transaction.atomic
def plan_start(*, user: User, plan: Plan) -> Plan:
    _require(user, permissions.EDIT, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.ISSUED:
        raise ValidationError({"status": _("Chỉ bắt đầu thực hiện được kế hoạch đã ban hành.")})
    return _transition(plan, user, PlanStatus.IN_PROGRESS)


@transaction.atomic
def plan_close(*, user: User, plan: Plan, reason: str = "") -> Plan:
    _require(user, permissions.APPROVE, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status not in (PlanStatus.ISSUED, PlanStatus.IN_PROGRESS):
        raise ValidationError({"status": _("Chỉ kết thúc được kế hoạch đang thực hiện.")})
    return _transition(plan, user, PlanStatus.CLOSED, reason)


@transaction.atomic
def plan_cancel(*, user: User, plan: Plan, reason: str) -> Plan:
    """An issued plan is never deleted: it is cancelled, with the reason, and stays on record."""
    _require(user, permissions.APPROVE, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do hủy kế hoạch.")})
    if plan.status in (PlanStatus.CANCELLED, PlanStatus.DRAFT):
        raise ValidationError({"status": _("Chỉ hủy được kế hoạch đã ban hành; dự thảo thì xóa.")})
    return _transition(plan, user, PlanStatus.CANCELLED, reason.strip())


@transaction.atomic
def plan_delete(*, user: User, plan: Plan) -> None:
    _require(user, permissions.EDIT, plan)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError({"status": _("Kế hoạch đã ban hành không được xóa, chỉ được hủy.")})
    if plan.children.exists():
        raise ValidationError({"status": _("Đã có kế hoạch cấp dưới thực hiện kế hoạch này; không xóa được.")})
    attributed(plan, user)
    plan.delete()


# --- cascade -----------------------------------------------------------------------

_ISSUER_PREFIX: dict[str, str] = {
    Kind.COMMUNE: "xã",
    Kind.WARD: "phường",
    Kind.TOWNSHIP: "thị trấn",
    Kind.SPECIAL_ZONE: "đặc khu",
    Kind.DISTRICT: "huyện",
    Kind.URBAN_DISTRICT: "quận",
    Kind.TOWN: "thị xã",
    Kind.PROVINCIAL_CITY: "thành phố",
    Kind.PROVINCE: "tỉnh",
    Kind.CENTRAL_CITY: "thành phố",
}


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def default_issuer_name(unit: AdminUnit) -> str:
    """ "UBND xã Hồng Thái": how a document header names the unit's People's Committee."""
    prefix = _ISSUER_PREFIX.get(unit.kind)
    if prefix is None:  # villages issue through their development board
        return _("Ban phát triển %(unit)s") % {"unit": unit.name.lower().split()[0] + " " + unit.short_name}
    return f"UBND {prefix} {unit.short_name}"


def _copy_rows(source: Plan, part: str) -> list[dict[str, Any]]:
    _model, fields, _label = PARTS[part]
    return [{name: getattr(obj, name) for name in fields} for obj in getattr(source, part).all()]


@transaction.atomic
def plan_derive(*, user: User, parent: Plan, unit: AdminUnit) -> Plan:
    """Start a child unit's draft that implements `parent`: copies its structure, links
    it, takes the targets allocated to the unit (rates as they are; a total only as far as
    a share of it was handed to the unit) and the duties given to its level."""
    if not parent.unit.contains(unit) or parent.unit.pk == unit.pk:
        raise ValidationError(
            {
                "unit": _("%(unit)s không trực thuộc %(parent)s nên không thể thực hiện kế hoạch này.")
                % {"unit": unit, "parent": parent.unit}
            }
        )
    if parent.status not in ADOPTED:
        raise ValidationError({"parent": _("Chỉ xây dựng kế hoạch thực hiện từ kế hoạch cấp trên đã ban hành.")})
    _require(user, permissions.EDIT, unit)
    existing = parent.children.filter(unit=unit).exclude(status=PlanStatus.CANCELLED).first()
    if existing is not None:
        raise ValidationError(
            {
                "unit": _("%(unit)s đã có kế hoạch thực hiện kế hoạch này (%(plan)s); hãy sửa kế hoạch đó.")
                % {"unit": unit, "plan": existing.full_number or existing.get_status_display()}
            }
        )
    child = plan_create(
        user=user,
        unit=unit,
        title=parent.title,
        issuer_name=default_issuer_name(unit),
        kind=parent.kind,
        place=unit.short_name,
        theme=parent.theme,
        purposes=parent.purposes,
        requirements=parent.requirements,
        period_start=parent.period_start,
        period_end=parent.period_end,
        symbol=parent.symbol,
    )
    child.parent = parent
    attributed(child, user)
    child.save(update_fields=["parent"])
    allocations = {a.target_id: a.value for a in TargetAllocation.objects.filter(target__plan=parent, unit=unit)}
    targets = []
    for target in parent.targets.select_related("indicator"):
        if target.is_total and target.pk not in allocations:
            continue  # a total for the whole area, of which this unit was handed no share
        row = {name: getattr(target, name) for name in PARTS["targets"][1]}
        row["value"] = allocations.get(target.pk, target.value)
        row["allocated_from"] = target
        row["scope_unit"] = unit
        targets.append(row)
    duties = []
    for duty in parent.duties.filter(assignee_level=unit.level):
        row = {name: getattr(duty, name) for name in PARTS["duties"][1]}
        row.update(
            assignee_text=default_issuer_name(unit),
            assignee_level="",
            assignee_org=None,
            from_parent_duty=duty,
            status="pending",
            place_unit=unit,
        )
        duties.append(row)
    parts = {
        "phases": _copy_rows(parent, "phases"),
        "targets": targets,
        "duties": duties,
        "deadlines": _copy_rows(parent, "deadlines"),
        "reporting_duties": _copy_rows(parent, "reporting_duties"),
        "emulation_subjects": _copy_rows(parent, "emulation_subjects"),
        "reward_standards": _copy_rows(parent, "reward_standards"),
        "reward_forms": _copy_rows(parent, "reward_forms"),
        "references": [
            {
                "role": ReferenceRole.BASIS,
                "number": parent.full_number,
                "date": parent.issue_date,
                "issuer": parent.issuer_name,
                "title": parent.title,
                "document": parent,
            }
        ],
    }
    return plan_set_parts(user=user, plan=child, parts=parts)


@transaction.atomic
def target_allocate(*, user: User, target: Target, values: dict[AdminUnit, Decimal]) -> list[TargetAllocation]:
    """Hand a target to child units, one value each (a value of None removes it)."""
    plan = target.plan
    _require(user, permissions.EDIT, plan)
    errors = []
    for unit, value in values.items():
        if not plan.unit.contains(unit) or unit.pk == plan.unit.pk:
            errors.append(_("%(unit)s không trực thuộc %(parent)s.") % {"unit": unit, "parent": plan.unit})
        elif value is not None and value < 0:
            errors.append(_("%(unit)s: giá trị giao không được âm.") % {"unit": unit})
    if errors:
        raise ValidationError({"allocations": errors})
    saved = []
    for unit, value in values.items():
        if value is None:
            for allocation in TargetAllocation.objects.filter(target=target, unit=unit):
                attributed(allocation, user)
                allocation.delete()
            continue
        allocation = TargetAllocation.objects.filter(target=target, unit=unit).first() or TargetAllocation(
            target=target, unit=unit
        )
        allocation.value = value
        attributed(allocation, user)
        allocation.save()
        saved.append(allocation)
    return saved


def reportable_assignments(user: User, duty: Duty) -> list[DutyAssignment]:
    """The items of a duty the user may record progress on: their own unit's."""
    return [
        a
        for a in duty.assignments.select_related("unit", "organization").order_by("pk")
        if permissions.can(user, permissions.REPORT, a.unit)
    ]


def can_report_on(user: User, duty: Duty) -> bool:
    """On an itemised duty, a unit it reaches; otherwise the village where it is done or
    the unit whose plan gave it."""
    if duty.assignments.exists():
        return bool(reportable_assignments(user, duty))
    return (duty.place_unit is not None and permissions.can(user, permissions.REPORT, duty.place_unit)) or (
        permissions.can(user, permissions.REPORT, duty.plan.unit)
    )


def _status_of(percent: int) -> str:
    return DutyStatus.DONE if percent == 100 else DutyStatus.IN_PROGRESS if percent else DutyStatus.PENDING


@transaction.atomic
def duty_progress_add(
    *,
    user: User,
    duty: Duty,
    date: dt.date,
    percent: int,
    note: str = "",
    files: Sequence[tuple[str, bytes]] = (),
    assignment: DutyAssignment | None = None,
) -> DutyProgress:
    """A dated progress step, of one unit's item when the duty is itemised; 100% marks it
    done, and the duty is done when every item is. Files are checked before anything is saved."""
    if assignment is None and duty.assignments.exists():
        mine = reportable_assignments(user, duty)
        if len(mine) > 1:
            raise ValidationError({"assignment": _("Hãy chọn đơn vị báo cáo tiến độ.")})
        if not mine:
            raise PermissionDenied(_("Bạn không có quyền báo cáo tiến độ nhiệm vụ này."))
        assignment = mine[0]  # the reader's only item
    if assignment is not None:
        if assignment.duty_id != duty.pk:
            raise ValidationError({"assignment": _("Đơn vị này không được giao nhiệm vụ này.")})
        if not permissions.can(user, permissions.REPORT, assignment.unit):
            raise PermissionDenied(_("Bạn không có quyền báo cáo tiến độ nhiệm vụ này."))
    elif not can_report_on(user, duty):
        raise PermissionDenied(_("Bạn không có quyền báo cáo tiến độ nhiệm vụ này."))
    errors = {}
    if not 0 <= percent <= 100:
        errors["percent"] = _("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
    if date > timezone.localdate():
        errors["date"] = _("Ngày %(d)s chưa đến.") % {"d": day_text(date)}
    plan = duty.plan
    if plan.period_start and date < plan.period_start:
        errors["date"] = _("Ngày %(d)s trước khi kế hoạch bắt đầu (%(start)s).") % {
            "d": day_text(date),
            "start": day_text(plan.period_start),
        }
    if errors:
        raise ValidationError(errors)
    uploads = [evidence.check_upload(name, data) for name, data in files]
    progress = DutyProgress(
        duty=duty, assignment=assignment, date=date, percent=percent, note=note.strip(), recorded_by=user
    )
    attributed(progress, user)
    checked(progress).save()
    for item in uploads:
        Evidence.objects.create(
            progress=progress, file=item.content, kind=item.kind, original_name=item.name, size=item.content.size
        )
    duty = Duty.objects.select_for_update().get(pk=duty.pk)  # items of one duty recorded at once: one by one
    if assignment is not None:
        assignment = DutyAssignment.objects.get(pk=assignment.pk)
        assignment.percent, assignment.status = percent, _status_of(percent)
        attributed(assignment, user)
        assignment.save(update_fields=["percent", "status"])
        states = set(duty.assignments.values_list("status", flat=True))
        duty.status = (
            DutyStatus.DONE
            if states == {DutyStatus.DONE}
            else DutyStatus.PENDING
            if states == {DutyStatus.PENDING}
            else DutyStatus.IN_PROGRESS
        )
    else:
        duty.status = _status_of(percent)
    attributed(duty, user)
    duty.save(update_fields=["status"])
    return progress
