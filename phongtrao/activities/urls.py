from django.urls import path

from phongtrao.activities import views

app_name = "activities"
urlpatterns = [
    path("plans/<int:plan_pk>/calls/new/", views.call_create, name="call_create"),
    path("calls/<int:pk>/", views.call_detail, name="call"),
    path("calls/<int:pk>/register/", views.register, name="register"),
    path("registrations/<int:pk>/", views.registration_detail, name="registration"),
    path("registrations/<int:pk>/confirm/", views.registration_confirm, name="confirm"),
    path("registrations/<int:pk>/return/", views.registration_return, name="return"),
    path("registrations/<int:pk>/print/", views.registration_print, name="print"),
    path("plans/<int:plan_pk>/workdays/", views.workday_calendar, name="calendar"),
    path("workdays/<int:pk>/", views.workday_detail, name="workday"),
    path("units/<int:unit_pk>/workdays.ics", views.workday_feed, name="feed"),
    path("organizations/<int:org_pk>/workdays.ics", views.organization_feed, name="org_feed"),
    path("duties/", views.duty_list, name="duties"),
    path("units/<int:unit_pk>/contributions/", views.contribution_ledger, name="ledger"),
    path("units/<int:unit_pk>/contributions/public/", views.contribution_disclosure, name="disclosure"),
    path("contributions/<int:pk>/reverse/", views.contribution_reverse, name="reverse"),
    path("units/<int:unit_pk>/contributions.xlsx", views.ledger_export, name="ledger_export"),
    path("units/<int:unit_pk>/contributions/import/", views.ledger_import, name="ledger_import"),
    path("contributions/template.xlsx", views.ledger_template, name="ledger_template"),
    path("calls/<int:pk>/registrations.xlsx", views.call_export, name="call_export"),
    path("calls/<int:pk>/import/", views.call_import, name="call_import"),
    path("duties/<int:pk>/", views.duty_detail, name="duty"),
]
