from __future__ import annotations

from django.contrib import admin

from phongtrao.contributions.models import Contribution
from phongtrao.ui.admin import RecordAdmin


@admin.register(Contribution)
class ContributionAdmin(RecordAdmin):
    """The ledger is corrected only by reversing lines, on the ledger page."""

    list_display = ["date", "contributor_name", "kind", "amount", "unit", "receipt_number"]
    list_filter = ["kind"]
    raw_id_fields = ["unit", "plan", "fund", "work_day", "registration", "household", "reverses", "recorded_by"]
