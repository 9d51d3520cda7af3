from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.registrations.models import CallKind, LineKind, Registrants
from phongtrao.ui.fields import DayField, VietnameseDecimalField
from phongtrao.ui.formatting import day_text


class CallForm(forms.Form):
    title = forms.CharField(label=_("Tên mẫu đăng ký"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại đăng ký"), choices=CallKind.choices)
    registrants = forms.ChoiceField(label=_("Ai đăng ký"), choices=Registrants.choices)
    deadline = DayField(label=_("Hạn đăng ký"), required=False)
    min_per_registrant = forms.IntegerField(label=_("Tối thiểu mỗi đơn vị"), min_value=0, max_value=20, initial=1)
    max_per_registrant = forms.IntegerField(label=_("Tối đa mỗi đơn vị"), min_value=1, max_value=20, required=False)


class RegistrationForm(forms.Form):
    """The seed 000 table, one row per form, sized for a phone."""

    unit = forms.ModelChoiceField(label=_("Thôn / đơn vị"), queryset=AdminUnit.objects.none())
    organization = forms.ModelChoiceField(
        label=_("Cơ quan, đoàn thể"), queryset=Organization.objects.none(), required=False
    )
    content = forms.CharField(label=_("Nội dung công việc đăng ký thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    place = forms.CharField(label=_("Địa điểm thực hiện"), max_length=255)
    planned_date = DayField(label=_("Ngày thứ Bảy dự kiến"), required=False)
    people = forms.IntegerField(
        label=_("Số người tham gia"),
        min_value=0,
        max_value=100000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    support_requested = forms.CharField(
        label=_("Đề xuất hỗ trợ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=None, organizations=None, days=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["organization"].queryset = organizations
        if organizations is None or not organizations.exists():
            del self.fields["organization"]
        if days:  # the plan's Saturday calendar: a date is picked from it, never typed
            self.fields["planned_date"] = forms.TypedChoiceField(
                label=_("Ngày thứ Bảy theo lịch"),
                choices=[("", "—")] + _day_choices(days),
                coerce=dt.date.fromisoformat,
                empty_value=None,
                required=False,
            )


def _day_choices(days) -> list[tuple[str, str]]:
    """One choice a date; with several villages, which ones work that day."""
    by_date: dict[dt.date, list[str]] = {}
    for day in days:
        by_date.setdefault(day.date, []).append(day.unit.name)
    several = len({u for names in by_date.values() for u in names}) > 1
    return [
        (date.isoformat(), day_text(date) + (f" – {', '.join(names)}" if several else ""))
        for date, names in sorted(by_date.items())
    ]


class LineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=[c for c in LineKind.choices if c[0] != "people"])
    description = forms.CharField(label=_("Vật tư, dụng cụ"), max_length=200, required=False)
    quantity = VietnameseDecimalField(
        label=_("Số lượng"),
        required=False,
        max_digits=12,
        decimal_places=2,
    )
    unit_of_measure = forms.CharField(label=_("Đơn vị tính"), max_length=30, required=False)


LineFormSet = forms.formset_factory(LineForm, extra=3)
