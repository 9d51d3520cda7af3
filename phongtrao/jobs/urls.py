from django.urls import path

from phongtrao.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("queue/", views.job_queue, name="queue"),
    path("<id:pk>/", views.job_detail, name="detail"),
    path("<id:pk>/result", views.job_result, name="result"),
]
