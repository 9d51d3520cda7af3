"""Fetching monitoring objects for a person: 404 when out of sight."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.monitoring.models import DossierFile, Report
from phongtrao.monitoring.reports import recipient


def report_visible(user, report: Report) -> bool:
    """A report is seen by its writers and by the unit it goes to."""
    return permissions.can(user, permissions.VIEW, report.unit) or permissions.can(
        user, permissions.VIEW, recipient(report)
    )


def get_report_for_user(user, pk: int) -> Report:
    try:
        report = Report.objects.select_related("plan", "plan__unit__parent", "unit").get(pk=pk)
    except Report.DoesNotExist as exc:
        raise Http404 from exc
    if not report_visible(user, report):
        raise Http404
    return report


def get_dossier_file_for_user(user, pk: int) -> DossierFile:
    """A criterion's dossier is internal to those with a role over the unit (see the
    permission module's public and internal rule)."""
    dossier = DossierFile.objects.select_related("unit").filter(pk=pk).first()
    if dossier is None:
        raise Http404
    permissions.require_sight(user, dossier.unit, public=False)
    return dossier
