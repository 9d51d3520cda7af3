"""Every write of periodic reports: scheduling, writing, consolidating, reviewing."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import Role, User
from phongtrao.accounts.selectors import people_acting_for
from phongtrao.concurrency import Conflict
from phongtrao.contributions import ledger
from phongtrao.contributions.models import ContributionKind
from phongtrao.geo.models import AdminUnit
from phongtrao.indicators import periods, rollups
from phongtrao.indicators.models import PeriodKind
from phongtrao.notifications.services import notify_all
from phongtrao.plans.models import Duty, DutyStatus, Frequency, Plan, ReportingDuty
from phongtrao.registrations.models import Registration, RegistrationStatus
from phongtrao.reports.models import Report, ReportComment, ReportFigure, ReportKind, ReportSection, ReportStatus
from phongtrao.text import fold
from phongtrao.ui.formatting import day_text
from phongtrao.ui.history import attributed
from phongtrao.workdays.models import WorkDay

REPORT_PERIOD: dict[str, str] = {
    ReportKind.WEEKLY: PeriodKind.WEEK,
    ReportKind.MONTHLY: PeriodKind.MONTH,
    ReportKind.QUARTERLY: PeriodKind.QUARTER,
}


VILLAGE_WORDS = ("thon", "ban phat trien", "tieu khu", "ban ", "xom", "to dan pho")


def recipient(report: Report) -> AdminUnit:
    """The unit a report goes to: the commune for a village's, the level above for the plan's own."""
    if report.unit.pk != report.plan.unit_id:
        return report.plan.unit
    return report.plan.unit.parent or report.plan.unit


def _reporters(duty: ReportingDuty) -> list[AdminUnit]:
    plan_unit = duty.plan.unit
    if any(word in fold(duty.reporter_text) for word in VILLAGE_WORDS):
        villages = list(AdminUnit.objects.filter(parent=plan_unit, level="village"))
        if villages:
            return villages
    return [plan_unit]


def _periods(duty: ReportingDuty, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date, dt.date]]:
    """(period start, period end, due date) for each report of the duty between the dates."""
    out = []
    if duty.frequency == Frequency.WEEKLY:
        weekday = duty.weekday if duty.weekday is not None else 4
        day = start - dt.timedelta(days=start.weekday())
        while day <= end:
            due = day + dt.timedelta(days=weekday)
            if start <= due <= end:
                out.append((day, day + dt.timedelta(days=6), due))
            day += dt.timedelta(days=7)
    elif duty.frequency in (Frequency.MONTHLY, Frequency.QUARTERLY):
        step = 1 if duty.frequency == Frequency.MONTHLY else 3
        year, month = start.year, (start.month - 1) // step * step + 1
        while dt.date(year, month, 1) <= end:
            last_month = month + step - 1
            period_end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
            due = (
                period_end
                if duty.day_of_month is None
                else dt.date(year, last_month, min(duty.day_of_month, calendar.monthrange(year, last_month)[1]))
            )
            if start <= due <= end:
                out.append((dt.date(year, month, 1), period_end, due))
            month += step
            if month > 12:
                year, month = year + 1, month - 12
    return out


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
@transaction.atomic
def reports_schedule(*, user: User, plan: Plan, until: dt.date | None = None) -> list[Report]:
    """Draft reports for every reporting duty of the plan, over its period (or until a date);
    run again, nothing is duplicated."""
    permissions.demand(user, permissions.EDIT, plan.unit)
    start = plan.period_start or plan.issue_date
    end = min(d for d in [plan.period_end, until] if d) if (plan.period_end or until) else None
    if start is None or end is None:
        raise ValidationError({"period_start": _("Cần thời gian thực hiện của kế hoạch để lập lịch báo cáo.")})
    if not plan.reporting_duties.exists():
        raise ValidationError(
            {
                "reporting_duties": _(
                    "Kế hoạch chưa có chế độ báo cáo (ai báo cáo, gửi ai, hằng tuần hay hằng tháng): "
                    "hãy thêm ở phần “Chế độ báo cáo” khi sửa kế hoạch."
                )
            }
        )
    created = []
    kinds: dict[str, ReportKind] = {
        Frequency.WEEKLY: ReportKind.WEEKLY,
        Frequency.MONTHLY: ReportKind.MONTHLY,
        Frequency.QUARTERLY: ReportKind.QUARTERLY,
    }
    for duty in plan.reporting_duties.all():
        for unit in _reporters(duty):
            for period_start, period_end, due in _periods(duty, start, end):
                report, made = Report.objects.get_or_create(
                    plan=plan,
                    reporting_duty=duty,
                    unit=unit,
                    due_date=due,
                    defaults={
                        "kind": kinds.get(duty.frequency, ReportKind.OTHER),
                        "period_start": period_start,
                        "period_end": period_end,
                        "title": _("%(kind)s %(from)s – %(to)s")
                        % {
                            "kind": kinds.get(duty.frequency, ReportKind.OTHER).label,
                            "from": day_text(period_start),
                            "to": day_text(period_end),
                        },
                    },
                )
                if made:
                    created.append(report)
    return created


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
@transaction.atomic
def review_create(
    *, user: User, plan: Plan, kind: str, period_start: dt.date, period_end: dt.date, due_date: dt.date
) -> Report:
    """A sơ kết (interim) or tổng kết (final) review of the plan or one of its phases."""
    permissions.demand(user, permissions.EDIT, plan.unit)
    if kind not in (ReportKind.INTERIM_REVIEW, ReportKind.FINAL_REVIEW):
        raise ValidationError({"kind": _("Chỉ lập sơ kết hoặc tổng kết ở đây.")})
    if period_start > period_end or not plan.period_contains(period_start, period_end):
        raise ValidationError({"period_start": _("Thời gian đánh giá phải nằm trong thời gian của kế hoạch.")})
    return Report.objects.create(
        plan=plan,
        unit=plan.unit,
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        due_date=due_date,
        title=_("%(kind)s %(plan)s") % {"kind": ReportKind(kind).label, "plan": plan.title[:200]},
    )


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def _figures(report: Report) -> list[tuple[str, Decimal, str]]:
    """What the system holds for the report's unit and period, counted by the same
    selectors as the unit's dashboard (the ledger's cells, the Saturdays' tally)."""
    plan, unit = report.plan, report.unit
    duties = Duty.objects.filter(plan=plan)
    if unit.pk != plan.unit_id:
        duties = duties.filter(place_unit__path__startswith=unit.path)
    registrations = Registration.objects.filter(call__plan=plan, unit__path__startswith=unit.path)
    days = WorkDay.objects.within([unit]).filter(plan=plan, date__range=(report.period_start, report.period_end))
    given = ledger.area_totals(unit, report.period_start, report.period_end)
    return (
        _duty_figures(report, duties, registrations) + _period_figures(days.tally(), given) + _indicator_figures(report)
    )


