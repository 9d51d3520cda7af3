"""Reporting periods: a kind and the first day of the period."""

from __future__ import annotations

import datetime as dt


def period_start(kind: str, day: dt.date) -> dt.date:
    if kind == "week":
        return day - dt.timedelta(days=day.weekday())
    if kind == "month":
        return day.replace(day=1)
    if kind == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if kind == "year":
        return dt.date(day.year, 1, 1)
    raise ValueError(kind)


def label(kind: str, start: dt.date) -> str:
    if kind == "week":
        return f"tuần {start.isocalendar().week}/{start.isocalendar().year}"
    if kind == "month":
        return f"tháng {start.month}/{start.year}"
    if kind == "quarter":
        return f"quý {(start.month - 1) // 3 + 1}/{start.year}"
    return f"năm {start.year}"
