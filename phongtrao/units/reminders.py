"""What the daily reminders (`manage.py send_reminders`, a job) tell whom, each at most
once (see notifications)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from phongtrao.accounts.models import ROLE_RANK, Membership, Role, User
from phongtrao.accounts.selectors import people_acting_for
from phongtrao.geo.models import AdminUnit, UnitSuccession, rollup_paths
from phongtrao.notifications.models import Delivery
from phongtrao.notifications.services import deliveries_send, notify
from phongtrao.plans.models import ADOPTED, DutyAssignment, Frequency, ReportingDuty
from phongtrao.registrations.models import Registration, RegistrationCall, RegistrationStatus
from phongtrao.ui.formatting import day_text
from phongtrao.workdays.models import WorkDay, WorkDayStatus

SOON = dt.timedelta(days=3)


@dataclass
class Reminder:
    users: list[User]
    key: str
    subject: str
    body: str
    url: str


def members(unit: AdminUnit, at_least: str) -> list[User]:
    """Active members whose role covers `unit` (on it or above it), from `at_least` up."""
    needed = ROLE_RANK[at_least]
    above = [*unit.ancestor_ids, unit.pk]
    # members of the units above, and of the units those merged into (they inherit them)
    heirs = UnitSuccession.objects.filter(predecessor_id__in=above, primary=True).values_list("successor_id", flat=True)
    candidates = (
        Membership.objects.active()
        .select_related("user")
        .filter(Q(unit_id__in=above) | Q(unit_id__in=list(heirs)), user__is_active=True)
    )
    found = [
        m.user
        for m in candidates
        if ROLE_RANK[m.role] >= needed and any(unit.path.startswith(p) for p in rollup_paths(m.unit))
    ]
    return list(dict.fromkeys(found))


def registration_deadlines(today: dt.date) -> Iterator[Reminder]:
    calls = RegistrationCall.objects.filter(deadline__range=(today, today + SOON), plan__status__in=ADOPTED)
    for call in calls.select_related("plan", "plan__unit"):
        registered = set(
            Registration.objects.filter(
                call=call, status__in=[RegistrationStatus.SUBMITTED, RegistrationStatus.CONFIRMED]
            ).values_list("unit_id", flat=True)
        )
        for village in AdminUnit.objects.filter(parent=call.plan.unit, level="village").exclude(pk__in=registered):
            heads = [u for u in members(village, Role.REPORTER) if not u.is_superuser]
            yield Reminder(
                heads,
                f"call:{call.pk}:unit:{village.pk}:{call.deadline}",
                _("Hạn đăng ký %(d)s: %(title)s") % {"d": day_text(call.deadline), "title": call.title[:120]},
                _("%(unit)s chưa đăng ký.") % {"unit": village},
                reverse("registrations:register", args=[call.pk]),
            )


def duty_deadlines(today: dt.date) -> Iterator[Reminder]:
    """Each unit or organisation a duty reaches, from three days before its deadline and
    once more when it is late."""
    items = (
        DutyAssignment.objects.open()
        .filter(duty__deadline__lte=today + SOON)
        .select_related("duty", "duty__plan", "unit", "organization")
    )
    for item in items:
        duty = item.duty
        late = duty.deadline < today
        subject = (_("Quá hạn từ %(d)s: %(who)s") if late else _("Sắp đến hạn %(d)s: %(who)s")) % {
            "d": day_text(duty.deadline),
            "who": item.assignee[:100],
        }
        yield Reminder(
            people_acting_for(item.unit, Role.REPORTER),
            f"duty:{duty.pk}:{item.pk}:{duty.deadline}:{'late' if late else 'soon'}",
            subject,
            duty.text[:500],
            reverse("plans:duty", args=[duty.pk]),
        )


def work_days(today: dt.date) -> Iterator[Reminder]:
    for day in WorkDay.objects.filter(date=today + SOON, status=WorkDayStatus.PLANNED).select_related("unit", "plan"):
        yield Reminder(
            members(day.unit, Role.VIEWER),
            f"workday:{day.pk}:{day.date}",
            _("Thứ Bảy %(d)s: ngày đi cơ sở tại %(unit)s") % {"d": day_text(day.date), "unit": day.unit},
            day.plan.title[:300],
            reverse("workdays:workday", args=[day.pk]),
        )


def next_report_day(duty: ReportingDuty, today: dt.date) -> dt.date | None:
    if duty.frequency == Frequency.WEEKLY and duty.weekday is not None:
        return today + dt.timedelta(days=(duty.weekday - today.weekday()) % 7)
    if duty.frequency == Frequency.MONTHLY:
        day = duty.day_of_month or calendar.monthrange(today.year, today.month)[1]
        return today.replace(day=min(day, calendar.monthrange(today.year, today.month)[1]))
    return None


def reports_due(today: dt.date) -> Iterator[Reminder]:
    """Reports a plan asks for (weekly on Fridays, monthly…): from two days before they are due."""
    duties = ReportingDuty.objects.filter(plan__status__in=ADOPTED).select_related("plan", "plan__unit")
    for duty in duties:
        plan = duty.plan
        if plan.period_end and plan.period_end < today or plan.period_start and plan.period_start > today:
            continue
        due = next_report_day(duty, today)
        if due is None or not dt.timedelta(0) <= due - today <= dt.timedelta(days=2):
            continue
        yield Reminder(
            members(plan.unit, Role.REPORTER),
            f"report:{duty.pk}:{due}",
            _("Báo cáo %(freq)s hạn %(d)s: %(who)s → %(to)s")
            % {
                "freq": duty.get_frequency_display().lower(),
                "d": day_text(due),
                "who": duty.reporter_text[:80],
                "to": duty.recipient_text[:80] or "…",
            },
            plan.title[:300],
            reverse("plans:detail", args=[plan.pk]),
        )


RULES = [registration_deadlines, duty_deadlines, work_days, reports_due]


@dataclass(frozen=True)
class RemindersSent:
    sent: int
    skipped: int  # sent on an earlier run
    undelivered: int  # deliveries a channel could not make (the mail relay down)


def send_reminders(today: dt.date) -> RemindersSent:
    """Run it twice, the second run sends nothing."""
    sent, skipped = [], 0
    for rule in RULES:
        for reminder in rule(today):
            for user in reminder.users:
                notification = notify(
                    user=user, key=reminder.key, subject=reminder.subject, body=reminder.body, url=reminder.url
                )
                if notification:
                    sent.append(notification.pk)
                else:
                    skipped += 1
    # The job is already off the request: send now, and say what the channels refused.
    deliveries_send(notification_ids=sent)
    undelivered = Delivery.objects.filter(notification_id__in=sent).undelivered().count()
    return RemindersSent(sent=len(sent), skipped=skipped, undelivered=undelivered)
