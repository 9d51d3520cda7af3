"""Every write of calls and registrations: submit, confirm, return, resubmit."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongtrao.accounts import permissions
from phongtrao.accounts.models import Role, User
from phongtrao.accounts.selectors import people_acting_for
from phongtrao.bounds import MAX_QUANTITY, checked
from phongtrao.concurrency import Conflict, serialize_on
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.jobs.work import may_run_as_job
from phongtrao.notifications.services import notify_all
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import Plan
from phongtrao.registrations.excel import REGISTRATION_COLUMNS, lines_from_text
from phongtrao.registrations.models import (
    CallKind,
    Registrants,
    Registration,
    RegistrationCall,
    RegistrationLine,
    RegistrationStatus,
)
from phongtrao.sheets import (
    ImportReport,
    read_rows,
    write_all,
)
from phongtrao.text import fold
from phongtrao.ui.formatting import day_text
from phongtrao.ui.history import attributed
from phongtrao.workdays.models import WorkDay

LIVE = [RegistrationStatus.SUBMITTED, RegistrationStatus.CONFIRMED]


@transaction.atomic
def call_create(
    *,
    user: User,
    plan: Plan,
    title: str,
    kind: str,
    registrants: str,
    deadline: dt.date | None = None,
    min_per_registrant: int = 1,
    max_per_registrant: int | None = None,
) -> RegistrationCall:
    permissions.demand(user, permissions.EDIT, plan.unit)
    errors = {}
    if not title.strip():
        errors["title"] = _("Tên mẫu đăng ký không được để trống.")
    if deadline and plan.period_end and deadline > plan.period_end:
        errors["deadline"] = _("Hạn đăng ký %(d)s sau khi kế hoạch kết thúc (%(end)s).") % {
            "d": day_text(deadline),
            "end": day_text(plan.period_end),
        }
    if max_per_registrant is not None and max_per_registrant < min_per_registrant:
        errors["max_per_registrant"] = _("Số tối đa không được nhỏ hơn số tối thiểu.")
    if errors:
        raise ValidationError(errors)
    call = RegistrationCall(
        plan=plan,
        title=title.strip(),
        kind=kind,
        registrants=registrants,
        deadline=deadline,
        min_per_registrant=min_per_registrant,
        max_per_registrant=max_per_registrant,
    )
    attributed(call, user)
    checked(call).save()
    return call


def _check_registrant(call: RegistrationCall, unit: AdminUnit, organization: Organization | None) -> None:
    plan_unit = call.plan.unit
    if not plan_unit.contains(unit):
        raise ValidationError(
            {
                "unit": _("%(unit)s không thuộc %(plan_unit)s nên không đăng ký theo kế hoạch này.")
                % {"unit": unit, "plan_unit": plan_unit}
            }
        )
    if organization is not None and organization.unit_id != unit.pk:
        raise ValidationError(
            {"organization": _("%(org)s không thuộc %(unit)s.") % {"org": organization, "unit": unit}}
        )
    if call.registrants == Registrants.VILLAGES and (unit.level != Level.VILLAGE or organization is not None):
        raise ValidationError({"unit": _("Mẫu đăng ký này dành cho các thôn.")})
    if call.registrants == Registrants.ORGANIZATIONS and organization is None:
        raise ValidationError({"organization": _("Mẫu đăng ký này dành cho các cơ quan, đoàn thể: hãy chọn đơn vị.")})


WEEKDAYS = [
    gettext_lazy("thứ Hai"),
    gettext_lazy("thứ Ba"),
    gettext_lazy("thứ Tư"),
    gettext_lazy("thứ Năm"),
    gettext_lazy("thứ Sáu"),
    gettext_lazy("thứ Bảy"),
    gettext_lazy("Chủ nhật"),
]
SATURDAY = 5


def _planned_date_errors(call: RegistrationCall, unit: AdminUnit, planned_date: dt.date | None) -> dict[str, str]:
    """A planned date lies within the plan's time (not before it was issued, when it states
    none), a Saturday activity falls on a Saturday and, once the plan has its Saturday
    calendar, on one of the village's days in it."""
    if planned_date is None:
        return {}
    plan = call.plan
    if not plan.period_contains(planned_date, planned_date):
        return {
            "planned_date": _("Ngày %(d)s nằm ngoài thời gian thực hiện kế hoạch (%(start)s – %(end)s).")
            % {"d": day_text(planned_date), "start": day_text(plan.period_start), "end": day_text(plan.period_end)}
        }
    if plan.period_start is None and plan.issue_date and planned_date < plan.issue_date:
        return {
            "planned_date": _("Ngày %(d)s trước ngày ban hành kế hoạch (%(issued)s).")
            % {"d": day_text(planned_date), "issued": day_text(plan.issue_date)}
        }
    if call.kind == CallKind.ACTIVITY and planned_date.weekday() != SATURDAY:
        return {
            "planned_date": _("Ngày %(d)s là %(weekday)s; hoạt động của mẫu này làm vào ngày thứ Bảy.")
            % {"d": day_text(planned_date), "weekday": WEEKDAYS[planned_date.weekday()]}
        }
    if call.kind == CallKind.ACTIVITY:
        days = sorted({d.date for d in WorkDay.objects.calendar_of(plan, [unit])})
        if days and planned_date not in days:
            return {
                "planned_date": _("Ngày %(d)s không có trong lịch ngày thứ Bảy của %(unit)s; hãy chọn: %(days)s.")
                % {"d": day_text(planned_date), "unit": unit, "days": ", ".join(day_text(d) for d in days[:12])}
            }
    return {}


