from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao import docparse
from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit
from phongtrao.indicators import charts, periods
from phongtrao.indicators.forms import PeriodForm, TrendForm
from phongtrao.indicators.models import PeriodKind
from phongtrao.jobs.access import get_job_result_for_user
from phongtrao.jobs.views import follow
from phongtrao.orgs.models import Organization
from phongtrao.plans import importing, services, target_progress, tasks
from phongtrao.plans.access import get_duty_for_user, get_evidence_for_user, get_plan_for_user, get_target_for_user
from phongtrao.plans.excel import target_trend_sheet
from phongtrao.plans.filters import PlanFilter
from phongtrao.plans.forms import (
    AllocationForm,
    DeriveForm,
    DutyFilterForm,
    ImportUnitForm,
    ImportUploadForm,
    PlanCreateForm,
    PlanHeaderForm,
    ProgressForm,
    ReasonForm,
    apply_errors,
    part_formsets,
    plan_rows,
    rows_from,
)
from phongtrao.plans.models import (
    ADOPTED,
    Duty,
    DutyProgress,
    Plan,
    PlanKind,
    PlanStatus,
    TargetAllocation,
    visibility,
)
from phongtrao.plans.selectors import (
    DOCUMENT_PARTS,
    WORK_PARTS,
    allocation_summary,
    duty_grid,
    implementing_units,
    opening_lines,
    plan_adoption,
    plan_differences,
    same_document,
)
from phongtrao.ui.downloads import XLSX, attachment, stored_file
from phongtrao.ui.forms import add_service_errors, flash_refusal
from phongtrao.ui.history import readable_history


def _unit_choices(user) -> list[AdminUnit]:
    """The units a user's list can be narrowed to: above, at and just below their own."""
    homes = permissions.home_units(user)
    if not homes:
        return []
    ids = {pk for unit in homes for pk in unit.ancestor_ids} | {unit.pk for unit in homes}
    return list(AdminUnit.objects.filter(Q(pk__in=ids) | Q(parent__in=homes)).order_by("depth", "name"))


def plan_list(request):
    plan_filter = PlanFilter(request.user, request.GET)
    page = Paginator(plan_filter.queryset(), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/list.html",
        {
            "page": page,
            "filter_unit": plan_filter.unit,
            "params": request.GET,
            "query": query.urlencode(),
            "kinds": PlanKind.choices,
            "statuses": PlanStatus.choices,
            "can_create": permissions.units_for(request.user, permissions.EDIT).exists(),
        },
    )


DOCUMENT_SECONDS = 24 * 3600


def _document(request, plan: Plan, *, can_allocate: bool) -> dict[str, str]:
    """The fixed parts of the plan's document, rendered. Once the plan is issued they never
    change (it is cancelled and replaced, not edited), so they are kept, keyed by the plan's
    last change, the language and the one link that depends on the reader: the page then
    reads only what moves (duties, registration calls)."""
    key = f"plan-document:{plan.pk}:{plan.updated_at.timestamp()}:{get_language()}:{int(can_allocate)}"
    kept = cache.get(key) if plan.is_published else None
    prefetch_related_objects([plan], *WORK_PARTS, *([] if kept else DOCUMENT_PARTS))
    if kept:
        return kept
    context = {"plan": plan, "opening": opening_lines(plan), "can_allocate": can_allocate}
    rendered = {
        part: render_to_string(f"plans/_document_{part}_partial.html", context, request) for part in ("head", "tail")
    }
    if plan.is_published:
        cache.set(key, rendered, DOCUMENT_SECONDS)
    return rendered


def plan_detail(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    user = request.user
    can_edit = plan.is_draft and permissions.can(user, permissions.EDIT, plan.unit)
    can_approve = permissions.can(user, permissions.APPROVE, plan.unit)
    # Communes and districts adopt a plan with plans of their own; villages carry out
    # the commune's plan directly, so a commune plan shows adoption only when they do.
    show_adoption = plan.is_published and (plan.unit.level in ("province", "district") or plan.children.exists())
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "adoption": plan_adoption(plan, visible=visibility(user)) if show_adoption else None,
            "differences": plan_differences(plan) if plan.parent_id else [],
            "can_edit": can_edit,
            "can_approve": can_approve,
            "can_derive": plan.is_published
            and permissions.units_for(user, permissions.EDIT).in_subtree(plan.unit).exclude(pk=plan.unit_id).exists(),
            "reason_form": ReasonForm(),
            # The Saturday calendar belongs to a commune's recurring work days, not to
            # every campaign: shown where the plan recurs, has days, or a commune may set them.
            "saturdays": plan.recurrence_frequency
            or plan.work_days.exists()
            or (plan.unit.level == "commune" and permissions.can(user, permissions.EDIT, plan.unit)),
        },
    )


