from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.concurrency import Conflict
from phongtrao.geo.models import AdminUnit
from phongtrao.jobs.imports import import_page
from phongtrao.orgs.models import MASS_ORGANISATIONS, Organization
from phongtrao.plans.access import get_plan_for_user
from phongtrao.registrations import excel, services
from phongtrao.registrations.access import get_call_for_user, get_registration_for_user
from phongtrao.registrations.forms import CallForm, LineFormSet, RegistrationForm
from phongtrao.registrations.models import CallKind, Registrants, RegistrationStatus
from phongtrao.registrations.selectors import call_overview
from phongtrao.ui.downloads import XLSX, attachment
from phongtrao.ui.forms import DecisionForm, add_service_errors, flash_refusal, seen_version
from phongtrao.workdays.models import WorkDay


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
            return redirect("registrations:call", call.pk)
    return render(request, "registrations/call_form.html", {"plan": plan, "form": form})


def call_detail(request, pk: int):
    call = get_call_for_user(request.user, pk)
    can_decide = permissions.can(request.user, permissions.EDIT, call.plan.unit)
    overview = call_overview(call)
    if not can_decide:  # a village sees its own rows, not its neighbours'
        overview.rows = [r for r in overview.rows if permissions.can(request.user, permissions.VIEW, r.unit)]
    return render(
        request,
        "registrations/call_detail.html",
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


def _calendar(call, units, chosen=None) -> list[WorkDay]:
    """The Saturdays a registration of these units picks from: the coming ones of the
    plan's calendar (and the date already chosen); none for other calls."""
    if call.kind != CallKind.ACTIVITY:
        return []
    today = timezone.localdate()
    return [d for d in WorkDay.objects.calendar_of(call.plan, list(units)) if d.date >= today or d.date == chosen]


def _lines_sent(people: int | None, lines) -> list[dict]:
    """The form's people (its own field, a line like the others) and its filled lines."""
    rows = [{"kind": "people", "description": "", "quantity": people, "unit_of_measure": "người"}] if people else []
    return rows + [line for line in lines.cleaned_data if line]


@login_required
def register(request, pk: int):
    """A village head registers on a phone: one screen, big fields, three lines of materials."""
    call = get_call_for_user(request.user, pk)
    units, organizations = _register_choices(request.user, call)
    if not units.exists():
        raise PermissionDenied
    initial = {"unit": units.first()} if units.count() == 1 else {}
    form = RegistrationForm(
        request.POST or None,
        units=units,
        organizations=organizations,
        initial=initial,
        days=_calendar(call, units),
    )
    lines = LineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        data = dict(form.cleaned_data)
        rows = _lines_sent(data.pop("people"), lines)
        try:
            registration = services.registration_submit(user=request.user, call=call, lines=rows, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã gửi đăng ký; UBND xã sẽ xác nhận."))
            return redirect("registrations:registration", registration.pk)
    return render(request, "registrations/register.html", {"call": call, "form": form, "lines": lines})


@login_required
def registration_edit(request, pk: int):
    """A returned registration, corrected by its village and sent again (the same form as
    the first time, filled with what was sent; the commune's reason above it)."""
    registration = get_registration_for_user(request.user, pk)
    if not permissions.can(request.user, permissions.REPORT, registration.unit):
        raise PermissionDenied
    if registration.status != RegistrationStatus.RETURNED:
        if request.method == "POST":  # a form kept on a phone while the commune moved on: said, not lost
            raise Conflict(
                _("Đăng ký này đã được gửi lại hoặc xử lý (%(status)s); bản sửa này chưa được lưu.")
                % {"status": registration.get_status_display()}
            )
        messages.info(request, _("Đăng ký này không bị trả lại; không cần sửa."))
        return redirect("registrations:registration", registration.pk)
    units = AdminUnit.objects.filter(pk=registration.unit_id)
    organizations = Organization.objects.filter(pk=registration.organization_id)
    sent = list(registration.lines.all())
    people = next((line.quantity for line in sent if line.kind == "people"), None)
    form = RegistrationForm(
        request.POST or None,
        units=units,
        organizations=organizations,
        days=_calendar(registration.call, units, registration.planned_date),
        initial={
            "unit": registration.unit,
            "organization": registration.organization,
            "content": registration.content,
            "place": registration.place,
            "planned_date": registration.planned_date,
            "people": int(people) if people is not None else None,
            "support_requested": registration.support_requested,
            "notes": registration.notes,
        },
    )
    lines = LineFormSet(
        request.POST or None,
        prefix="lines",
        initial=[
            {
                "kind": line.kind,
                "description": line.description,
                "quantity": line.quantity,
                "unit_of_measure": line.unit_of_measure,
            }
            for line in sent
            if line.kind != "people"
        ],
    )
    version = DecisionForm(request.POST or None, initial={"version": registration.version})
    if request.method == "POST" and form.is_valid() and lines.is_valid() and version.is_valid():
        data = dict(form.cleaned_data)
        data.pop("unit")
        data.pop("organization", None)
        rows = _lines_sent(data.pop("people"), lines)
        try:
            registration = services.registration_resubmit(
                user=request.user,
                registration=registration,
                version=version.cleaned_data["version"],
                lines=rows,
                **data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã gửi lại đăng ký; UBND xã sẽ xác nhận."))
            return redirect("registrations:registration", registration.pk)
    return render(
        request,
        "registrations/register.html",
        {"call": registration.call, "form": form, "lines": lines, "resending": registration, "version": version},
    )


def registration_detail(request, pk: int):
    registration = get_registration_for_user(request.user, pk)
    return render(
        request,
        "registrations/registration_detail.html",
        {
            "registration": registration,
            "can_decide": registration.status == RegistrationStatus.SUBMITTED
            and permissions.can(request.user, permissions.EDIT, registration.call.plan.unit),
            "decision_form": DecisionForm(initial={"version": registration.version}),
            "can_resend": registration.status == RegistrationStatus.RETURNED
            and permissions.can(request.user, permissions.REPORT, registration.unit),
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
        return render(request, "registrations/_registration_row.html", context, status=409)
    if request.htmx:
        return render(
            request, "registrations/_registration_row.html", {"registration": registration, "can_decide": True}
        )
    return redirect("registrations:registration", registration.pk)


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
    return render(request, "registrations/registration_print.html", {"registration": registration})


def call_export(request, pk: int):
    call = get_call_for_user(request.user, pk)
    permissions.require(request.user, permissions.VIEW, call.plan.unit, visible=True)
    return attachment(excel.registrations_xlsx(call, excel.registrations_of(call)), XLSX, f"dang-ky-{call.pk}.xlsx")


@login_required
def call_import(request, pk: int):
    """The commune enters the tables villages sent as Excel files."""
    call = get_call_for_user(request.user, pk)
    permissions.require(request.user, permissions.EDIT, call.plan.unit, visible=True)
    return import_page(
        request,
        service=services.registrations_import,
        target={"call": call},
        done_message=gettext_lazy("Đã nhập %(n)s đăng ký."),
        done_url=reverse("registrations:call", args=[call.pk]),
        template="registrations/call_import.html",
        context={"call": call},
    )
