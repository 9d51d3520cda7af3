"""A phone's offline queue sends each change with an `Idempotency-Key`: when the answer
was lost and the phone sends again, the server answers with the first answer and makes
nothing twice; a form refused for its errors keeps nothing, so the corrected copy goes
through under the same key; a key belongs to its sender."""

import uuid

from django.urls import reverse

from phongtrao.accounts.models import SentRequest
from phongtrao.registrations.models import Registration


def _form(people, **changes):
    return {
        "unit": people.village.pk,
        "content": "Làm 200 m đường bê tông",
        "place": "Đường trục thôn",
        "lines-TOTAL_FORMS": "0",
        "lines-INITIAL_FORMS": "0",
        **changes,
    }


def test_the_second_copy_gets_the_first_answer(people, running_plan):
    url = reverse("registrations:register", args=[running_plan.call.pk])
    client, key = people.client(people.village_head), uuid.uuid4().hex
    first = client.post(url, _form(people), HTTP_IDEMPOTENCY_KEY=key)
    again = client.post(url, _form(people), HTTP_IDEMPOTENCY_KEY=key)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] and again["Idempotent-Replayed"] == "true"
    assert Registration.objects.count() == 1
    other_key = client.post(url, _form(people, content="Trồng cây"), HTTP_IDEMPOTENCY_KEY=uuid.uuid4().hex)
    assert other_key.status_code == 302 and Registration.objects.count() == 2  # another key: another one


def test_a_refused_form_keeps_nothing_and_the_corrected_copy_goes_through(people, running_plan):
    url = reverse("registrations:register", args=[running_plan.call.pk])
    client, key = people.client(people.village_head), uuid.uuid4().hex
    refused = client.post(url, _form(people, place=""), HTTP_IDEMPOTENCY_KEY=key)
    assert refused.status_code == 200 and not SentRequest.objects.exists()
    assert client.post(url, _form(people), HTTP_IDEMPOTENCY_KEY=key).status_code == 302
    assert Registration.objects.count() == 1


def test_a_key_is_its_senders_and_a_bad_key_is_refused(people, running_plan):
    url = reverse("registrations:register", args=[running_plan.call.pk])
    key = uuid.uuid4().hex
    people.client(people.village_head).post(url, _form(people), HTTP_IDEMPOTENCY_KEY=key)
    other = people.client(people.other_village_head).post(
        url, _form(people, unit=people.other_village.pk), HTTP_IDEMPOTENCY_KEY=key
    )
    assert other.status_code == 302 and Registration.objects.count() == 2
    bad = people.client(people.village_head).post(url, _form(people), HTTP_IDEMPOTENCY_KEY="<script>")
    assert bad.status_code == 400 and Registration.objects.count() == 2


def test_the_api_answer_is_kept_too(people, running_plan):
    client, key = people.client(people.village_head), uuid.uuid4().hex
    body = {"call": running_plan.call.pk, "content": "Nạo vét mương", "place": "Đầu thôn", "unit": people.village.pk}
    url = "/api/registrations"
    first = client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    again = client.post(url, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    assert first.status_code in (200, 201), first.content
    assert again.status_code == first.status_code and again.json() == first.json()
    assert Registration.objects.count() == 1


def test_old_keys_are_forgotten_by_the_daily_job(people):
    import datetime as dt

    from django.utils import timezone

    from phongtrao.accounts.services import sent_requests_forget

    now = timezone.now()
    SentRequest.objects.create(user=people.village_head, key="a" * 32, path="/", created_at=now - dt.timedelta(days=31))
    SentRequest.objects.create(user=people.village_head, key="b" * 32, path="/", created_at=now - dt.timedelta(days=2))
    assert sent_requests_forget(now=now) == 1
    assert list(SentRequest.objects.values_list("key", flat=True)) == ["b" * 32]
