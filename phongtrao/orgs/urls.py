from django.urls import path

from phongtrao.orgs import views

app_name = "orgs"
urlpatterns = [
    path("<int:pk>/", views.unit_organizations, name="unit"),
    path("<int:pk>/add/", views.organization_add, name="add"),
    path("<int:pk>/officials/add/", views.official_add, name="official_add"),
]
