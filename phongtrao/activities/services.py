"""Writes of the activities app: registration calls, registrations and their decision."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.activities import calendar, evidence
from phongtrao.activities.models import (
    Attendance,
    Contribution,
    ContributionKind,
    DutyProgress,
    Evidence,
    Fund,
    Registrants,
    Registration,
    RegistrationCall,
    RegistrationLine,
    RegistrationStatus,
    WorkDay,
    WorkDayPhoto,
    WorkDayStatus,
    WorkResult,
)
from phongtrao.bounds import checked
from phongtrao.concurrency import Conflict, first_one_wins, lock_fresh, serialize_on
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import Duty, DutyStatus, Plan
from phongtrao.text import natural_key, vn_number

MAX_QUANTITY = Decimal(100_000)  # more people, cuốc or m³ than this on one Saturday is a typing slip
LIVE = [RegistrationStatus.SUBMITTED, RegistrationStatus.CONFIRMED]
MAX_CALENDAR_MONTHS = 60  # a five-year programme's Saturdays in one go, not a century of them


def _fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


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
            "d": _fmt(deadline),
            "end": _fmt(plan.period_end),
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
    call._history_user = user
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
    lines: list[dict[str, Any]] = (),
) -> Registration:
    """A village or organisation registers what it will do; late ones are accepted and marked."""
    permissions.demand(user, permissions.REPORT, unit)
    _check_registrant(call, unit, organization)
    errors = {}
    if not content.strip():
        errors["content"] = _("Nội dung công việc không được để trống.")
    if not place.strip():
        errors["place"] = _("Địa điểm thực hiện không được để trống.")
    plan = call.plan
    if planned_date and not plan.period_contains(planned_date, planned_date):
        errors["planned_date"] = _("Ngày %(d)s nằm ngoài thời gian thực hiện kế hoạch (%(start)s – %(end)s).") % {
            "d": _fmt(planned_date),
            "start": _fmt(plan.period_start),
            "end": _fmt(plan.period_end),
        }
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
    registration._history_user = user
    checked(registration).save()
    _save_lines(registration, clean)
    return registration


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
    registration._history_user = user
    registration.save(update_fields=["version"])  # records the decision in the history with its author
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
def registration_resubmit(*, user: User, registration: Registration, **changes: Any) -> Registration:
    """A returned registration, corrected, goes back for confirmation."""
    permissions.demand(user, permissions.REPORT, registration.unit)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != RegistrationStatus.RETURNED:
        raise ValidationError({"__all__": _("Chỉ sửa và gửi lại được đăng ký đã bị trả lại.")})
    lines = changes.pop("lines", None)
    for key in ("content", "place", "planned_date", "support_requested", "notes"):
        if key in changes:
            setattr(registration, key, changes[key].strip() if isinstance(changes[key], str) else changes[key])
    registration.status = RegistrationStatus.SUBMITTED
    registration.status_reason = ""
    registration.version += 1
    registration._history_user = user
    checked(registration).save()
    if lines is not None:
        registration.lines.all().delete()
        _save_lines(registration, _clean_lines(list(lines)))
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


# --- Saturday work days ------------------------------------------------------------


def _villages(unit: AdminUnit) -> list[AdminUnit]:
    return sorted(AdminUnit.objects.filter(parent=unit, level=Level.VILLAGE), key=lambda v: natural_key(v.name))


@transaction.atomic
def workdays_generate(
    *, user: User, plan: Plan, start: dt.date | None = None, end: dt.date | None = None, week: int = 1
) -> list[WorkDay]:
    """The plan's monthly Saturdays, holidays and Tết skipped, rotating fairly over the
    commune's villages. Months that already have a day keep it: run twice, nothing changes."""
    permissions.demand(user, permissions.EDIT, plan.unit)
    villages = _villages(plan.unit)
    if not villages:
        raise ValidationError(
            {"__all__": _("%(unit)s chưa có danh sách thôn; hãy nhập danh sách thôn trước.") % {"unit": plan.unit}}
        )
    start = start or plan.period_start or plan.issue_date or dt.date(timezone.localdate().year, 1, 1)
    end = end or plan.period_end or dt.date(start.year, 12, 31)
    if end < start:
        raise ValidationError({"end": _("Ngày kết thúc trước ngày bắt đầu.")})
    if (end.year - start.year) * 12 + end.month - start.month >= MAX_CALENDAR_MONTHS:
        raise ValidationError(
            {"end": _("Mỗi lần lập lịch tối đa %(n)s tháng; hãy chọn khoảng ngắn hơn.") % {"n": MAX_CALENDAR_MONTHS}}
        )
    if not plan.period_contains(start, end):
        raise ValidationError({"start": _("Khoảng thời gian nằm ngoài thời gian thực hiện kế hoạch.")})
    existing = list(plan.work_days.exclude(status=WorkDayStatus.CANCELLED))
    taken_months = {(d.date.year, d.date.month) for d in existing}
    weekday = plan.recurrence_weekday if plan.recurrence_weekday is not None else calendar.SATURDAY
    days = [
        day
        for day in calendar.monthly_days(start, end, weekday=weekday, week=week)
        if (day.year, day.month) not in taken_months
    ]
    counts: dict[AdminUnit, int] = {}
    for day in existing:
        counts[day.unit] = counts.get(day.unit, 0) + 1
    created = []
    for day, village in calendar.rotate(days, villages, counts):
        work_day = WorkDay(plan=plan, unit=village, date=day)
        work_day._history_user = user
        work_day.save()
        work_day.registrations.set(
            Registration.objects.filter(
                call__plan=plan, unit=village, planned_date=day, status=RegistrationStatus.CONFIRMED
            )
        )
        created.append(work_day)
    return created


