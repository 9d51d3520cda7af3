"""Writes of the emulation side; each is atomic and leaves history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.clients import address_fingerprint
from phongtrao.accounts.models import Membership, Role, User
from phongtrao.accounts.selectors import people_acting_for
from phongtrao.bounds import DOCUMENT_BYTES, checked
from phongtrao.concurrency import Conflict, first_one_wins, lock_fresh, serialize_on
from phongtrao.geo.models import AdminUnit
from phongtrao.notifications.services import notify_all
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import ADOPTED, Plan, PlanStatus, SubjectKind
from phongtrao.rewards.evaluation import ranking, subject_record
from phongtrao.rewards.models import (
    Award,
    ConflictOfInterest,
    CouncilMember,
    Exemplar,
    ExemplarKind,
    ExemplarPhoto,
    Nomination,
    NominationStatus,
    NomineeComment,
    Pledge,
    PledgeStatus,
    RewardDecision,
    RewardForm,
    RewardQuota,
    Score,
    ScoringItem,
    ScoringScope,
)
from phongtrao.text import fold
from phongtrao.ui.formatting import number_text
from phongtrao.ui.history import attributed
from phongtrao.ui.uploads import photo_jpeg


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
    attributed(pledge, user)
    with first_one_wins(_("%(name)s vừa được đăng ký thi đua theo kế hoạch này.") % {"name": name}):
        pledge.save()
    return pledge


@transaction.atomic
def pledge_withdraw(*, user: User, pledge: Pledge, reason: str) -> Pledge:
    """Withdrawn, not deleted: the list the public saw keeps its history."""
    permissions.demand(user, permissions.REPORT, pledge.unit)
    lock_fresh(pledge)
    if pledge.status == PledgeStatus.WITHDRAWN:
        raise ValidationError({"status": _("Đăng ký này đã rút.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do rút đăng ký.")})
    pledge.status, pledge.reason = PledgeStatus.WITHDRAWN, reason.strip()
    attributed(pledge, user)
    pledge.save(update_fields=["status", "reason"])
    return pledge


@transaction.atomic
def scoring_sheet_set(*, user: User, plan: Plan, items: Sequence[dict[str, Any]]) -> list[ScoringItem]:
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
        attributed(old, user)
        old.delete()
    made = []
    for n, item in enumerate(items):
        line = ScoringItem(
            plan=plan,
            order=n,
            text=str(item["text"]).strip(),
            max_points=item["max_points"],
            applies_to=item.get("applies_to") or ScoringScope.ALL,
        )
        attributed(line, user)
        checked(line).save()
        made.append(line)
    return made


SCOPE_WORDS = [
    (ScoringScope.ENTERPRISE, ("doanh nghiep", "hop tac xa")),
    (ScoringScope.INDIVIDUAL, ("ho gia dinh", "ca nhan")),
    (ScoringScope.ORGANIZATION, ("co quan", "ban nganh", "doan the", "to chuc", "don vi")),
    (ScoringScope.VILLAGE, ("thon", "tieu khu", "to dan pho", "khu pho", "xom", "ban ", "khu dan cu")),
]


def scope_from_words(subject: str) -> str:
    """Whom a reward standard is for, read from how the plan names them ("Các tiểu khu",
    "Các doanh nghiệp", "Hộ gia đình, cá nhân")."""
    words = f"{fold(subject)} "
    return next((scope for scope, keys in SCOPE_WORDS if any(k in words for k in keys)), ScoringScope.ALL)


def scoring_sheet_proposal(plan: Plan) -> list[dict[str, Any]]:
    """A first sheet from the plan's reward standards, ten points each, each line for the
    subjects its standard names, for the council to adjust."""
    return [
        {"text": s.text, "max_points": Decimal(10), "applies_to": scope_from_words(s.subject)}
        for s in plan.reward_standards.all()
    ]


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
    attributed(appointed, user)
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
        raise PermissionDenied(_("Chỉ thành viên hội đồng thi đua – khen thưởng của kế hoạch này được chấm điểm."))
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
    items = list(ScoringItem.objects.for_pledge(pledge))
    if not items:
        raise ValidationError({"__all__": _("Bảng điểm của kế hoạch chưa có mục nào cho đối tượng này.")})
    errors = {}
    for item in items:
        given = points.get(item.pk)
        if given is None or not Decimal(0) <= given <= item.max_points:
            errors[f"item_{item.pk}"] = _("“%(item)s”: điểm phải từ 0 đến %(max)s.") % {
                "item": item.text[:80],
                "max": number_text(item.max_points),
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
            attributed(score, user)
            score.save()
            saved.append(score)
    return saved


def deciding_unit(pledge: Pledge, reward_form: RewardForm) -> AdminUnit:
    """The unit whose chairman gives this form to this subject: the subject's own unit or
    the ancestor at the form's level."""
    for unit in [pledge.unit, *reversed(list(pledge.unit.ancestors()))]:
        if unit.level == reward_form.level:
            return unit
    raise ValidationError(
        {"reward_form": _("%(form)s không áp dụng cho %(unit)s.") % {"form": reward_form, "unit": pledge.unit}}
    )


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def nomination_summary_draft(pledge: Pledge) -> str:
    """The achievement summary drafted from what the system holds, for the nominator to edit."""
    record = subject_record(pledge)
    # Only what the subject did: a certificate saying "0 works" is worse than none.
    lines = [_("Đã đăng ký thi đua: %(c)s") % {"c": pledge.commitments}]
    if record.registrations_confirmed:
        lines.append(
            _("Công trình, phần việc đăng ký đã được xác nhận: %(n)s.") % {"n": record.registrations_confirmed}
        )
    if record.work_days_done:
        lines.append(_("Ngày thứ Bảy đã thực hiện: %(n)s.") % {"n": record.work_days_done})
    if record.duties:
        lines.append(_("Nhiệm vụ được giao đã hoàn thành %(d)s/%(t)s.") % {"d": record.duties_done, "t": record.duties})
    if record.money or record.labour_days or record.land:
        lines.append(
            _("Huy động đóng góp: %(m)s đồng, %(l)s ngày công, hiến %(a)s m² đất.")
            % {"m": number_text(record.money), "l": number_text(record.labour_days), "a": number_text(record.land)}
        )
    standing = next((s for s in ranking(pledge.plan) if s.pledge.pk == pledge.pk), None)
    if standing is not None and standing.average is not None:
        lines.append(
            _("Hội đồng thi đua chấm bình quân %(p)s điểm, xếp thứ %(r)s.")
            % {"p": number_text(standing.average), "r": standing.rank}
        )
    return "\n".join(lines)