def _period_figures(days: dict[str, int], given: ledger.Totals) -> list[tuple[str, Decimal, str]]:
    return [
        (_("Ngày thứ Bảy đã thực hiện trong kỳ"), Decimal(days["held"]), "workdays"),
        (_("Lượt người tham gia ngày thứ Bảy trong kỳ"), Decimal(days["present"]), "workdays"),
        (_("Tiền đóng góp trong kỳ (đồng)"), given.of(ContributionKind.MONEY), "contributions"),
        (_("Ngày công đóng góp trong kỳ"), given.of(ContributionKind.LABOUR), "contributions"),
        (_("Đất hiến trong kỳ (m²)"), given.of(ContributionKind.LAND), "contributions"),
        (_("Giá trị quy đổi các khoản đóng góp trong kỳ (đồng)"), given.value, "contributions"),
    ]


def _indicator_figures(report: Report) -> list[tuple[str, Decimal, str]]:
    """The roll-up over the reporting unit, for the period that matches the report."""
    kind = REPORT_PERIOD.get(report.kind, PeriodKind.YEAR)
    start = periods.period_start(kind, report.period_end)
    measured = report.plan.targets.filter(indicator__isnull=False).select_related("indicator")
    indicators = [target.indicator for target in measured if target.indicator is not None]
    cells = rollups.cells({indicator.pk for indicator in indicators}, report.unit, kind, start)
    out = []
    for indicator in indicators:
        value = rollups.rollup_value(indicator, cells.get(indicator.pk))
        if value is not None:
            label = f"{indicator.name} ({periods.label(kind, start)})"
            out.append((label[:255], Decimal(value), "indicators"))
    return out


