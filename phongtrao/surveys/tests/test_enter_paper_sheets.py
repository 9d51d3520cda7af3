"""Households without a phone answer on a printed sheet; the village head enters the
sheets one after another from one phone: no burst limit for them, each household still
once, their name kept on the ballot, and only for their own village."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from phongtrao.surveys import services
from phongtrao.surveys.models import Ballot, RefusedBallot, Response


def _sheet(survey, village, code, choice="satisfied"):
    data = {"village": village.pk, "household_code": code}
    for question in survey.questions.all():
        data[f"q{question.pk}"] = choice
    return data


def test_a_village_head_enters_the_sheets_of_the_village(people, open_survey, settings):
    settings.SURVEY_ANSWERS_PER_HOUR = 2
    head = people.client(people.village_head)
    url = reverse("surveys:paper", args=[open_survey.pk])
    for n in range(1, 6):
        sent = head.post(url, _sheet(open_survey, people.village, f"D{n:02d}"))
        assert sent.status_code == 302 and sent["Location"].endswith(f"?village={people.village.pk}")
    assert Response.objects.count() == 5
    assert set(Ballot.objects.values_list("entered_by", flat=True)) == {people.village_head.pk}
    again = head.post(url, _sheet(open_survey, people.village, "D01", "unsatisfied"))
    assert "mỗi hộ trả lời một lần" in again.content.decode()
    assert Response.objects.count() == 5 and RefusedBallot.objects.count() == 1
    assert "Bạn đã nhập 5 phiếu" in head.get(url).content.decode()


def test_only_for_the_villages_one_reports_for(people, open_survey):
    with pytest.raises(ValidationError, match="Bạn không nhập phiếu cho Thôn Đông"):
        services.survey_answer(
            survey=open_survey,
            choices={q.pk: "satisfied" for q in open_survey.questions.all()},
            village=people.village,
            household_code="D01",
            entered_by=people.other_village_head,
        )
    other = people.client(people.other_village_head)
    url = reverse("surveys:paper", args=[open_survey.pk])
    refused = other.post(url, _sheet(open_survey, people.village, "D01"))
    assert refused.status_code == 200 and "village" in refused.context["form"].errors  # not among their choices
    assert people.client(people.commune_viewer).get(url).status_code == 403
    assert people.client(people.outsider).get(url).status_code == 403
    assert not Response.objects.exists()


def test_the_printed_sheet_lists_every_content(people, open_survey):
    sheet = people.client(None).get(reverse("surveys:print", args=[open_survey.pk])).content.decode()
    assert "PHIẾU KHẢO SÁT" in sheet and "Giao thông" in sheet and "Môi trường" in sheet
    assert sheet.count("☐") == 3 * open_survey.questions.count()


def test_a_paper_entry_still_needs_an_open_survey(people, open_survey):
    services.survey_close(user=people.commune_officer, survey=open_survey)
    with pytest.raises(ValidationError, match="không còn nhận ý kiến"):
        services.survey_answer(
            survey=open_survey,
            choices={q.pk: "satisfied" for q in open_survey.questions.all()},
            village=people.village,
            household_code="D01",
            entered_by=people.village_head,
        )


def test_paper_sheets_through_the_api(people, open_survey, settings):
    settings.SURVEY_ANSWERS_PER_HOUR = 1
    answers = {str(q.pk): "satisfied" for q in open_survey.questions.all()}
    head = people.client(people.village_head)
    for code in ("D01", "D02", "D03"):
        sent = head.post(
            f"/api/surveys/{open_survey.pk}/paper",
            {"village": people.village.pk, "household_code": code, "answers": answers},
            content_type="application/json",
        )
        assert sent.status_code == 200, sent.content
    refused = people.client(people.other_village_head).post(
        f"/api/surveys/{open_survey.pk}/paper",
        {"village": people.village.pk, "household_code": "D04", "answers": answers},
        content_type="application/json",
    )
    assert refused.status_code == 422 and "village" in refused.json()["errors"]
    anonymous = people.client(None).post(
        f"/api/surveys/{open_survey.pk}/paper",
        {"village": people.village.pk, "household_code": "D05", "answers": answers},
        content_type="application/json",
    )
    assert anonymous.status_code == 401
    assert Ballot.objects.filter(entered_by=people.village_head).count() == Response.objects.count() == 3


def test_a_slip_of_another_village_is_refused_on_the_form(people, plan):
    """A village head typing a code handed out in another village is told so beside the
    field; nothing is recorded (it once reached an uncaught error)."""
    survey = services.survey_create(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        title="Khảo sát bằng mã phiếu",
        opens_on=timezone.localdate() - dt.timedelta(days=1),
        closes_on=timezone.localdate() + dt.timedelta(days=9),
        identification="code",
        questions=[("Giao thông", None)],
    )
    services.survey_open(user=people.commune_officer, survey=survey)
    (slip,) = services.access_codes_issue(
        user=people.commune_officer, survey=survey, village=people.other_village, count=1
    )
    question = survey.questions.get()
    page = people.client(people.village_head).post(
        reverse("surveys:paper", args=[survey.pk]), {"access_code": slip.code, f"q{question.pk}": "satisfied"}
    )
    assert page.status_code == 200 and "access_code" in page.context["form"].errors
    slip.refresh_from_db()
    assert not slip.used and not Response.objects.exists()
