from django.urls import path

from phongtrao.activities import views

app_name = "activities"
urlpatterns = [
    path("plans/<id:plan_pk>/calls/new/", views.call_create, name="call_create"),
    path("calls/<id:pk>/", views.call_detail, name="call"),
    path("calls/<id:pk>/register/", views.register, name="register"),
    path("registrations/<id:pk>/", views.registration_detail, name="registration"),
    path("registrations/<id:pk>/confirm/", views.registration_confirm, name="confirm"),
    path("registrations/<id:pk>/return/", views.registration_return, name="return"),
    path("registrations/<id:pk>/print/", views.registration_print, name="print"),
    path("plans/<id:plan_pk>/workdays/", views.workday_calendar, name="calendar"),
    path("workdays/<id:pk>/", views.workday_detail, name="workday"),
    path("units/<id:unit_pk>/workdays.ics", views.workday_feed, name="feed"),
    path("organizations/<id:org_pk>/workdays.ics", views.organization_feed, name="org_feed"),
    path("duties/", views.duty_list, name="duties"),
    path("units/<id:unit_pk>/contributions/", views.contribution_ledger, name="ledger"),
    path("units/<id:unit_pk>/contributions/public/", views.contribution_disclosure, name="disclosure"),
    path("contributions/<id:pk>/reverse/", views.contribution_reverse, name="reverse"),
    path("units/<id:unit_pk>/contributions.xlsx", views.ledger_export, name="ledger_export"),
    path("units/<id:unit_pk>/contributions/import/", views.ledger_import, name="ledger_import"),
    path("contributions/template.xlsx", views.ledger_template, name="ledger_template"),
    path("calls/<id:pk>/registrations.xlsx", views.call_export, name="call_export"),
    path("calls/<id:pk>/import/", views.call_import, name="call_import"),
    path("duties/<id:pk>/", views.duty_detail, name="duty"),
    path("evidence/<id:pk>/file", views.evidence_file, name="evidence_file"),
    path("workday-photos/<id:pk>/file", views.work_day_photo_file, name="work_day_photo_file"),
]
