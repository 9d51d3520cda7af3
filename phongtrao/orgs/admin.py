from django.contrib import admin

from phongtrao.orgs.models import Household, Official, Organization
from phongtrao.ui.admin import KeptAdmin


@admin.register(Organization)
class OrganizationAdmin(KeptAdmin):
    list_display = ["name", "kind", "unit"]
    list_filter = ["kind"]
    search_fields = ["name"]
    raw_id_fields = ["unit"]


@admin.register(Official)
class OfficialAdmin(KeptAdmin):
    list_display = ["full_name", "position", "unit", "organization"]
    raw_id_fields = ["unit", "organization", "user"]


@admin.register(Household)
class HouseholdAdmin(KeptAdmin):
    list_display = ["code", "head_name", "unit"]
    raw_id_fields = ["unit"]
