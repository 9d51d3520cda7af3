from django.urls import path

from phongtrao.units import views

app_name = "units"
urlpatterns = [
    path("<id:pk>/", views.unit_detail, name="unit"),
    path("<id:pk>/villages/import/", views.villages_import, name="villages_import"),
    path("<id:unit_pk>/dashboard/", views.unit_dashboard, name="dashboard"),
    path("<id:unit_pk>/dashboard/print/", views.unit_dashboard_print, name="dashboard_print"),
    path("reviews/<id:report_pk>/draft/", views.review_draft, name="review_draft"),
]
