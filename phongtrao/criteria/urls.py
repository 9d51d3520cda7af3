from django.urls import path

from phongtrao.criteria import views

app_name = "criteria"
urlpatterns = [
    path("<id:set_pk>/units/<id:unit_pk>/", views.criteria_board, name="board"),
    path("units/<id:unit_pk>/<id:criterion_pk>/", views.criterion_detail, name="criterion"),
    path("dossiers/<id:pk>/file", views.dossier_file, name="dossier_file"),
    path("import/", views.criteria_import, name="criteria_import"),
    path("<id:set_pk>/sheet.xlsx", views.criteria_sheet, name="criteria_sheet"),
    path("<id:set_pk>/levels/", views.criteria_levels, name="levels"),
    path("<id:set_pk>/units/<id:unit_pk>/trend/", views.criteria_trend, name="trend"),
    path("<id:set_pk>/groups/<id:unit_pk>/", views.commune_groups, name="groups"),
    path("criteria/<id:criterion_pk>/indicators/new/", views.indicator_edit, name="indicator_new"),
    path("indicators/<id:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("units/<id:unit_pk>/gardens/", views.gardens, name="gardens"),
    path("gardens/<id:garden_pk>/<id:criterion_pk>/", views.garden_criterion, name="garden_criterion"),
]
