from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phongtrao.rewards.models import Pledge


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["subject_name", "unit", "plan", "status"]
    list_filter = ["status", "subject_kind"]
    raw_id_fields = ["plan", "unit", "organization", "registered_by"]
