from django.urls import path

from phongtrao.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.me, name="me"),
    path("tokens/", views.token_create, name="token_create"),
    path("tokens/<id:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
