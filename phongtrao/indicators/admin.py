from django.contrib import admin

from phongtrao.indicators.models import Indicator, IndicatorValue
from phongtrao.ui.admin import KeptAdmin, RecordAdmin


@admin.register(Indicator)
class IndicatorAdmin(KeptAdmin):
    list_display = ["code", "name", "value_type", "aggregation"]
    search_fields = ["code", "name"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(RecordAdmin):
    """Read here; values are entered through the pages and the API so roll-ups follow."""

    list_display = ["indicator", "unit", "period_kind", "period_start", "value"]
    raw_id_fields = ["unit", "entered_by"]
