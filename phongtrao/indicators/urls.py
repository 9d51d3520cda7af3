from django.urls import path

from phongtrao.indicators import views

app_name = "indicators"
urlpatterns = [
    path("units/<id:unit_pk>/values/", views.values_enter, name="values_enter"),
    path("units/<id:unit_pk>/values/import/", views.values_import, name="values_import"),
    path("units/<id:unit_pk>/values/export.xlsx", views.values_export, name="values_export"),
    path("units/<id:unit_pk>/values/template.xlsx", views.values_template, name="values_template"),
    path("units/<id:unit_pk>/ranking/", views.communes_ranking, name="ranking"),
    path("units/<id:unit_pk>/<slug:code>/", views.indicator_trend, name="trend"),
]
