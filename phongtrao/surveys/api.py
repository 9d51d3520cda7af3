from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import READ_AUTH, WRITE_AUTH
from phongtrao.accounts.clients import client_address
from phongtrao.geo.models import AdminUnit
from phongtrao.monitoring.models import Criterion
from phongtrao.plans.access import get_plan_for_user
from phongtrao.surveys import services
from phongtrao.surveys.access import get_survey_for_user
from phongtrao.surveys.models import Choice, Identification, Survey
from phongtrao.surveys.results import SurveyResults, Tally, survey_results

router = Router(tags=["surveys"])


def _survey(s: Survey) -> dict:
    return {
        "id": s.pk,
        "plan": s.plan_id,
        "unit": {"id": s.unit_id, "name": s.unit.name},
        "title": s.title,
        "identification": s.identification,
        "target_rate": str(s.target_rate),
        "opens_on": s.opens_on.isoformat(),
        "closes_on": s.closes_on.isoformat(),
        "status": s.status,
        "questions": [{"id": q.pk, "text": q.text, "criterion": q.criterion_id} for q in s.questions.all()],
    }


def _tally(t: Tally | None) -> dict | None:
    if t is None:
        return None
    return {
        "satisfied": t.satisfied,
        "unsatisfied": t.unsatisfied,
        "no_opinion": t.no_opinion,
        "rate": None if t.rate is None else str(t.rate),
    }


def _results(r: SurveyResults) -> dict:
    return {
        "responses": r.responses,
        "households": r.households,
        "target_rate": str(r.survey.target_rate),
        "meets_target": r.meets_target,
        "hidden": r.total_hidden,
        "contents": [
            {"question": c.question.pk, "text": c.question.text, "meets": c.meets, **_tally(c.tally)}
            for c in r.contents
        ],
        "units": [
            {
                "unit": {"id": v.unit.pk, "name": v.unit.name},
                "households": v.households,
                "responses": v.responses,
                "hidden": v.hidden,
                "contents": [_tally(t) for t in v.cells],
            }
            for v in r.units
        ],
    }


@router.get("", auth=READ_AUTH)
def list_surveys(request, plan: int):
    """The plan's surveys: public once open; drafts for those with a role over the unit."""
    chosen = get_plan_for_user(request.user, plan)
    surveys = Survey.objects.filter(plan=chosen).visible_to(request.user).for_list().prefetch_related("questions")
    return [_survey(s) for s in surveys]


@router.get("/{pk}", auth=READ_AUTH)
def get_survey(request, pk: int):
    survey = get_survey_for_user(request.user, pk)
    insider = permissions.can(request.user, permissions.VIEW, survey.unit)
    return {**_survey(survey), "results": _results(survey_results(survey, public=not insider))}


class SurveyIn(Schema):
    plan: int
    unit: int
    title: str
    opens_on: dt.date
    closes_on: dt.date
    identification: Identification = Identification.HOUSEHOLD
    introduction: str = ""
    target_rate: Decimal | None = None
    questions: list[str] = []
    criteria: list[int] = []


@router.post("", auth=WRITE_AUTH)
def create_survey(request, payload: SurveyIn):
    plan = get_plan_for_user(request.user, payload.plan)
    unit = AdminUnit.objects.filter(pk=payload.unit).first()
    if unit is None:
        raise ValidationError({"unit": _("Không có đơn vị này.")})
    criteria = {c.pk: c for c in Criterion.objects.filter(pk__in=payload.criteria)}
    if len(criteria) != len(set(payload.criteria)):
        raise ValidationError({"criteria": _("Có tiêu chí không tồn tại.")})
    survey = services.survey_create(
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
    return _survey(survey)


@router.post("/{pk}/open", auth=WRITE_AUTH)
def open_survey(request, pk: int):
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    return _survey(services.survey_open(user=request.user, survey=survey))


@router.post("/{pk}/close", auth=WRITE_AUTH)
def close_survey(request, pk: int):
    survey = get_survey_for_user(request.user, pk, action=permissions.EDIT)
    return _survey(services.survey_close(user=request.user, survey=survey))


class AnswerIn(Schema):
    answers: dict[int, Choice]
    village: int | None = None
    household_code: str = ""
    access_code: str = ""


def _answer(request, pk: int, payload: AnswerIn, **who) -> dict:
    survey = get_survey_for_user(request.user, pk)
    village = AdminUnit.objects.filter(pk=payload.village).first() if payload.village is not None else None
    services.survey_answer(
        survey=survey,
        choices={k: str(v) for k, v in payload.answers.items()},
        village=village,
        household_code=payload.household_code,
        access_code=payload.access_code,
        **who,
    )
    return {"recorded": True}


@router.post("/{pk}/answers", auth=None)
def answer_survey(request, pk: int, payload: AnswerIn):
    """A household's answers, without an account (the same checks as the phone form)."""
    return _answer(request, pk, payload, address=client_address(request))


@router.post("/{pk}/paper", auth=WRITE_AUTH)
def enter_paper_sheet(request, pk: int, payload: AnswerIn):
    """A paper sheet entered by someone reporting for its village (no burst limit; the
    enterer is kept on the ballot)."""
    return _answer(request, pk, payload, entered_by=request.user)
