"""Two officials recording a commune's criterion for the first time at the same moment
(real parallel requests to a live server): one status is kept, the other is told with a
409, never a 500; the API also refuses those without a role over the commune."""

from __future__ import annotations

import pytest

from phongtrao.criteria.models import CriterionStatus
from phongtrao.testing import send_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def _planning_achieved(people, current_set) -> dict:
    return {
        "set": current_set.code,
        "unit": people.commune.pk,
        "criterion": 1,
        "state": "achieved",
        "date": "2026-11-02",
    }


def test_two_first_assessments_at_once_keep_one(live_server, people, current_set):
    body = _planning_achieved(people, current_set)
    officer, chairman = people.token(people.commune_officer), people.token(people.commune_approver)
    sent = send_at_once(
        live_server.url,
        [("PUT", "/api/criteria/status", body, officer), ("PUT", "/api/criteria/status", body, chairman)],
    )
    statuses = sorted(status for status, _ in sent)
    assert statuses in ([200, 200], [200, 409]), sent  # after the first is saved, the second updates it
    assert CriterionStatus.objects.filter(unit=people.commune).count() == 1
    assert all("vừa đánh giá" in answer.get("detail", "") for status, answer in sent if status == 409)


def test_the_api_refuses_a_result_from_outside_and_unknown_criteria(live_server, people, current_set):
    body = _planning_achieved(people, current_set)
    sent = send_at_once(
        live_server.url,
        [
            ("PUT", "/api/criteria/status", body, people.token(people.outsider)),
            ("PUT", "/api/criteria/status", body | {"criterion": 11}, people.token(people.commune_officer)),
            ("PUT", "/api/criteria/status", body | {"indicator": "99.9"}, people.token(people.commune_officer)),
        ],
    )
    assert [status for status, _ in sent] == [403, 404, 404]
    assert not CriterionStatus.objects.exists()
