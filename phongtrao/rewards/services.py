"""Writes of the emulation side; each is atomic and leaves history."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import Membership, User
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import ADOPTED, Plan, PlanStatus, SubjectKind
from phongtrao.rewards.models import ConflictOfInterest, CouncilMember, Pledge, PledgeStatus, Score, ScoringItem
from phongtrao.text import fold, vn_number


@transaction.atomic
def pledge_register(
    *,
    user: User,
    plan: Plan,
    unit: AdminUnit,
    subject_kind: str,
    commitments: str,
    subject_name: str = "",
    organization: Organization | None = None,
) -> Pledge:
    """A village, an organisation or a person of the plan's area pledges to take part.
    A collective left unnamed is the organisation or the unit itself."""
    permissions.demand(user, permissions.REPORT, unit)
    errors: dict[str, str] = {}
    if plan.status not in ADOPTED or plan.status == PlanStatus.CLOSED:
        errors["plan"] = _("Kế hoạch chưa ban hành hoặc đã kết thúc: không nhận đăng ký thi đua.")
    if not plan.unit.contains(unit):
        errors["unit"] = _("%(unit)s không thuộc %(area)s nên không đăng ký thi đua theo kế hoạch này.") % {
            "unit": unit,
            "area": plan.unit,
        }
    if organization is not None and organization.unit_id != unit.pk:
        errors["organization"] = _("%(org)s không thuộc %(unit)s.") % {"org": organization, "unit": unit}
    if subject_kind not in SubjectKind.values:
        errors["subject_kind"] = _("Đối tượng phải là tập thể hoặc cá nhân.")
    name = subject_name.strip()
    if not name and subject_kind == SubjectKind.COLLECTIVE:
        name = organization.name if organization is not None else unit.name
    if not name:
        errors["subject_name"] = _("Hãy ghi họ tên người đăng ký thi đua.")
    if not commitments.strip():
        errors["commitments"] = _("Hãy ghi nội dung đăng ký thi đua.")
    if errors:
        raise ValidationError(errors)
    if Pledge.objects.live().filter(plan=plan, unit=unit, subject_name__iexact=name).exists():
        raise ValidationError({"subject_name": _("%(name)s đã đăng ký thi đua theo kế hoạch này.") % {"name": name}})
    pledge = Pledge(
        plan=plan,
        unit=unit,
        organization=organization,
        subject_kind=subject_kind,
        subject_name=name,
        commitments=commitments.strip(),
        registered_by=user,
    )
    pledge._history_user = user
    pledge.save()
    return pledge


@transaction.atomic
def pledge_withdraw(*, user: User, pledge: Pledge, reason: str) -> Pledge:
    """Withdrawn, not deleted: the list the public saw keeps its history."""
    permissions.demand(user, permissions.REPORT, pledge.unit)
    if pledge.status == PledgeStatus.WITHDRAWN:
        raise ValidationError({"status": _("Đăng ký này đã rút.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do rút đăng ký.")})
    pledge.status, pledge.reason = PledgeStatus.WITHDRAWN, reason.strip()
    pledge._history_user = user
    pledge.save(update_fields=["status", "reason"])
    return pledge


@transaction.atomic
def scoring_sheet_set(*, user: User, plan: Plan, items: list[dict]) -> list[ScoringItem]:
    """The plan's reward standards as a scoring sheet (text and points per line); it can
    be rewritten until the first score is given."""
    permissions.demand(user, permissions.APPROVE, plan.unit)
    if Score.objects.filter(item__plan=plan).exists():
        raise ValidationError({"items": _("Hội đồng đã bắt đầu chấm điểm: không sửa được bảng điểm nữa.")})
    errors = []
    for n, item in enumerate(items, start=1):
        if not str(item.get("text", "")).strip():
            errors.append(_("Dòng %(n)s: thiếu nội dung chấm điểm.") % {"n": n})
        points = item.get("max_points")
        if points is None or points <= 0:
            errors.append(_("Dòng %(n)s: điểm tối đa phải lớn hơn 0.") % {"n": n})
    if not items:
        errors.append(_("Bảng điểm cần ít nhất một mục."))
    if errors:
        raise ValidationError({"items": errors})
    for old in plan.scoring_items.all():
        old._history_user = user
        old.delete()
    made = []
    for n, item in enumerate(items):
        line = ScoringItem(plan=plan, order=n, text=str(item["text"]).strip(), max_points=item["max_points"])
        line._history_user = user
        line.save()
        made.append(line)
    return made


def scoring_sheet_proposal(plan: Plan) -> list[dict]:
    """A first sheet from the plan's reward standards, ten points each, for the council to adjust."""
    return [{"text": f"{s.subject}: {s.text}", "max_points": Decimal(10)} for s in plan.reward_standards.all()]


