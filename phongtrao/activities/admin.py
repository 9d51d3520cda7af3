from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phongtrao.activities.models import Registration, RegistrationCall, RegistrationLine


class LineInline(admin.TabularInline):
    model = RegistrationLine
    extra = 0


@admin.register(RegistrationCall)
class RegistrationCallAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "kind", "deadline"]
    raw_id_fields = ["plan"]


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "organization", "call", "status", "late", "submitted_at"]
    list_filter = ["status", "late"]
    raw_id_fields = ["call", "unit", "organization", "submitted_by", "decided_by"]
    inlines = [LineInline]
