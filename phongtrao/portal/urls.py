from django.urls import path

from phongtrao.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("units/<id:pk>/", views.unit_page, name="unit"),
    path("plans/<id:pk>/", views.plan_page, name="plan"),
    path("exemplars/<id:pk>/", views.exemplar_page, name="exemplar"),
    path("language/<str:code>/", views.language, name="language"),
]
