from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from phongtrao.accounts.models import ApiToken, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    raw_id_fields = ["unit"]
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = [*BaseUserAdmin.fieldsets, ("phongtrao", {"fields": ["full_name", "phone"]})]
    list_display = ["username", "full_name", "is_staff", "is_active"]
    inlines = [MembershipInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["digest", "hint"]
