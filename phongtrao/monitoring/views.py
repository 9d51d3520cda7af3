from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring import charts, criteria, excel, periods, ranking, reports, rollups, services
from phongtrao.monitoring.access import get_dossier_file_for_user, get_report_for_user, report_visible
from phongtrao.monitoring.dashboard import dashboard
from phongtrao.monitoring.forms import (
    CriteriaFileForm,
    PeriodForm,
    RankingForm,
    ReportFilterForm,
    ReviewForm,
    StatusForm,
    ValueForm,
    ValuesExportForm,
)
from phongtrao.monitoring.models import (
    CriteriaSet,
    Criterion,
    CriterionStatus,
    Indicator,
    IndicatorValue,
    PeriodKind,
)
from phongtrao.plans.access import get_plan_for_user
from phongtrao.text import natural_key
from phongtrao.ui.downloads import XLSX, attachment, stored_file
from phongtrao.ui.forms import add_service_errors, flash_refusal, seen_version
from phongtrao.ui.imports import import_page


def _get(model_or_queryset, **lookup):
    queryset = getattr(model_or_queryset, "objects", model_or_queryset)
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404
    return found


def criteria_board(request, set_pk: int, unit_pk: int):
    """Units × criteria: the NTM picture of a district or province, public like the NTM recognitions it leads to."""
    criteria_set = _get(CriteriaSet, pk=set_pk)
    area = get_unit(unit_pk)
    columns, rows = criteria.board(criteria_set, area)
    return render(
        request, "monitoring/board.html", {"set": criteria_set, "area": area, "columns": columns, "rows": rows}
    )


def criterion_detail(request, unit_pk: int, criterion_pk: int):
    unit = get_unit(unit_pk)
    criterion = _get(Criterion.objects.select_related("criteria_set"), pk=criterion_pk)
    can_edit = permissions.can(request.user, permissions.EDIT, unit)
    form = StatusForm(request.POST or None, request.FILES or None, initial={"date": timezone.localdate()})
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            files = [(f.name, f.read()) for f in data.pop("files")]
            try:
                criteria.criterion_status_set(user=request.user, unit=unit, criterion=criterion, files=files, **data)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Đã cập nhật tình trạng tiêu chí."))
                return redirect("monitoring:criterion", unit.pk, criterion.pk)
    status = CriterionStatus.objects.filter(unit=unit, criterion=criterion, indicator__isnull=True).first()
    internal = permissions.sees_internal(request.user, unit)
    return render(
        request,
        "monitoring/criterion.html",
        {
            "unit": unit,
            "criterion": criterion,
            "status": status,
            "form": form,
            "can_edit": can_edit,
            "internal": internal,
            "dossier": criterion.dossier.filter(unit=unit) if internal else [],
            "history": status.history.select_related("history_user")[:20] if status and internal else [],
        },
    )


@login_required
def criteria_import(request):
    form = CriteriaFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            header = {key: value for key, value in form.cleaned_data.items() if key != "file"}
            criteria_set = criteria.criteria_set_import(
                user=request.user, raw=form.cleaned_data["file"].read(), header=header
            )
        except ValidationError as exc:
            form.add_error("file", " ".join(exc.messages))
        else:
            messages.success(request, _("Đã nạp bộ tiêu chí “%(name)s”.") % {"name": criteria_set.name})
            return redirect("monitoring:criteria_import")
    return render(request, "monitoring/criteria_import.html", {"form": form, "sets": CriteriaSet.objects.all()})


def criteria_sheet(request, set_pk: int):
    """A set as an Excel sheet, public like the decisions it comes from."""
    criteria_set = _get(CriteriaSet, pk=set_pk)
    return attachment(criteria.criteria_set_sheet(criteria_set), XLSX, f"{criteria_set.code}.xlsx")


def unit_dashboard(request, unit_pk: int):
    """Public figures of a unit, and for its members the drafts and internal lists too."""
    unit = get_unit(unit_pk)
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "unit": unit,
            "can_enter_values": permissions.can(request.user, permissions.REPORT, unit),
            "can_view_values": permissions.can(request.user, permissions.VIEW, unit),
            "this_year": timezone.localdate().year,
            **dashboard(unit, request.user),
        },
    )


