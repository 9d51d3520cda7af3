from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao import docparse
from phongtrao.accounts import permissions
from phongtrao.geo.models import AdminUnit
from phongtrao.plans import importing, services
from phongtrao.plans.access import get_plan_for_user, get_target_for_user
from phongtrao.plans.filters import PlanFilter
from phongtrao.plans.forms import (
    AllocationForm,
    DeriveForm,
    ImportUnitForm,
    ImportUploadForm,
    PlanCreateForm,
    PlanHeaderForm,
    ReasonForm,
    apply_errors,
    part_formsets,
    plan_rows,
    rows_from,
)
from phongtrao.plans.models import PlanKind, PlanStatus, TargetAllocation, visibility
from phongtrao.plans.selectors import (
    allocation_summary,
    implementing_units,
    opening_lines,
    plan_adoption,
    plan_differences,
)
from phongtrao.ui.forms import flash_refusal
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


def plan_detail(request, pk: int):
    plan = get_plan_for_user(request.user, pk, full=True)
    user = request.user
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
            "can_edit": plan.is_draft and permissions.can(user, permissions.EDIT, plan.unit),
            "can_approve": permissions.can(user, permissions.APPROVE, plan.unit),
            "can_derive": plan.is_published
            and permissions.units_for(user, permissions.EDIT).in_subtree(plan.unit).exclude(pk=plan.unit_id).exists(),
            "reason_form": ReasonForm(),
            "opening": opening_lines(plan),
            # The Saturday calendar belongs to a commune's recurring work days, not to
            # every campaign: shown where the plan recurs, has days, or a commune may set them.
            "saturdays": plan.recurrence_frequency
            or plan.work_days.exists()
            or (plan.unit.level == "commune" and permissions.can(user, permissions.EDIT, plan.unit)),
        },
    )


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


@login_required
def plan_import(request):
    """Read a document into a draft: upload, check the fields the reader was unsure of,
    correct, save. The draft links its parent when a basis is a plan in the system."""
    units = _import_units(request.user)
    if request.method == "POST" and "file" in request.FILES:
        upload = ImportUploadForm(request.POST, request.FILES, units=units)
        if upload.is_valid():
            try:
                parsed = docparse.parse_bytes(upload.cleaned_data["file"].read(), upload.cleaned_data["file"].name)
            except docparse.ReadError as exc:
                upload.add_error("file", str(exc))
            else:
                unit = upload.cleaned_data["unit"]
                uncertain, unsure_parts = importing.uncertain_fields(parsed)
                return render(
                    request,
                    "plans/import_check.html",
                    {
                        "unit_form": ImportUnitForm(initial={"unit": unit}, units=units),
                        "unit": unit,
                        "form": PlanHeaderForm(initial=importing.header_from(parsed)),
                        "formsets": part_formsets(unit=unit, rows=importing.parts_from(parsed)),
                        "uncertain": uncertain,
                        "unsure_parts": unsure_parts,
                        "filename": upload.cleaned_data["file"].name,
                    },
                )
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


def plan_history(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    records = list(plan.history.select_related("history_user").order_by("-history_date")[:200])
    changes = readable_history(records, hidden=("updated_at", "issue_year", "search_text"))
    return render(request, "plans/history.html", {"plan": plan, "changes": changes})
