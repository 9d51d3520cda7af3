"""The overview of a plan's reports: what is due, submitted, accepted, late."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from phongtrao.plans.models import Plan
from phongtrao.reports.models import Report


@dataclass
class Overview:
    reports: list[Report]
    today: dt.date

    @property
    def missing(self) -> list[Report]:
        """Due and not sent: completeness."""
        return [r for r in self.reports if r.due_date < self.today and r.submitted_at is None]

    @property
    def late(self) -> list[Report]:
        """Sent, but after the due date: timeliness."""
        return [r for r in self.reports if r.on_time is False]


def overview(plan: Plan, today: dt.date | None = None) -> Overview:
    return Overview(
        list(plan.reports.select_related("unit", "plan__unit__parent").order_by("due_date", "unit__name")),
        today or timezone.localdate(),
    )


def report_paragraphs(report: Report) -> int:
    """Paragraphs and table rows of the report's Word document (a long one is made by a job)."""
    lines = sum(len(text.splitlines()) for text in report.sections.values_list("text", flat=True))
    return lines + report.figures.count()
