"""Writes of the emulation side; each is atomic and leaves history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import ADOPTED, Plan, PlanStatus, SubjectKind
from phongtrao.rewards.models import Pledge, PledgeStatus


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
