from django.urls import path

from phongtrao.workdays import views

app_name = "workdays"
urlpatterns = [
    path("plans/<id:plan_pk>/", views.workday_calendar, name="calendar"),
    path("<id:pk>/", views.workday_detail, name="workday"),
    path("units/<id:unit_pk>.ics", views.workday_feed, name="feed"),
    path("organizations/<id:org_pk>.ics", views.organization_feed, name="org_feed"),
    path("photos/<id:pk>/file", views.work_day_photo_file, name="work_day_photo_file"),
]
