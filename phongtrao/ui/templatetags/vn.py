"""Vietnamese administrative formats: 1.000.000 đ, 61,5, dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils.html import format_html

from phongtrao import text

register = template.Library()


@register.filter
def vn_number(value) -> str:
    """61.5 → "61,5"; 134000000 → "134.000.000"; trailing zeros dropped."""
    return text.vn_number(value)


@register.filter
def vnd(value) -> str:
    """Money: 1000000 → "1.000.000 đ"."""
    if value is None or value == "":
        return ""
    return f"{vn_number(Decimal(str(value)).quantize(Decimal(1)))} đ"


@register.filter
def vndate(value) -> str:
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%d/%m/%Y")


@register.filter
def isodate(value) -> str:
    return value.isoformat() if value else ""


@register.filter
def with_unit(name, unit) -> str:
    """ "Hộ ông Tư <muted>Thôn Đông</muted>"; a village that pledged or gave as itself is
    named once, not "Tiểu khu 1 Tiểu khu 1"."""
    if unit is None or str(unit).strip().casefold() == str(name).strip().casefold():
        return format_html("{}", name)
    return format_html('{} <span class="muted">{}</span>', name, unit)
