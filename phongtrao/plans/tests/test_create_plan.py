import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phongtrao.plans import services
from phongtrao.plans.models import Plan, PlanStatus
from phongtrao.testing import make_plan


def test_an_officer_creates_a_draft_from_the_page(people):
    client = people.client(people.commune_officer)
    assert client.get("/plans/new/").status_code == 200
    response = client.post(
        "/plans/new/",
        {
            "unit": people.commune.pk,
            "kind": "emulation",
            "issuer_name": "UBND xã Hồng Phong",
            "full_number": "12/KH-UBND",
            "issue_date": "2023-03-10",
            "title": "Phát động thi đua",
            "period_start": "2023-03-01",
            "period_end": "2023-12-31",
        },
    )
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/edit/"
    assert (plan.number, plan.symbol, plan.full_number) == ("12", "KH-UBND", "12/KH-UBND")
    assert plan.status == PlanStatus.DRAFT and plan.created_by == people.commune_officer
    assert plan.history.first().history_user == people.commune_officer


def test_it_refuses_an_impossible_date_on_the_page_naming_the_field(people):
    response = people.client(people.commune_officer).post(
        "/plans/new/",
        {
            "unit": people.commune.pk,
            "kind": "emulation",
            "issuer_name": "UBND xã",
            "title": "Kế hoạch",
            "issue_date": "31/02/2023",
        },
    )
    assert response.status_code == 200
    assert "issue_date" in response.context["form"].errors
    assert "hợp lệ" in response.context["form"].errors["issue_date"][0]
    assert not Plan.objects.exists()


def test_it_refuses_an_impossible_date_in_the_api_with_a_vietnamese_message(people):
    response = people.client(people.commune_officer).post(
        "/api/plans",
        {
            "unit": people.commune.pk,
            "issuer": "UBND xã",
            "title": "Kế hoạch",
            "issue_date": "2023-02-31",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"]["issue_date"] == [
        "Ngày ban hành: ngày không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2023-04-07)."
    ]
    assert not Plan.objects.exists()


def test_it_refuses_a_period_that_ends_before_it_starts(people):
    with pytest.raises(ValidationError) as caught:
        make_plan(people, period_start=dt.date(2023, 5, 1), period_end=dt.date(2023, 4, 1))
    assert "period_end" in caught.value.message_dict


def test_it_refuses_a_duplicate_number_for_the_same_issuer_and_year(people):
    first = make_plan(people, full_number="42/KH-UBND", issue_date=dt.date(2023, 3, 10))
    with pytest.raises(ValidationError) as caught:
        make_plan(people, full_number="42/KH-UBND", issue_date=dt.date(2023, 11, 2))
    assert "42/KH-UBND" in caught.value.message_dict["number"][0]
    # another year, another issuer, or a blank number are all fine
    make_plan(people, full_number="42/KH-UBND", issue_date=dt.date(2024, 1, 5))
    make_plan(people, full_number="42/KH-UBND", issue_date=dt.date(2023, 1, 5), issuer_name="Đảng ủy xã")
    make_plan(people, full_number="/KH-UBND", issue_date=dt.date(2023, 3, 10))
    make_plan(people, full_number="/KH-UBND", issue_date=dt.date(2023, 3, 10))
    # a cancelled plan frees its number
    services.plan_update(user=people.commune_approver, plan=first, signer_name="Nguyễn Văn A")
    services.plan_issue(user=people.commune_approver, plan=first)
    services.plan_cancel(user=people.commune_approver, plan=first, reason="Ban hành nhầm")
    make_plan(people, full_number="42/KH-UBND", issue_date=dt.date(2023, 12, 1))


def test_it_refuses_to_create_a_plan_for_a_unit_out_of_scope(people):
    response = people.client(people.outsider).post(
        "/api/plans",
        {
            "unit": people.commune.pk,
            "issuer": "UBND xã",
            "title": "Kế hoạch",
        },
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Plan.objects.exists()