@transaction.atomic
def workday_move(*, user: User, work_day: WorkDay, date: dt.date, unit: AdminUnit) -> WorkDay:
    """The commune edits the calendar: another date or another village."""
    permissions.demand(user, permissions.EDIT, work_day.plan.unit)
    errors = {}
    holiday = calendar.holiday_name(date)
    if holiday:
        errors["date"] = _("Ngày %(d)s là ngày nghỉ: %(name)s.") % {"d": _fmt(date), "name": holiday}
    elif not work_day.plan.period_contains(date, date):
        errors["date"] = _("Ngày %(d)s nằm ngoài thời gian thực hiện kế hoạch.") % {"d": _fmt(date)}
    if unit.parent_id != work_day.plan.unit_id or unit.level != Level.VILLAGE:
        errors["unit"] = _("%(unit)s không phải một thôn của %(commune)s.") % {
            "unit": unit,
            "commune": work_day.plan.unit,
        }
    if errors:
        raise ValidationError(errors)
    work_day.date, work_day.unit = date, unit
    work_day._history_user = user
    with first_one_wins(_("%(unit)s đã có ngày làm việc %(d)s trong kế hoạch này.") % {"unit": unit, "d": _fmt(date)}):
        checked(work_day).save()
    return work_day


@transaction.atomic
def workday_record(
    *,
    user: User,
    work_day: WorkDay,
    status: str,
    note: str = "",
    no_shows: int = 0,
    attendance: list[dict[str, Any]] = (),
    results: list[dict[str, Any]] = (),
) -> WorkDay:
    """What happened on the day: who came (against who was assigned), what was done."""
    if not (
        permissions.can(user, permissions.REPORT, work_day.unit)
        or permissions.can(user, permissions.EDIT, work_day.plan.unit)
    ):
        raise PermissionDenied(_("Bạn không có quyền ghi kết quả ngày này."))
    errors = []
    for n, row in enumerate(results, start=1):
        if row.get("quantity") is None or row["quantity"] <= 0 or row["quantity"] > MAX_QUANTITY:
            errors.append(_("Kết quả, dòng %(n)s: khối lượng phải lớn hơn 0 và hợp lý.") % {"n": n})
        if not (row.get("description") or "").strip() or not (row.get("unit_of_measure") or "").strip():
            errors.append(_("Kết quả, dòng %(n)s: cần nội dung và đơn vị tính.") % {"n": n})
    for n, row in enumerate(attendance, start=1):
        if not row.get("organization") and not (row.get("group") or "").strip():
            errors.append(_("Tham gia, dòng %(n)s: cần cơ quan hoặc nhóm.") % {"n": n})
        org = row.get("organization")
        if org is not None and not work_day.plan.unit.contains(org.unit) and not org.unit.contains(work_day.plan.unit):
            errors.append(_("Tham gia, dòng %(n)s: %(org)s không thuộc địa bàn.") % {"n": n, "org": org})
    if errors:
        raise ValidationError({"__all__": errors})
    lock_fresh(work_day)
    work_day.status, work_day.note, work_day.no_shows = status, note.strip(), no_shows
    present = [
        Attendance(
            work_day=work_day,
            organization=row.get("organization"),
            group=(row.get("group") or "").strip(),
            expected=row.get("expected") or 0,
            present=row.get("present") or 0,
            names=(row.get("names") or "").strip(),
        )
        for row in attendance
    ]
    done = [
        WorkResult(
            work_day=work_day,
            description=row["description"].strip(),
            quantity=row["quantity"],
            unit_of_measure=row["unit_of_measure"].strip(),
        )
        for row in results
    ]
    for row in [work_day, *present, *done]:
        checked(row)
    work_day._history_user = user
    work_day.save()
    work_day.attendance.all().delete()
    work_day.results.all().delete()
    for row in [*present, *done]:
        row.save()
    return work_day


