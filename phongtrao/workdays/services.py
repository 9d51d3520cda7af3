"""Every write of the Saturday work days: scheduling, moving, recording, photos."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.bounds import MAX_QUANTITY, checked
from phongtrao.concurrency import first_one_wins, lock_fresh
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.plans.models import Plan
from phongtrao.text import natural_key
from phongtrao.ui import uploads as evidence
from phongtrao.ui.formatting import day_text
from phongtrao.ui.history import attributed
from phongtrao.workdays import calendar
from phongtrao.workdays.models import Attendance, WorkDay, WorkDayPhoto, WorkDayStatus, WorkResult

MAX_CALENDAR_MONTHS = 60  # a five-year programme's Saturdays in one go, not a century of them


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
    for earlier in existing:
        counts[earlier.unit] = counts.get(earlier.unit, 0) + 1
    created = []
    for day, village in calendar.rotate(days, villages, counts):
        work_day = WorkDay(plan=plan, unit=village, date=day)
        attributed(work_day, user)
        work_day.save()
        created.append(work_day)
    return created


@transaction.atomic
def workday_move(*, user: User, work_day: WorkDay, date: dt.date, unit: AdminUnit) -> WorkDay:
    """The commune edits the calendar: another date or another village."""
    permissions.demand(user, permissions.EDIT, work_day.plan.unit)
    errors = {}
    holiday = calendar.holiday_name(date)
    if holiday:
        errors["date"] = _("Ngày %(d)s là ngày nghỉ: %(name)s.") % {"d": day_text(date), "name": holiday}
    elif not work_day.plan.period_contains(date, date):
        errors["date"] = _("Ngày %(d)s nằm ngoài thời gian thực hiện kế hoạch.") % {"d": day_text(date)}
    if unit.parent_id != work_day.plan.unit_id or unit.level != Level.VILLAGE:
        errors["unit"] = _("%(unit)s không phải một thôn của %(commune)s.") % {
            "unit": unit,
            "commune": work_day.plan.unit,
        }
    if errors:
        raise ValidationError(errors)
    work_day.date, work_day.unit = date, unit
    attributed(work_day, user)
    with first_one_wins(
        _("%(unit)s đã có ngày làm việc %(d)s trong kế hoạch này.") % {"unit": unit, "d": day_text(date)}
    ):
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
    attendance: Sequence[dict[str, Any]] = (),
    results: Sequence[dict[str, Any]] = (),
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
    for record in [work_day, *present, *done]:
        checked(record)
    attributed(work_day, user)
    work_day.save()
    work_day.attendance.all().delete()
    work_day.results.all().delete()
    for record in [*present, *done]:
        record.save()
    return work_day


@transaction.atomic
def workday_photos_add(
    *, user: User, work_day: WorkDay, files: list[tuple[str, bytes]], caption: str = ""
) -> list[WorkDayPhoto]:
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
