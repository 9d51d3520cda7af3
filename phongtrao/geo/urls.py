from django.urls import path

from phongtrao.geo import views

app_name = "geo"
urlpatterns = [
    path("<id:pk>/", views.unit_detail, name="unit"),
    path("<id:pk>/villages/import/", views.villages_import, name="villages_import"),
]
