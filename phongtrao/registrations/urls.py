from django.urls import path

from phongtrao.registrations import views

app_name = "registrations"
urlpatterns = [
    path("plans/<id:plan_pk>/calls/new/", views.call_create, name="call_create"),
    path("calls/<id:pk>/", views.call_detail, name="call"),
    path("calls/<id:pk>/register/", views.register, name="register"),
    path("calls/<id:pk>/registrations.xlsx", views.call_export, name="call_export"),
    path("calls/<id:pk>/import/", views.call_import, name="call_import"),
    path("<id:pk>/", views.registration_detail, name="registration"),
    path("<id:pk>/edit/", views.registration_edit, name="edit"),
    path("<id:pk>/confirm/", views.registration_confirm, name="confirm"),
    path("<id:pk>/return/", views.registration_return, name="return"),
    path("<id:pk>/print/", views.registration_print, name="print"),
]