@transaction.atomic
def nomination_propose(*, user: User, pledge: Pledge, reward_form: RewardForm, summary: str = "") -> Nomination:
    """Proposed by those who report for the subject's unit; it waits first at the unit above
    (or at the subject's own unit when that unit decides the form)."""
    permissions.demand(user, permissions.REPORT, pledge.unit)
    if pledge.status != PledgeStatus.REGISTERED:
        raise ValidationError({"pledge": _("Đăng ký thi đua này đã rút.")})
    decider = deciding_unit(pledge, reward_form)
    if Nomination.objects.filter(pledge=pledge, reward_form=reward_form).exists():
        raise ValidationError(
            {"reward_form": _("%(s)s đã được đề nghị %(f)s.") % {"s": pledge.subject_name, "f": reward_form}}
        )
    first_stop = decider if decider.pk == pledge.unit_id else pledge.unit.parent
    nomination = Nomination(
        plan=pledge.plan,
        pledge=pledge,
        reward_form=reward_form,
        summary=summary.strip() or nomination_summary_draft(pledge),
        at_unit=first_stop,
        proposed_by=user,
    )
    attributed(nomination, user)
    with first_one_wins(_("%(s)s vừa được đề nghị %(f)s.") % {"s": pledge.subject_name, "f": reward_form}):
        nomination.save()
    _tell_about_nomination(nomination, user)
    return nomination


