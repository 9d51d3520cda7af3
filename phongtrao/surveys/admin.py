from django.contrib import admin

from phongtrao.surveys.models import Survey
from phongtrao.ui.admin import RecordAdmin


@admin.register(Survey)
class SurveyAdmin(RecordAdmin):
    list_display = ["title", "unit", "status", "opens_on", "closes_on"]
    list_filter = ["status", "identification"]
    raw_id_fields = ["plan", "unit", "target", "created_by"]
