from django.urls import path

from phongtrao.criteria import views

app_name = "criteria"
urlpatterns = [
    path("<id:set_pk>/units/<id:unit_pk>/", views.criteria_board, name="board"),
    path("units/<id:unit_pk>/<id:criterion_pk>/", views.criterion_detail, name="criterion"),
    path("dossiers/<id:pk>/file", views.dossier_file, name="dossier_file"),
    path("import/", views.criteria_import, name="criteria_import"),
    path("<id:set_pk>/sheet.xlsx", views.criteria_sheet, name="criteria_sheet"),
]
