from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import READ_AUTH, WRITE_AUTH
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.models import SubjectKind
from phongtrao.rewards import evaluation, services
from phongtrao.rewards.access import get_decision_for_user, get_nomination_for_user, get_pledge_for_user
from phongtrao.rewards.models import Nomination, Pledge, RewardDecision, RewardForm

pledges_router = Router(tags=["pledges"])


def _pledge(p: Pledge) -> dict:
    return {
        "id": p.pk,
        "plan": p.plan_id,
        "unit": {"id": p.unit_id, "name": p.unit.name},
        "organization": p.organization_id,
        "subject_kind": p.subject_kind,
        "subject_name": p.subject_name,
        "commitments": p.commitments,
        "status": p.status,
        "reason": p.reason,
        "registered_at": p.registered_at.isoformat(),
    }


@pledges_router.get("", auth=READ_AUTH)
def list_pledges(request, plan: int):
    """The plan's pledges, public like the plan."""
    chosen = get_plan_for_user(request.user, plan)
    return [_pledge(p) for p in Pledge.objects.filter(plan=chosen).for_list()]


class PledgeIn(Schema):
    plan: int
    unit: int
    subject_kind: SubjectKind
    subject_name: str = ""
    organization: int | None = None
    commitments: str


@pledges_router.post("", auth=WRITE_AUTH)
def register_pledge(request, payload: PledgeIn):
    plan = get_plan_for_user(request.user, payload.plan)
    unit = get_object_or_404(AdminUnit, pk=payload.unit)
    organization = None
    if payload.organization is not None:
        organization = Organization.objects.filter(pk=payload.organization).first()
        if organization is None:
            raise ValidationError({"organization": _("Không có cơ quan, đoàn thể này.")})
    pledge = services.pledge_register(
        user=request.user,
        plan=plan,
        unit=unit,
        subject_kind=payload.subject_kind,
        subject_name=payload.subject_name,
        organization=organization,
        commitments=payload.commitments,
    )
    return _pledge(pledge)


class WithdrawIn(Schema):
    reason: str


@pledges_router.post("/{pk}/withdraw", auth=WRITE_AUTH)
def withdraw_pledge(request, pk: int, payload: WithdrawIn):
    pledge = services.pledge_withdraw(
        user=request.user, pledge=get_pledge_for_user(request.user, pk, write=True), reason=payload.reason
    )
    return _pledge(pledge)


evaluations_router = Router(tags=["evaluations"])


@evaluations_router.get("", auth=READ_AUTH)
def list_evaluations(request, plan: int):
    """The ranking of the plan's subjects by the council's scores, for those with a role
    at the plan's unit."""
    chosen = get_plan_for_user(request.user, plan, action=permissions.VIEW)
    return {
        "items": [{"id": i.pk, "text": i.text, "max_points": str(i.max_points)} for i in chosen.scoring_items.all()],
        "standings": [
            {
                "rank": s.rank,
                "pledge": s.pledge.pk,
                "subject_name": s.pledge.subject_name,
                "average": None if s.average is None else str(s.average),
                "sheets": s.sheets,
            }
            for s in evaluation.ranking(chosen)
        ],
    }


class ScoresIn(Schema):
    pledge: int
    points: dict[int, Decimal]
    note: str = ""


@evaluations_router.post("", auth=WRITE_AUTH)
def record_scores(request, payload: ScoresIn):
    pledge = get_pledge_for_user(request.user, payload.pledge)
    scores = services.scores_record(user=request.user, pledge=pledge, points=payload.points, note=payload.note)
    return {"pledge": pledge.pk, "points": {s.item_id: str(s.points) for s in scores}}


nominations_router = Router(tags=["nominations"])


def _nomination(n: Nomination) -> dict:
    return {
        "id": n.pk,
        "plan": n.plan_id,
        "pledge": n.pledge_id,
        "subject_name": n.pledge.subject_name,
        "reward_form": n.reward_form.code,
        "at_unit": {"id": n.at_unit_id, "name": n.at_unit.name},
        "status": n.status,
        "reason": n.reason,
        "summary": n.summary,
        "version": n.version,
    }


