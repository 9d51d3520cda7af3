from django.urls import path

from phongtrao.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("settings/", views.choice, name="settings"),
]
