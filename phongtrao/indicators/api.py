from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, column
from phongtrao.geo.access import get_unit
from phongtrao.geo.models import AdminUnit
from phongtrao.indicators import rollups, services
from phongtrao.indicators.access import get_indicator
from phongtrao.indicators.models import Indicator, IndicatorValue, PeriodKind

indicators_router = Router(tags=["indicators"])


values_router = Router(tags=["values"])


IndicatorCode = column(Indicator, "code")


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str = Field(validation_alias="unit_of_measure")
    value_type: str
    aggregation: str
    achieving_threshold: DecimalText | None


@indicators_router.get("", **PUBLIC, response=answers(list[IndicatorOut]))
def list_indicators(request) -> list[Indicator]:
    return list(Indicator.objects.all())


class TrendPointOut(Schema):
    period_start: dt.date = Field(validation_alias="start")
    label: str
    value: DecimalText | None = Field(description="null: nobody reported for the period")
    reporting_units: int = Field(validation_alias="count")


class IndicatorTrendOut(Schema):
    indicator: str
    unit: UnitRef
    period: str
    until: dt.date
    points: list[TrendPointOut]


@indicators_router.get("/{code}/trend", **PUBLIC, response=answers(IndicatorTrendOut, NOT_FOUND))
def indicator_trend(
    request, code: IndicatorCode, unit: Id, period: PeriodKind = PeriodKind.MONTH, until: Day | None = None
) -> dict:
    """The indicator's roll-up over a unit, period after period up to the one holding
    `until` (today by default), as its trend page draws it. Public, like the roll-ups."""
    indicator, place = get_indicator(code), get_unit(unit)
    end = until or timezone.localdate()
    return {
        "indicator": indicator.code,
        "unit": place,
        "period": period,
        "until": end,
        "points": rollups.trend(indicator, place, period, end),
    }


class ValueIn(Schema):
    indicator: IndicatorCode
    unit: Id
    period: PeriodKind
    date: Day
    value: column(IndicatorValue, "value") | None = None
    numerator: column(IndicatorValue, "numerator") | None = None
    denominator: column(IndicatorValue, "denominator") | None = None
    weight: column(IndicatorValue, "weight") = 1
    note: column(IndicatorValue, "note") = ""
    confirm: bool = False


class ValueOut(Schema):
    id: int
    indicator: str
    unit: int = Field(validation_alias="unit_id")
    period: str = Field(validation_alias="period_kind")
    period_start: dt.date
    value: DecimalText | None
    numerator: DecimalText | None
    denominator: DecimalText | None
    weight: DecimalText

    @staticmethod
    def resolve_indicator(obj: IndicatorValue) -> str:
        return obj.indicator.code


@values_router.post("", auth=WRITE_AUTH, response=answers(ValueOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def record_value(request, payload: ValueIn) -> IndicatorValue:
    return services.value_record(
        user=request.user,
        indicator=get_indicator(payload.indicator),
        unit=get_unit(payload.unit),
        period_kind=payload.period,
        day=payload.date,
        value=payload.value,
        numerator=payload.numerator,
        denominator=payload.denominator,
        weight=payload.weight,
        note=payload.note,
        confirm=payload.confirm,
    )


class ValuesIn(Schema):
    values: list[ValueIn] = Field(max_length=services.BATCH_MAX)


class ValuesRecordedOut(Schema):
    recorded: int


@values_router.post("/batch", auth=WRITE_AUTH, response=answers(ValuesRecordedOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def record_values(request, payload: ValuesIn) -> dict[str, int]:
    """Many values at once (up to 1000: a district's villages at month's end), all or none;
    a refused line is named by its number. Each is checked as `POST /api/values` checks one."""
    units = AdminUnit.objects.in_bulk({item.unit for item in payload.values})
    indicators = Indicator.objects.in_bulk({item.indicator for item in payload.values}, field_name="code")
    missing = [
        _("Dòng %(n)s: không có chỉ số “%(c)s” hoặc đơn vị %(u)s.") % {"n": n, "c": item.indicator, "u": item.unit}
        for n, item in enumerate(payload.values, start=1)
        if item.unit not in units or item.indicator not in indicators
    ]
    if missing:
        raise ValidationError({"values": missing})
    entries = [
        services.ValueEntry(
            indicator=indicators[item.indicator],
            unit=units[item.unit],
            period_kind=item.period,
            day=item.date,
            value=item.value,
            numerator=item.numerator,
            denominator=item.denominator,
            weight=item.weight,
            note=item.note,
            confirm=item.confirm,
        )
        for item in payload.values
    ]
    return {"recorded": len(services.values_record(user=request.user, entries=entries))}


@values_router.get("", **PUBLIC, response=answers(list[ValueOut], NOT_FOUND))
def list_values(request, indicator: IndicatorCode, unit: Id, period: PeriodKind | None = None) -> list[IndicatorValue]:
    """The values entered in a unit's subtree: figures are public, like their roll-ups
    (permissions: what is public); who entered them and their notes are not shown."""
    place = get_unit(unit)
    values = IndicatorValue.objects.filter(indicator__code=indicator, unit__path__startswith=place.path)
    if period:
        values = values.filter(period_kind=period)
    return list(values.select_related("indicator").order_by("period_start", "unit_id")[:1000])
