"""Loading the official lists of units: the writes that touch more than the list itself
(a merger moves the indicators' roll-ups), so they sit above both geo and indicators."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from phongtrao.geo.services import LoadReport, units_analyze, units_load_listings
from phongtrao.indicators.services import successions_record


def units_load_official(*, data_dir: Path) -> LoadReport:
    """The lists before and after 1 July 2025 and the commune conversion (safe to repeat):
    the conversion's mergers are recorded through the service that moves the roll-ups."""
    report = LoadReport()
    with transaction.atomic():
        links = units_load_listings(data_dir=data_dir, report=report)
        report.successions += successions_record(links=links)
        units_analyze()
    return report
