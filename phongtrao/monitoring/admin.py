from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phongtrao.monitoring.models import Indicator, IndicatorValue


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "value_type", "aggregation"]
    search_fields = ["code", "name"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    """Read here; values are entered through the pages and the API so roll-ups follow."""

    list_display = ["indicator", "unit", "period_kind", "period_start", "value"]
    raw_id_fields = ["unit", "entered_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
