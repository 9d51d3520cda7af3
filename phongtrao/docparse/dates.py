"""Dates as Vietnamese documents write them."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

# "ngày 7 tháng 4 năm 2023", "ngày  15  tháng 02  năm 2022"
LONG = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.IGNORECASE)
# "05/4/2023", "15/02/2022", "16/7/20 21" (a space lost inside the year), "01/3" (year elsewhere)
SHORT = re.compile(r"(?<![\d/])(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?(\d{2}\s?\d{2}|\d{4}))?(?![\d/])")
MONTH = re.compile(r"tháng\s*(\d{1,2})\s*[/-]\s*(\d{4})", re.IGNORECASE)
QUARTER = re.compile(r"quý\s*(I{1,3}|IV|[1-4])\s*[/-]\s*(\d{4})", re.IGNORECASE)
YEAR_END = re.compile(r"(?:đến|tới)\s+hết\s+năm\s+(\d{4})", re.IGNORECASE)


def make_date(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.replace(" ", "")
    year = int(digits)
    return year + 2000 if year < 100 else year


def first_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first full date in `text` (long or short form)."""
    candidates = []
    long = LONG.search(text)
    if long:
        candidates.append((long.start(), make_date(int(long[1]), int(long[2]), int(long[3]))))
    for short in SHORT.finditer(text):
        year = _year(short[3]) or default_year
        if year is None or not 1900 <= year <= 2100:
            continue
        candidates.append((short.start(), make_date(int(short[1]), int(short[2]), year)))
        break
    found = [c for c in sorted(candidates, key=lambda c: c[0]) if c[1] is not None]
    return found[0][1] if found else None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(text: str) -> dt.date | None:
    match = QUARTER.search(text)
    if not match:
        return None
    quarter = _ROMAN.get(match[1].upper()) or int(match[1])
    return month_end(int(match[2]), quarter * 3)


def date_range(text: str) -> tuple[dt.date | None, dt.date | None] | None:
    """ "từ 01/3 đến 30/4/2023", "Ngày 16/2/2022 đến ngày 30/12/2022", "từ tháng 5/2024 đến
    tháng 9/2024": the first date takes its year from the second when it has none."""
    match = re.search(
        r"(?:từ|ngày)\s*(?:ngày\s*)?(?P<a>.{3,30}?)\s*(?:đến|tới|-|–)\s*(?:hết\s*)?(?:ngày\s*)?(?P<b>(?:tháng\s*)?"
        r"\d{1,2}\s*(?:/\s*\d{1,2}\s*)?/\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}|tháng\s*\d{1,2}\s*năm\s*\d{4})",
        text,
        re.IGNORECASE,
    )
    if not match:
        return None
    a, b = match["a"], match["b"]
    month_b = MONTH.search(b) or re.search(r"tháng\s*(\d{1,2})\s*năm\s*(\d{4})", b, re.IGNORECASE)
    if month_b:
        end = month_end(int(month_b[2]), int(month_b[1]))
        month_a = re.search(r"tháng\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?", a, re.IGNORECASE)
        if not month_a:
            return None
        start = make_date(1, int(month_a[1]), int(month_a[2] or end.year))
        return start, end
    end = first_date(b) or first_date("ngày " + b)
    if end is None:
        return None
    start = first_date(a, default_year=end.year) or first_date("ngày " + a)
    return (start, end) if start else None


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
