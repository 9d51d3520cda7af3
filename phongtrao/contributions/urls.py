from django.urls import path

from phongtrao.contributions import views

app_name = "contributions"
urlpatterns = [
    path("units/<id:unit_pk>/", views.contribution_ledger, name="ledger"),
    path("units/<id:unit_pk>/public/", views.contribution_disclosure, name="disclosure"),
    path("units/<id:unit_pk>/contributions.xlsx", views.ledger_export, name="ledger_export"),
    path("units/<id:unit_pk>/import/", views.ledger_import, name="ledger_import"),
    path("template.xlsx", views.ledger_template, name="ledger_template"),
    path("<id:pk>/reverse/", views.contribution_reverse, name="reverse"),
]
