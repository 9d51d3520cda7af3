from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.indicators.models import Indicator, PeriodKind
from phongtrao.ui.fields import DayField


class RankingForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"), queryset=Indicator.objects.order_by("name"), to_field_name="code"
    )
    period = forms.ChoiceField(label=_("Kỳ"), choices=PeriodKind.choices, initial=PeriodKind.YEAR)
    date = DayField(label=_("Ngày trong kỳ"))
    lowest_first = forms.BooleanField(label=_("Giá trị thấp là tốt (xếp từ thấp lên)"), required=False)


class TrendForm(forms.Form):
    """Which periods a trend shows: their kind, and the day the last one holds (today by
    default; a finished plan's trend ends with its period)."""

    period = forms.ChoiceField(label=_("Kỳ"), choices=PeriodKind.choices, required=False)
    until = DayField(label=_("Đến ngày"), required=False)

    def chosen(self, today: dt.date) -> tuple[str, dt.date]:
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("period") or PeriodKind.MONTH, data.get("until") or today


class ValuesExportForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"),
        queryset=Indicator.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Mọi chỉ số"),
    )


class ValueForm(forms.Form):
    """One figure for one unit and period, as a village head types it on a phone."""

    unit = forms.TypedChoiceField(label=_("Đơn vị"), coerce=int)
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"), queryset=Indicator.objects.order_by("name"), to_field_name="code"
    )
    period = forms.ChoiceField(label=_("Kỳ"), choices=PeriodKind.choices, initial=PeriodKind.MONTH)
    date = DayField(label=_("Ngày trong kỳ"))
    value = forms.DecimalField(label=_("Giá trị"), required=False, max_digits=20, decimal_places=4)
    numerator = forms.DecimalField(label=_("Tử số"), required=False, max_digits=20, decimal_places=4)
    denominator = forms.DecimalField(label=_("Mẫu số"), required=False, max_digits=20, decimal_places=4)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)
    confirm = forms.BooleanField(label=_("Tôi đã kiểm tra, giá trị này đúng"), required=False)

    def __init__(self, *args, places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(place.pk, place.name) for place in places]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ"), choices=PeriodKind.choices, initial=PeriodKind.YEAR)
    date = DayField(label=_("Ngày trong kỳ"))
