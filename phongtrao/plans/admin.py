from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phongtrao.plans.models import Deadline, Duty, Phase, Plan, Recipient, Reference, Target


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    raw_id_fields = ["scope_unit", "allocated_from"]


class DutyInline(admin.StackedInline):
    model = Duty
    extra = 0
    raw_id_fields = ["assignee_org", "place_unit", "from_parent_duty"]


class DeadlineInline(admin.TabularInline):
    model = Deadline
    extra = 0


class RecipientInline(admin.TabularInline):
    model = Recipient
    extra = 0


class ReferenceInline(admin.TabularInline):
    model = Reference
    fk_name = "plan"
    extra = 0
    raw_id_fields = ["document"]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    """Staff see every plan here; deleting an issued plan is refused by the service, so
    the admin does not offer deletion at all."""

    list_display = ["title", "number", "symbol", "issue_date", "unit", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "issuer_name", "number"]
    raw_id_fields = ["unit", "issuer", "parent", "created_by"]
    inlines = [PhaseInline, TargetInline, DutyInline, DeadlineInline, RecipientInline, ReferenceInline]

    def has_delete_permission(self, request, obj=None):
        return False
