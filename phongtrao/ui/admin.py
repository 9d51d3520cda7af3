"""The Django admin's part: reading records and their history. Records are written by
the application's services, which check them, lock them and keep their history; so the
admin adds, changes and deletes nothing that the application promises to keep (an issued
plan, an open survey and its answers, a confirmed registration, a ledger line, a decision)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


class ReadOnly:
    """Neither added, changed nor deleted here."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class RecordAdmin(ReadOnly, SimpleHistoryAdmin):
    """Read-only: the list, each record and its history."""


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    """Read-only, for records that are never changed once written (a reward decision)."""


class ReadOnlyInline(ReadOnly, admin.TabularInline):
    extra = 0


class KeptAdmin(SimpleHistoryAdmin):
    """Reference data an administrator corrects (a unit's name, an organisation), each
    change kept in its history; never deleted here, as records elsewhere point to it."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
