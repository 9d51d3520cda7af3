"""Fetching reports for a user: 404 out of sight, 403 read-only."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.reports.models import Report
from phongtrao.reports.services import recipient


def report_visible(user: Someone, report: Report) -> bool:
    """A report is seen by its writers and by the unit it goes to."""
    return permissions.can(user, permissions.VIEW, report.unit) or permissions.can(
        user, permissions.VIEW, recipient(report)
    )


def get_report_for_user(user: Someone, pk: int) -> Report:
    try:
        report = Report.objects.select_related("plan", "plan__unit__parent", "unit").get(pk=pk)
    except Report.DoesNotExist as exc:
        raise Http404 from exc
    if not report_visible(user, report):
        raise Http404
    return report
