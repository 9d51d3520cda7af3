"""Nominees approved at the deciding level are published for the public's comments for a
chosen number of days; no decision is signed before the period ends; citizens comment
without an account, and a burst from one address is refused."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from phongtrao.rewards import services
from phongtrao.rewards.models import NomineeComment, RewardForm
from phongtrao.testing import make_plan


@pytest.fixture
def nominee(people):
    plan = make_plan(people, issued=True)
    pledge = services.pledge_register(
        user=people.village_head, plan=plan, unit=people.village, subject_kind="collective", commitments="500 m đường"
    )
    form = RewardForm.objects.get(code="giay-khen-xa")
    nomination = services.nomination_propose(user=people.village_head, pledge=pledge, reward_form=form, summary="Đường")
    services.nomination_decide(user=people.commune_approver, nomination=nomination, approve=True)
    return plan, form, nomination


def _issue(people, plan, form, nomination, day):
    return services.reward_decision_issue(
        user=people.commune_approver,
        plan=plan,
        reward_form=form,
        nominations=[nomination],
        number="9",
        date=day,
        signer_title="CHỦ TỊCH",
        signer_name="A",
        amount=Decimal(0),
    )


def test_no_decision_before_the_comment_period_ends(people, nominee):
    plan, form, nomination = nominee
    with pytest.raises(ValidationError, match="chưa công khai lấy ý kiến"):
        _issue(people, plan, form, nomination, dt.date(2023, 12, 20))
    services.nominations_disclose(
        user=people.commune_approver, nominations=[nomination], day=dt.date(2023, 12, 1), days=7
    )
    assert nomination.comment_until == dt.date(2023, 12, 8)
    with pytest.raises(ValidationError, match="chưa hết thời gian lấy ý kiến"):
        _issue(people, plan, form, nomination, dt.date(2023, 12, 8))
    assert _issue(people, plan, form, nomination, dt.date(2023, 12, 9)).awards.count() == 1


def test_only_the_decider_publishes_and_only_approved_nominees(people, nominee):
    plan, form, nomination = nominee
    with pytest.raises(PermissionDenied):
        services.nominations_disclose(
            user=people.village_head, nominations=[nomination], day=dt.date(2023, 12, 1), days=7
        )
    with pytest.raises(ValidationError, match="ít nhất 1 ngày"):
        services.nominations_disclose(
            user=people.commune_approver, nominations=[nomination], day=dt.date(2023, 12, 1), days=0
        )
    page = people.client(people.commune_approver).post(
        reverse("rewards:plan_nominations", args=[plan.pk]),
        {"action": "disclose", "nomination": nomination.pk, "days": "5"},
    )
    assert page.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.disclosed_on, nomination.comment_until) == (
        timezone.localdate(),
        timezone.localdate() + dt.timedelta(days=5),
    )


def test_citizens_comment_without_an_account_and_bursts_are_refused(people, nominee, settings):
    settings.REWARD_COMMENTS_PER_HOUR = 2
    plan, _form, nomination = nominee
    services.nominations_disclose(
        user=people.commune_approver, nominations=[nomination], day=timezone.localdate(), days=3
    )
    url = reverse("rewards:plan_nominees", args=[plan.pk])
    citizen = people.client(None)
    assert "Đường" in citizen.get(url).content.decode()
    for n in range(2):
        sent = citizen.post(url, {"nomination": nomination.pk, "name": "Bà Lan", "text": f"Đồng ý {n}"})
        assert sent.status_code == 302
    burst = citizen.post(url, {"nomination": nomination.pk, "name": "Bà Lan", "text": "Lần ba"})
    assert "nhiều ý kiến trong một giờ" in burst.content.decode()
    empty = citizen.post(url, {"nomination": nomination.pk, "name": "", "text": "x"})
    assert empty.status_code == 200 and NomineeComment.objects.count() == 2
    officials = people.client(people.commune_approver).get(reverse("rewards:plan_nominations", args=[plan.pk]))
    assert "Bà Lan: Đồng ý 0" in officials.content.decode()


def test_comments_outside_the_period_are_refused(people, nominee):
    plan, _form, nomination = nominee
    url = reverse("rewards:plan_nominees", args=[plan.pk])
    assert people.client(None).post(url, {"nomination": nomination.pk, "name": "A", "text": "x"}).status_code == 404
    services.nominations_disclose(
        user=people.commune_approver, nominations=[nomination], day=dt.date(2023, 1, 1), days=3
    )
    closed = people.client(None).post(url, {"nomination": nomination.pk, "name": "A", "text": "x"})
    assert "không còn trong thời gian lấy ý kiến" in closed.content.decode()
    assert not NomineeComment.objects.exists()
    draft = make_plan(people)
    assert people.client(None).get(reverse("rewards:plan_nominees", args=[draft.pk])).status_code == 404
