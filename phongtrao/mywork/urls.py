from django.urls import path

from phongtrao.mywork import views

app_name = "mywork"
urlpatterns = [
    path("", views.my_work_page, name="index"),
    path("plans/<id:plan_pk>/", views.plan_actions, name="plan_actions"),
]
