from django.urls import path

from phongtrao.reports import views

app_name = "reports"
urlpatterns = [
    path("plans/<id:plan_pk>/", views.plan_reports, name="plan_reports"),
    path("<id:pk>/", views.report_detail, name="report"),
]
