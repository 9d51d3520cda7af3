from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phongtrao.surveys.models import Survey


@admin.register(Survey)
class SurveyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "status", "opens_on", "closes_on"]
    list_filter = ["status", "identification"]
    raw_id_fields = ["plan", "unit", "target", "created_by"]
