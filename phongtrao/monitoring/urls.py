from django.urls import path

from phongtrao.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("criteria/<int:set_pk>/units/<int:unit_pk>/", views.criteria_board, name="board"),
    path("units/<int:unit_pk>/criteria/<int:criterion_pk>/", views.criterion_detail, name="criterion"),
    path("criteria/import/", views.criteria_import, name="criteria_import"),
    path("criteria/<int:set_pk>/sheet.xlsx", views.criteria_sheet, name="criteria_sheet"),
    path("units/<int:unit_pk>/dashboard/", views.unit_dashboard, name="dashboard"),
    path("plans/<int:plan_pk>/progress/", views.plan_progress, name="plan_progress"),
    path("plans/<int:plan_pk>/reports/", views.plan_reports, name="plan_reports"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("units/<int:unit_pk>/values/", views.values_enter, name="values_enter"),
    path("units/<int:unit_pk>/values/import/", views.values_import, name="values_import"),
    path("units/<int:unit_pk>/values/export.xlsx", views.values_export, name="values_export"),
    path("units/<int:unit_pk>/values/template.xlsx", views.values_template, name="values_template"),
    path("units/<int:unit_pk>/indicators/<slug:code>/", views.indicator_trend, name="trend"),
    path("units/<int:unit_pk>/ranking/", views.communes_ranking, name="ranking"),
]
