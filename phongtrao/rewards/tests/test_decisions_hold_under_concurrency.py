"""Approvals, returns and reward decisions sent at the same moment (real parallel
requests to a live server): the first one wins, the others are told so with 409, and the
figures hold: one approval for the last place of a quota, one award per nomination, one
decision per number and year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from phongtrao.rewards import services
from phongtrao.rewards.models import Award, Nomination, RewardDecision, RewardForm
from phongtrao.testing import make_plan, send_at_once

# Transactional: the server's threads see only committed rows.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reward_forms")]


def _nominated(people, count: int):
    plan = make_plan(people, issued=True)
    form = RewardForm.objects.get(code="giay-khen-xa")
    nominations = []
    for n in range(count):
        pledge = services.pledge_register(
            user=people.village_head,
            plan=plan,
            unit=people.village,
            subject_kind="individual",
            subject_name=f"Ông Nguyễn Văn {n}",
            commitments="Hiến đất làm đường",
        )
        nominations.append(services.nomination_propose(user=people.village_head, pledge=pledge, reward_form=form))
    return plan, form, nominations


def test_an_approval_and_a_return_at_once_take_one(live_server, people):
    _plan, _form, (nomination,) = _nominated(people, 1)
    approver, officer = people.token(people.commune_approver), people.token(people.commune_approver)
    path = f"/api/nominations/{nomination.pk}/decision"
    sent = send_at_once(
        live_server.url,
        [
            ("POST", path, {"action": "approve", "version": nomination.version}, approver),
            ("POST", path, {"action": "return", "reason": "Thiếu hồ sơ", "version": nomination.version}, officer),
        ],
    )
    assert sorted(status for status, _ in sent) == [200, 409], sent
    winner = next(body for status, body in sent if status == 200)
    nomination.refresh_from_db()
    assert nomination.status == winner["status"] and nomination.version == 2
    assert nomination.history.count() == 2  # proposed, then one decision


def test_six_approvals_for_the_last_place_approve_one(live_server, people):
    plan, form, nominations = _nominated(people, 6)
    services.reward_quota_set(user=people.commune_approver, plan=plan, reward_form=form, limit=1)
    token = people.token(people.commune_approver)
    sent = send_at_once(
        live_server.url,
        [("POST", f"/api/nominations/{n.pk}/decision", {"action": "approve"}, token) for n in nominations],
    )
    assert sorted(status for status, _ in sent) == [200] + [422] * 5, sent
    assert Nomination.objects.filter(status="approved").count() == 1


def _decision(plan, nominations, number: str) -> dict:
    return {
        "plan": plan.pk,
        "nominations": [n.pk for n in nominations],
        "number": number,
        "date": "2023-12-20",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn An",
        "amount": "300000",
    }


def _approved_and_disclosed(people, count: int):
    plan, form, nominations = _nominated(people, count)
    nominations = [
        services.nomination_decide(user=people.commune_approver, nomination=n, approve=True) for n in nominations
    ]
    services.nominations_disclose(
        user=people.commune_approver, nominations=nominations, day=dt.date(2023, 12, 1), days=7
    )
    return plan, nominations


def test_one_nomination_in_two_decisions_at_once_is_awarded_once(live_server, people):
    plan, (nomination,) = _approved_and_disclosed(people, 1)
    token = people.token(people.commune_approver)
    sent = send_at_once(
        live_server.url,
        [
            ("POST", "/api/rewards", _decision(plan, [nomination], "601"), token),
            ("POST", "/api/rewards", _decision(plan, [nomination], "602"), token),
        ],
    )
    assert sorted(status for status, _ in sent) == [200, 422], sent
    assert Award.objects.filter(nomination=nomination).count() == 1
    nomination.refresh_from_db()
    assert nomination.status == "awarded" and nomination.get_status_display() == "Đã có quyết định khen thưởng"


def test_two_decisions_with_one_number_at_once_make_one(live_server, people):
    plan, (first, second) = _approved_and_disclosed(people, 2)
    token = people.token(people.commune_approver)
    sent = send_at_once(
        live_server.url,
        [
            ("POST", "/api/rewards", _decision(plan, [first], "601"), token),
            ("POST", "/api/rewards", _decision(plan, [second], "601"), token),
        ],
    )
    statuses = sorted(status for status, _ in sent)
    assert statuses in ([200, 409], [200, 422]), sent
    assert RewardDecision.objects.filter(number="601", year=2023).count() == 1
    refused = next(body for status, body in sent if status != 200)
    assert "601/QĐ-UBND năm 2023 đã dùng" in str(refused)
    assert Decimal(Award.objects.get().amount) == Decimal(300_000)
