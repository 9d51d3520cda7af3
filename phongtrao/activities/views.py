from __future__ import annotations

import datetime as dt

import icalendar
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.activities import excel, ledger, services
from phongtrao.activities.access import (
    get_call_for_user,
    get_contribution_for_user,
    get_duty_for_user,
    get_evidence_for_user,
    get_registration_for_user,
    get_work_day_for_user,
    get_work_day_photo_for_user,
)
from phongtrao.activities.forms import (
    AttendanceFormSet,
    CallForm,
    ContributionForm,
    DutyFilterForm,
    GenerateForm,
    LineFormSet,
    MoveForm,
    PhotoForm,
    ProgressForm,
    RecordForm,
    RegistrationForm,
    ResultFormSet,
    ReverseForm,
)
from phongtrao.activities.models import Contribution, DutyProgress, Fund, Registrants, RegistrationStatus, WorkDay
from phongtrao.activities.selectors import call_overview
from phongtrao.concurrency import Conflict
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.access import get_organization
from phongtrao.orgs.models import MASS_ORGANISATIONS, Organization
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.models import PUBLISHED, Duty, Plan
from phongtrao.ui.downloads import XLSX, attachment, stored_file
from phongtrao.ui.forms import DecisionForm, add_service_errors, flash_refusal, seen_version
from phongtrao.ui.imports import import_page


