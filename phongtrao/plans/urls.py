from django.urls import path

from phongtrao.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_create, name="create"),
    path("import/", views.plan_import, name="import"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/issue/", views.plan_issue, name="issue"),
    path("<int:pk>/cancel/", views.plan_cancel, name="cancel"),
    path("<int:pk>/close/", views.plan_close, name="close"),
    path("<int:pk>/delete/", views.plan_delete, name="delete"),
    path("<int:pk>/derive/", views.plan_derive, name="derive"),
    path("<int:pk>/history/", views.plan_history, name="history"),
    path("targets/<int:pk>/allocations/", views.target_allocations, name="allocations"),
]
