from django.urls import path

from phongtrao.orgs import views

app_name = "orgs"
urlpatterns = [
    path("<int:pk>/", views.unit_organizations, name="unit"),
    path("<int:pk>/add/", views.organization_add, name="add"),
    path("<int:pk>/officials/add/", views.official_add, name="official_add"),
    path("<int:pk>/households/", views.unit_households, name="households"),
    path("<int:pk>/households/import/", views.households_import, name="households_import"),
    path("<int:pk>/households.xlsx", views.households_xlsx, name="households_xlsx"),
]