@login_required
def call_create(request, plan_pk: int):
    plan = get_plan_for_user(request.user, plan_pk, action=permissions.EDIT)
    form = CallForm(
        request.POST or None, initial={"title": _("Đăng ký các hoạt động thực hiện %(t)s") % {"t": plan.title}}
    )
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(user=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo mẫu đăng ký."))
            return redirect("activities:call", call.pk)
    return render(request, "activities/call_form.html", {"plan": plan, "form": form})


def call_detail(request, pk: int):
    call = get_call_for_user(request.user, pk)
    can_decide = permissions.can(request.user, permissions.EDIT, call.plan.unit)
    overview = call_overview(call)
    if not can_decide:  # a village sees its own rows, not its neighbours'
        overview.rows = [r for r in overview.rows if permissions.can(request.user, permissions.VIEW, r.unit)]
    return render(
        request,
        "activities/call_detail.html",
        {
            "call": call,
            "overview": overview,
            "can_decide": can_decide,
            "can_register": _register_choices(request.user, call)[0].exists(),
        },
    )


def _register_choices(user, call):
    plan_unit = call.plan.unit
    units = permissions.units_for(user, permissions.REPORT).in_subtree(plan_unit)
    units = units.filter(level="village") if call.registrants == Registrants.VILLAGES else units
    organizations = Organization.objects.none()
    if call.registrants != Registrants.VILLAGES and permissions.can(user, permissions.REPORT, plan_unit):
        organizations = Organization.objects.filter(unit=plan_unit, kind__in=MASS_ORGANISATIONS).order_by("name")
    return units.order_by("depth", "name"), organizations


@login_required
def register(request, pk: int):
    """A village head registers on a phone: one screen, big fields, three lines of materials."""
    call = get_call_for_user(request.user, pk)
    units, organizations = _register_choices(request.user, call)
    if not units.exists():
        raise PermissionDenied
    initial = {"unit": units.first()} if units.count() == 1 else {}
    form = RegistrationForm(request.POST or None, units=units, organizations=organizations, initial=initial)
    lines = LineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        data = dict(form.cleaned_data)
        people = data.pop("people")
        rows = [{"kind": "people", "description": "", "quantity": people, "unit_of_measure": "người"}] if people else []
        rows += [line for line in lines.cleaned_data if line]
        try:
            registration = services.registration_submit(user=request.user, call=call, lines=rows, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã gửi đăng ký; UBND xã sẽ xác nhận."))
            return redirect("activities:registration", registration.pk)
    return render(request, "activities/register.html", {"call": call, "form": form, "lines": lines})


def registration_detail(request, pk: int):
    registration = get_registration_for_user(request.user, pk)
    return render(
        request,
        "activities/registration_detail.html",
        {
            "registration": registration,
            "can_decide": registration.status == RegistrationStatus.SUBMITTED
            and permissions.can(request.user, permissions.EDIT, registration.call.plan.unit),
            "decision_form": DecisionForm(initial={"version": registration.version}),
        },
    )


def _decision(request, pk: int, decide):
    registration = get_registration_for_user(request.user, pk, decide=True)
    try:
        registration = decide(registration, seen_version(request), request.POST.get("reason", ""))
    except ValidationError as exc:
        flash_refusal(request, exc)
    except Conflict as exc:
        if not request.htmx:
            raise  # the 409 page
        registration.refresh_from_db()
        context = {"registration": registration, "can_decide": True, "conflict": exc.message}
        return render(request, "activities/_registration_row.html", context, status=409)
    if request.htmx:
        return render(request, "activities/_registration_row.html", {"registration": registration, "can_decide": True})
    return redirect("activities:registration", registration.pk)


@login_required
@require_POST
def registration_confirm(request, pk: int):
    return _decision(
        request,
        pk,
        lambda r, version, reason: services.registration_confirm(user=request.user, registration=r, version=version),
    )


@login_required
@require_POST
def registration_return(request, pk: int):
    return _decision(
        request,
        pk,
        lambda r, version, reason: services.registration_return(
            user=request.user, registration=r, version=version, reason=reason
        ),
    )


def registration_print(request, pk: int):
    """The registration table as the commune signs it (seed 000's BIỂU)."""
    registration = get_registration_for_user(request.user, pk)
    return render(request, "activities/registration_print.html", {"registration": registration})


# --- Saturday work days ------------------------------------------------------------


def workday_calendar(request, plan_pk: int):
    plan = get_plan_for_user(request.user, plan_pk)
    can_edit = permissions.can(request.user, permissions.EDIT, plan.unit)
    form = GenerateForm(request.POST or None)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                created = services.workdays_generate(user=request.user, plan=plan, **form.cleaned_data)
            except ValidationError as exc:
                flash_refusal(request, exc)
            else:
                if created:
                    messages.success(request, _("Đã lập %(n)s ngày thứ Bảy.") % {"n": len(created)})
                else:
                    messages.warning(request, _("Không có ngày thứ Bảy mới: các ngày trong khoảng này đã được lập."))
            return redirect("activities:calendar", plan.pk)
    days = list(plan.work_days.for_calendar().prefetch_related("attendance"))
    counts: dict = {}
    for day in days:
        counts[day.unit] = counts.get(day.unit, 0) + 1
    return render(
        request,
        "activities/calendar.html",
        {
            "plan": plan,
            "days": days,
            "counts": sorted(counts.items(), key=lambda c: c[0].name),
            "form": form,
            "can_edit": can_edit,
        },
    )


def workday_detail(request, pk: int):
    work_day = get_work_day_for_user(request.user, pk)
    user = request.user
    can_edit = permissions.can(user, permissions.EDIT, work_day.plan.unit)
    can_record = can_edit or permissions.can(user, permissions.REPORT, work_day.unit)
    organizations = Organization.objects.in_subtree(work_day.plan.unit).order_by("name")
    data = request.POST if request.method == "POST" and "record" in request.POST else None
    record = RecordForm(data, initial={"status": work_day.status, "no_shows": work_day.no_shows, "note": work_day.note})
    attendance = AttendanceFormSet(
        data,
        prefix="attendance",
        form_kwargs={"organizations": organizations},
        initial=[
            {
                "organization": a.organization,
                "group": a.group,
                "expected": a.expected,
                "present": a.present,
                "names": a.names,
            }
            for a in work_day.attendance.all()
        ],
    )
    results = ResultFormSet(
        data,
        prefix="results",
        initial=[
            {"description": r.description, "quantity": r.quantity, "unit_of_measure": r.unit_of_measure}
            for r in work_day.results.all()
        ],
    )
    move = MoveForm(
        request.POST if "move" in request.POST else None,
        villages=AdminUnit.objects.filter(parent=work_day.plan.unit, level="village"),
        initial={"date": work_day.date, "unit": work_day.unit},
    )
    photo_form = PhotoForm(request.POST if "photo" in request.POST else None, request.FILES or None)
    if request.method == "POST":
        try:
            if "photo" in request.POST and photo_form.is_valid():
                services.workday_photos_add(
                    user=user,
                    work_day=work_day,
                    caption=photo_form.cleaned_data["caption"],
                    files=[(f.name, f.read()) for f in photo_form.cleaned_data["photos"]],
                )
                messages.success(request, _("Đã thêm ảnh."))
                return redirect("activities:workday", work_day.pk)
            if "move" in request.POST and move.is_valid():
                services.workday_move(user=user, work_day=work_day, **move.cleaned_data)
                messages.success(request, _("Đã đổi lịch."))
                return redirect("activities:workday", work_day.pk)
            if data is not None and record.is_valid() and attendance.is_valid() and results.is_valid():
                services.workday_record(
                    user=user,
                    work_day=work_day,
                    **record.cleaned_data,
                    attendance=[
                        row for row in attendance.cleaned_data if row and (row.get("organization") or row.get("group"))
                    ],
                    results=[row for row in results.cleaned_data if row and row.get("description")],
                )
                messages.success(request, _("Đã ghi kết quả ngày %(d)s.") % {"d": work_day.date.strftime("%d/%m/%Y")})
                return redirect("activities:workday", work_day.pk)
        except ValidationError as exc:
            flash_refusal(request, exc)
    registrations = list(work_day.registrations.prefetch_related("lines"))
    assigned = sum(a.expected for a in work_day.attendance.all() if a.organization_id)
    return render(
        request,
        "activities/workday.html",
        {
            "work_day": work_day,
            "registrations": registrations,
            "assigned": assigned,
            "unmet": [r for r in registrations if r.support_requested] if not assigned else [],
            "can_edit": can_edit,
            "can_record": can_record,
            "record": record,
            "attendance_forms": attendance,
            "result_forms": results,
            "move": move,
            "photo_form": photo_form,
        },
    )


def workday_feed(request, unit_pk: int):
    """An iCalendar feed of a village's (or a commune's) work days, for phones to subscribe to.
    Only days of published plans: the feed needs no login."""
    unit = get_unit(unit_pk)
    days = WorkDay.objects.filter(plan__status__in=PUBLISHED).filter(
        Q(unit__path__startswith=unit.path) | Q(plan__unit=unit)
    )
    return _ics(days, _("Ngày thứ Bảy đi cơ sở – %(unit)s") % {"unit": unit}, f"ngay-thu-bay-{unit.pk}.ics")


def organization_feed(request, org_pk: int):
    """The work days an organisation is assigned to (a force with people on the day)."""
    org = get_organization(org_pk)
    days = WorkDay.objects.filter(plan__status__in=PUBLISHED, attendance__organization=org).distinct()
    return _ics(days, _("Ngày thứ Bảy đi cơ sở – %(unit)s") % {"unit": org}, f"ngay-thu-bay-to-chuc-{org.pk}.ics")


def _ics(days, name: str, filename: str) -> HttpResponse:
    feed = icalendar.Calendar()
    feed.add("prodid", "-//phongtrao//work days//VI")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", name)
    for day in days.for_calendar()[:500]:
        event = icalendar.Event()
        event.add("uid", f"workday-{day.pk}@phongtrao")
        event.add("dtstart", day.date)
        event.add("dtend", day.date + dt.timedelta(days=1))
        event.add("summary", _("Ngày thứ Bảy đi cơ sở tại %(unit)s") % {"unit": day.unit})
        event.add("description", day.plan.title)
        event.add("status", "CANCELLED" if day.status == "cancelled" else "CONFIRMED")
        feed.add_component(event)
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# --- duties and their progress -----------------------------------------------------


def duty_list(request):
    """Duties per organisation (?org=) or per village (?unit=), with the overdue ones marked."""
    duties = (
        Duty.objects.filter(plan__in=Plan.objects.visible_to(request.user))
        .select_related("plan", "plan__unit", "assignee_org", "place_unit")
        .order_by("deadline", "pk")
    )
    chosen = DutyFilterForm(request.GET)
    chosen.is_valid()  # a filter that does not read is left out
    org = Organization.objects.filter(pk=chosen.cleaned_data.get("org") or 0).first()
    unit = AdminUnit.objects.filter(pk=chosen.cleaned_data.get("unit") or 0).first()
    if org is not None:
        duties = duties.filter(assignee_org=org)
    if unit is not None:
        duties = duties.filter(Q(place_unit__path__startswith=unit.path) | Q(plan__unit=unit))
    rows = list(duties[:300])
    latest = {}
    for progress in DutyProgress.objects.filter(duty__in=rows).order_by("duty_id", "-date", "-pk"):
        latest.setdefault(progress.duty_id, progress)
    today = timezone.localdate()
    return render(
        request,
        "activities/duty_list.html",
        {
            "rows": [(duty, latest.get(duty.pk), duty.is_overdue(today)) for duty in rows],
            "org": org,
            "unit": unit,
        },
    )


def duty_detail(request, pk: int):
    duty = get_duty_for_user(request.user, pk)
    can_report = services.can_report_on(request.user, duty)
    form = ProgressForm(request.POST or None, request.FILES or None, initial={"date": timezone.localdate()})
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            files = [(f.name, f.read()) for f in data.pop("evidence")]
            try:
                services.duty_progress_add(user=request.user, duty=duty, files=files, **data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã ghi tiến độ."))
                return redirect("activities:duty", duty.pk)
    return render(
        request,
        "activities/duty_detail.html",
        {
            "duty": duty,
            "progress": duty.progress.prefetch_related("evidence"),
            "form": form,
            "can_report": can_report,
            "overdue": duty.is_overdue(timezone.localdate()),
        },
    )


# --- contributions and funds -------------------------------------------------------


def contribution_ledger(request, unit_pk: int):
    """The ledger of a unit and everything under it, for those with a role there."""
    unit = get_unit(unit_pk)
    permissions.require(request.user, permissions.VIEW, unit, visible=False)
    funds = Fund.objects.filter(unit__in=[unit.pk, *unit.ancestor_ids])
    can_record = permissions.can(request.user, permissions.REPORT, unit)
    form = ContributionForm(request.POST or None, funds=funds, initial={"date": timezone.localdate(), "public": True})
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.contribution_record(user=request.user, unit=unit, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã ghi đóng góp."))
                return redirect("activities:ledger", unit.pk)
    entries = Contribution.objects.of_area(unit).for_ledger()
    return render(
        request,
        "activities/ledger.html",
        {
            "unit": unit,
            "entries": entries[:200],
            "totals": ledger.area_totals(unit),
            "form": form,
            "can_record": can_record,
            "can_reverse": permissions.can(request.user, permissions.EDIT, unit),
            "funds": [(fund, *ledger.fund_progress(fund)) for fund in funds],
        },
    )


@login_required
@require_POST
def contribution_reverse(request, pk: int):
    contribution = get_contribution_for_user(request.user, pk, correct=True)
    form = ReverseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"reason": _("Cần ghi lý do điều chỉnh.")})
        services.contribution_reverse(user=request.user, contribution=contribution, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Đã ghi dòng điều chỉnh."))
    return redirect("activities:ledger", contribution.unit_id)


def contribution_disclosure(request, unit_pk: int):
    """Công khai: who gave what, for every citizen; names withheld when the giver asked."""
    unit = get_unit(unit_pk)
    entries = Contribution.objects.of_area(unit).for_ledger()
    funds = Fund.objects.filter(unit__path__startswith=unit.path)
    return render(
        request,
        "activities/disclosure.html",
        {
            "unit": unit,
            "entries": entries[:500],
            "totals": ledger.area_totals(unit),
            "funds": [(fund, *ledger.fund_progress(fund)) for fund in funds],
        },
    )


# --- Excel ---------------------------------------------------------------------------


def call_export(request, pk: int):
    call = get_call_for_user(request.user, pk)
    permissions.require(request.user, permissions.VIEW, call.plan.unit, visible=True)
    return attachment(excel.registrations_xlsx(call, excel.registrations_of(call)), XLSX, f"dang-ky-{call.pk}.xlsx")


def ledger_export(request, unit_pk: int):
    unit = get_unit(unit_pk)
    permissions.require(request.user, permissions.VIEW, unit, visible=False)
    return FileResponse(
        excel.contributions_xlsx(unit, excel.ledger_of(unit)),
        as_attachment=True,
        filename=f"dong-gop-{unit.pk}.xlsx",
        content_type=XLSX,
    )


def ledger_template(request):
    return attachment(excel.template_xlsx(), XLSX, "mau-dong-gop.xlsx")


@login_required
def ledger_import(request, unit_pk: int):
    unit = get_unit(unit_pk)
    permissions.require(
        request.user, permissions.REPORT, unit, visible=permissions.can(request.user, permissions.VIEW, unit)
    )
    return import_page(
        request,
        run=lambda data: excel.contributions_import(user=request.user, unit=unit, data=data),
        done_message=_("Đã nhập %(n)s khoản đóng góp."),
        done_url=reverse("activities:ledger", args=[unit.pk]),
        template="activities/ledger_import.html",
        context={"unit": unit},
    )


@login_required
def call_import(request, pk: int):
    """The commune enters the tables villages sent as Excel files."""
    call = get_call_for_user(request.user, pk)
    permissions.require(request.user, permissions.EDIT, call.plan.unit, visible=True)
    return import_page(
        request,
        run=lambda data: excel.registrations_import(user=request.user, call=call, data=data),
        done_message=_("Đã nhập %(n)s đăng ký."),
        done_url=reverse("activities:call", args=[call.pk]),
        template="activities/call_import.html",
        context={"call": call},
    )


def evidence_file(request, pk: int):
    evidence = get_evidence_for_user(request.user, pk)
    public = evidence.progress.duty.plan.is_published
    return stored_file(evidence.file, public=public, name=evidence.original_name)


def work_day_photo_file(request, pk: int):
    photo = get_work_day_photo_for_user(request.user, pk)
    return stored_file(photo.file, public=photo.work_day.plan.is_published)
