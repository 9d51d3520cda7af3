""" "Việc của tôi": what is a person's to do now, gathered from the rooms below through
their own QuerySet methods (a count here is the length of the list it heads, and the
same method serves the API), one query per list whatever the number of items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit, Level
from phongtrao.plans.models import RUNNING, DutyAssignment, Plan
from phongtrao.plans.selectors import plans_adoption
from phongtrao.registrations.models import Registration, RegistrationCall, RegistrationStatus
from phongtrao.reports.models import Report, ReportStatus
from phongtrao.rewards.models import Nomination, NominationStatus
from phongtrao.ui.formatting import day_text
from phongtrao.workdays.models import WorkDay


@dataclass(frozen=True)
class Item:
    """One thing to do, one tap from its form."""

    title: str
    detail: str
    url: str
    action: str
    due: dt.date | None = None
    late: bool = False
    reason: str = ""  # why it was returned
    plan_id: int | None = None  # the plan it belongs to, for the plan page's own actions


@dataclass
class Section:
    key: str
    title: str
    items: list[Item] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass
class MyWork:
    sections: list[Section]

    @property
    def count(self) -> int:
        return sum(s.count for s in self.sections)

    def on_plan(self, plan_id: int) -> list[Item]:
        """What the person has to do on one plan: the first thing its page shows them."""
        return [item for section in self.sections for item in section.items if item.plan_id == plan_id]


def _late(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and day < today


def _calls(units: list[AdminUnit], today: dt.date) -> list[Item]:
    return [
        Item(
            title=call.title,
            detail=(_("Đã gửi %(n)s đăng ký") % {"n": call.sent}) if call.sent else _("Chưa đăng ký"),  # type: ignore[attr-defined]
            url=reverse("registrations:register", args=[call.pk]),
            action=_("Đăng ký"),
            due=call.deadline,
            plan_id=call.plan_id,
        )
        for call in RegistrationCall.objects.open_to(units, today)
    ]


def _work_day(day: WorkDay, action: str, today: dt.date) -> Item:
    return Item(
        title=_("Thứ Bảy %(d)s tại %(unit)s") % {"d": day_text(day.date), "unit": day.unit},
        detail=day.plan.title,
        url=reverse("workdays:workday", args=[day.pk]),
        action=action,
        due=day.date,
        late=_late(day.date, today),
        plan_id=day.plan_id,
    )


def _duty(item: DutyAssignment, today: dt.date, *, action: str) -> Item:
    duty = item.duty
    return Item(
        title=duty.text[:200],
        detail=f"{item.assignee} · {duty.plan.title}"[:300],
        url=reverse("plans:duty", args=[duty.pk]),
        action=action,
        due=duty.deadline,
        late=item.is_overdue(today),
        plan_id=duty.plan_id,
    )


def _report(report: Report, today: dt.date, *, action: str = "", show_unit: bool = True) -> Item:
    """A report to write (`show_unit` False: one's own) or to look at from above."""
    returned = report.status == ReportStatus.RETURNED
    return Item(
        title=f"{report.unit}: {report.title}" if show_unit else report.title,
        detail=report.plan.title,
        url=reverse("reports:report", args=[report.pk]),
        action=action or (_("Sửa và gửi lại") if returned else _("Viết báo cáo")),
        due=report.due_date,
        late=_late(report.due_date, today),
        reason=report.reason if returned else "",
        plan_id=report.plan_id,
    )


def _registration(r: Registration, *, url_name: str, action: str) -> Item:
    """A registration returned to its village (to edit) or waiting at the commune (to decide)."""
    return Item(
        title=f"{r.registrant}: {r.content[:150]}",
        detail=r.call.title,
        url=reverse(url_name, args=[r.pk]),
        action=action,
        due=r.planned_date,
        reason=r.status_reason if r.status == RegistrationStatus.RETURNED else "",
        plan_id=r.call.plan_id,
    )


def _nomination(n: Nomination, *, detail: str, action: str) -> Item:
    return Item(
        title=f"{n.pledge.subject_name}: {n.reward_form}",
        detail=detail,
        url=reverse("rewards:plan_nominations", args=[n.plan_id]),
        action=action,
        reason=n.reason if n.status == NominationStatus.RETURNED else "",
        plan_id=n.plan_id,
    )


def _doing(units: list[AdminUnit], today: dt.date) -> list[Section]:
    """What a village, an organisation or a commune itself has to do."""
    returned = [
        _registration(r, url_name="registrations:edit", action=_("Sửa và gửi lại"))
        for r in Registration.objects.returned_to(units)
    ] + [_nomination(n, detail=n.plan.title, action=_("Sửa và gửi lại")) for n in Nomination.objects.returned_to(units)]
    return [
        Section("returned", _("Bị trả lại, cần sửa và gửi lại"), returned),
        Section("calls", _("Đăng ký theo kế hoạch"), _calls(units, today)),
        Section(
            "next_saturday",
            _("Ngày thứ Bảy sắp tới"),
            [_work_day(d, _("Xem"), today) for d in WorkDay.objects.next_in(units, today)],
        ),
        Section(
            "to_record",
            _("Ngày thứ Bảy cần ghi kết quả"),
            [_work_day(d, _("Ghi kết quả"), today) for d in WorkDay.objects.to_record_in(units, today)],
        ),
        Section(
            "duties",
            _("Nhiệm vụ được giao"),
            [_duty(a, today, action=_("Cập nhật tiến độ")) for a in DutyAssignment.objects.carried_by(units)],
        ),
        Section(
            "reports",
            _("Báo cáo phải gửi"),
            [_report(r, today, show_unit=False) for r in Report.objects.to_write_by(units, today)],
        ),
    ]


def _deciding(units: list[AdminUnit], approving: list[AdminUnit], today: dt.date) -> list[Section]:
    """What waits for a commune's (or a district's) decision, and who is behind."""
    registrations = [
        _registration(r, url_name="registrations:registration", action=_("Xem và xác nhận"))
        for r in Registration.objects.awaiting_decision_at(units)
    ]
    nominations = [
        _nomination(n, detail=str(n.pledge.unit), action=_("Xét"))
        for n in Nomination.objects.awaiting_decision_at(approving)
    ]
    return [
        Section("registrations_waiting", _("Đăng ký chờ xác nhận"), registrations),
        Section(
            "reports_waiting",
            _("Báo cáo chờ tiếp nhận"),
            [_report(r, today, action=_("Xem và tiếp nhận")) for r in Report.objects.awaiting_decision_at(units)],
        ),
        Section("nominations_waiting", _("Đề nghị khen thưởng chờ xét"), nominations),
        Section(
            "reports_missing",
            _("Báo cáo quá hạn chưa gửi"),
            [_report(r, today, action=_("Xem")) for r in Report.objects.missing_at(units, today)],
        ),
        Section(
            "duties_overdue",
            _("Nhiệm vụ quá hạn"),
            [_duty(a, today, action=_("Xem")) for a in DutyAssignment.objects.late_in_plans_of(units, today)],
        ),
        Section("not_adopted", _("Chưa xây dựng kế hoạch thực hiện"), _not_adopted(units)),
    ]


def _not_adopted(units: list[AdminUnit]) -> list[Item]:
    """Units below a district or province that have not adopted its running plans."""
    above = [u for u in units if u.level in (Level.PROVINCE, Level.DISTRICT)]
    if not above:
        return []
    plans = list(Plan.objects.filter(unit__in=above, status__in=RUNNING).select_related("unit").order_by("-issue_date"))
    adoptions = plans_adoption(plans)
    return [
        Item(
            title=str(row.unit),
            detail=plan.title,
            url=reverse("plans:detail", args=[plan.pk]),
            action=_("Xem"),
            due=row.overdue_since,
            late=row.late,
            plan_id=plan.pk,
        )
        for plan in plans
        for row in adoptions[plan.pk].rows
        if not row.adopted
    ]


def my_work(user: User, today: dt.date) -> MyWork:
    """The sections that concern the person's roles: a village head sees what to do, a
    commune officer also what waits for them, a district officer who is behind."""
    doing = permissions.acting_units(user, permissions.REPORT)
    deciding = permissions.acting_units(user, permissions.EDIT)
    approving = permissions.acting_units(user, permissions.APPROVE)
    sections = []
    if doing:
        sections += _doing(doing, today)
    if deciding or approving:
        sections += _deciding(deciding, approving, today)
    return MyWork(sections)
