"""The migration that brings in the ledger's cells fills them from the lines already
recorded: a site upgraded with years of contributions reads the same totals after."""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal

from django.apps import apps

from phongtrao.contributions import ledger, services
from phongtrao.contributions.models import Contribution, LedgerCell

migration = importlib.import_module("phongtrao.contributions.migrations.0002_ledger_cells")


def test_the_migration_counts_every_line_already_recorded(people, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: dt.date(2026, 6, 30))
    for unit, day, amount in [
        (people.village, dt.date(2026, 1, 5), "150000"),
        (people.village, dt.date(2026, 2, 28), "20000"),
        (people.commune, dt.date(2026, 2, 1), "1000000"),
        (people.other_commune, dt.date(2025, 12, 31), "300000"),
    ]:
        services.contribution_record(
            user=people.district_officer,
            unit=unit,
            contributor_kind="household",
            contributor_name="Hộ ông Lò Văn Pản",
            kind="money",
            amount=Decimal(amount),
            date=day,
        )
    line = Contribution.objects.get(amount=20000)
    services.contribution_reverse(user=people.district_officer, contribution=line, reason="Ghi nhầm")
    kept = set(LedgerCell.objects.values_list("unit_id", "kind", "month", "amount", "value"))
    LedgerCell.objects.all().delete()  # as before the migration

    migration.cells_from_lines(apps, None)

    assert set(LedgerCell.objects.values_list("unit_id", "kind", "month", "amount", "value")) == kept
    assert ledger.area_totals(people.province).of("money") == Decimal(1_450_000)
    assert ledger.area_totals(people.commune, end=dt.date(2026, 1, 31)).of("money") == Decimal(150_000)