@nominations_router.get("", auth=READ_AUTH)
def list_nominations(request, plan: int):
    """The plan's nominations the caller may see: over the subject's unit or where it waits."""
    chosen = get_plan_for_user(request.user, plan)
    return [_nomination(n) for n in Nomination.objects.filter(plan=chosen).visible_to(request.user).for_list()]


class NominationIn(Schema):
    pledge: int
    reward_form: str
    summary: str = ""


@nominations_router.post("", auth=WRITE_AUTH)
def propose_nomination(request, payload: NominationIn):
    pledge = get_pledge_for_user(request.user, payload.pledge)
    reward_form = get_object_or_404(RewardForm, code=payload.reward_form)
    return _nomination(
        services.nomination_propose(user=request.user, pledge=pledge, reward_form=reward_form, summary=payload.summary)
    )


class NominationDecisionIn(Schema):
    action: Literal["approve", "return", "resubmit"]
    reason: str = ""
    summary: str = ""
    version: int | None = None  # the version read: refused with 409 if it changed since


@nominations_router.post("/{pk}/decision", auth=WRITE_AUTH)
def decide_nomination(request, pk: int, payload: NominationDecisionIn):
    nomination = get_nomination_for_user(request.user, pk)
    if payload.action == "resubmit":
        nomination = services.nomination_resubmit(
            user=request.user, nomination=nomination, summary=payload.summary, version=payload.version
        )
    else:
        nomination = services.nomination_decide(
            user=request.user,
            nomination=nomination,
            approve=payload.action == "approve",
            reason=payload.reason,
            version=payload.version,
        )
    return _nomination(nomination)


rewards_router = Router(tags=["rewards"])


def _decision(d: RewardDecision) -> dict:
    return {
        "id": d.pk,
        "number": f"{d.number}/{d.symbol}",
        "date": d.date.isoformat(),
        "issuer_unit": {"id": d.issuer_unit_id, "name": d.issuer_unit.name},
        "reward_form": d.reward_form.code,
        "signer": f"{d.signer_title} {d.signer_name}",
        "corrects": d.corrects_id,
        "awards": [
            {"subject_name": a.subject_name, "unit": a.unit.name, "achievement": a.achievement, "amount": str(a.amount)}
            for a in d.awards.all()
        ],
    }


@rewards_router.get("", auth=READ_AUTH)
def list_rewards(request, plan: int):
    """Issued rewards with their reasons: public, like the plan."""
    chosen = get_plan_for_user(request.user, plan)
    decisions = RewardDecision.objects.filter(plan=chosen).select_related("issuer_unit", "reward_form")
    return [_decision(d) for d in decisions.prefetch_related("awards__unit")]


class DecisionIn(Schema):
    plan: int
    nominations: list[int]
    number: str
    date: dt.date
    signer_title: str
    signer_name: str
    amount: Decimal
    corrects: int | None = None


@rewards_router.post("", auth=WRITE_AUTH)
def issue_decision(request, payload: DecisionIn):
    plan = get_plan_for_user(request.user, payload.plan)
    nominations = [get_nomination_for_user(request.user, pk) for pk in payload.nominations]
    if not nominations:
        raise ValidationError({"nominations": _("Hãy chọn ít nhất một tập thể, cá nhân được khen thưởng.")})
    decision = services.reward_decision_issue(
        user=request.user,
        plan=plan,
        reward_form=nominations[0].reward_form,
        nominations=nominations,
        number=payload.number,
        date=payload.date,
        signer_title=payload.signer_title,
        signer_name=payload.signer_name,
        amount=payload.amount,
        corrects=get_decision_for_user(request.user, payload.corrects) if payload.corrects else None,
    )
    return _decision(decision)
