from django.urls import path

from phongtrao.orgs import views

app_name = "orgs"
urlpatterns = [
    path("<id:pk>/", views.unit_organizations, name="unit"),
    path("<id:pk>/add/", views.organization_add, name="add"),
    path("<id:pk>/officials/add/", views.official_add, name="official_add"),
    path("<id:pk>/households/", views.unit_households, name="households"),
    path("<id:pk>/households/import/", views.households_import, name="households_import"),
    path("<id:pk>/households.xlsx", views.households_xlsx, name="households_xlsx"),
]
