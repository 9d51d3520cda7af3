"""The writes that gather several rooms below: loading the official lists of units (a
merger moves the indicators' roll-ups) and drafting a review from everything a plan holds."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.concurrency import Conflict
from phongtrao.geo.services import LoadReport, units_analyze, units_load_listings
from phongtrao.indicators.services import successions_record
from phongtrao.reports.models import Report, ReportKind
from phongtrao.reports.services import report_write
from phongtrao.units.review import review_figures, review_sections


def units_load_official(*, data_dir: Path) -> LoadReport:
    """The lists before and after 1 July 2025 and the commune conversion (safe to repeat):
    the conversion's mergers are recorded through the service that moves the roll-ups."""
    report = LoadReport()
    with transaction.atomic():
        links = units_load_listings(data_dir=data_dir, report=report)
        report.successions += successions_record(links=links)
        units_analyze()
    return report


@transaction.atomic
def review_draft(*, user: User, report: Report, replace: bool = False) -> Report:
    """The body of an interim or final review drafted from what the system holds, as
    sections the commune edits before signing; the figures are refilled with it. Sections
    already written are replaced only when asked: nothing typed is lost by a click."""
    permissions.demand(user, permissions.REPORT, report.unit)
    if report.kind not in (ReportKind.INTERIM_REVIEW, ReportKind.FINAL_REVIEW):
        raise ValidationError({"kind": _("Chỉ soạn tự động được báo cáo sơ kết, tổng kết.")})
    report = Report.objects.select_for_update().get(pk=report.pk)  # two drafting at once: one after the other
    if not replace and report.sections.exclude(text="").exists():
        raise Conflict(_("Báo cáo đã có nội dung; hãy chọn “thay nội dung đang có” nếu muốn soạn lại từ số liệu."))
    return report_write(user=user, report=report, sections=review_sections(review_figures(report)))
