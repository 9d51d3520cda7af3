from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, UnitRef, answers
from phongtrao.bounds import Day, Id, column
from phongtrao.geo.access import get_unit
from phongtrao.orgs.access import get_organization
from phongtrao.plans.access import get_plan_for_user
from phongtrao.rewards import evaluation, services
from phongtrao.rewards.access import get_decision_for_user, get_nomination_for_user, get_pledge_for_user
from phongtrao.rewards.models import Award, Nomination, Pledge, RewardDecision, RewardForm, Score
from phongtrao.ui.forms import VERSION_MAX

pledges_router = Router(tags=["pledges"])


class PledgeOut(Schema):
    id: int
    plan: int = Field(validation_alias="plan_id")
    unit: UnitRef
    organization: int | None = Field(validation_alias="organization_id")
    subject_kind: str
    subject_name: str
    commitments: str
    status: str
    reason: str
    registered_at: dt.datetime


@pledges_router.get("", **PUBLIC, response=answers(list[PledgeOut], NOT_FOUND))
def list_pledges(request, plan: Id) -> list[Pledge]:
    """The plan's pledges, public like the plan."""
    chosen = get_plan_for_user(request.user, plan)
    return list(Pledge.objects.filter(plan=chosen).for_list())


class PledgeIn(Schema):
    plan: Id
    unit: Id
    subject_kind: column(Pledge, "subject_kind")
    subject_name: column(Pledge, "subject_name") = ""
    organization: Id | None = None
    commitments: column(Pledge, "commitments")


