from django.urls import path

from phongtrao.surveys import views

app_name = "surveys"
urlpatterns = [
    path("plans/<id:plan_pk>/", views.plan_surveys, name="plan_surveys"),
    path("<id:pk>/", views.survey_detail, name="detail"),
    path("<id:pk>/answer/", views.survey_answer, name="answer"),
    path("<id:pk>/paper/", views.survey_paper, name="paper"),
    path("<id:pk>/print/", views.survey_print, name="print"),
    path("<id:pk>/questions/", views.survey_questions, name="questions"),
    path("<id:pk>/open/", views.survey_step, {"step": "open"}, name="open"),
    path("<id:pk>/delete/", views.survey_delete, name="delete"),
    path("<id:pk>/close/", views.survey_step, {"step": "close"}, name="close"),
    path("<id:pk>/codes/", views.codes_issue, name="codes_issue"),
    path("<id:pk>/codes.xlsx", views.codes_xlsx, name="codes_xlsx"),
    path("<id:pk>/results.xlsx", views.results_xlsx, name="results_xlsx"),
]
