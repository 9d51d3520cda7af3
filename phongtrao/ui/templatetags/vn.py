"""Vietnamese administrative formats: 1.000.000 đ, 61,5, dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


def _group(integer: str) -> str:
    sign = "-" if integer.startswith("-") else ""
    digits = integer.lstrip("-")
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + ".".join(groups)


@register.filter
def vn_number(value) -> str:
    """61.5 → "61,5"; 134000000 → "134.000.000"; trailing zeros dropped."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    text = f"{number.normalize():f}" if number != number.to_integral_value() else f"{number.to_integral_value():f}"
    integer, _sep, fraction = text.partition(".")
    return _group(integer) + ("," + fraction if fraction else "")


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
