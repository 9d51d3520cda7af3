from django.urls import path

from phongtrao.mywork import views

app_name = "mywork"
urlpatterns = [path("", views.my_work_page, name="index")]
