"""When things happen: phases and the period, deadlines, the reports asked for and how
often, the recurrence of a monthly or weekly day of work."""

from __future__ import annotations

import datetime as dt
import re

from phongtrao.docparse import dates
from phongtrao.docparse.dates import iso
from phongtrao.docparse.structure import Reading, heading_of
from phongtrao.docparse.text import clean, fold

DEADLINE = re.compile(
    r"\b(?:trước|chậm nhất(?: là)?)\s+(?:ngày\s*)?(?P<d>\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?![\d/])|"
    r"\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})",
    re.IGNORECASE,
)
FREQUENCIES = [
    ("hang tuan", "weekly"),
    ("hang tuan", "weekly"),
    ("hang thang", "monthly"),
    ("hang quy", "quarterly"),
    ("6 thang", "half_yearly"),
    ("sau thang", "half_yearly"),
    ("hang nam", "yearly"),
]
WEEKDAYS = {
    "2": "monday",
    "hai": "monday",
    "3": "tuesday",
    "ba": "tuesday",
    "4": "wednesday",
    "tu": "wednesday",
    "5": "thursday",
    "nam": "thursday",
    "6": "friday",
    "sau": "friday",
    "7": "saturday",
    "bay": "saturday",
}


class ScheduleReading(Reading):
    """`PlanText`'s methods that read the schedule and deadlines."""

    def phases(self) -> list[dict]:
        phases, seen = [], set()
        for i in self.body():
            match = re.match(
                r"^(?:\d+\s*[.)]\s*|[-–•+]\s*|[a-zđ][.)]\s*)?(?P<kind>Đợt|Điểm|Giai đoạn)\s*(?P<n>\d+|[IVX]+)\b",
                self.lines[i],
                re.IGNORECASE,
            )
            if not match:
                continue
            span = dates.date_range(self.lines[i])
            if not span or (span[0], span[1]) in seen:
                continue
            seen.add((span[0], span[1]))
            kind = "Giai đoạn" if fold(match["kind"]) == "giai doan" else "Đợt"  # "Điểm 3" is a typo for "Đợt 3"
            phases.append({"name": f"{kind} {match['n']}", "start": iso(span[0]), "end": iso(span[1])})
        return phases

    def period(self, phases: list[dict]) -> dict | None:
        if phases:
            return {"start": min(p["start"] for p in phases), "end": max(p["end"] for p in phases)}
        for i in self.body():
            context = fold(self.parts[i].part + " " + self.parts[i].item + " " + self.lines[i])
            if "thoi gian" in context:
                span = dates.date_range(self.lines[i])
                if span:
                    return {"start": iso(span[0]), "end": iso(span[1])}
        for i in self.body():
            if heading_of(self.lines[i]) and (match := dates.YEAR_END.search(self.lines[i])):
                return {"start": None, "end": f"{match[1]}-12-31"}
        return None

    def _deadline_day(self, text: str) -> dt.date | None:
        """ "15/3/2024", "ngày 15 tháng 3 năm 2024", or "15/3" in the year the plan was issued."""
        issued = self.issue_date()
        year = int(issued[:4]) if issued else None
        return dates.first_date(text, default_year=year) or dates.first_date("ngày " + text)

    def deadlines(self) -> list[dict]:
        found = []
        for i in self.body():
            line = self.lines[i]
            for match in DEADLINE.finditer(line):
                day = self._deadline_day(match["d"])
                if day:
                    found.append({"what": _clause_before(line, match.start()), "date": iso(day)})
            for match in re.finditer(r"\btrong\s+(?P<q>quý\s*(?:I{1,3}|IV|[1-4])\s*/\s*\d{4})", line, re.IGNORECASE):
                clause = _sentence_before(line, match.start())
                if re.search(r"\bhoàn (?:thành|thiện)\b", clause, re.IGNORECASE):
                    found.append({"what": clean(clause), "date": iso(dates.quarter_end(match["q"]))})
        return found

    def reports(self) -> list[dict]:
        reports = []
        for i in self.body():
            for sentence in re.split(r"(?<=[.;])\s+", self.lines[i]):
                folded = fold(sentence)
                if "bao cao" not in folded:
                    continue
                frequency = next((value for key, value in FREQUENCIES if key in folded), None)
                if frequency is None:
                    continue
                weekday_match = re.search(r"\bthu (2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)\b", folded)
                to_match = re.search(
                    r"báo cáo\s+(?:về\s+)?(?:kết quả[^.;]*?\s+(?:về|cho|lên)\s+)?(?P<to>[^,.;]+?)"
                    r"(?:\s+qua\b|\s+(?:hằng|hàng|định kỳ|mỗi)\b|[,.;]|$)",
                    sentence,
                    re.IGNORECASE,
                )
                to = clean(to_match["to"]) if to_match else None
                if to and (fold(to).startswith(("ket qua", "tinh hinh")) or len(to) > 80):
                    to = None
                giver = self.assignee_at(i)
                if giver is None and (given := re.search(r"\bgiao\s+(.{3,80}?)\s+(?:tổng hợp|báo cáo)", sentence)):
                    giver = clean(given[1])
                report = {"from": giver, "to": to, "frequency": frequency}
                if weekday_match:
                    report["weekday"] = WEEKDAYS[weekday_match[1]]
                reports.append(report)
        return reports

    def recurrence(self) -> dict | None:
        for i in self.body():
            line = self.lines[i]
            match = re.search(
                r"(?:ngày\s+)?thứ\s*(?P<d>bảy|7|hai|ba|tư|năm|sáu|2|3|4|5|6)\s+(?:hàng|hằng)\s+(?P<f>tháng|tuần)",
                line,
                re.IGNORECASE,
            )
            if not match:
                continue
            sentence_end = line.find(".", match.end())
            recurrence = {
                "what": clean(line[: sentence_end if sentence_end != -1 else len(line)])[:300] or None,
                "frequency": "monthly" if fold(match["f"]) == "thang" else "weekly",
                "weekday": WEEKDAYS[fold(match["d"])],
            }
            skip = re.search(r"\(?\s*trừ\s+([^)]+?)\s*\)", line[match.end() :], re.IGNORECASE)
            if skip:
                recurrence["skip"] = clean(skip[1])
            times = re.search(r"(\d+)\s*lần\s*/\s*(tháng|tuần)", " ".join(self.lines[i : i + 3]), re.IGNORECASE)
            if times:
                recurrence["times_per_" + ("month" if fold(times[2]) == "thang" else "week")] = int(times[1])
            return recurrence
        return None


def _clause_before(line: str, end: int) -> str:
    start = max(line.rfind(sep, 0, end) for sep in (".", ";", ":"))
    return clean(line[start + 1 : end]) or clean(line[:end])


def _sentence_before(line: str, end: int) -> str:
    start = max(line.rfind(sep, 0, end) for sep in (".", ";"))
    return line[start + 1 : end]
