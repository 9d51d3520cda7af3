from django.urls import path

from phongtrao.geo import views

app_name = "geo"
urlpatterns = [
    path("<int:pk>/", views.unit_detail, name="unit"),
    path("<int:pk>/villages/import/", views.villages_import, name="villages_import"),
]
