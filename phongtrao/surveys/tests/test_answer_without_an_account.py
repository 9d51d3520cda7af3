"""A household answers on a phone without an account, once: by its village and household
code, or by a one-time code from a slip. A second answer, an unknown code or a burst from
one address is refused with a clear message and recorded; the answers themselves carry
no household, code or time."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from phongtrao.surveys import services
from phongtrao.surveys.models import AccessCode, Ballot, RefusalReason, RefusedBallot, Response
from phongtrao.surveys.tests.conftest import answer
from phongtrao.testing import table_rows


def _form(survey, **identity):
    data = dict(identity)
    for question in survey.questions.all():
        data[f"q{question.pk}"] = "satisfied"
    return data


def test_a_household_answers_on_the_phone_page(people, open_survey):
    client = people.client(None)
    url = reverse("surveys:answer", args=[open_survey.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Giao thông" in page.content.decode()
    sent = client.post(url, _form(open_survey, village=people.village.pk, household_code="d01"))
    assert sent.status_code == 200 and "Cảm ơn" in sent.content.decode()
    response = Response.objects.get()
    assert response.unit == people.village
    assert sorted(response.answers.values()) == ["satisfied", "satisfied"]
    # Nothing on an answer ties it to who gave it: its village, and whether it has been
    # published yet (answers are published in groups, never one by one).
    assert {f.name for f in Response._meta.get_fields()} == {"id", "survey", "unit", "answers", "published"}
    assert Ballot.objects.get().household.code == "D01"


NOT_TAKEN = "Không nhận được phiếu với mã này: mã không đúng, hoặc đã được dùng để trả lời."


def test_it_refuses_a_second_answer_from_a_household(people, open_survey):
    """An unknown code and a code that has answered get the same words: a visitor cannot
    find out which codes exist, or which households have answered. The council sees which."""
    answer(open_survey, people.village, "D01", "satisfied", "satisfied")
    with pytest.raises(ValidationError, match=NOT_TAKEN) as answered:
        answer(open_survey, people.village, "D01", "unsatisfied", "unsatisfied", address="10.0.0.2")
    with pytest.raises(ValidationError, match=NOT_TAKEN) as unknown:
        answer(open_survey, people.village, "X99", "satisfied", "satisfied")
    assert answered.value.message_dict == unknown.value.message_dict
    assert Response.objects.count() == 1
    assert sorted(RefusedBallot.objects.values_list("reason", flat=True)) == [
        RefusalReason.HOUSEHOLD_ANSWERED,
        RefusalReason.HOUSEHOLD_UNKNOWN,
    ]


def test_it_names_the_unanswered_content(people, open_survey):
    client = people.client(None)
    data = _form(open_survey, village=people.village.pk, household_code="D02")
    environment = open_survey.questions.get(text="Môi trường")
    del data[f"q{environment.pk}"]
    page = client.post(reverse("surveys:answer", args=[open_survey.pk]), data)
    assert "“Môi trường”: hãy chọn một mức." in page.content.decode()
    assert not Response.objects.exists() and not Ballot.objects.exists()


def test_it_refuses_a_burst_from_one_address(people, open_survey, settings):
    settings.SURVEY_ANSWERS_PER_HOUR = 3
    for code in ("D01", "D02", "D03"):
        answer(open_survey, people.village, code, "satisfied", "satisfied")
    with pytest.raises(ValidationError, match="quá nhiều phiếu"):
        answer(open_survey, people.village, "D04", "satisfied", "satisfied")
    answer(open_survey, people.village, "D04", "satisfied", "satisfied", address="10.0.0.9")
    assert Response.objects.count() == 4
    assert RefusedBallot.objects.get().reason == RefusalReason.BURST


def test_behind_a_proxy_the_forwarded_address_counts(people, open_survey, settings):
    settings.SURVEY_ANSWERS_PER_HOUR = 1
    settings.PROXY_COUNT = 1
    client = people.client(None)
    url = reverse("surveys:answer", args=[open_survey.pk])
    first = client.post(
        url, _form(open_survey, village=people.village.pk, household_code="D01"), HTTP_X_FORWARDED_FOR="1.1.1.1"
    )
    # A second household behind the same proxy but from another address is not a burst;
    # a forged left-hand entry does not change who is counted.
    second = client.post(
        url,
        _form(open_survey, village=people.village.pk, household_code="D02"),
        HTTP_X_FORWARDED_FOR="1.1.1.1, 2.2.2.2",
    )
    third = client.post(
        url,
        _form(open_survey, village=people.village.pk, household_code="D03"),
        HTTP_X_FORWARDED_FOR="9.9.9.9, 2.2.2.2",
    )
    assert "Cảm ơn" in first.content.decode() and "Cảm ơn" in second.content.decode()
    assert "quá nhiều phiếu" in third.content.decode()


def test_one_time_codes_are_used_once(people, plan, households):
    today = timezone.localdate()
    survey = services.survey_create(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        title="Khảo sát bằng mã phiếu",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=1),
        identification="code",
        questions=[("Giao thông", None)],
    )
    services.survey_open(user=people.commune_officer, survey=survey)
    codes = services.access_codes_issue(
        user=people.commune_officer, survey=survey, village=people.other_village, count=5
    )
    assert len({c.code for c in codes}) == 5
    question = survey.questions.get()
    slip = codes[0].code
    services.survey_answer(
        survey=survey, choices={question.pk: "unsatisfied"}, address="a", access_code=f" {slip[:4]}-{slip[4:].lower()}"
    )
    with pytest.raises(ValidationError, match=NOT_TAKEN):
        services.survey_answer(survey=survey, choices={question.pk: "satisfied"}, address="b", access_code=slip)
    with pytest.raises(ValidationError, match=NOT_TAKEN):
        services.survey_answer(survey=survey, choices={question.pk: "satisfied"}, address="b", access_code="ZZZZ2222")
    assert sorted(RefusedBallot.objects.values_list("reason", flat=True)) == [
        RefusalReason.CODE_UNKNOWN,
        RefusalReason.CODE_USED,
    ]
    assert Response.objects.get().unit == people.other_village
    assert AccessCode.objects.filter(used=True).count() == 1
    with pytest.raises(ValidationError, match="không phải một thôn"):
        services.access_codes_issue(user=people.commune_officer, survey=survey, village=people.commune, count=5)
    with pytest.raises(PermissionDenied):
        services.access_codes_issue(user=people.village_head, survey=survey, village=people.village, count=5)
    sheet = people.client(people.commune_officer).get(
        reverse("surveys:codes_xlsx", args=[survey.pk]) + f"?village={people.other_village.pk}"
    )
    rows = table_rows(sheet.content)
    assert len(rows) == 1 + 4 and slip not in {r[1] for r in rows}
    viewer = people.client(people.commune_viewer).get(reverse("surveys:codes_xlsx", args=[survey.pk]))
    assert viewer.status_code == 403


def test_a_closed_survey_takes_no_answer(people, open_survey):
    services.survey_close(user=people.commune_officer, survey=open_survey)
    with pytest.raises(ValidationError, match="không còn nhận ý kiến"):
        answer(open_survey, people.village, "D01", "satisfied", "satisfied")
    page = people.client(None).get(reverse("surveys:answer", args=[open_survey.pk]))
    assert "không còn nhận ý kiến" in page.content.decode()