@pledges_router.post("", auth=WRITE_AUTH, response=answers(PledgeOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def register_pledge(request, payload: PledgeIn) -> Pledge:
    plan = get_plan_for_user(request.user, payload.plan)
    unit = get_unit(payload.unit)
    organization = None
    if payload.organization is not None:
        try:
            organization = get_organization(payload.organization)
        except Http404 as exc:
            raise ValidationError({"organization": _("Không có cơ quan, đoàn thể này.")}) from exc
    return services.pledge_register(
        user=request.user,
        plan=plan,
        unit=unit,
        subject_kind=payload.subject_kind,
        subject_name=payload.subject_name,
        organization=organization,
        commitments=payload.commitments,
    )


class WithdrawIn(Schema):
    reason: column(Pledge, "reason")


@pledges_router.post("/{pk}/withdraw", auth=WRITE_AUTH, response=answers(PledgeOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def withdraw_pledge(request, pk: Id, payload: WithdrawIn) -> Pledge:
    return services.pledge_withdraw(
        user=request.user, pledge=get_pledge_for_user(request.user, pk, write=True), reason=payload.reason
    )


evaluations_router = Router(tags=["evaluations"])


class ItemOut(Schema):
    id: int
    text: str
    max_points: DecimalText


class StandingOut(Schema):
    rank: int | None
    pledge: int
    subject_name: str
    average: DecimalText | None
    sheets: int


class EvaluationOut(Schema):
    items: list[ItemOut]
    standings: list[StandingOut]


@evaluations_router.get("", **PUBLIC, response=answers(EvaluationOut, FORBIDDEN, NOT_FOUND))
def list_evaluations(request, plan: Id) -> dict:
    """The ranking of the plan's subjects by the council's scores, for those with a role
    at the plan's unit."""
    chosen = get_plan_for_user(request.user, plan, action=permissions.VIEW)
    return {
        "items": list(chosen.scoring_items.all()),
        "standings": [
            {
                "rank": s.rank,
                "pledge": s.pledge.pk,
                "subject_name": s.pledge.subject_name,
                "average": s.average,
                "sheets": s.sheets,
            }
            for s in evaluation.ranking(chosen)
        ],
    }


Points = column(Score, "points")


class ScoresIn(Schema):
    pledge: Id
    points: dict[Annotated[int, Field(ge=1, le=2**63 - 1)], Points] = Field(max_length=200)
    note: column(Score, "note") = ""


class ScoresOut(Schema):
    pledge: int
    points: dict[int, DecimalText]


@evaluations_router.post("", auth=WRITE_AUTH, response=answers(ScoresOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def record_scores(request, payload: ScoresIn) -> dict:
    pledge = get_pledge_for_user(request.user, payload.pledge)
    scores = services.scores_record(user=request.user, pledge=pledge, points=payload.points, note=payload.note)
    return {"pledge": pledge.pk, "points": {s.item_id: s.points for s in scores}}


nominations_router = Router(tags=["nominations"])


class NominationOut(Schema):
    id: int
    plan: int = Field(validation_alias="plan_id")
    pledge: int = Field(validation_alias="pledge_id")
    subject_name: str
    reward_form: str
    at_unit: UnitRef
    status: str
    reason: str
    summary: str
    version: int

    @staticmethod
    def resolve_subject_name(obj: Nomination) -> str:
        return obj.pledge.subject_name

    @staticmethod
    def resolve_reward_form(obj: Nomination) -> str:
        return obj.reward_form.code


@nominations_router.get("", **PUBLIC, response=answers(list[NominationOut], NOT_FOUND))
def list_nominations(request, plan: Id) -> list[Nomination]:
    """The plan's nominations the caller may see: over the subject's unit or where it waits."""
    chosen = get_plan_for_user(request.user, plan)
    return list(Nomination.objects.filter(plan=chosen).visible_to(request.user).for_list())


class NominationIn(Schema):
    pledge: Id
    reward_form: column(RewardForm, "code")
    summary: column(Nomination, "summary") = ""


@nominations_router.post("", auth=WRITE_AUTH, response=answers(NominationOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def propose_nomination(request, payload: NominationIn) -> Nomination:
    pledge = get_pledge_for_user(request.user, payload.pledge)
    reward_form = RewardForm.objects.filter(code=payload.reward_form).first()
    if reward_form is None:
        raise Http404
    return services.nomination_propose(
        user=request.user, pledge=pledge, reward_form=reward_form, summary=payload.summary
    )


class NominationDecisionIn(Schema):
    action: Literal["approve", "return", "resubmit"]
    reason: column(Nomination, "reason") = ""
    summary: column(Nomination, "summary") = ""
    # The version read: refused with 409 if someone decided since (held under a lock either way).
    version: Annotated[int, Field(ge=1, le=VERSION_MAX)] | None = None


@nominations_router.post(
    "/{pk}/decision", auth=WRITE_AUTH, response=answers(NominationOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def decide_nomination(request, pk: Id, payload: NominationDecisionIn) -> Nomination:
    nomination = get_nomination_for_user(request.user, pk)
    if payload.action == "resubmit":
        return services.nomination_resubmit(
            user=request.user, nomination=nomination, summary=payload.summary, version=payload.version
        )
    return services.nomination_decide(
        user=request.user,
        nomination=nomination,
        approve=payload.action == "approve",
        reason=payload.reason,
        version=payload.version,
    )


rewards_router = Router(tags=["rewards"])


class AwardOut(Schema):
    subject_name: str
    unit: str
    achievement: str
    amount: DecimalText

    @staticmethod
    def resolve_unit(obj: Award) -> str:
        return obj.unit.name


class DecisionOut(Schema):
    id: int
    number: str
    date: dt.date
    issuer_unit: UnitRef
    reward_form: str
    signer: str
    corrects: int | None = Field(validation_alias="corrects_id")
    awards: list[AwardOut]

    @staticmethod
    def resolve_number(obj: RewardDecision) -> str:
        return f"{obj.number}/{obj.symbol}"

    @staticmethod
    def resolve_reward_form(obj: RewardDecision) -> str:
        return obj.reward_form.code

    @staticmethod
    def resolve_signer(obj: RewardDecision) -> str:
        return f"{obj.signer_title} {obj.signer_name}"

    @staticmethod
    def resolve_awards(obj: RewardDecision) -> list[Award]:
        return list(obj.awards.all())


@rewards_router.get("", **PUBLIC, response=answers(list[DecisionOut], NOT_FOUND))
def list_rewards(request, plan: Id) -> list[RewardDecision]:
    """Issued rewards with their reasons: public, like the plan."""
    chosen = get_plan_for_user(request.user, plan)
    decisions = RewardDecision.objects.filter(plan=chosen).select_related("issuer_unit", "reward_form")
    return list(decisions.prefetch_related("awards__unit"))


class RewardDecisionIn(Schema):
    plan: Id
    nominations: list[Id] = Field(max_length=500)
    number: column(RewardDecision, "number")
    date: Day
    signer_title: column(RewardDecision, "signer_title")
    signer_name: column(RewardDecision, "signer_name")
    amount: column(RewardDecision, "amount")
    corrects: Id | None = None


@rewards_router.post("", auth=WRITE_AUTH, response=answers(DecisionOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def issue_decision(request, payload: RewardDecisionIn) -> RewardDecision:
    plan = get_plan_for_user(request.user, payload.plan)
    nominations = [get_nomination_for_user(request.user, pk) for pk in payload.nominations]
    if not nominations:
        raise ValidationError({"nominations": _("Hãy chọn ít nhất một tập thể, cá nhân được khen thưởng.")})
    return services.reward_decision_issue(
        user=request.user,
        plan=plan,
        reward_form=nominations[0].reward_form,
        nominations=nominations,
        number=payload.number,
        date=payload.date,
        signer_title=payload.signer_title,
        signer_name=payload.signer_name,
        amount=Decimal(payload.amount),
        corrects=get_decision_for_user(request.user, payload.corrects) if payload.corrects else None,
    )
