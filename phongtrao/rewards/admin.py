from django.contrib import admin

from phongtrao.rewards.models import Award, Nomination, Pledge, RewardDecision
from phongtrao.ui.admin import ReadOnlyAdmin, ReadOnlyInline, RecordAdmin


@admin.register(Pledge)
class PledgeAdmin(RecordAdmin):
    list_display = ["subject_name", "unit", "plan", "status"]
    list_filter = ["status", "subject_kind"]
    raw_id_fields = ["plan", "unit", "organization", "registered_by"]


@admin.register(Nomination)
class NominationAdmin(RecordAdmin):
    list_display = ["pledge", "reward_form", "at_unit", "status"]
    list_filter = ["status"]
    raw_id_fields = ["plan", "pledge", "at_unit", "proposed_by"]


class AwardInline(ReadOnlyInline):
    model = Award
    raw_id_fields = ["nomination", "unit"]


@admin.register(RewardDecision)
class RewardDecisionAdmin(ReadOnlyAdmin):
    """Issued once, corrected only by a new decision."""

    list_display = ["number", "symbol", "date", "issuer_unit", "reward_form"]
    raw_id_fields = ["plan", "issuer_unit", "corrects", "issued_by"]
    inlines = [AwardInline]