def _clean_lines(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    errors, clean = [], []
    for n, line in enumerate(lines, start=1):
        quantity = line.get("quantity")
        unit_of_measure = (line.get("unit_of_measure") or "").strip()
        if quantity in (None, "") and not unit_of_measure and not (line.get("description") or "").strip():
            continue  # a blank line of the form
        if quantity is None or quantity <= 0:
            errors.append(_("Dòng %(n)s: số lượng phải lớn hơn 0.") % {"n": n})
        elif quantity > MAX_QUANTITY:
            errors.append(_("Dòng %(n)s: số lượng %(q)s quá lớn, hãy kiểm tra lại.") % {"n": n, "q": quantity})
        if not unit_of_measure:
            errors.append(_("Dòng %(n)s: thiếu đơn vị tính (người, m³, cái…).") % {"n": n})
        clean.append({**line, "unit_of_measure": unit_of_measure})
    if errors:
        raise ValidationError({"lines": errors})
    return clean


@transaction.atomic
def registration_submit(
    *,
    user: User,
    call: RegistrationCall,
    unit: AdminUnit,
    content: str,
    place: str,
    organization: Organization | None = None,
    planned_date: dt.date | None = None,
    support_requested: str = "",
    notes: str = "",
    lines: Sequence[dict[str, Any]] = (),
) -> Registration:
    """A village or organisation registers what it will do; late ones are accepted and marked."""
    permissions.demand(user, permissions.REPORT, unit)
    _check_registrant(call, unit, organization)
    errors = {}
    if not content.strip():
        errors["content"] = _("Nội dung công việc không được để trống.")
    if not place.strip():
        errors["place"] = _("Địa điểm thực hiện không được để trống.")
    errors |= _planned_date_errors(call, unit, planned_date)
    if errors:
        raise ValidationError(errors)
    clean = _clean_lines(list(lines))
    if call.max_per_registrant:
        # Counted one at a time: two registrations sent at once for the last place take one.
        serialize_on(f"registrations:{call.pk}:{unit.pk}:{organization.pk if organization else ''}")
        taken = Registration.objects.filter(call=call, unit=unit, organization=organization, status__in=LIVE).count()
        if taken >= call.max_per_registrant:
            raise ValidationError(
                {
                    "__all__": _("%(who)s đã đăng ký đủ %(n)s nội dung cho mẫu này.")
                    % {"who": organization or unit, "n": call.max_per_registrant}
                }
            )
    now = timezone.now()
    registration = Registration(
        call=call,
        unit=unit,
        organization=organization,
        content=content.strip(),
        place=place.strip(),
        planned_date=planned_date,
        support_requested=support_requested.strip(),
        notes=notes.strip(),
        submitted_by=user,
        submitted_at=now,
        late=bool(call.deadline and timezone.localdate(now) > call.deadline),
    )
    attributed(registration, user)
    checked(registration).save()
    _save_lines(registration, clean)
    _tell_deciders(registration, user)
    return registration


@translation.override("vi")  # stored: in Vietnamese, whatever the sender's language
def _tell_deciders(registration: Registration, actor: User) -> None:
    """A registration sent (or sent again): the commune's officers are told."""
    again = registration.version > 1
    notify_all(
        users=[u for u in people_acting_for(registration.call.plan.unit, Role.OFFICER) if u != actor],
        key=f"registration:{registration.pk}:v{registration.version}:submitted",
        subject=(_("%(who)s gửi lại đăng ký đã sửa") if again else _("%(who)s đăng ký: chờ xác nhận"))
        % {"who": registration.registrant},
        body=f"{registration.call.title}\n{registration.content[:300]}",
        url=reverse("registrations:registration", args=[registration.pk]),
    )


@translation.override("vi")
def _tell_registrant(registration: Registration, actor: User) -> None:
    """A decision: whoever sent it and the village's people are told, with the reason."""
    returned = registration.status == RegistrationStatus.RETURNED
    told = [registration.submitted_by, *people_acting_for(registration.unit, Role.REPORTER)]
    notify_all(
        users=[u for u in told if u is not None and u != actor],
        key=f"registration:{registration.pk}:v{registration.version}:{registration.status}",
        subject=(_("Đăng ký bị trả lại, cần sửa: %(what)s") if returned else _("Đăng ký đã được xác nhận: %(what)s"))
        % {"what": registration.content[:120]},
        body=(_("Lý do: %(reason)s") % {"reason": registration.status_reason}) if returned else registration.call.title,
        url=reverse("registrations:edit" if returned else "registrations:registration", args=[registration.pk]),
    )


def _decide(user: User, registration: Registration, version: int, status: str, reason: str) -> Registration:
    permissions.demand(user, permissions.EDIT, registration.call.plan.unit)
    updated = Registration.objects.filter(
        pk=registration.pk, version=version, status=RegistrationStatus.SUBMITTED
    ).update(status=status, status_reason=reason, decided_by=user, decided_at=timezone.now(), version=F("version") + 1)
    if not updated:
        current = Registration.objects.get(pk=registration.pk)
        raise Conflict(
            _("Đăng ký này vừa được %(who)s xử lý (%(status)s); hãy tải lại trang.")
            % {"who": current.decided_by or _("người khác"), "status": current.get_status_display()}
        )
    registration = Registration.objects.get(pk=registration.pk)
    attributed(registration, user)
    registration.save(update_fields=["version"])  # records the decision in the history with its author
    if status == RegistrationStatus.CONFIRMED and registration.planned_date:
        # carried out on the village's Saturday of that date: its page lists it
        registration.work_days.add(
            *WorkDay.objects.calendar_of(registration.call.plan, [registration.unit]).filter(
                date=registration.planned_date
            )
        )
    _tell_registrant(registration, user)
    return registration


@transaction.atomic
def registration_confirm(*, user: User, registration: Registration, version: int) -> Registration:
    """The commune confirms; of two officers confirming at once, the second is told."""
    return _decide(user, registration, version, RegistrationStatus.CONFIRMED, "")


@transaction.atomic
def registration_return(*, user: User, registration: Registration, version: int, reason: str) -> Registration:
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do trả lại để thôn sửa.")})
    return _decide(user, registration, version, RegistrationStatus.RETURNED, reason.strip())


@transaction.atomic
def registration_resubmit(*, user: User, registration: Registration, version: int, **changes: Any) -> Registration:
    """A returned registration, corrected, goes back for confirmation. `version` is the one
    the sender saw: a second sending from another phone, or a form left open while the
    commune decided, is told what happened (409) instead of overwriting."""
    permissions.demand(user, permissions.REPORT, registration.unit)
    registration = Registration.objects.select_for_update().select_related("call__plan").get(pk=registration.pk)
    if registration.version != version or registration.status != RegistrationStatus.RETURNED:
        raise Conflict(
            _("Đăng ký này vừa thay đổi (%(status)s); hãy tải lại trang.")
            % {"status": registration.get_status_display()}
        )
    lines = changes.pop("lines", None)
    planned_date = changes.get("planned_date", registration.planned_date)
    if errors := _planned_date_errors(registration.call, registration.unit, planned_date):
        raise ValidationError(errors)
    for key in ("content", "place", "planned_date", "support_requested", "notes"):
        if key in changes:
            setattr(registration, key, changes[key].strip() if isinstance(changes[key], str) else changes[key])
    registration.status = RegistrationStatus.SUBMITTED
    registration.status_reason = ""
    registration.version += 1
    attributed(registration, user)
    checked(registration).save()
    if lines is not None:
        registration.lines.all().delete()
        _save_lines(registration, _clean_lines(list(lines)))
    _tell_deciders(registration, user)
    return registration


def _save_lines(registration: Registration, clean: list[dict[str, Any]]) -> None:
    """What a village mobilises, each line checked against its columns before any is saved."""
    rows = [
        RegistrationLine(
            registration=registration,
            kind=line.get("kind") or "people",
            description=(line.get("description") or "").strip(),
            quantity=line["quantity"],
            unit_of_measure=line["unit_of_measure"],
        )
        for line in clean
    ]
    errors: list[str] = []
    for n, row in enumerate(rows, start=1):
        try:
            checked(row)
        except ValidationError as exc:
            errors += [_("Dòng %(n)s: %(m)s") % {"n": n, "m": m} for m in exc.messages]
    if errors:
        raise ValidationError({"lines": errors})
    for row in rows:
        row.save()


@may_run_as_job
def registrations_import(*, user: User, call: RegistrationCall, data: bytes) -> ImportReport:
    """The seed's registration table filled in Excel by the villages: one row per work."""
    permissions.demand(user, permissions.EDIT, call.plan.unit)
    report = ImportReport()
    rows = read_rows(data)
    header = [fold(str(c or "")) for c in rows[0]]
    needed: dict[str, int | None] = {
        name: next((i for i, h in enumerate(header) if h.startswith(name)), None)
        for name in ("don vi", "noi dung cong viec dang ky thuc hien", "dia diem thuc hien")
    }
    missing = [name for name, index in needed.items() if index is None]
    if missing:
        raise ValidationError(
            {
                "file": _("Thiếu cột: %(cols)s. Các cột cần có: %(all)s.")
                % {"cols": ", ".join(missing), "all": ", ".join(REGISTRATION_COLUMNS[:7])}
            }
        )
    optional = {
        key: next((i for i, h in enumerate(header) if h.startswith(key)), None)
        for key in ("kha nang huy dong", "de xuat ho tro", "ghi chu")
    }
    villages = {fold(v.name): v for v in AdminUnit.objects.filter(parent=call.plan.unit, level="village")}

    def get(row: tuple[Any, ...], index: int | None) -> str:
        return str(row[index]).strip() if index is not None and index < len(row) and row[index] is not None else ""

    prepared = []
    for line, row in rows.body():
        if not any(c not in (None, "") for c in row):
            continue
        name = fold(get(row, needed["don vi"]))
        village = villages.get(name) or villages.get(f"thon {name}")
        if village is None:
            report.errors.append(
                _("Dòng %(n)s: không có thôn “%(v)s” ở %(u)s.")
                % {"n": line, "v": get(row, needed["don vi"]), "u": call.plan.unit}
            )
            continue
        prepared.append(
            (
                line,
                {
                    "unit": village,
                    "content": get(row, needed["noi dung cong viec dang ky thuc hien"]),
                    "place": get(row, needed["dia diem thuc hien"]),
                    "lines": lines_from_text(get(row, optional["kha nang huy dong"])),
                    "support_requested": get(row, optional["de xuat ho tro"]),
                    "notes": get(row, optional["ghi chu"]),
                },
            )
        )
    return write_all(report, prepared, functools.partial(registration_submit, user=user, call=call))
