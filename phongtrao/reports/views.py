from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.plans.access import get_plan_for_user
from phongtrao.reports import selectors as reports_selectors
from phongtrao.reports import services as reports_services
from phongtrao.reports.access import get_report_for_user, report_visible
from phongtrao.reports.forms import ReportFilterForm, ReviewForm
from phongtrao.reports.models import ReportKind
from phongtrao.text import natural_key
from phongtrao.ui.formatting import day_text
from phongtrao.ui.forms import flash_refusal, seen_version


def plan_reports(request, plan_pk: int):
    plan = get_plan_for_user(request.user, plan_pk)
    can_edit = permissions.can(request.user, permissions.EDIT, plan.unit)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        try:
            if "schedule" in request.POST:
                today = timezone.localdate()
                made = reports_services.reports_schedule(user=request.user, plan=plan, until=today)
                if made:
                    messages.success(
                        request, _("Đã lập %(n)s báo cáo theo chế độ báo cáo của kế hoạch.") % {"n": len(made)}
                    )
                else:
                    messages.warning(
                        request,
                        _("Không có báo cáo mới: các kỳ báo cáo đến ngày %(d)s đều đã được lập.")
                        % {"d": day_text(today)},
                    )
            else:
                form = ReviewForm(request.POST)
                if form.is_valid():
                    review = reports_services.review_create(user=request.user, plan=plan, **form.cleaned_data)
                    return redirect("reports:report", review.pk)
        except ValidationError as exc:
            flash_refusal(request, exc)
        return redirect("reports:plan_reports", plan.pk)
    overview = reports_selectors.overview(plan)
    visible = [r for r in overview.reports if report_visible(request.user, r)]
    shown = {r.pk for r in visible}
    missing, late = {r.pk for r in overview.missing} & shown, {r.pk for r in overview.late} & shown
    units = sorted({r.unit for r in visible}, key=lambda u: natural_key(u.name))
    filters = ReportFilterForm(request.GET or None, units=units)
    chosen = visible
    if filters.is_valid():
        state, unit = filters.cleaned_data["state"], filters.cleaned_data["unit"]
        marked = {"missing": missing, "late": late}.get(state)
        chosen = [
            r
            for r in visible
            if (not state or (r.pk in marked if marked is not None else r.status == state))
            and (unit is None or r.unit_id == unit)
        ]
    page = Paginator(chosen, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reports/plan_reports.html",
        {
            "plan": plan,
            "reports": page.object_list,
            "page": page,
            "query": query.urlencode(),
            "filters": filters,
            "missing": missing,
            "late": late,
            "can_edit": can_edit,
            "review_form": ReviewForm(),
        },
    )


def report_detail(request, pk: int):
    report = get_report_for_user(request.user, pk)
    user = request.user
    can_write = permissions.can(user, permissions.REPORT, report.unit) and report.status in ("draft", "returned")
    can_decide = (
        permissions.can(user, permissions.EDIT, reports_services.recipient(report)) and report.status == "submitted"
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "write" and can_write:
                reports_services.report_write(
                    user=user,
                    report=report,
                    sections=[
                        {"heading": h, "text": t}
                        for h, t in zip(request.POST.getlist("heading"), request.POST.getlist("text"), strict=False)
                    ],
                )
            elif action == "consolidate":
                reports_services.report_consolidate(user=user, report=report)
            elif action == "submit":
                reports_services.report_submit(user=user, report=report)
            elif action == "accept":
                reports_services.report_accept(user=user, report=report, version=seen_version(request))
            elif action == "return":
                chosen = request.POST.get("section", "")
                section = report.sections.filter(pk=int(chosen)).first() if chosen.isdigit() else None
                comment = request.POST.get("comment", "").strip()
                reports_services.report_return(
                    user=user,
                    report=report,
                    version=seen_version(request),
                    reason=request.POST.get("reason", ""),
                    comments=[{"section": section, "text": comment}] if comment else [],
                )
            elif action == "unlock":
                reports_services.report_unlock(user=user, report=report, reason=request.POST.get("reason", ""))
            else:
                raise PermissionDenied
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Đã cập nhật báo cáo."))
        return redirect("reports:report", report.pk)
    return render(
        request,
        "reports/report.html",
        {
            "report": report,
            "can_write": can_write,
            "review_kinds": (ReportKind.INTERIM_REVIEW, ReportKind.FINAL_REVIEW),
            "can_decide": can_decide,
            "can_unlock": report.status == "accepted"
            and permissions.can(user, permissions.APPROVE, reports_services.recipient(report)),
            "sections": report.sections.prefetch_related("comments"),
            "figures": report.figures.all(),
            "comments": report.comments.filter(section__isnull=True, figure__isnull=True),
            "history": report.history.select_related("history_user")[:20],
        },
    )
