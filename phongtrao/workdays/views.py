from __future__ import annotations

import datetime as dt

import icalendar
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.access import get_organization
from phongtrao.orgs.models import Organization
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.models import PUBLISHED
from phongtrao.ui.downloads import stored_file
from phongtrao.ui.formatting import day_text
from phongtrao.ui.forms import flash_refusal
from phongtrao.workdays import services
from phongtrao.workdays.access import get_work_day_for_user, get_work_day_photo_for_user
from phongtrao.workdays.forms import AttendanceFormSet, GenerateForm, MoveForm, PhotoForm, RecordForm, ResultFormSet
from phongtrao.workdays.models import WorkDay


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
            return redirect("workdays:calendar", plan.pk)
    days = list(plan.work_days.for_calendar().prefetch_related("attendance"))
    counts: dict = {}
    for day in days:
        counts[day.unit] = counts.get(day.unit, 0) + 1
    return render(
        request,
        "workdays/calendar.html",
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
                return redirect("workdays:workday", work_day.pk)
            if "move" in request.POST and move.is_valid():
                services.workday_move(user=user, work_day=work_day, **move.cleaned_data)
                messages.success(request, _("Đã đổi lịch."))
                return redirect("workdays:workday", work_day.pk)
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
                messages.success(request, _("Đã ghi kết quả ngày %(d)s.") % {"d": day_text(work_day.date)})
                return redirect("workdays:workday", work_day.pk)
        except ValidationError as exc:
            flash_refusal(request, exc)
    registrations = list(work_day.registrations.prefetch_related("lines"))
    assigned = sum(a.expected for a in work_day.attendance.all() if a.organization_id)
    return render(
        request,
        "workdays/workday.html",
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


def work_day_photo_file(request, pk: int):
    photo = get_work_day_photo_for_user(request.user, pk)
    return stored_file(photo.file, public=photo.work_day.plan.is_published)
