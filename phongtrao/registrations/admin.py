from __future__ import annotations

from django.contrib import admin

from phongtrao.registrations.models import Registration, RegistrationCall, RegistrationLine
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