# --- progress of duties ------------------------------------------------------------


def can_report_on(user: User, duty: Duty) -> bool:
    """The village where a duty is done, or the unit whose plan gave it."""
    return (duty.place_unit is not None and permissions.can(user, permissions.REPORT, duty.place_unit)) or (
        permissions.can(user, permissions.REPORT, duty.plan.unit)
    )


@transaction.atomic
def duty_progress_add(
    *, user: User, duty: Duty, date: dt.date, percent: int, note: str = "", files: list[tuple[str, bytes]] = ()
) -> DutyProgress:
    """A dated progress step; 100% marks the duty done. Files are checked before anything is saved."""
    if not can_report_on(user, duty):
        raise PermissionDenied(_("Bạn không có quyền báo cáo tiến độ nhiệm vụ này."))
    errors = {}
    if not 0 <= percent <= 100:
        errors["percent"] = _("Tỷ lệ hoàn thành phải từ 0 đến 100%.")
    if date > timezone.localdate():
        errors["date"] = _("Ngày %(d)s chưa đến.") % {"d": _fmt(date)}
    plan = duty.plan
    if plan.period_start and date < plan.period_start:
        errors["date"] = _("Ngày %(d)s trước khi kế hoạch bắt đầu (%(start)s).") % {
            "d": _fmt(date),
            "start": _fmt(plan.period_start),
        }
    if errors:
        raise ValidationError(errors)
    uploads = [evidence.check_upload(name, data) for name, data in files]
    progress = DutyProgress(duty=duty, date=date, percent=percent, note=note.strip(), recorded_by=user)
    progress._history_user = user
    checked(progress).save()
    for item in uploads:
        Evidence.objects.create(
            progress=progress, file=item.content, kind=item.kind, original_name=item.name, size=item.content.size
        )
    duty.status = DutyStatus.DONE if percent == 100 else DutyStatus.IN_PROGRESS if percent else DutyStatus.PENDING
    duty._history_user = user
    duty.save(update_fields=["status"])
    return progress


# --- contributions and funds -------------------------------------------------------

MAX_MONEY = Decimal(1_000_000_000_000)  # a thousand billion đồng on one receipt is a typing slip


@transaction.atomic
def fund_create(
    *, user: User, unit: AdminUnit, name: str, target: Decimal | None = None, plan: Plan | None = None
) -> Fund:
    permissions.demand(user, permissions.EDIT, unit)
    if target is not None and target <= 0:
        raise ValidationError({"target": _("Mục tiêu của quỹ phải lớn hơn 0.")})
    if Fund.objects.filter(unit=unit, name__iexact=name.strip()).exists():
        raise ValidationError({"name": _("%(unit)s đã có quỹ “%(name)s”.") % {"unit": unit, "name": name}})
    fund = Fund(unit=unit, name=name.strip(), target=target, plan=plan)
    fund._history_user = user
    with first_one_wins(_("%(unit)s đã có quỹ “%(name)s”.") % {"unit": unit, "name": name}):
        checked(fund).save()
    return fund


