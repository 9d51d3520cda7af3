from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from phongtrao.accounts.models import ApiToken, Membership, User
from phongtrao.ui.admin import ReadOnlyAdmin, RecordAdmin


class MembershipInline(admin.TabularInline):
    """A role is ended by its end date (revoked_at), not deleted: who held it stays known."""

    model = Membership
    raw_id_fields = ["unit"]
    extra = 0
    can_delete = False


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    """Accounts are deactivated, never deleted; every change of an account or of its roles
    is kept in their history."""

    fieldsets = [*BaseUserAdmin.fieldsets, ("phongtrao", {"fields": ["full_name", "phone"]})]
    list_display = ["username", "full_name", "is_staff", "is_active"]
    inlines = [MembershipInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Membership)
class MembershipAdmin(RecordAdmin):
    list_display = ["user", "role", "unit", "created_at", "revoked_at"]
    list_filter = ["role"]
    raw_id_fields = ["user", "unit"]


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["name", "user", "hint", "created_at", "last_used_at", "revoked_at"]
