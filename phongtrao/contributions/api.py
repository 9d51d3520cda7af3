from __future__ import annotations

import datetime as dt

from ninja import Field, Router, Schema

from phongtrao.accounts.access import get_unit_for_user
from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, answers
from phongtrao.bounds import Day, Id, column
from phongtrao.contributions import ledger, services
from phongtrao.contributions.access import get_contribution_for_user, get_fund
from phongtrao.contributions.models import Contribution, Fund
from phongtrao.geo.access import get_unit
from phongtrao.plans.access import get_plan_for_user
from phongtrao.registrations.access import get_registration_for_user

contributions_router = Router(tags=["contributions"])


funds_router = Router(tags=["funds"])


class ContributionIn(Schema):
    unit: Id
    contributor_kind: column(Contribution, "contributor_kind")
    contributor_name: column(Contribution, "contributor_name")
    kind: column(Contribution, "kind")
    amount: column(Contribution, "amount")
    date: Day
    description: column(Contribution, "description") = ""
    value: column(Contribution, "value") | None = None
    receipt_number: column(Contribution, "receipt_number") = ""
    fund: Id | None = None
    plan: Id | None = None
    registration: Id | None = None
    public: bool = True


class ReverseIn(Schema):
    reason: column(Contribution, "reason")


class ContributionOut(Schema):
    id: int
    unit: int = Field(alias="unit_id")
    plan: int | None = Field(alias="plan_id")
    fund: int | None = Field(alias="fund_id")
    contributor_kind: str
    contributor_name: str
    kind: str
    amount: DecimalText
    value: DecimalText
    description: str
    date: dt.date
    receipt_number: str | None
    registration: int | None = Field(alias="registration_id")
    reverses: int | None = Field(alias="reverses_id")
    reason: str | None
    public: bool

    @staticmethod
    def resolve_receipt_number(obj: Contribution) -> str | None:
        return obj.receipt_number or None

    @staticmethod
    def resolve_reason(obj: Contribution) -> str | None:
        return obj.reason or None


class TotalsOut(Schema):
    """Added up by kind (reversals net out): đồng, đồng of goods, labour days, m² of land;
    `value` is money and goods in đồng."""

    money: DecimalText
    goods: DecimalText
    labour: DecimalText
    land: DecimalText
    value: DecimalText


class LedgerOut(Schema):
    totals: TotalsOut
    results: list[ContributionOut]


@contributions_router.get("", **PUBLIC, response=answers(LedgerOut, NOT_FOUND))
def list_contributions(
    request, unit: Id, plan: Id | None = None, kind: column(Contribution, "kind") | None = None
) -> dict:
    """The ledger of a unit's area (its subtree and the units merged into it), for those
    with a role there; totals by kind, for a plan or a kind when asked."""
    place = get_unit_for_user(request.user, unit)
    entries = Contribution.objects.of_area(place).for_ledger()
    if plan is not None:
        entries = entries.filter(plan_id=plan)
    if kind:
        entries = entries.filter(kind=kind)
    # the area's totals come from the maintained cells; a plan's are summed from its lines
    totals = ledger.totals(entries) if plan is not None else ledger.area_totals(place).only(kind or None)
    return {"totals": {**totals.by_kind, "value": totals.value}, "results": list(entries[:500])}


@contributions_router.post("", auth=WRITE_AUTH, response=answers(ContributionOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def record(request, payload: ContributionIn) -> Contribution:
    unit = get_unit(payload.unit)
    data = payload.dict(exclude={"unit", "fund", "plan", "registration"})
    fund = get_fund(payload.fund) if payload.fund else None
    plan = get_plan_for_user(request.user, payload.plan) if payload.plan else None
    work = get_registration_for_user(request.user, payload.registration) if payload.registration else None
    return services.contribution_record(user=request.user, unit=unit, fund=fund, plan=plan, registration=work, **data)


@contributions_router.post(
    "/{contribution_id}/reverse", auth=WRITE_AUTH, response=answers(ContributionOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def reverse(request, contribution_id: Id, payload: ReverseIn) -> Contribution:
    contribution = get_contribution_for_user(request.user, contribution_id, correct=True)
    return services.contribution_reverse(user=request.user, contribution=contribution, reason=payload.reason)


class FundOut(Schema):
    id: int
    unit: int
    name: str
    plan: int | None
    target: DecimalText | None
    given: DecimalText
    share_percent: DecimalText | None


@funds_router.get("", **PUBLIC, response=answers(list[FundOut], NOT_FOUND))
def list_funds(request, unit: Id | None = None) -> list[dict]:
    """Funds and how far they are from their target: public, as their disclosure is."""
    funds = Fund.objects.select_related("unit")
    if unit is not None:
        funds = funds.filter(unit__path__startswith=get_unit(unit).path)
    out = []
    for fund in funds[:200]:
        given, share = ledger.fund_progress(fund)
        out.append(
            {
                "id": fund.pk,
                "unit": fund.unit_id,
                "name": fund.name,
                "plan": fund.plan_id,
                "target": fund.target,
                "given": given,
                "share_percent": share,
            }
        )
    return out
