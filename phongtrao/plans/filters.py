"""The plan list's filters, shared by the page and the API."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db.models import Q

from phongtrao.geo.models import AdminUnit
from phongtrao.plans.models import Plan, PlanKind, PlanStatus
from phongtrao.text import fold


class PlanFilter:
    def __init__(self, user, params: dict[str, Any]):
        self.user = user
        self.params = params

    @cached_property
    def unit(self) -> AdminUnit | None:
        try:
            unit_id = int(self.params.get("unit") or 0)
        except (TypeError, ValueError):
            return None
        return AdminUnit.objects.filter(pk=unit_id).first() if unit_id else None

    def queryset(self):
        plans = Plan.objects.visible_to(self.user).for_list()
        unit = self.unit
        if unit is not None:
            plans = plans.rolling_into(unit)
        if str(self.params.get("concerning") or "") in ("1", "true", "True"):
            plans = plans.concerning(self.user)
        year = str(self.params.get("year") or "")
        if year.isdigit():
            y = int(year)
            plans = plans.filter(Q(issue_date__year=y) | Q(period_start__year__lte=y, period_end__year__gte=y))
        if self.params.get("kind") in PlanKind.values:
            plans = plans.filter(kind=self.params["kind"])
        if self.params.get("status") in PlanStatus.values:
            plans = plans.filter(status=self.params["status"])
        text = (self.params.get("q") or "").strip()
        if text:
            plans = plans.filter(search_text__contains=fold(text))
        return plans.distinct()
