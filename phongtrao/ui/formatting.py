"""Dates and numbers as Vietnamese offices write them (07/04/2023, 1.000.000, 61,5), by
Django's localisation with the project's `formats/vi`: the one place pages, messages,
exports and documents format them. Always in Vietnamese, whatever the interface language,
since what is written into records and documents is Vietnamese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.utils import formats, timezone, translation

UNKNOWN_DAY = "…"  # a date not given yet, inside a sentence


def day_text(value: dt.date | dt.datetime | None, *, missing: str = UNKNOWN_DAY) -> str:
    """07/04/2023 (a moment is shown as its local day)."""
    if not value:
        return missing
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    with translation.override("vi"):
        return formats.date_format(value, "SHORT_DATE_FORMAT")


def moment_text(value: dt.datetime) -> str:
    """14:30 07/04/2023, in local time."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    with translation.override("vi"):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")


def number_text(value) -> str:
    """61.5 → "61,5"; 134000000 → "134.000.000"; trailing zeros dropped; "" for nothing."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    number = number.to_integral_value() if number == number.to_integral_value() else number.normalize()
    places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    with translation.override("vi"):
        return formats.number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


def money_text(value) -> str:
    """1000000 → "1.000.000 đ" (whole đồng)."""
    if value is None or value == "":
        return ""
    return f"{number_text(Decimal(str(value)).quantize(Decimal(1)))} đ"