def _unit_for_values(user, unit_pk: int) -> AdminUnit:
    unit = get_unit(unit_pk)
    permissions.require(user, permissions.REPORT, unit, visible=permissions.can(user, permissions.VIEW, unit))
    return unit


# The service names the period by its start; the form asks for a day in it.
VALUE_FIELDS = {"period_start": "date"}


@login_required
def values_enter(request, unit_pk: int):
    """Enter or correct one figure for the unit or one of the units right under it."""
    unit = _unit_for_values(request.user, unit_pk)
    places = [unit, *AdminUnit.objects.current().filter(parent=unit).in_reading_order()]
    form = ValueForm(request.POST or None, places=places, initial={"date": timezone.localdate(), "unit": unit.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = services.value_record(
                user=request.user,
                indicator=data["indicator"],
                unit=next(place for place in places if place.pk == data["unit"]),
                period_kind=data["period"],
                day=data["date"],
                value=data["value"],
                numerator=data["numerator"],
                denominator=data["denominator"],
                note=data["note"],
                confirm=data["confirm"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc, VALUE_FIELDS)
        else:
            messages.success(
                request,
                _("Đã ghi %(indicator)s của %(unit)s, %(period)s.")
                % {
                    "indicator": record.indicator.name,
                    "unit": record.unit,
                    "period": periods.label(record.period_kind, record.period_start),
                },
            )
            return redirect("monitoring:values_enter", unit.pk)
    recent = (
        IndicatorValue.objects.filter(unit__in=places)
        .select_related("indicator", "unit", "entered_by")
        .order_by("-updated_at")[:20]
    )
    return render(request, "monitoring/values_enter.html", {"unit": unit, "form": form, "recent": recent})


@login_required
def values_import(request, unit_pk: int):
    """A commune enters the figures its villages sent in one Excel sheet."""
    unit = _unit_for_values(request.user, unit_pk)
    return import_page(
        request,
        run=lambda data: excel.values_import(user=request.user, unit=unit, data=data),
        done_message=_("Đã nhập %(n)s số liệu."),
        done_url=reverse("monitoring:dashboard", args=[unit.pk]),
        template="monitoring/values_import.html",
        context={"unit": unit},
    )


@login_required
def values_template(request, unit_pk: int):
    unit = _unit_for_values(request.user, unit_pk)
    return attachment(excel.values_template_xlsx(unit), XLSX, "mau-nhap-so-lieu.xlsx")


@login_required
def values_export(request, unit_pk: int):
    """The values of the unit and the units under it, for those with a role there; the
    sheet can be corrected and imported back."""
    unit = get_unit(unit_pk)
    permissions.require(request.user, permissions.VIEW, unit, visible=False)
    form = ValuesExportForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(f"{form[name].label}: {' '.join(e)}" for name, e in form.errors.items()))
    spooled = excel.values_export(unit=unit, **form.cleaned_data)
    return FileResponse(spooled, as_attachment=True, filename=f"so-lieu-{unit.pk}.xlsx", content_type=XLSX)


TREND_LENGTH = {"week": 12, "month": 12, "quarter": 8, "year": 6}


def indicator_trend(request, unit_pk: int, code: str):
    """An indicator's roll-up over a unit, period after period: public, like the roll-ups."""
    unit = get_unit(unit_pk)
    indicator = _get(Indicator, code=code)
    kind = request.GET.get("period", PeriodKind.MONTH)
    if kind not in PeriodKind.values:
        kind = PeriodKind.MONTH
    rows = [
        (periods.label(kind, start), rollups.rollup_value(indicator, cell), cell.count if cell else 0)
        for start, cell in rollups.series(indicator, unit, kind, timezone.localdate(), TREND_LENGTH[kind])
    ]
    return render(
        request,
        "monitoring/trend.html",
        {
            "unit": unit,
            "indicator": indicator,
            "kind": kind,
            "kinds": PeriodKind.choices,
            "rows": rows,
            "columns": charts.columns([(label, value) for label, value, _count in rows]),
        },
    )


def communes_ranking(request, unit_pk: int):
    """Communes compared on one indicator: public, like the roll-ups it reads."""
    area = get_unit(unit_pk)
    form = RankingForm(request.GET or None)
    places = None
    if form.is_valid():
        places = ranking.communes_ranked(
            indicator=form.cleaned_data["indicator"],
            area=area,
            period_kind=form.cleaned_data["period"],
            day=form.cleaned_data["date"],
            lowest_first=form.cleaned_data["lowest_first"],
        )
    return render(request, "monitoring/ranking.html", {"area": area, "form": form, "places": places})


# --- reports -------------------------------------------------------------------------


def plan_reports(request, plan_pk: int):
    plan = get_plan_for_user(request.user, plan_pk)
    can_edit = permissions.can(request.user, permissions.EDIT, plan.unit)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        try:
            if "schedule" in request.POST:
                today = timezone.localdate()
                made = reports.reports_schedule(user=request.user, plan=plan, until=today)
                if made:
                    messages.success(
                        request, _("Đã lập %(n)s báo cáo theo chế độ báo cáo của kế hoạch.") % {"n": len(made)}
                    )
                else:
                    messages.warning(
                        request,
                        _("Không có báo cáo mới: các kỳ báo cáo đến ngày %(d)s đều đã được lập.")
                        % {"d": today.strftime("%d/%m/%Y")},
                    )
            else:
                form = ReviewForm(request.POST)
                if form.is_valid():
                    review = reports.review_create(user=request.user, plan=plan, **form.cleaned_data)
                    return redirect("monitoring:report", review.pk)
        except ValidationError as exc:
            flash_refusal(request, exc)
        return redirect("monitoring:plan_reports", plan.pk)
    overview = reports.overview(plan)
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
        "monitoring/plan_reports.html",
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


def plan_progress(request, plan_pk: int):
    """The plan's measured targets, unit by unit among those that carry it out."""
    plan = get_plan_for_user(request.user, plan_pk)
    form = PeriodForm(request.GET or None, initial={"date": timezone.localdate()})
    kind, day = PeriodKind.YEAR, timezone.localdate()
    if form.is_valid():
        kind, day = form.cleaned_data["period"], form.cleaned_data["date"]
    start = periods.period_start(kind, day)
    targets, rows = rollups.plan_progress_by_unit(plan, kind, start)
    return render(
        request,
        "monitoring/plan_progress.html",
        {"plan": plan, "form": form, "label": periods.label(kind, start), "targets": targets, "rows": rows},
    )


def report_detail(request, pk: int):
    report = get_report_for_user(request.user, pk)
    user = request.user
    can_write = permissions.can(user, permissions.REPORT, report.unit) and report.status in ("draft", "returned")
    can_decide = permissions.can(user, permissions.EDIT, reports.recipient(report)) and report.status == "submitted"
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "write" and can_write:
                reports.report_write(
                    user=user,
                    report=report,
                    sections=[
                        {"heading": h, "text": t}
                        for h, t in zip(request.POST.getlist("heading"), request.POST.getlist("text"), strict=False)
                    ],
                )
            elif action == "consolidate":
                reports.report_consolidate(user=user, report=report)
            elif action == "submit":
                reports.report_submit(user=user, report=report)
            elif action == "accept":
                reports.report_accept(user=user, report=report, version=seen_version(request))
            elif action == "return":
                chosen = request.POST.get("section", "")
                section = report.sections.filter(pk=int(chosen)).first() if chosen.isdigit() else None
                comment = request.POST.get("comment", "").strip()
                reports.report_return(
                    user=user,
                    report=report,
                    version=seen_version(request),
                    reason=request.POST.get("reason", ""),
                    comments=[{"section": section, "text": comment}] if comment else [],
                )
            elif action == "unlock":
                reports.report_unlock(user=user, report=report, reason=request.POST.get("reason", ""))
            else:
                raise PermissionDenied
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Đã cập nhật báo cáo."))
        return redirect("monitoring:report", report.pk)
    return render(
        request,
        "monitoring/report.html",
        {
            "report": report,
            "can_write": can_write,
            "can_decide": can_decide,
            "can_unlock": report.status == "accepted"
            and permissions.can(user, permissions.APPROVE, reports.recipient(report)),
            "sections": report.sections.prefetch_related("comments"),
            "figures": report.figures.all(),
            "comments": report.comments.filter(section__isnull=True, figure__isnull=True),
            "history": report.history.select_related("history_user")[:20],
        },
    )


def dossier_file(request, pk: int):
    """A criterion's dossier is internal to those with a role over the unit."""
    dossier = get_dossier_file_for_user(request.user, pk)
    return stored_file(dossier.file, public=False, name=dossier.original_name)
