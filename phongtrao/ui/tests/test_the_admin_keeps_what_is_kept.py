"""The Django admin reads every record and its history, and deletes nothing the
application promises to keep: an open survey with its answers, a confirmed registration,
an issued plan, a ledger line, a decision. Roles, accounts, units, organisations and
uploaded files keep their history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from phongtrao.accounts.models import Membership, User
from phongtrao.accounts.services import membership_grant, membership_revoke
from phongtrao.contributions import services as contributions_services
from phongtrao.contributions.models import Contribution
from phongtrao.orgs.services import organization_create
from phongtrao.plans.models import Plan
from phongtrao.registrations import services as registrations_services
from phongtrao.registrations.models import Registration
from phongtrao.surveys import services as surveys
from phongtrao.surveys.models import Survey
from phongtrao.testing import make_plan


@pytest.fixture
def kept(people):
    plan = make_plan(people, issued=True)
    call = registrations_services.call_create(
        user=people.commune_officer, plan=plan, title="Đăng ký", kind="activity", registrants="villages"
    )
    registration = registrations_services.registration_submit(
        user=people.village_head, call=call, unit=people.village, content="Nạo vét mương", place="Thôn Đông"
    )
    registrations_services.registration_confirm(user=people.commune_officer, registration=registration, version=1)
    survey = surveys.survey_create(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        title="Khảo sát",
        opens_on=timezone.localdate() - dt.timedelta(days=1),
        closes_on=timezone.localdate() + dt.timedelta(days=9),
        questions=[("Giao thông", None)],
    )
    surveys.survey_open(user=people.commune_officer, survey=survey)
    contributions_services.contribution_record(
        user=people.village_head,
        unit=people.village,
        contributor_kind="household",
        contributor_name="Hộ ông Tư",
        kind="money",
        amount=Decimal(500_000),
        date=dt.date(2023, 5, 3),
    )
    return {Plan: plan, Registration: registration, Survey: survey, Contribution: Contribution.objects.get()}


def test_the_admin_deletes_none_of_what_the_application_keeps(people, kept):
    root = User.objects.create_superuser("root", password="x-very-long-password-1")
    client = people.client(root)
    for model, record in kept.items():
        meta = model._meta
        change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
        delete = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[record.pk])
        assert client.get(change).status_code == 200, model
        assert client.post(delete, {"post": "yes"}).status_code == 403, model
        assert model.objects.filter(pk=record.pk).exists(), model
        history = reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[record.pk])
        assert client.get(history).status_code == 200, model


def test_every_admin_page_opens_for_the_administrator(people, kept):
    root = User.objects.create_superuser("root", password="x-very-long-password-1")
    client = people.client(root)
    for model in admin.site._registry:
        meta = model._meta
        assert client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")).status_code == 200, model


def test_roles_accounts_and_organisations_keep_their_history(people):
    membership = membership_grant(user=people.outsider, unit=people.village, role="viewer")
    membership_revoke(membership=membership)
    assert [h.history_type for h in Membership.history.filter(id=membership.pk).order_by("history_date")] == ["+", "~"]
    people.outsider.full_name = "Người ngoài"
    people.outsider.save()
    assert people.outsider.history.count() >= 2 and not hasattr(people.outsider.history.first(), "password")
    union = organization_create(unit=people.commune, kind="doan_tn", name="Đoàn xã")
    assert union.history.count() == 1