@translation.override("vi")  # stored: in Vietnamese, whatever the sender's language
def _tell_about_nomination(nomination: Nomination, actor: User) -> None:
    """Waiting at a level: its approvers are told. Returned: the nominator and the
    subject's unit, with the reason. Approved at the deciding level: the nominator."""
    url = reverse("rewards:plan_nominations", args=[nomination.plan_id])
    what = f"{nomination.pledge.subject_name}: {nomination.reward_form}"[:150]
    key = f"nomination:{nomination.pk}:v{nomination.version}:{nomination.status}"
    users: list[User | None]
    if nomination.status == NominationStatus.PENDING:
        users = list(people_acting_for(nomination.at_unit, Role.APPROVER))
        subject, body = _("Đề nghị khen thưởng chờ xét: %(what)s") % {"what": what}, nomination.summary[:300]
    else:
        users = [nomination.proposed_by, *people_acting_for(nomination.pledge.unit, Role.REPORTER)]
        if nomination.status == NominationStatus.RETURNED:
            subject = _("Đề nghị khen thưởng bị trả lại, cần sửa: %(what)s") % {"what": what}
            body = _("Lý do: %(reason)s") % {"reason": nomination.reason}
        else:
            subject, body = _("Đề nghị khen thưởng đã được duyệt: %(what)s") % {"what": what}, ""
    notify_all(users=[u for u in users if u is not None and u != actor], key=key, subject=subject, body=body, url=url)


def _nomination_as_seen(nomination: Nomination, version: int | None) -> Nomination:
    """The nomination held until the transaction ends, as it is now; refused with a
    Conflict when it changed since the person looked at it (`version`)."""
    seen_at = nomination.at_unit_id
    lock_fresh(nomination)
    if (version is not None and nomination.version != version) or nomination.at_unit_id != seen_at:
        raise Conflict(
            _("Đề nghị khen thưởng %(s)s vừa được người khác xử lý (%(status)s tại %(unit)s); hãy tải lại trang.")
            % {
                "s": nomination.pledge.subject_name,
                "status": nomination.get_status_display(),
                "unit": nomination.at_unit,
            }
        )
    return nomination


def _approved_or_awarded(plan: Plan, reward_form: RewardForm) -> int:
    """What counts against the plan's quota of a form: approved, whether decided yet or not."""
    return Nomination.objects.filter(
        plan=plan, reward_form=reward_form, status__in=[NominationStatus.APPROVED, NominationStatus.AWARDED]
    ).count()


@transaction.atomic
def nomination_decide(
    *, user: User, nomination: Nomination, approve: bool, reason: str = "", version: int | None = None
) -> Nomination:
    """At the level it waits at: returned with a reason to the nominator, or approved and
    sent one level up, or, at the deciding level, approved within the plan's quota. An
    approval and a return sent at once: the second is told the first came before it."""
    permissions.demand(user, permissions.APPROVE, nomination.at_unit)
    nomination = _nomination_as_seen(nomination, version)
    if nomination.status != NominationStatus.PENDING:
        raise Conflict(_("Đề nghị này không còn chờ xét ở đây (%(s)s).") % {"s": nomination.get_status_display()})
    if not approve:
        if not reason.strip():
            raise ValidationError({"reason": _("Hãy ghi lý do trả lại.")})
        nomination.status, nomination.reason = NominationStatus.RETURNED, reason.strip()
    elif nomination.at_unit_id == deciding_unit(nomination.pledge, nomination.reward_form).pk:
        # Approvals of one form under one plan are counted one at a time: six approvals
        # sent at once for the last place take one place.
        serialize_on(f"reward-quota:{nomination.plan_id}:{nomination.reward_form_id}")
        quota = RewardQuota.objects.filter(plan=nomination.plan, reward_form=nomination.reward_form).first()
        approved = _approved_or_awarded(nomination.plan, nomination.reward_form)
        if quota is not None and approved >= quota.limit:
            raise ValidationError(
                {
                    "status": _("Đã duyệt đủ %(n)s %(f)s theo số lượng của kế hoạch.")
                    % {"n": quota.limit, "f": nomination.reward_form}
                }
            )
        nomination.status, nomination.reason = NominationStatus.APPROVED, ""
    else:
        above = nomination.at_unit.parent
        if above is None:  # the deciding unit is above it: there is always one to pass it to
            raise ValidationError({"status": _("Không có cấp trên để chuyển đề nghị.")})
        nomination.at_unit, nomination.reason = above, ""
    nomination.version += 1
    attributed(nomination, user)
    nomination.save()
    _tell_about_nomination(nomination, user)
    return nomination


