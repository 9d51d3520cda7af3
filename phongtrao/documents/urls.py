from django.urls import path

from phongtrao.documents import views

app_name = "documents"
urlpatterns = [
    path("plans/<id:pk>.docx", views.plan_docx, name="plan_docx"),
    path("plans/<id:pk>.pdf", views.plan_pdf, name="plan_pdf"),
    path("plans/<id:pk>/targets.xlsx", views.plan_targets_xlsx, name="plan_targets"),
    path("registrations/<id:pk>.docx", views.registration_docx, name="registration_docx"),
    path("reports/<id:pk>.docx", views.report_docx, name="report_docx"),
]
