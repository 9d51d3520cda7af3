from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.accounts.clients import client_address
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, column, text
from phongtrao.criteria.models import Criterion
from phongtrao.geo.access import get_unit
from phongtrao.plans.access import get_plan_for_user
from phongtrao.surveys import services
from phongtrao.surveys.access import get_survey_for_user
from phongtrao.surveys.models import Choice, Identification, Question, Survey
from phongtrao.surveys.results import SurveyResults, Tally, survey_results

router = Router(tags=["surveys"])


class QuestionOut(Schema):
    id: int
    text: str
    criterion: int | None = Field(validation_alias="criterion_id")


class SurveyOut(Schema):
    id: int
    plan: int = Field(validation_alias="plan_id")
    unit: UnitRef
    title: str
    identification: str
    target_rate: DecimalText
    opens_on: dt.date
    closes_on: dt.date
    status: str
    questions: list[QuestionOut]

    @staticmethod
    def resolve_questions(obj: Survey) -> list[Question]:
        return list(obj.questions.all())


class TallyOut(Schema):
    satisfied: int
    unsatisfied: int
    no_opinion: int
    rate: DecimalText | None


class ContentOut(TallyOut):
    question: int
    text: str
    meets: bool | None


class UnitResultOut(Schema):
    unit: UnitRef
    households: int
    responses: int
    hidden: bool
    contents: list[TallyOut | None]


class ResultsOut(Schema):
    """In public: only answers published in groups, and units with few answers hidden."""

    responses: int
    households: int
    target_rate: DecimalText
    meets_target: bool | None
    hidden: bool
    contents: list[ContentOut]
    units: list[UnitResultOut]


class SurveyDetailOut(SurveyOut):
    results: ResultsOut


def _tally(t: Tally | None) -> dict | None:
    if t is None:
        return None
    return {"satisfied": t.satisfied, "unsatisfied": t.unsatisfied, "no_opinion": t.no_opinion, "rate": t.rate}


def _results(r: SurveyResults) -> dict:
    return {
        "responses": r.responses,
        "households": r.households,
        "target_rate": r.survey.target_rate,
        "meets_target": r.meets_target,
        "hidden": r.total_hidden,
        "contents": [
            {"question": c.question.pk, "text": c.question.text, "meets": c.meets, **_tally(c.tally)}
            for c in r.contents
        ],
        "units": [
            {
                "unit": v.unit,
                "households": v.households,
                "responses": v.responses,
                "hidden": v.hidden,
                "contents": [_tally(t) for t in v.cells],
            }
            for v in r.units
        ],
    }


@router.get("", **PUBLIC, response=answers(list[SurveyOut], NOT_FOUND))
def list_surveys(request, plan: Id) -> list[Survey]:
    """The plan's surveys: public once open; drafts for those with a role over the unit."""
    chosen = get_plan_for_user(request.user, plan)
    surveys = Survey.objects.filter(plan=chosen).visible_to(request.user).for_list().prefetch_related("questions")
    return list(surveys)


@router.get("/{pk}", **PUBLIC, response=answers(SurveyDetailOut, NOT_FOUND))
def get_survey(request, pk: Id) -> Survey:
    survey = get_survey_for_user(request.user, pk)
    insider = permissions.can(request.user, permissions.VIEW, survey.unit)
    survey.results = _results(survey_results(survey, public=not insider))
    return survey


class SurveyIn(Schema):
    plan: Id
    unit: Id
    title: column(Survey, "title")
    opens_on: Day
    closes_on: Day
    identification: column(Survey, "identification") = Identification.HOUSEHOLD
    introduction: column(Survey, "introduction") = ""
    target_rate: column(Survey, "target_rate") | None = None
    questions: list[column(Question, "text")] = Field(default=[], max_length=100)
    criteria: list[Id] = Field(default=[], max_length=100)


@router.post("", auth=WRITE_AUTH, response=answers(SurveyOut, FORBIDDEN, NOT_FOUND))
def create_survey(request, payload: SurveyIn) -> Survey:
    plan = get_plan_for_user(request.user, payload.plan)
    try:
        unit = get_unit(payload.unit)
    except Http404 as exc:
        raise ValidationError({"unit": _("Không có đơn vị này.")}) from exc
    criteria = {c.pk: c for c in Criterion.objects.filter(pk__in=payload.criteria)}
    if len(criteria) != len(set(payload.criteria)):
        raise ValidationError({"criteria": _("Có tiêu chí không tồn tại.")})
    return services.survey_create(
        user=request.user,
        plan=plan,
        unit=unit,
        title=payload.title,
        opens_on=payload.opens_on,
        closes_on=payload.closes_on,
        identification=payload.identification,
        introduction=payload.introduction,
        target_rate=payload.target_rate,
        questions=services.criteria_questions(criteria.values()) + [(text, None) for text in payload.questions],
    )


@router.post("/{pk}/open", auth=WRITE_AUTH, response=answers(SurveyOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def open_survey(request, pk: Id) -> Survey:
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    return services.survey_open(user=request.user, survey=survey)


@router.post("/{pk}/close", auth=WRITE_AUTH, response=answers(SurveyOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def close_survey(request, pk: Id) -> Survey:
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    return services.survey_close(user=request.user, survey=survey)


class AnswerIn(Schema):
    answers: dict[Annotated[int, Field(ge=1, le=2**63 - 1)], Choice] = Field(max_length=100)
    village: Id | None = None
    household_code: text(40, "Mã hộ gia đình") = ""
    access_code: text(40, "Mã phiếu") = ""


class RecordedOut(Schema):
    recorded: bool


def _answer(request, pk: int, payload: AnswerIn, **who) -> dict:
    survey = get_survey_for_user(request.user, pk)
    village = None
    if payload.village is not None:
        try:
            village = get_unit(payload.village)
        except Http404:
            village = None  # refused by the service as "choose your village"
    services.survey_answer(
        survey=survey,
        choices={k: str(v) for k, v in payload.answers.items()},
        village=village,
        household_code=payload.household_code,
        access_code=payload.access_code,
        **who,
    )
    return {"recorded": True}


@router.post("/{pk}/answers", auth=None, response=answers(RecordedOut, NOT_FOUND))
def answer_survey(request, pk: Id, payload: AnswerIn) -> dict:
    """A household's answers, without an account (the same checks as the phone form).
    A code that does not exist and one that has answered are refused in the same words."""
    return _answer(request, pk, payload, address=client_address(request))


@router.post("/{pk}/paper", auth=WRITE_AUTH, response=answers(RecordedOut, FORBIDDEN, NOT_FOUND))
def enter_paper_sheet(request, pk: Id, payload: AnswerIn) -> dict:
    """A paper sheet entered by someone reporting for its village (no burst limit; the
    enterer is kept on the ballot)."""
    return _answer(request, pk, payload, entered_by=request.user)
