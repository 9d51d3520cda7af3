"""Anyone may read a survey's public results, before and after a household answers: the
figures must not move by one household's answers, or that household's answers are
known. They move by groups of SURVEY_MIN_PUBLIC_GROUP. And a burst of answers from one
address sent all at once is still a burst: no more than SURVEY_ANSWERS_PER_HOUR are taken."""

from __future__ import annotations

import pytest

from phongtrao.surveys.models import RefusalReason, RefusedBallot, Response
from phongtrao.surveys.tests.conftest import answer
from phongtrao.testing import send_at_once


def _public(people, survey) -> dict:
    return people.client(None).get(f"/api/surveys/{survey.pk}").json()["results"]


def test_public_results_do_not_move_by_one_households_answers(people, open_survey, settings):
    settings.SURVEY_MIN_PUBLIC_GROUP = 3
    for n in (1, 2):
        answer(open_survey, people.village, f"D0{n}", "satisfied", "satisfied", address=str(n))
    before = _public(people, open_survey)
    answer(open_survey, people.village, "D03", "unsatisfied", "unsatisfied", address="3")
    after_three = _public(people, open_survey)
    assert before["responses"] == 0 and after_three["responses"] == 3  # the first group of three is out
    answer(open_survey, people.village, "D04", "unsatisfied", "no_opinion", address="4")
    assert _public(people, open_survey) == after_three  # one more answer: nothing moves
    insider = people.client(people.commune_viewer).get(f"/api/surveys/{open_survey.pk}").json()["results"]
    assert insider["responses"] == 4  # the commune follows every answer
    assert Response.objects.filter(published=False).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_burst_sent_all_at_once_is_refused_beyond_the_limit(live_server, people, open_survey, households, settings):
    settings.SURVEY_ANSWERS_PER_HOUR = 3
    east, _west = households
    questions = list(open_survey.questions.all())
    sent = send_at_once(
        live_server.url,
        [
            (
                "POST",
                f"/api/surveys/{open_survey.pk}/answers",
                {
                    "village": people.village.pk,
                    "household_code": household.code,
                    "answers": {str(q.pk): "satisfied" for q in questions},
                },
                None,
            )
            for household in east[:8]
        ],
    )
    statuses = sorted(status for status, _body in sent)
    assert statuses == [200, 200, 200, 422, 422, 422, 422, 422], sent
    assert Response.objects.count() == 3
    assert RefusedBallot.objects.filter(reason=RefusalReason.BURST).count() == 5
