"""Fetching indicators. Indicators and their roll-ups are public figures; the values a unit
enters are written through accounts' permissions (indicators.services)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from phongtrao.indicators.models import Indicator


def get_indicator(code: str) -> Indicator:
    return get_object_or_404(Indicator, code=code)
