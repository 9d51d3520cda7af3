from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.concurrency import Conflict
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import Level
from phongtrao.geo.services import UnitError, villages_import_csv
from phongtrao.plans.models import Plan
from phongtrao.reports.access import get_report_for_user
from phongtrao.ui.forms import flash_refusal
from phongtrao.units import services as units_services
from phongtrao.units.dashboard import dashboard
from phongtrao.units.forms import VillageImportForm


def unit_detail(request, pk: int):
    """Units are public facts; the plans shown are those the user may see."""
    unit = get_unit(pk)
    return render(
        request,
        "units/unit.html",
        {
            "unit": unit,
            "ancestors": unit.ancestors(),
            "children": unit.children.all().in_reading_order(),
            "successors": unit.successors.all(),
            "predecessors": unit.predecessors.all(),
            "organizations": unit.organizations.order_by("name"),
            "plans": Plan.objects.visible_to(request.user).rolling_into(unit).for_list()[:50],
            "can_import": unit.level == Level.COMMUNE and permissions.can(request.user, permissions.EDIT, unit),
        },
    )


@login_required
def villages_import(request, pk: int):
    unit = get_unit(pk)
    permissions.require(request.user, permissions.EDIT, unit, visible=True)
    form = VillageImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            result = villages_import_csv(commune=unit, raw=form.cleaned_data["file"].read())
        except UnitError as exc:
            form.add_error("file", str(exc))
        else:
            if not result.errors:
                messages.success(
                    request,
                    _("Đã thêm %(n)s thôn; %(m)s thôn đã có.") % {"n": len(result.created), "m": len(result.unchanged)},
                )
                return redirect("units:unit", unit.pk)
    return render(request, "units/villages_import.html", {"unit": unit, "form": form, "result": result})


def unit_dashboard(request, unit_pk: int):
    """Public figures of a unit, and for its members the drafts and internal lists too."""
    unit = get_unit(unit_pk)
    return render(
        request,
        "units/dashboard.html",
        {
            "unit": unit,
            "can_enter_values": permissions.can(request.user, permissions.REPORT, unit),
            "can_view_values": permissions.can(request.user, permissions.VIEW, unit),
            "this_year": timezone.localdate().year,
            **dashboard(unit, request.user),
        },
    )


def unit_dashboard_print(request, unit_pk: int):
    """The dashboard laid out on A4 for a meeting: the same figures, as tables."""
    unit = get_unit(unit_pk)
    today = timezone.localdate()
    return render(
        request, "units/dashboard_print.html", {"unit": unit, "today": today, **dashboard(unit, request.user, today)}
    )


@require_POST
def review_draft(request, report_pk: int):
    """The button on a review's page: its body drafted from the system's figures."""
    report = get_report_for_user(request.user, report_pk)
    if not permissions.can(request.user, permissions.REPORT, report.unit):
        raise PermissionDenied
    try:
        units_services.review_draft(user=request.user, report=report, replace=request.POST.get("replace") == "1")
    except ValidationError as exc:
        flash_refusal(request, exc)
    except Conflict as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã soạn dự thảo từ số liệu của hệ thống; hãy đọc lại, bổ sung rồi lưu."))
    return redirect("reports:report", report.pk)