def plan_document(request, pk: int):
    """The plan's full text: the fragment its page asks for when it is opened, or a page
    of its own (without scripts, or to print)."""
    plan = get_plan_for_user(request.user, pk)
    can_edit = plan.is_draft and permissions.can(request.user, permissions.EDIT, plan.unit)
    can_allocate = can_edit or (plan.is_published and permissions.can(request.user, permissions.APPROVE, plan.unit))
    context = {"plan": plan, "document": _document(request, plan, can_allocate=can_allocate)}
    template = "plans/_document_partial.html" if request.htmx else "plans/document.html"
    return render(request, template, context)


@login_required
def plan_create(request):
    units = permissions.units_for(request.user, permissions.EDIT).exclude(level="village").order_by("depth", "name")
    form = PlanCreateForm(request.POST or None, units=units, initial={"kind": PlanKind.IMPLEMENTATION})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = data.pop("unit")
        try:
            plan = services.plan_create(
                user=request.user, unit=unit, title=data.pop("title"), issuer_name=data.pop("issuer_name"), **data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo dự thảo kế hoạch."))
            return redirect("plans:edit", plan.pk)
    return render(request, "plans/create.html", {"form": form})


def _import_units(user):
    return permissions.units_for(user, permissions.EDIT).exclude(level="village").order_by("depth", "name")


def _import_check(request, *, units, unit: AdminUnit, parsed: dict, filename: str):
    uncertain, unsure_parts = importing.uncertain_fields(parsed)
    header = importing.header_from(parsed)
    return render(
        request,
        "plans/import_check.html",
        {
            "unit_form": ImportUnitForm(initial={"unit": unit}, units=units),
            "unit": unit,
            "form": PlanHeaderForm(initial=header),
            "formsets": part_formsets(unit=unit, rows=importing.parts_from(parsed)),
            "uncertain": uncertain,
            "unsure_parts": unsure_parts,
            "filename": filename,
            "known": same_document(request.user, header),
        },
    )


@login_required
def plan_import_read(request, job_pk: int):
    """A scan the OCR job has read, on the same check page as a document read at once."""
    job = get_job_result_for_user(request.user, job_pk)
    units = _import_units(request.user)
    unit_form = ImportUnitForm(request.GET, units=units)
    if not unit_form.is_valid():
        return redirect("plans:import")
    with job.result.open("rb") as stored:
        parsed = json.loads(stored.read())
    return _import_check(
        request, units=units, unit=unit_form.cleaned_data["unit"], parsed=parsed, filename=job.source_name
    )


@login_required
def plan_import(request):
    """Read a document into a draft: upload, check the fields the reader was unsure of,
    correct, save. The draft links its parent when a basis is a plan in the system."""
    units = _import_units(request.user)
    if request.method == "POST" and "file" in request.FILES:
        upload = ImportUploadForm(request.POST, request.FILES, units=units)
        if upload.is_valid():
            data, name = upload.cleaned_data["file"].read(), upload.cleaned_data["file"].name
            unit = upload.cleaned_data["unit"]
            if docparse.needs_ocr(data, name):
                job = tasks.scan_read_start(user=request.user, data=data, filename=name, unit=unit)
                return follow(
                    request, job, _("Bản quét: máy chủ đang nhận dạng chữ từng trang; khi xong sẽ có thông báo.")
                )
            try:
                parsed = docparse.parse_bytes(data, name)
            except docparse.ReadError as exc:
                upload.add_error("file", str(exc))
            else:
                return _import_check(request, units=units, unit=unit, parsed=parsed, filename=name)
        return render(request, "plans/import.html", {"form": upload})
    if request.method == "POST":
        unit_form = ImportUnitForm(request.POST, units=units)
        if not unit_form.is_valid():
            return redirect("plans:import")
        unit = unit_form.cleaned_data["unit"]
        form = PlanHeaderForm(request.POST)
        formsets = part_formsets(unit=unit, rows={}, data=request.POST)
        if form.is_valid() and all(f.is_valid() for f in formsets.values()):
            header = dict(form.cleaned_data)
            try:
                plan = services.plan_import(
                    user=request.user,
                    unit=unit,
                    header=header,
                    parts={part: rows_from(fs) for part, fs in formsets.items()},
                    anyway=request.POST.get("anyway") == "1",
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu dự thảo từ văn bản."))
                return redirect("plans:detail", plan.pk)
        return render(
            request,
            "plans/import_check.html",
            {
                "unit_form": unit_form,
                "unit": unit,
                "form": form,
                "formsets": formsets,
                "uncertain": set(),
                "unsure_parts": set(),
                "known": same_document(request.user, getattr(form, "cleaned_data", {})),
            },
        )
    home = next((u for u in permissions.home_units(request.user) if units.filter(pk=u.pk).exists()), None)
    return render(request, "plans/import.html", {"form": ImportUploadForm(units=units, initial={"unit": home})})


@login_required
def plan_edit(request, pk: int):
    plan = get_plan_for_user(request.user, pk, action=permissions.EDIT, full=True)
    if not plan.is_draft:
        messages.error(
            request, _("Kế hoạch đã ban hành không sửa được; nếu cần thay đổi, hãy hủy và ban hành văn bản mới.")
        )
        return redirect("plans:detail", plan.pk)
    form = PlanHeaderForm(request.POST or None, initial=PlanHeaderForm.initial_for(plan))
    formsets = part_formsets(unit=plan.unit, rows=plan_rows(plan), data=request.POST or None)
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for f in formsets.values()):
        try:
            services.plan_edit(
                user=request.user,
                plan=plan,
                header=form.cleaned_data,
                parts={part: rows_from(fs) for part, fs in formsets.items()},
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu kế hoạch."))
            return redirect("plans:edit" if "continue" in request.POST else "plans:detail", plan.pk)
    return render(request, "plans/edit.html", {"plan": plan, "form": form, "formsets": formsets})


def _status_action(request, pk: int, action: str, run, done: str):
    plan = get_plan_for_user(request.user, pk, action=action)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        run(plan, form.cleaned_data.get("reason", ""))
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, done)
    return redirect("plans:detail", plan.pk)


@login_required
def plan_issue(request, pk: int):
    """Issuing makes the plan public and fixes it for good: first a page saying what will
    be issued and what is still missing, then the confirmation."""
    if request.method == "POST":
        return _status_action(
            request,
            pk,
            permissions.APPROVE,
            lambda p, r: services.plan_issue(user=request.user, plan=p),
            _("Đã ban hành kế hoạch."),
        )
    plan = get_plan_for_user(request.user, pk, action=permissions.APPROVE, full=True)
    return render(
        request,
        "plans/issue_confirm.html",
        {"plan": plan, "missing": services.plan_issue_problems(plan), "opening": opening_lines(plan)},
    )


@login_required
@require_POST
def plan_cancel(request, pk: int):
    return _status_action(
        request,
        pk,
        permissions.APPROVE,
        lambda p, r: services.plan_cancel(user=request.user, plan=p, reason=r),
        _("Đã hủy kế hoạch."),
    )


@login_required
@require_POST
def plan_close(request, pk: int):
    return _status_action(
        request,
        pk,
        permissions.APPROVE,
        lambda p, r: services.plan_close(user=request.user, plan=p, reason=r),
        _("Đã kết thúc kế hoạch."),
    )


@login_required
@require_POST
def plan_delete(request, pk: int):
    plan = get_plan_for_user(request.user, pk, action=permissions.EDIT)
    try:
        services.plan_delete(user=request.user, plan=plan)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("plans:detail", plan.pk)
    messages.success(request, _("Đã xóa dự thảo."))
    return redirect("plans:list")


@login_required
def plan_derive(request, pk: int):
    parent = get_plan_for_user(request.user, pk)
    units = (
        permissions.units_for(request.user, permissions.EDIT)
        .in_subtree(parent.unit)
        .exclude(pk=parent.unit_id)
        .order_by("depth", "name")
    )
    initial = {"unit": units[0]} if len(units) == 1 else {}
    form = DeriveForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            child = services.plan_derive(user=request.user, parent=parent, unit=form.cleaned_data["unit"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo dự thảo kế hoạch thực hiện; hãy chỉnh sửa rồi ban hành."))
            return redirect("plans:edit", child.pk)
    return render(request, "plans/derive.html", {"parent": parent, "form": form})


@login_required
def target_allocations(request, pk: int):
    target = get_target_for_user(request.user, pk, action=permissions.EDIT)
    values = dict(TargetAllocation.objects.filter(target=target).values_list("unit_id", "value"))
    form = AllocationForm(request.POST or None, units=implementing_units(target.plan), values=values)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_allocate(user=request.user, target=target, values=form.values())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã giao chỉ tiêu cho các đơn vị."))
            return redirect("plans:detail", target.plan_id)
    return render(
        request, "plans/allocations.html", {"target": target, "form": form, "summary": allocation_summary(target)}
    )


def target_trend(request, pk: int):
    """A measured target month by month, what the plan expected by each month's end against
    what was reached: public like the roll-ups it reads, for whoever sees the plan."""
    target = get_target_for_user(request.user, pk)
    if target.indicator_id is None:
        raise Http404
    _kind, until = TrendForm(request.GET).chosen(target_progress.trend_end(target, timezone.localdate()))
    months = target_progress.target_trend(target, until)
    if request.GET.get("format") == "xlsx":
        return attachment(target_trend_sheet(target, months), XLSX, f"dien-bien-chi-tieu-{target.pk}.xlsx")
    reached, expected = [m.actual for m in months], [m.expected for m in months]
    largest = charts.largest_of(reached, expected)
    labels = [periods.label(PeriodKind.MONTH, m.month) for m in months]
    return render(
        request,
        "plans/target_trend.html",
        {
            "target": target,
            "until": until,
            "rows": list(zip(labels, months, strict=True)),
            "has_data": any(value is not None for value in reached),
            "columns": charts.columns(list(zip(labels, reached, strict=True)), largest=largest),
            "line": charts.line(expected, largest=largest),
        },
    )


def plan_history(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    records = list(plan.history.select_related("history_user").order_by("-history_date")[:200])
    changes = readable_history(records, hidden=("updated_at", "issue_year"))
    return render(request, "plans/history.html", {"plan": plan, "changes": changes})


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
        "plans/duty_list.html",
        {
            "rows": [(duty, latest.get(duty.pk), duty.is_overdue(today)) for duty in rows],
            "org": org,
            "unit": unit,
        },
    )


def duty_detail(request, pk: int):
    duty = get_duty_for_user(request.user, pk)
    can_report = services.can_report_on(request.user, duty)
    mine = services.reportable_assignments(request.user, duty) if request.user.is_authenticated else []
    form = ProgressForm(
        request.POST or None, request.FILES or None, initial={"date": timezone.localdate()}, assignments=mine
    )
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            data.pop("assignment", None)
            files = [(f.name, f.read()) for f in data.pop("evidence")]
            try:
                services.duty_progress_add(
                    user=request.user, duty=duty, files=files, assignment=form.chosen_assignment(), **data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Đã ghi tiến độ."))
                return redirect("plans:duty", duty.pk)
    return render(
        request,
        "plans/duty_detail.html",
        {
            "duty": duty,
            "progress": duty.progress.select_related("assignment__unit", "assignment__organization").prefetch_related(
                "evidence"
            ),
            "items": _visible_items(request.user, duty),
            "form": form,
            "can_report": can_report,
            "overdue": duty.is_overdue(timezone.localdate()),
        },
    )


def _visible_items(user, duty):
    """A duty's items a reader sees: all of them for those over the plan's unit, a
    village's own for its head (the plan is public; whose work lags is internal)."""
    today = timezone.localdate()
    items = duty.assignments.select_related("unit", "organization").order_by("pk")
    return [(a, a.is_overdue(today)) for a in items if permissions.sees_internal(user, a.unit)]


def duty_grid_page(request, plan_pk: int):
    """Unit × duty: done, late, under way, not started (a village sees its own row)."""
    plan = get_plan_for_user(request.user, plan_pk)
    grid = duty_grid(
        plan, visible=lambda unit: permissions.sees_internal(request.user, unit), today=timezone.localdate()
    )
    can_assign = plan.status in ADOPTED and permissions.can(request.user, permissions.EDIT, plan.unit)
    return render(request, "plans/duty_grid.html", {"plan": plan, "grid": grid, "can_assign": can_assign})


@login_required
@require_POST
def duty_assign(request, plan_pk: int):
    """Makes the items of a plan issued before duties were itemised, or of villages added since."""
    plan = get_plan_for_user(request.user, plan_pk, action=permissions.EDIT)
    try:
        made = services.duty_assignments_make(user=request.user, plan=plan)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Đã giao %(n)s nhiệm vụ đến từng đơn vị.") % {"n": len(made)})
    return redirect("plans:duty_grid", plan.pk)


def evidence_file(request, pk: int):
    evidence = get_evidence_for_user(request.user, pk)
    public = evidence.progress.duty.plan.is_published
    return stored_file(evidence.file, public=public, name=evidence.original_name)


def plan_progress(request, plan_pk: int):
    """The plan's measured targets, unit by unit among those that carry it out."""
    plan = get_plan_for_user(request.user, plan_pk)
    form = PeriodForm(request.GET or None, initial={"date": timezone.localdate()})
    kind, day = PeriodKind.YEAR, timezone.localdate()
    if form.is_valid():
        kind, day = form.cleaned_data["period"], form.cleaned_data["date"]
    start = periods.period_start(kind, day)
    targets, rows = target_progress.plan_progress_by_unit(plan, kind, start)
    return render(
        request,
        "plans/plan_progress.html",
        {"plan": plan, "form": form, "label": periods.label(kind, start), "targets": targets, "rows": rows},
    )