def _duty_figures(
    report: Report, duties: QuerySet[Duty], registrations: QuerySet[Registration]
) -> list[tuple[str, Decimal, str]]:
    return [
        (_("Nhiệm vụ đã hoàn thành"), Decimal(duties.filter(status=DutyStatus.DONE).count()), "duties"),
        (
            _("Nhiệm vụ quá hạn"),
            Decimal(duties.exclude(status=DutyStatus.DONE).filter(deadline__lt=report.period_end).count()),
            "duties",
        ),
        (
            _("Đăng ký đã xác nhận"),
            Decimal(registrations.filter(status=RegistrationStatus.CONFIRMED).count()),
            "registrations",
        ),
    ]


def _editable(report: Report) -> None:
    if report.status == ReportStatus.ACCEPTED:
        raise ValidationError(
            {"status": _("Báo cáo đã được tiếp nhận và khóa; hãy lập báo cáo mới hoặc đề nghị mở khóa.")}
        )
    if report.status == ReportStatus.SUBMITTED:
        raise ValidationError({"status": _("Báo cáo đã gửi; chỉ sửa được khi bị trả lại.")})


def _replace_rows(
    existing: list[ReportSection] | list[ReportFigure],
    wanted: Sequence[dict[str, Any]],
    model: type[ReportSection] | type[ReportFigure],
    report: Report,
) -> None:
    """Rows are updated in place by position, so a reviewer's remark on an item stays on it."""
    for order, values in enumerate(wanted):
        if order < len(existing):
            row = existing[order]
            if any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                row.save()
        else:
            model.objects.create(report=report, order=order, **values)
    for row in existing[len(wanted) :]:
        row.delete()


@transaction.atomic
def report_write(*, user: User, report: Report, sections: list[dict[str, Any]]) -> Report:
    """Write the narrative; the figures are refilled from the system each time."""
    permissions.demand(user, permissions.REPORT, report.unit)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _editable(report)
    wanted = [
        {"heading": s["heading"].strip()[:255], "text": (s.get("text") or "").strip()}
        for s in sections
        if (s.get("heading") or "").strip()
    ]
    _replace_rows(list(report.sections.order_by("order", "pk")), wanted, ReportSection, report)
    figures = [{"label": label, "value": value, "source": source} for label, value, source in _figures(report)]
    _replace_rows(list(report.figures.order_by("order", "pk")), figures, ReportFigure, report)
    attributed(report, user)
    report.save()
    return report


@transaction.atomic
def report_consolidate(*, user: User, report: Report) -> Report:
    """A commune's report takes in what its villages have sent for the same period."""
    permissions.demand(user, permissions.EDIT, report.unit)
    _editable(report)
    parts = (
        Report.objects.filter(
            plan=report.plan,
            unit__parent=report.unit,
            period_start__gte=report.period_start,
            period_end__lte=report.period_end,
            status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED],
        )
        .select_related("unit")
        .prefetch_related("sections")
    )
    order = report.sections.count()
    for part in parts:
        if part in report.consolidates.all():
            continue
        text = "\n".join(f"{s.heading}: {s.text}" for s in part.sections.all())
        ReportSection.objects.create(report=report, order=order, heading=str(part.unit), text=text)
        order += 1
        report.consolidates.add(part)
    return report


