from django.urls import path

from phongtrao.surveys import views

app_name = "surveys"
urlpatterns = [
    path("plans/<int:plan_pk>/", views.plan_surveys, name="plan_surveys"),
    path("<int:pk>/", views.survey_detail, name="detail"),
    path("<int:pk>/answer/", views.survey_answer, name="answer"),
    path("<int:pk>/paper/", views.survey_paper, name="paper"),
    path("<int:pk>/print/", views.survey_print, name="print"),
    path("<int:pk>/questions/", views.survey_questions, name="questions"),
    path("<int:pk>/open/", views.survey_step, {"step": "open"}, name="open"),
    path("<int:pk>/delete/", views.survey_delete, name="delete"),
    path("<int:pk>/close/", views.survey_step, {"step": "close"}, name="close"),
    path("<int:pk>/codes/", views.codes_issue, name="codes_issue"),
    path("<int:pk>/codes.xlsx", views.codes_xlsx, name="codes_xlsx"),
    path("<int:pk>/results.xlsx", views.results_xlsx, name="results_xlsx"),
]
