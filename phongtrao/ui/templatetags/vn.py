"""Vietnamese administrative formats in templates: 1.000.000 đ, 61,5, dd/mm/yyyy (the
formatting itself is ui/formatting.py, shared with messages, exports and documents)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from phongtrao.ui import formatting

register = template.Library()


@register.filter
def vn_number(value) -> str:
    """61.5 → "61,5"; 134000000 → "134.000.000"; trailing zeros dropped."""
    return formatting.number_text(value)


@register.filter
def vnd(value) -> str:
    """Money: 1000000 → "1.000.000 đ"."""
    return formatting.money_text(value)


@register.filter
def vndate(value) -> str:
    return formatting.day_text(value, missing="")


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
