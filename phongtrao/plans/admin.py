from django.contrib import admin

from phongtrao.plans.models import Deadline, Duty, Phase, Plan, Recipient, Reference, Target
from phongtrao.ui.admin import ReadOnlyInline, RecordAdmin


class PhaseInline(ReadOnlyInline):
    model = Phase


class TargetInline(ReadOnlyInline):
    model = Target
    raw_id_fields = ["scope_unit", "allocated_from"]


class DutyInline(ReadOnlyInline):
    model = Duty
    raw_id_fields = ["assignee_org", "place_unit", "from_parent_duty"]


class DeadlineInline(ReadOnlyInline):
    model = Deadline


class RecipientInline(ReadOnlyInline):
    model = Recipient


class ReferenceInline(ReadOnlyInline):
    model = Reference
    fk_name = "plan"
    raw_id_fields = ["document"]


@admin.register(Plan)
class PlanAdmin(RecordAdmin):
    """Staff read every plan and its history here; plans are written, issued and cancelled
    on the pages (a draft is deleted there, an issued plan only cancelled)."""

    list_display = ["title", "number", "symbol", "issue_date", "unit", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "issuer_name", "number"]
    raw_id_fields = ["unit", "issuer", "parent", "created_by"]
    inlines = [PhaseInline, TargetInline, DutyInline, DeadlineInline, RecipientInline, ReferenceInline]