@translation.override("vi")  # stored: in Vietnamese, whatever the sender's language
def _tell_recipient(report: Report, actor: User) -> None:
    """A report sent: the officers of the unit it goes to are told."""
    notify_all(
        users=[u for u in people_acting_for(recipient(report), Role.OFFICER) if u != actor],
        key=f"report:{report.pk}:v{report.version}:submitted",
        subject=_("%(unit)s gửi báo cáo: %(title)s") % {"unit": report.unit, "title": report.title[:150]},
        body=report.plan.title[:300],
        url=reverse("reports:report", args=[report.pk]),
    )


@translation.override("vi")
def _tell_writer(report: Report, actor: User) -> None:
    """Accepted, returned or unlocked: the reporting unit's people are told, with the reason."""
    subject = {
        ReportStatus.ACCEPTED: _("Báo cáo đã được tiếp nhận: %(title)s"),
        ReportStatus.RETURNED: _("Báo cáo bị trả lại, cần sửa: %(title)s"),
    }[ReportStatus(report.status)]
    notify_all(
        users=[u for u in people_acting_for(report.unit, Role.REPORTER) if u != actor],
        key=f"report:{report.pk}:v{report.version}:{report.status}",
        subject=subject % {"title": report.title[:150]},
        body=report.reason,
        url=reverse("reports:report", args=[report.pk]),
    )


def _decide(user: User, report: Report, version: int, status: str, reason: str = "") -> Report:
    permissions.demand(user, permissions.EDIT, recipient(report))
    updated = Report.objects.filter(pk=report.pk, version=version, status=ReportStatus.SUBMITTED).update(
        status=status, reason=reason, decided_by=user, version=F("version") + 1
    )
    if not updated:
        raise Conflict(_("Báo cáo không còn chờ tiếp nhận: vừa được người khác xử lý; hãy tải lại trang."))
    report = Report.objects.get(pk=report.pk)
    attributed(report, user)
    report.save(update_fields=["version"])
    _tell_writer(report, user)
    return report


@transaction.atomic
def report_submit(*, user: User, report: Report) -> Report:
    permissions.demand(user, permissions.REPORT, report.unit)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError({"status": _("Báo cáo đã được gửi rồi.")})
    if not report.sections.exists():
        raise ValidationError({"sections": _("Báo cáo chưa có nội dung.")})
    report.status, report.submitted_at, report.version = ReportStatus.SUBMITTED, timezone.now(), report.version + 1
    attributed(report, user)
    report.save()
    _tell_recipient(report, user)
    return report


@transaction.atomic
def report_accept(*, user: User, report: Report, version: int) -> Report:
    return _decide(user, report, version, ReportStatus.ACCEPTED)


@transaction.atomic
def report_return(
    *, user: User, report: Report, version: int, reason: str, comments: Sequence[dict[str, Any]] = ()
) -> Report:
    """Back to the writer, with a reason and remarks pointing at single items."""
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do trả lại.")})
    report = _decide(user, report, version, ReportStatus.RETURNED, reason.strip())
    for comment in comments:
        section, figure = comment.get("section"), comment.get("figure")
        if (section and section.report_id != report.pk) or (figure and figure.report_id != report.pk):
            raise ValidationError({"comments": _("Nhận xét phải gắn với một mục của chính báo cáo này.")})
        ReportComment.objects.create(report=report, section=section, figure=figure, text=comment["text"], author=user)
    return report


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
@transaction.atomic
def report_unlock(*, user: User, report: Report, reason: str) -> Report:
    """An approver opens one accepted report again, saying why; the history keeps both."""
    permissions.demand(user, permissions.APPROVE, recipient(report))
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do mở khóa.")})
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.ACCEPTED:
        raise ValidationError({"status": _("Chỉ mở khóa được báo cáo đã tiếp nhận.")})
    report.status, report.reason, report.version = (
        ReportStatus.RETURNED,
        _("Mở khóa: %(r)s") % {"r": reason.strip()},
        report.version + 1,
    )
    attributed(report, user)
    report.save()
    _tell_writer(report, user)
    return report
