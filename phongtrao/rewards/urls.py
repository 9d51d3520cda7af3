from django.urls import path

from phongtrao.rewards import views

app_name = "rewards"
urlpatterns = [
    path("plans/<id:plan_pk>/pledges/", views.plan_pledges, name="plan_pledges"),
    path("pledges/<id:pk>/withdraw/", views.pledge_withdraw, name="pledge_withdraw"),
    path("plans/<id:plan_pk>/evaluation/", views.plan_evaluation, name="plan_evaluation"),
    path("pledges/<id:pk>/score/", views.pledge_score, name="pledge_score"),
    path("plans/<id:plan_pk>/nominations/", views.plan_nominations, name="plan_nominations"),
    path("plans/<id:plan_pk>/decisions/", views.plan_decisions, name="plan_decisions"),
    path("plans/<id:plan_pk>/nominees/", views.plan_nominees, name="plan_nominees"),
    path("units/<id:unit_pk>/awards/", views.unit_awards, name="unit_awards"),
    path("decisions/<id:pk>/decision.docx", views.decision_docx, name="decision_docx"),
    path("awards/<id:pk>/certificate.docx", views.certificate_docx, name="certificate_docx"),
    path("units/<id:unit_pk>/exemplars/", views.unit_exemplars, name="unit_exemplars"),
    path("exemplars/<id:pk>/", views.exemplar_detail, name="exemplar"),
    path("photos/<id:pk>/<str:size>.jpg", views.exemplar_photo, name="exemplar_photo"),
]
