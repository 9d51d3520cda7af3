from django.urls import path

from phongtrao.rewards import views

app_name = "rewards"
urlpatterns = [
    path("plans/<int:plan_pk>/pledges/", views.plan_pledges, name="plan_pledges"),
    path("pledges/<int:pk>/withdraw/", views.pledge_withdraw, name="pledge_withdraw"),
]
