"""Saturday work days from a plan's recurrence: one a month, never on a public holiday
or during Tết (the `holidays` package knows the lunar calendar), rotating over villages."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache
from typing import TypeVar

import holidays

SATURDAY = 5


@cache
def vietnamese_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


def holiday_name(day: dt.date) -> str | None:
    return vietnamese_holidays(day.year).get(day)


def monthly_days(start: dt.date, end: dt.date, *, weekday: int = SATURDAY, week: int = 1) -> list[dt.date]:
    """The `week`-th `weekday` of each month from `start` to `end`; a holiday moves it to
    the next such weekday of the same month (or the month is skipped)."""
    days = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        candidates = [
            dt.date(year, month, d)
            for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday
        ]
        for day in candidates[week - 1 :]:
            if start <= day <= end and holiday_name(day) is None:
                days.append(day)
                break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


Village = TypeVar("Village")


def rotate(
    days: list[dt.date], villages: list[Village], already: dict[Village, int] | None = None
) -> list[tuple[dt.date, Village]]:
    """Give each day to the village that has had the fewest so far (ties in list order),
    so that over a year 6 villages get 2 days each."""
    counts = {village: (already or {}).get(village, 0) for village in villages}
    plan = []
    for day in days:
        village = min(villages, key=lambda v: (counts[v], villages.index(v)))
        counts[village] += 1
        plan.append((day, village))
    return plan