@transaction.atomic
def nomination_resubmit(*, user: User, nomination: Nomination, summary: str, version: int | None = None) -> Nomination:
    """A returned nomination, revised, goes back to the level that returned it."""
    permissions.demand(user, permissions.REPORT, nomination.pledge.unit)
    nomination = _nomination_as_seen(nomination, version)
    if nomination.status != NominationStatus.RETURNED:
        raise ValidationError({"status": _("Chỉ gửi lại đề nghị đã bị trả lại.")})
    if not summary.strip():
        raise ValidationError({"summary": _("Tóm tắt thành tích không được để trống.")})
    nomination.summary, nomination.status = summary.strip(), NominationStatus.PENDING
    nomination.version += 1
    attributed(nomination, user)
    nomination.save()
    _tell_about_nomination(nomination, user)
    return nomination


@transaction.atomic
def reward_quota_set(*, user: User, plan: Plan, reward_form: RewardForm, limit: int | None) -> RewardQuota | None:
    """How many of a form the plan may give; None lifts the limit. Never below what is already approved."""
    permissions.demand(user, permissions.APPROVE, plan.unit)
    serialize_on(f"reward-quota:{plan.pk}:{reward_form.pk}")
    quota = RewardQuota.objects.filter(plan=plan, reward_form=reward_form).first()
    if limit is None:
        if quota is not None:
            attributed(quota, user)
            quota.delete()
        return None
    approved = _approved_or_awarded(plan, reward_form)
    if limit < approved:
        raise ValidationError(
            {"limit": _("Đã duyệt %(n)s %(f)s: số lượng không thể nhỏ hơn.") % {"n": approved, "f": reward_form}}
        )
    quota = quota or RewardQuota(plan=plan, reward_form=reward_form)
    quota.limit = limit
    attributed(quota, user)
    quota.save()
    return quota


@transaction.atomic
def reward_decision_issue(
    *,
    user: User,
    plan: Plan,
    reward_form: RewardForm,
    number: str,
    date: dt.date,
    signer_title: str,
    signer_name: str,
    amount: Decimal,
    nominations: list[Nomination],
    corrects: RewardDecision | None = None,
) -> RewardDecision:
    """Reward the approved nominations of one form decided at one unit. Issued once and
    never edited: a correction is a new decision naming the one it corrects."""
    if not nominations:
        raise ValidationError({"nominations": _("Hãy chọn ít nhất một tập thể, cá nhân được khen thưởng.")})
    issuer = deciding_unit(nominations[0].pledge, reward_form)
    permissions.demand(user, permissions.APPROVE, issuer)
    # The nominations are held (in a fixed order, so two decisions cannot wait on each
    # other) and judged as they are now: one nomination in two decisions issued at once
    # is rewarded by the first only.
    held = {
        n.pk: n
        for n in Nomination.objects.select_for_update()
        .select_related("pledge", "pledge__unit")
        .filter(pk__in=[n.pk for n in nominations])
        .order_by("pk")
    }
    nominations = [held[n.pk] for n in nominations]
    corrected = set(corrects.awards.values_list("nomination_id", flat=True)) if corrects is not None else set()
    errors: dict[str, list[str]] = {}
    for nomination in nominations:
        if nomination.status == NominationStatus.AWARDED and nomination.pk not in corrected:
            errors.setdefault("nominations", []).append(
                _("%(s)s đã có quyết định khen thưởng.") % {"s": nomination.pledge.subject_name}
            )
        elif (
            nomination.plan_id != plan.pk
            or nomination.reward_form_id != reward_form.pk
            or nomination.status not in (NominationStatus.APPROVED, NominationStatus.AWARDED)
            or nomination.at_unit_id != issuer.pk
        ):
            errors.setdefault("nominations", []).append(
                _("%(s)s chưa được duyệt %(f)s tại %(u)s.")
                % {"s": nomination.pledge.subject_name, "f": reward_form, "u": issuer}
            )
        elif nomination.comment_until is None or nomination.comment_until >= date:
            errors.setdefault("nominations", []).append(
                _("%(s)s chưa công khai lấy ý kiến, hoặc chưa hết thời gian lấy ý kiến trước ngày ký.")
                % {"s": nomination.pledge.subject_name}
            )
    if not number.strip():
        errors["number"] = [_("Hãy ghi số quyết định.")]
    if amount < 0:
        errors["amount"] = [_("Tiền thưởng không được âm.")]
    if date > timezone.localdate():
        errors["date"] = [_("Ngày ký chưa đến.")]
    if not signer_name.strip() or not signer_title.strip():
        errors["signer_name"] = [_("Hãy ghi chức vụ và họ tên người ký.")]
    if corrects is not None and (corrects.plan_id != plan.pk or hasattr(corrects, "corrected_by")):
        errors["corrects"] = [_("Quyết định %(d)s không thể đính chính ở đây.") % {"d": corrects}]
    used = _("Số %(n)s/QĐ-UBND năm %(y)s đã dùng.") % {"n": number.strip(), "y": date.year}
    if RewardDecision.objects.filter(
        issuer_unit=issuer, symbol="QĐ-UBND", number=number.strip(), year=date.year
    ).exists():
        errors["number"] = [used]
    if errors:
        raise ValidationError(errors)
    decision = RewardDecision(
        plan=plan,
        issuer_unit=issuer,
        reward_form=reward_form,
        number=number.strip(),
        date=date,
        year=date.year,
        signer_title=signer_title.strip(),
        signer_name=signer_name.strip(),
        amount=amount,
        corrects=corrects,
        issued_by=user,
    )
    with first_one_wins(used):  # two decisions given the same number at the same moment
        checked(decision).save()
    Award.objects.bulk_create(
        Award(
            decision=decision,
            nomination=nomination,
            subject_name=nomination.pledge.subject_name,
            unit=nomination.pledge.unit,
            achievement=nomination.summary,
            amount=amount,
        )
        for nomination in nominations
    )
    # What the corrected decision rewarded and this one leaves out waits again for a decision.
    left_out = corrected - {n.pk for n in nominations}
    for nomination in [*nominations, *Nomination.objects.filter(pk__in=left_out)]:
        nomination.status = NominationStatus.AWARDED if nomination.pk not in left_out else NominationStatus.APPROVED
        nomination.version += 1
        attributed(nomination, user)
        nomination.save(update_fields=["status", "version"])
    return decision


