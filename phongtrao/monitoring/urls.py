from django.urls import path

from phongtrao.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("criteria/<id:set_pk>/units/<id:unit_pk>/", views.criteria_board, name="board"),
    path("units/<id:unit_pk>/criteria/<id:criterion_pk>/", views.criterion_detail, name="criterion"),
    path("dossiers/<id:pk>/file", views.dossier_file, name="dossier_file"),
    path("criteria/import/", views.criteria_import, name="criteria_import"),
    path("criteria/<id:set_pk>/sheet.xlsx", views.criteria_sheet, name="criteria_sheet"),
    path("units/<id:unit_pk>/dashboard/", views.unit_dashboard, name="dashboard"),
    path("plans/<id:plan_pk>/progress/", views.plan_progress, name="plan_progress"),
    path("plans/<id:plan_pk>/reports/", views.plan_reports, name="plan_reports"),
    path("reports/<id:pk>/", views.report_detail, name="report"),
    path("units/<id:unit_pk>/values/", views.values_enter, name="values_enter"),
    path("units/<id:unit_pk>/values/import/", views.values_import, name="values_import"),
    path("units/<id:unit_pk>/values/export.xlsx", views.values_export, name="values_export"),
    path("units/<id:unit_pk>/values/template.xlsx", views.values_template, name="values_template"),
    path("units/<id:unit_pk>/indicators/<slug:code>/", views.indicator_trend, name="trend"),
    path("units/<id:unit_pk>/ranking/", views.communes_ranking, name="ranking"),
]
