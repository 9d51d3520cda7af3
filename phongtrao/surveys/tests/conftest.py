import datetime as dt

import pytest
from django.utils import timezone

from phongtrao.orgs.services import household_save
from phongtrao.plans.models import Target
from phongtrao.surveys import services
from phongtrao.testing import make_plan


@pytest.fixture
def plan(people):
    plan = make_plan(people, issued=True)
    Target.objects.create(
        plan=plan,
        text="tỷ lệ hài lòng của người dân đối với từng nội dung xây dựng nông thôn mới",
        value=85,
        unit_of_measure="%",
        comparator=">=",
    )
    return plan


@pytest.fixture
def households(people):
    def household(village, code):
        return household_save(user=people.commune_officer, village=village, code=code, head_name=f"Hộ {code}")

    east = [household(people.village, f"D{n:02d}") for n in range(1, 11)]
    west = [household(people.other_village, f"T{n:02d}") for n in range(1, 4)]
    return east, west


@pytest.fixture
def open_survey(people, plan, households):
    survey = services.survey_create(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        title="Khảo sát sự hài lòng về xây dựng nông thôn mới",
        opens_on=timezone.localdate() - dt.timedelta(days=10),
        closes_on=timezone.localdate() + dt.timedelta(days=20),
        questions=[("Giao thông", None), ("Môi trường", None)],
    )
    return services.survey_open(user=people.commune_officer, survey=survey)


def answer(survey, village, code, *choices, address="10.0.0.1"):
    questions = list(survey.questions.all())
    return services.survey_answer(
        survey=survey,
        choices={q.pk: c for q, c in zip(questions, choices, strict=True)},
        address=address,
        village=village,
        household_code=code,
    )