@transaction.atomic
def nominations_disclose(*, user: User, nominations: list[Nomination], day: dt.date, days: int) -> list[Nomination]:
    """Publish approved nominees for the public's comments for `days` days from `day`
    (the day the list was posted, on the board or here); no decision before it ends."""
    errors = []
    if day > timezone.localdate():
        errors.append(_("Ngày công khai chưa đến."))
    if days < 1:
        errors.append(_("Thời gian lấy ý kiến ít nhất 1 ngày."))
    for nomination in nominations:
        permissions.demand(user, permissions.APPROVE, nomination.at_unit)
        lock_fresh(nomination)
        if nomination.status != NominationStatus.APPROVED:
            errors.append(_("%(s)s chưa được duyệt ở cấp quyết định.") % {"s": nomination.pledge.subject_name})
    if errors:
        raise ValidationError({"nominations": errors})
    for nomination in nominations:
        nomination.disclosed_on, nomination.comment_until = day, day + dt.timedelta(days=days)
        attributed(nomination, user)
        nomination.save(update_fields=["disclosed_on", "comment_until"])
    return nominations


def nominee_comment_add(*, nomination: Nomination, name: str, text: str, address: str) -> NomineeComment:
    """A citizen's comment while the list is open; a burst from one address is refused."""
    today = timezone.localdate()
    opened, until = nomination.disclosed_on, nomination.comment_until
    if opened is None or until is None or not opened <= today <= until:
        raise ValidationError({"__all__": _("Danh sách này không còn trong thời gian lấy ý kiến.")})
    errors = {}
    if not name.strip():
        errors["name"] = _("Hãy ghi họ tên.")
    if not text.strip():
        errors["text"] = _("Hãy ghi ý kiến.")
    if errors:
        raise ValidationError(errors)
    digest = address_fingerprint(address)
    recent = NomineeComment.objects.filter(
        address_hash=digest, created_at__gte=timezone.now() - dt.timedelta(hours=1)
    ).count()
    if recent >= settings.REWARD_COMMENTS_PER_HOUR:
        raise ValidationError({"__all__": _("Bạn đã gửi nhiều ý kiến trong một giờ; hãy gửi lại sau.")})
    return NomineeComment.objects.create(
        nomination=nomination, name=name.strip()[:100], text=text.strip()[:2000], address_hash=digest
    )


