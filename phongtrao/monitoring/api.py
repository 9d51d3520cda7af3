from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import READ_AUTH, WRITE_AUTH
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring import criteria, periods, services
from phongtrao.monitoring.models import CriteriaSet, Indicator, IndicatorValue, PeriodKind, Rollup
from phongtrao.plans.access import get_target_for_user

indicators_router = Router(tags=["indicators"])
values_router = Router(tags=["values"])
rollup_router = Router(tags=["rollup"])


def _d(value: Decimal | None) -> str | None:
    return None if value is None else format(Decimal(value).quantize(Decimal("0.0001")), "f")


@indicators_router.get("", auth=READ_AUTH)
def list_indicators(request):
    return [
        {
            "code": i.code,
            "name": i.name,
            "unit": i.unit_of_measure,
            "value_type": i.value_type,
            "aggregation": i.aggregation,
            "achieving_threshold": _d(i.achieving_threshold),
        }
        for i in Indicator.objects.all()
    ]


class ValueIn(Schema):
    indicator: str
    unit: int
    period: PeriodKind
    date: dt.date
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    weight: Decimal = Decimal(1)
    note: str = ""
    confirm: bool = False


def _value(v: IndicatorValue) -> dict:
    return {
        "id": v.pk,
        "indicator": v.indicator.code,
        "unit": v.unit_id,
        "period": v.period_kind,
        "period_start": v.period_start.isoformat(),
        "value": _d(v.value),
        "numerator": _d(v.numerator),
        "denominator": _d(v.denominator),
        "weight": _d(v.weight),
    }


@values_router.post("", auth=WRITE_AUTH)
def record_value(request, payload: ValueIn):
    indicator = get_object_or_404(Indicator, code=payload.indicator)
    unit = get_object_or_404(AdminUnit, pk=payload.unit)
    record = services.value_record(
        user=request.user,
        indicator=indicator,
        unit=unit,
        period_kind=payload.period,
        day=payload.date,
        value=payload.value,
        numerator=payload.numerator,
        denominator=payload.denominator,
        weight=payload.weight,
        note=payload.note,
        confirm=payload.confirm,
    )
    return _value(record)


@values_router.get("", auth=READ_AUTH)
def list_values(request, indicator: str, unit: int, period: PeriodKind | None = None):
    """The values entered in a unit's subtree, for those with a role there."""
    place = get_object_or_404(AdminUnit, pk=unit)
    permissions.require(request.user, permissions.VIEW, place, visible=False)
    values = IndicatorValue.objects.filter(indicator__code=indicator, unit__path__startswith=place.path)
    if period:
        values = values.filter(period_kind=period)
    return [_value(v) for v in values.select_related("indicator").order_by("period_start", "unit_id")[:1000]]


@rollup_router.get("", auth=READ_AUTH)
def rollup(request, unit: int, period: PeriodKind, date: dt.date, indicator: str = "", target: int | None = None):
    """An indicator (or the one a plan's target is measured by) over any unit's subtree,
    merged units included, for one period: one row read from the maintained roll-ups.
    Aggregates are public, like the plans they serve."""
    if target is not None:
        measured = get_target_for_user(request.user, target)
        if measured.indicator_id is None:
            raise ValidationError({"target": _("Chỉ tiêu này chưa gắn với chỉ số nào.")})
        chosen = measured.indicator
    else:
        chosen = get_object_or_404(Indicator, code=indicator)
    start = periods.period_start(period, date)
    cell = Rollup.objects.filter(indicator=chosen, unit_id=unit, period_kind=period, period_start=start).first()
    return {
        "indicator": chosen.code,
        "unit": unit,
        "period": period,
        "period_start": start.isoformat(),
        "label": periods.label(period, start),
        "aggregation": chosen.aggregation,
        "value": _d(services.rollup_value(chosen, cell)),
        "reporting_units": cell.count if cell else 0,
        "achieving": cell.achieving if cell else 0,
    }


criteria_router = Router(tags=["criteria"])


@criteria_router.get("", auth=READ_AUTH)
def list_criteria(request):
    return [
        {
            "code": s.code,
            "name": s.name,
            "level": s.level,
            "source": s.source,
            "criteria": [
                {
                    "id": c.pk,
                    "number": c.number,
                    "name": c.name,
                    "indicators": [{"code": i.code, "name": i.name} for i in c.indicators.all()],
                }
                for c in s.criteria.all()
            ],
        }
        for s in CriteriaSet.objects.prefetch_related("criteria__indicators")
    ]


@criteria_router.get("/board", auth=READ_AUTH)
def criteria_board(request, set: str, unit: int):
    chosen = get_object_or_404(CriteriaSet, code=set)
    area = get_object_or_404(AdminUnit, pk=unit)
    columns, rows = criteria.board(chosen, area)
    return {
        "criteria": [c.number for c in columns],
        "units": [
            {
                "unit": {"id": r.unit.pk, "name": r.unit.name},
                "achieved": r.achieved,
                "states": [cell.state if cell else None for cell in r.cells],
            }
            for r in rows
        ],
    }