@transaction.atomic
def contribution_record(
    *,
    user: User,
    unit: AdminUnit,
    contributor_kind: str,
    contributor_name: str,
    kind: str,
    amount: Decimal,
    date: dt.date,
    description: str = "",
    value: Decimal | None = None,
    receipt_number: str = "",
    plan: Plan | None = None,
    fund: Fund | None = None,
    work_day: WorkDay | None = None,
    registration: Registration | None = None,
    public: bool = True,
) -> Contribution:
    """A gift of money, goods, labour days or land, in Decimal; a receipt number is used once per unit."""
    permissions.demand(user, permissions.REPORT, unit)
    errors: dict[str, str] = {}
    if not contributor_name.strip():
        errors["contributor_name"] = _("Cần tên người hoặc đơn vị đóng góp.")
    if amount is None or amount <= 0:
        errors["amount"] = _("Số lượng phải lớn hơn 0.")
    elif kind == ContributionKind.MONEY and amount != amount.to_integral_value():
        errors["amount"] = _("Số tiền tính bằng đồng, không có phần lẻ.")
    elif amount > (MAX_MONEY if kind == ContributionKind.MONEY else MAX_QUANTITY * 10):
        errors["amount"] = _("Số lượng %(a)s quá lớn, hãy kiểm tra lại.") % {"a": amount}
    if kind == ContributionKind.GOODS and not description.strip():
        errors["description"] = _("Cần mô tả hiện vật (ví dụ: 5 tấn xi măng).")
    if value is not None and value < 0:
        errors["value"] = _("Giá trị quy đổi không được âm.")
    elif value is not None and value > MAX_MONEY:
        errors["value"] = _("Giá trị quy đổi %(v)s quá lớn, hãy kiểm tra lại.") % {"v": vn_number(value)}
    if date > timezone.localdate():
        errors["date"] = _("Ngày %(d)s chưa đến.") % {"d": _fmt(date)}
    if plan is not None and not plan.unit.contains(unit) and not unit.contains(plan.unit):
        errors["plan"] = _("Kế hoạch không thuộc địa bàn %(unit)s.") % {"unit": unit}
    elif plan is not None and not plan.period_contains(date, date):
        errors["date"] = _("Ngày %(d)s nằm ngoài thời gian thực hiện kế hoạch (%(start)s – %(end)s).") % {
            "d": _fmt(date),
            "start": _fmt(plan.period_start),
            "end": _fmt(plan.period_end),
        }
    if registration is not None and not unit.contains(registration.unit) and not registration.unit.contains(unit):
        errors["registration"] = _("Công trình “%(r)s” không thuộc địa bàn %(unit)s.") % {
            "r": registration,
            "unit": unit,
        }
    if fund is not None and not fund.unit.contains(unit):
        errors["fund"] = _("Quỹ “%(fund)s” không thuộc địa bàn %(unit)s.") % {"fund": fund, "unit": unit}
    receipt_number = receipt_number.strip()
    if receipt_number and Contribution.objects.filter(unit=unit, receipt_number=receipt_number).exists():
        errors["receipt_number"] = _("Số biên nhận %(n)s đã được dùng ở %(unit)s.") % {
            "n": receipt_number,
            "unit": unit,
        }
    if errors:
        raise ValidationError(errors)
    if kind == ContributionKind.MONEY:
        value = amount
    contribution = Contribution(
        unit=unit,
        plan=plan,
        fund=fund,
        work_day=work_day,
        registration=registration,
        contributor_kind=contributor_kind,
        contributor_name=contributor_name.strip(),
        kind=kind,
        amount=amount,
        description=description.strip(),
        value=value or 0,
        date=date,
        receipt_number=receipt_number,
        public=public,
        recorded_by=user,
    )
    contribution._history_user = user
    used = _("Số biên nhận %(n)s đã được dùng ở %(unit)s.") % {"n": receipt_number, "unit": unit}
    with first_one_wins(used):  # two people entering one receipt at the same moment
        checked(contribution).save()
    return contribution


@transaction.atomic
def contribution_reverse(*, user: User, contribution: Contribution, reason: str) -> Contribution:
    """Undo a line by a reversing line: the ledger keeps both, and totals net to zero."""
    permissions.demand(user, permissions.EDIT, contribution.unit)
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do điều chỉnh.")})
    original = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if original.reverses_id or Contribution.objects.filter(reverses=original).exists():
        raise ValidationError({"__all__": _("Dòng này đã được điều chỉnh hoặc là dòng điều chỉnh.")})
    reversal = Contribution(
        unit=original.unit,
        plan=original.plan,
        fund=original.fund,
        work_day=original.work_day,
        contributor_kind=original.contributor_kind,
        contributor_name=original.contributor_name,
        household=original.household,
        kind=original.kind,
        amount=-original.amount,
        description=original.description,
        value=-original.value,
        date=timezone.localdate(),
        public=original.public,
        reverses=original,
        reason=reason.strip(),
        recorded_by=user,
    )
    reversal._history_user = user
    with first_one_wins(_("Dòng này vừa được người khác điều chỉnh.")):
        checked(reversal).save()
    return reversal


@transaction.atomic
def workday_photos_add(*, user: User, work_day: WorkDay, files: list[tuple[str, bytes]], caption: str = "") -> list:
    """Photos of the day, checked (pictures only) and shrunk like any evidence."""
    if not (
        permissions.can(user, permissions.REPORT, work_day.unit)
        or permissions.can(user, permissions.EDIT, work_day.plan.unit)
    ):
        raise PermissionDenied(_("Bạn không có quyền ghi kết quả ngày này."))
    uploads = [evidence.check_upload(name, data) for name, data in files]
    if any(item.kind != "image" for item in uploads):
        raise ValidationError({"photos": _("Chỉ nhận ảnh (JPEG, PNG).")})
    return [
        WorkDayPhoto.objects.create(
            work_day=work_day, file=item.content, caption=caption.strip()[:200], uploaded_by=user
        )
        for item in uploads
    ]