MAX_PHOTOS = 12


THUMBNAIL_SIDE = 480


def _save(exemplar: Exemplar, user: User) -> Exemplar:
    attributed(exemplar, user)
    exemplar.save()
    return exemplar


def _photo(exemplar: Exemplar, name: str, data: bytes, caption: str, order: int) -> ExemplarPhoto:
    if len(data) > DOCUMENT_BYTES:
        raise ValidationError({"photos": _("Ảnh “%(name)s” quá lớn (tối đa 10 MB).") % {"name": name}})
    full = photo_jpeg(name, data, field="photos")
    small = photo_jpeg(name, data, max_side=THUMBNAIL_SIDE, field="photos")
    photo = ExemplarPhoto(exemplar=exemplar, caption=caption.strip()[:200], order=order)
    photo.image.save(f"anh-{order}.jpg", ContentFile(full), save=False)
    photo.thumbnail.save(f"anh-{order}-nho.jpg", ContentFile(small), save=False)
    photo.save()
    return photo


@transaction.atomic
def exemplar_create(
    *,
    user: User,
    unit: AdminUnit,
    kind: str,
    title: str,
    story: str,
    plan: Plan | None = None,
    photos: Sequence[tuple[str, bytes, str]] = (),
) -> Exemplar:
    """Told by those who report for the unit; not public until an official publishes it."""
    permissions.demand(user, permissions.REPORT, unit)
    errors: dict[str, str] = {}
    if kind not in ExemplarKind.values:
        errors["kind"] = _("Chọn loại điển hình.")
    if not title.strip():
        errors["title"] = _("Hãy ghi tên điển hình, mô hình.")
    if not story.strip():
        errors["story"] = _("Hãy kể câu chuyện, cách làm để nơi khác học tập.")
    if plan is not None and not plan.unit.contains(unit) and not unit.contains(plan.unit):
        errors["plan"] = _("Kế hoạch này không thuộc %(unit)s.") % {"unit": unit}
    if len(photos) > MAX_PHOTOS:
        errors["photos"] = _("Tối đa %(n)s ảnh.") % {"n": MAX_PHOTOS}
    if errors:
        raise ValidationError(errors)
    exemplar = _save(
        Exemplar(unit=unit, plan=plan, kind=kind, title=title.strip(), story=story.strip(), created_by=user), user
    )
    for order, (name, data, caption) in enumerate(photos, start=1):
        _photo(exemplar, name, data, caption, order)
    return exemplar


@transaction.atomic
def exemplar_photo_add(*, user: User, exemplar: Exemplar, name: str, data: bytes, caption: str = "") -> ExemplarPhoto:
    permissions.demand(user, permissions.REPORT, exemplar.unit)
    count = exemplar.photos.count()
    if count >= MAX_PHOTOS:
        raise ValidationError({"photos": _("Tối đa %(n)s ảnh.") % {"n": MAX_PHOTOS}})
    return _photo(exemplar, name, data, caption, count + 1)


@transaction.atomic
def exemplar_publish(*, user: User, exemplar: Exemplar) -> Exemplar:
    permissions.demand(user, permissions.EDIT, exemplar.unit)
    if lock_fresh(exemplar).published:
        raise Conflict(_("Điển hình này vừa được công khai; hãy tải lại trang."))
    exemplar.published, exemplar.withdrawn_reason = True, ""
    return _save(exemplar, user)


@transaction.atomic
def exemplar_withdraw(*, user: User, exemplar: Exemplar, reason: str) -> Exemplar:
    permissions.demand(user, permissions.EDIT, exemplar.unit)
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do thôi công khai.")})
    if not lock_fresh(exemplar).published:
        raise Conflict(_("Điển hình này vừa được thôi công khai; hãy tải lại trang."))
    exemplar.published, exemplar.withdrawn_reason = False, reason.strip()[:255]
    return _save(exemplar, user)