@transaction.atomic
def council_member_appoint(*, user: User, plan: Plan, member: User, title: str = "") -> CouncilMember:
    permissions.demand(user, permissions.APPROVE, plan.unit)
    if not permissions.can(member, permissions.VIEW, plan.unit):
        raise ValidationError(
            {
                "member": _("%(who)s không có vai trò ở %(unit)s.")
                % {"who": member.get_full_name() or member, "unit": plan.unit}
            }
        )
    if CouncilMember.objects.filter(plan=plan, user=member).exists():
        raise ValidationError({"member": _("%(who)s đã ở trong hội đồng.") % {"who": member.get_full_name() or member}})
    appointed = CouncilMember(plan=plan, user=member, title=title.strip(), appointed_by=user)
    appointed._history_user = user
    appointed.save()
    return appointed


def _conflict(member: CouncilMember, pledge: Pledge) -> str | None:
    """Why this member must not score this subject, if they must not: it is their own unit
    (below the plan's unit, where every member sits), or it is themselves."""
    if pledge.unit_id != pledge.plan.unit_id and (
        Membership.objects.active().filter(user=member.user, unit=pledge.unit).exists()
    ):
        return _("thành viên hội đồng thuộc %(unit)s") % {"unit": pledge.unit}
    if (
        pledge.subject_kind == SubjectKind.INDIVIDUAL
        and member.user.full_name
        and (fold(member.user.full_name) in fold(pledge.subject_name))
    ):
        return _("thành viên hội đồng tự chấm điểm cho chính mình")
    return None


def council_member_of(*, user: User, plan: Plan) -> CouncilMember:
    member = CouncilMember.objects.select_related("user").filter(plan=plan, user=user).first()
    if member is None:
        raise PermissionError(_("Chỉ thành viên hội đồng thi đua – khen thưởng của kế hoạch này được chấm điểm."))
    return member


@transaction.atomic
def conflict_declare(*, user: User, pledge: Pledge, reason: str) -> ConflictOfInterest:
    member = council_member_of(user=user, plan=pledge.plan)
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do.")})
    conflict, _created = ConflictOfInterest.objects.get_or_create(
        member=member, pledge=pledge, defaults={"reason": reason.strip(), "declared": True}
    )
    return conflict


def scores_record(*, user: User, pledge: Pledge, points: dict[int, Decimal], note: str = "") -> list[Score]:
    """A council member's points for one subject, every item of the sheet within its scale.
    A conflict of interest is recorded, in a transaction of its own, and the scores refused."""
    member = council_member_of(user=user, plan=pledge.plan)
    if pledge.status != PledgeStatus.REGISTERED:
        raise ValidationError({"__all__": _("Đăng ký thi đua này đã rút: không chấm điểm.")})
    known = ConflictOfInterest.objects.filter(member=member, pledge=pledge).first()
    reason = known.reason if known else _conflict(member, pledge)
    if reason:
        if known is None:
            with transaction.atomic():
                ConflictOfInterest.objects.create(member=member, pledge=pledge, reason=reason)
        raise ValidationError(
            {
                "__all__": _("Không chấm điểm %(subject)s: %(reason)s.")
                % {"subject": pledge.subject_name, "reason": reason}
            }
        )
    items = list(pledge.plan.scoring_items.all())
    if not items:
        raise ValidationError({"__all__": _("Kế hoạch chưa có bảng điểm.")})
    errors = {}
    for item in items:
        given = points.get(item.pk)
        if given is None or not Decimal(0) <= given <= item.max_points:
            errors[f"item_{item.pk}"] = _("“%(item)s”: điểm phải từ 0 đến %(max)s.") % {
                "item": item.text[:80],
                "max": vn_number(item.max_points),
            }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        saved = []
        for item in items:
            score = Score.objects.filter(pledge=pledge, member=member, item=item).first() or Score(
                pledge=pledge, member=member, item=item
            )
            score.points, score.note = points[item.pk], note.strip()[:255]
            score._history_user = user
            score.save()
            saved.append(score)
    return saved
