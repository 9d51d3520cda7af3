"""The plan list's filters, shared by the page and the API: one form bounds them both, and
a filter that does not read (a year 0, a unit "abc") is left out rather than failing."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django import forms
from django.db.models import Q, Value
from django.db.models.functions import Concat

from phongtrao.bounds import EARLIEST, ID_MAX, LATEST
from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import Plan, PlanKind, PlanStatus
from phongtrao.search import matching


class PlanFilterForm(forms.Form):
    unit = forms.IntegerField(required=False, min_value=1, max_value=ID_MAX)
    year = forms.IntegerField(required=False, min_value=EARLIEST.year, max_value=LATEST.year)
    kind = forms.ChoiceField(required=False, choices=PlanKind.choices)
    status = forms.ChoiceField(required=False, choices=PlanStatus.choices)
    q = forms.CharField(required=False, max_length=200)
    concerning = forms.BooleanField(required=False)


class PlanFilter:
    def __init__(self, user, params: dict[str, Any]):
        self.user = user
        form = PlanFilterForm({k: v for k, v in params.items() if v is not None})
        form.is_valid()
        self.params = form.cleaned_data  # the filters that read; the others are left out

    @cached_property
    def unit(self) -> AdminUnit | None:
        unit_id = self.params.get("unit")
        return AdminUnit.objects.filter(pk=unit_id).first() if unit_id else None

    def queryset(self):
        plans = Plan.objects.visible_to(self.user).for_list()
        unit = self.unit
        if unit is not None:
            plans = plans.rolling_into(unit)
        if self.params.get("concerning"):
            plans = plans.concerning(self.user)
        if year := self.params.get("year"):
            plans = plans.filter(Q(issue_date__year=year) | Q(period_start__year__lte=year, period_end__year__gte=year))
        if kind := self.params.get("kind"):
            plans = plans.filter(kind=kind)
        if status := self.params.get("status"):
            plans = plans.filter(status=status)
        if text := self.params.get("q"):
            # "42/KH-UBND" as written on the document, or any word of its title or issuer
            numbers = (Concat("number", Value(sep), "symbol") for sep in ("/", "-"))
            plans = matching(plans, text, "title", "issuer_name", "theme", *numbers)
        return plans.distinct()
