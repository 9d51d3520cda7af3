"""A phone whose line came back sends its outbox twice at the same moment (real parallel
requests to a live server, one signed-in session, one key): one copy is handled, the
other answered with the first answer or told the first is still being handled (409),
never a second registration and never a 500."""

import uuid

import pytest

from phongtrao.operations.tests.stack import session_for
from phongtrao.registrations.models import Registration
from phongtrao.testing import send_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_key_sent_twice_at_once_makes_one_registration(live_server, people, running_plan):
    csrf = "k" * 32
    headers = {
        "Cookie": f"sessionid={session_for(people.village_head)}; csrftoken={csrf}",
        "X-CSRFToken": csrf,
        "Idempotency-Key": uuid.uuid4().hex,
    }
    body = {"call": running_plan.call.pk, "unit": people.village.pk, "content": "Nạo vét mương", "place": "Đầu thôn"}
    sent = send_at_once(live_server.url, [("POST", "/api/registrations", body, None)] * 2, headers=headers)
    statuses = sorted(status for status, _ in sent)
    assert statuses in ([200, 200], [200, 409]), sent
    assert Registration.objects.count() == 1
    if statuses == [200, 200]:  # the second came after the first was done: the same answer
        assert sent[0][1] == sent[1][1]
