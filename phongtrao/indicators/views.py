from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongtrao.accounts import permissions
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.indicators import charts, excel, periods, ranking, rollups, services
from phongtrao.indicators.access import get_indicator
from phongtrao.indicators.forms import RankingForm, TrendForm, ValueForm, ValuesExportForm
from phongtrao.indicators.models import IndicatorValue, PeriodKind
from phongtrao.jobs.exports import export_response
from phongtrao.jobs.imports import import_page
from phongtrao.ui.downloads import XLSX, attachment
from phongtrao.ui.forms import add_service_errors


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
            return redirect("indicators:values_enter", unit.pk)
    recent = (
        IndicatorValue.objects.filter(unit__in=places)
        .select_related("indicator", "unit", "entered_by")
        .order_by("-updated_at")[:20]
    )
    return render(request, "indicators/values_enter.html", {"unit": unit, "form": form, "recent": recent})


@login_required
def values_import(request, unit_pk: int):
    """A commune enters the figures its villages sent in one Excel sheet."""
    unit = _unit_for_values(request.user, unit_pk)
    return import_page(
        request,
        service=services.values_import,
        target={"unit": unit},
        done_message=gettext_lazy("Đã nhập %(n)s số liệu."),
        done_url=reverse("units:dashboard", args=[unit.pk]),
        template="indicators/values_import.html",
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
    return export_response(
        request,
        large=excel.exported_values(unit=unit, **form.cleaned_data).count() > settings.JOB_ROWS_IN_REQUEST,
        builder=excel.values_export,
        target={"unit": unit, "indicator": form.cleaned_data["indicator"]},
        params={"year": form.cleaned_data["year"]},
        filename=f"so-lieu-{unit.pk}.xlsx",
        content_type=XLSX,
        title=lambda: _("Xuất số liệu chỉ số của %(unit)s ra Excel") % {"unit": unit},
    )


def indicator_trend(request, unit_pk: int, code: str):
    """An indicator's roll-up over a unit, period after period: public, like the roll-ups."""
    unit = get_unit(unit_pk)
    indicator = get_indicator(code)
    form = TrendForm(request.GET)
    kind, until = form.chosen(timezone.localdate())
    rows = [(point.label, point.value, point.count) for point in rollups.trend(indicator, unit, kind, until)]
    if request.GET.get("format") == "xlsx":
        return attachment(excel.trend_sheet(indicator, unit, rows), XLSX, f"dien-bien-{indicator.code}.xlsx")
    return render(
        request,
        "indicators/trend.html",
        {
            "unit": unit,
            "indicator": indicator,
            "kind": kind,
            "until": until,
            "kinds": PeriodKind.choices,
            "rows": rows,
            "has_data": any(value is not None for _label, value, _count in rows),
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
    return render(request, "indicators/ranking.html", {"area": area, "form": form, "places": places})
