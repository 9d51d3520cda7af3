from django.contrib import admin

from phongtrao.geo.models import AdminUnit, UnitSuccession
from phongtrao.ui.admin import KeptAdmin


@admin.register(AdminUnit)
class AdminUnitAdmin(KeptAdmin):
    list_display = ["name", "code", "kind", "level", "listing", "valid_from", "valid_until"]
    list_filter = ["level", "listing"]
    search_fields = ["name", "code"]
    raw_id_fields = ["parent"]
    readonly_fields = ["path", "depth"]


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(KeptAdmin):
    list_display = ["predecessor", "successor", "effective_date", "partial", "primary"]
    raw_id_fields = ["predecessor", "successor"]
