from django.urls import path

from phongtrao.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_create, name="create"),
    path("import/", views.plan_import, name="import"),
    path("import/read/<id:job_pk>/", views.plan_import_read, name="import_read"),
    path("<id:pk>/", views.plan_detail, name="detail"),
    path("<id:pk>/document/", views.plan_document, name="document"),
    path("<id:pk>/edit/", views.plan_edit, name="edit"),
    path("<id:pk>/issue/", views.plan_issue, name="issue"),
    path("<id:pk>/cancel/", views.plan_cancel, name="cancel"),
    path("<id:pk>/close/", views.plan_close, name="close"),
    path("<id:pk>/delete/", views.plan_delete, name="delete"),
    path("<id:pk>/derive/", views.plan_derive, name="derive"),
    path("<id:pk>/history/", views.plan_history, name="history"),
    path("<id:plan_pk>/progress/", views.plan_progress, name="plan_progress"),
    path("duties/", views.duty_list, name="duties"),
    path("duties/<id:pk>/", views.duty_detail, name="duty"),
    path("<id:plan_pk>/duties/grid/", views.duty_grid_page, name="duty_grid"),
    path("<id:plan_pk>/duties/assign/", views.duty_assign, name="duty_assign"),
    path("evidence/<id:pk>/file", views.evidence_file, name="evidence_file"),
    path("targets/<id:pk>/allocations/", views.target_allocations, name="allocations"),
    path("targets/<id:pk>/trend/", views.target_trend, name="target_trend"),
]
