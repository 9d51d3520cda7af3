from django.contrib import admin

from phongtrao.activities.models import Contribution, Registration, RegistrationCall, RegistrationLine
from phongtrao.ui.admin import ReadOnlyInline, RecordAdmin


class LineInline(ReadOnlyInline):
    model = RegistrationLine


@admin.register(RegistrationCall)
class RegistrationCallAdmin(RecordAdmin):
    list_display = ["title", "plan", "kind", "deadline"]
    raw_id_fields = ["plan"]


@admin.register(Registration)
class RegistrationAdmin(RecordAdmin):
    list_display = ["unit", "organization", "call", "status", "late", "submitted_at"]
    list_filter = ["status", "late"]
    raw_id_fields = ["call", "unit", "organization", "submitted_by", "decided_by"]
    inlines = [LineInline]


@admin.register(Contribution)
class ContributionAdmin(RecordAdmin):
    """The ledger is corrected only by reversing lines, on the ledger page."""

    list_display = ["date", "contributor_name", "kind", "amount", "unit", "receipt_number"]
    list_filter = ["kind"]
    raw_id_fields = ["unit", "plan", "fund", "work_day", "registration", "household", "reverses", "recorded_by"]
