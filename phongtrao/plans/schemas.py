"""A plan in the API, with the parse contract's key names for the fields they share, so a
parsed document and a plan in the system compare key for key; and what may be sent to
write one, bounded by the columns it is stored in.

Output fields read the model's attributes through `validation_alias`; the operations
serialise by alias so that a reporting duty's sender is named "from" (a Python keyword)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema
from pydantic import BaseModel, ConfigDict, create_model

from phongtrao.apitypes import DecimalText, UnitRef
from phongtrao.bounds import Day, Id, column, text
from phongtrao.plans.models import Plan, ReferenceRole, SubjectKind, TargetAllocation
from phongtrao.plans.services import PARTS

# "42/KH-UBND": the number, a slash and the symbol, as written
FullNumber = text(80, "Số, ký hiệu")


class PlanHeaderIn(Schema):
    kind: column(Plan, "kind") | None = None
    issuer: column(Plan, "issuer_name") | None = None
    number: FullNumber | None = None  # as written: "42/KH-UBND", "14-KH/BCĐ", "/KH-UBND"
    place: column(Plan, "place") | None = None
    issue_date: Day | None = None
    title: column(Plan, "title") | None = None
    theme: column(Plan, "theme") | None = None
    preamble: column(Plan, "preamble") | None = None
    purposes: column(Plan, "purposes") | None = None
    requirements: column(Plan, "requirements") | None = None
    period_start: Day | None = None
    period_end: Day | None = None
    signer_authority: column(Plan, "signer_authority") | None = None
    signer_title: column(Plan, "signer_title") | None = None
    signer_name: column(Plan, "signer_name") | None = None


class PlanCreateIn(PlanHeaderIn):
    unit: Id
    title: column(Plan, "title")
    issuer: column(Plan, "issuer_name")


class ReasonIn(Schema):
    reason: column(Plan, "status_reason") = ""


class DeriveIn(Schema):
    unit: Id


def _row_schema(part: str) -> type[Schema]:
    """The rows of one part of a plan, field by field from the part's model: an "id" to
    update a row that exists, ids for the units, organisations and rows it points to."""
    model, fields, _label = PARTS[part]
    typed: dict[str, Any] = {"id": (Id | None, None)}
    for name in fields:
        field = model._meta.get_field(name)
        typed[name] = (Id | None, None) if field.is_relation else (column(model, name) | None, None)
    return create_model(f"{model.__name__}Row", __base__=Schema, **typed)


PART_ROWS = {part: _row_schema(part) for part in PARTS}


PartsIn = create_model(
    "PartsIn",
    __base__=Schema,
    __doc__='Each list replaces the plan\'s list of that part; rows keep their "id" to be updated.',
    **{part: (list[row] | None, Field(None, max_length=500)) for part, row in PART_ROWS.items()},
)


class AllocationIn(Schema):
    unit: Id
    value: column(TargetAllocation, "value") | None


class AllocationOut(Schema):
    unit: int = Field(validation_alias="unit_id")
    value: DecimalText


class UnitLevelRef(UnitRef):
    level: str


class PeriodOut(Schema):
    start: dt.date | None
    end: dt.date | None


class PlanSummaryOut(Schema):
    id: int
    number: str | None
    symbol: str | None
    issue_date: dt.date | None
    issuer: str = Field(validation_alias="issuer_name")
    title: str
    kind: str
    status: str
    unit: UnitLevelRef
    parent: int | None = Field(validation_alias="parent_id")
    period: PeriodOut | None

    @staticmethod
    def resolve_number(obj: Plan) -> str | None:
        return obj.full_number if obj.number else None

    @staticmethod
    def resolve_symbol(obj: Plan) -> str | None:
        return obj.symbol or None

    @staticmethod
    def resolve_period(obj: Plan) -> dict | None:
        if obj.period_start is None and obj.period_end is None:
            return None
        return {"start": obj.period_start, "end": obj.period_end}


class PlanPageOut(Schema):
    page: int
    has_next: bool
    results: list[PlanSummaryOut]


class ReferenceOut(Schema):
    number: str | None
    date: dt.date | None
    issuer: str | None
    title: str | None
    plan: int | None = Field(validation_alias="document_id")

    @staticmethod
    def resolve_number(obj) -> str | None:
        return obj.number or None

    @staticmethod
    def resolve_issuer(obj) -> str | None:
        return obj.issuer or None

    @staticmethod
    def resolve_title(obj) -> str | None:
        return obj.title or None


class PhaseOut(Schema):
    id: int
    name: str
    start: dt.date | None
    end: dt.date | None
    tasks: str | None

    @staticmethod
    def resolve_tasks(obj) -> str | None:
        return obj.tasks or None


class DeadlineOut(Schema):
    id: int
    what: str
    date: dt.date | None


class TargetOut(Schema):
    id: int
    text: str
    value: DecimalText
    unit: str | None
    comparator: str
    baseline: DecimalText | None
    due_date: dt.date | None
    scope_unit: int | None = Field(validation_alias="scope_unit_id")
    allocated_from: int | None = Field(validation_alias="allocated_from_id")

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return obj.unit_of_measure or None


class DutyOut(Schema):
    id: int
    assignee: str = Field(validation_alias="assignee_text")
    organization: int | None = Field(validation_alias="assignee_org_id")
    position: str | None
    level: str | None
    text: str
    deadline: dt.date | None
    place_unit: int | None = Field(validation_alias="place_unit_id")
    quantity: DecimalText | None
    quantity_unit: str | None
    status: str
    from_parent_duty: int | None = Field(validation_alias="from_parent_duty_id")

    @staticmethod
    def resolve_position(obj) -> str | None:
        return obj.assignee_position or None

    @staticmethod
    def resolve_level(obj) -> str | None:
        return obj.assignee_level or None

    @staticmethod
    def resolve_quantity_unit(obj) -> str | None:
        return obj.quantity_unit or None


class ReportingOut(Schema):
    from_: str = Field(validation_alias="reporter_text", serialization_alias="from")
    to: str = Field(validation_alias="recipient_text")
    frequency: str
    weekday: str | None
    weekday_number: int | None
    day_of_month: int | None

    @staticmethod
    def resolve_weekday(obj) -> str | None:
        return obj.get_weekday_display() if obj.weekday is not None else None

    @staticmethod
    def resolve_weekday_number(obj) -> int | None:
        return obj.weekday


class SubjectsOut(Schema):
    collective: list[str]
    individual: list[str]


class StandardOut(Schema):
    subject: str
    text: str


class SignerOut(Schema):
    name: str | None
    authority: str | None
    title: str | None


class RecurrenceOut(Schema):
    frequency: str
    weekday: str | None
    skip: str | None


class SectionOut(Schema):
    label: str
    depth: int
    heading: str
    text: str


class PlanDocumentOut(PlanSummaryOut):
    """Expects a plan fetched with selectors.plan_for_document (everything prefetched)."""

    doc_type: str
    place: str | None
    theme: str | None
    preamble: str | None
    purposes: str | None
    requirements: str | None
    status_reason: str | None
    basis_refs: list[ReferenceOut]
    references: list[ReferenceOut]
    phases: list[PhaseOut]
    deadlines: list[DeadlineOut]
    targets: list[TargetOut]
    assignees: list[str]
    duties: list[DutyOut]
    reports: list[ReportingOut]
    emulation_subjects: SubjectsOut
    reward_standards: list[StandardOut]
    reward_forms: list[str]
    recipients: list[str]
    signer: SignerOut
    recurrence: RecurrenceOut | None
    sections: list[SectionOut]

    @staticmethod
    def resolve_doc_type(obj: Plan) -> str:
        return "KE_HOACH"

    @staticmethod
    def resolve_place(obj: Plan) -> str | None:
        return obj.place or None

    @staticmethod
    def resolve_theme(obj: Plan) -> str | None:
        return obj.theme or None

    @staticmethod
    def resolve_preamble(obj: Plan) -> str | None:
        return obj.preamble or None

    @staticmethod
    def resolve_purposes(obj: Plan) -> str | None:
        return obj.purposes or None

    @staticmethod
    def resolve_requirements(obj: Plan) -> str | None:
        return obj.requirements or None

    @staticmethod
    def resolve_status_reason(obj: Plan) -> str | None:
        return obj.status_reason or None

    @staticmethod
    def resolve_basis_refs(obj: Plan) -> list:
        return [r for r in obj.references.all() if r.role == ReferenceRole.BASIS]

    @staticmethod
    def resolve_references(obj: Plan) -> list:
        return [r for r in obj.references.all() if r.role == ReferenceRole.CITED]

    @staticmethod
    def resolve_phases(obj: Plan) -> list:
        return list(obj.phases.all())

    @staticmethod
    def resolve_deadlines(obj: Plan) -> list:
        return list(obj.deadlines.all())

    @staticmethod
    def resolve_targets(obj: Plan) -> list:
        return list(obj.targets.all())

    @staticmethod
    def resolve_assignees(obj: Plan) -> list[str]:
        return list(dict.fromkeys(d.assignee_text for d in obj.duties.all()))

    @staticmethod
    def resolve_duties(obj: Plan) -> list:
        return list(obj.duties.all())

    @staticmethod
    def resolve_reports(obj: Plan) -> list:
        return list(obj.reporting_duties.all())

    @staticmethod
    def resolve_emulation_subjects(obj: Plan) -> dict[str, list[str]]:
        subjects: dict[str, list[str]] = {"collective": [], "individual": []}
        for subject in obj.emulation_subjects.all():
            subjects["collective" if subject.kind == SubjectKind.COLLECTIVE else "individual"].append(subject.text)
        return subjects

    @staticmethod
    def resolve_reward_standards(obj: Plan) -> list:
        return list(obj.reward_standards.all())

    @staticmethod
    def resolve_reward_forms(obj: Plan) -> list[str]:
        return [f.name for f in obj.reward_forms.all()]

    @staticmethod
    def resolve_recipients(obj: Plan) -> list[str]:
        return [r.text for r in obj.recipients.all()]

    @staticmethod
    def resolve_signer(obj: Plan) -> dict:
        return {
            "name": obj.signer_name or None,
            "authority": obj.signer_authority or None,
            "title": obj.signer_title or None,
        }

    @staticmethod
    def resolve_recurrence(obj: Plan) -> dict | None:
        if not obj.recurrence_frequency:
            return None
        return {
            "frequency": obj.recurrence_frequency,
            "weekday": obj.get_recurrence_weekday_display(),
            "skip": obj.recurrence_skip or None,
        }

    @staticmethod
    def resolve_sections(obj: Plan) -> list:
        return list(obj.sections.all())


class AdoptionRowOut(Schema):
    unit: UnitLevelRef
    adopted: bool
    late: bool
    overdue_duties: int
    plans: list[PlanSummaryOut]


class AdoptionOut(Schema):
    adopted: int
    total: int
    units: list[AdoptionRowOut]


class DifferenceOut(Schema):
    kind: str
    message: str


class ParsedReferenceOut(BaseModel):
    number: str | None
    date: dt.date | None
    issuer: str | None


class ParsedPeriodOut(BaseModel):
    start: dt.date | None
    end: dt.date | None


class ParsedPhaseOut(BaseModel):
    name: str
    start: dt.date | None
    end: dt.date | None


class ParsedDeadlineOut(BaseModel):
    what: str
    date: dt.date | None


class ParsedTargetOut(BaseModel):
    """As the parse contract has it: the value a number (61.5), not a decimal string."""

    model_config = ConfigDict(extra="allow")

    text: str
    value: int | float | None
    unit: str | None = None


class ParsedSignerOut(BaseModel):
    name: str | None
    authority: str | None
    title: str | None


class KnownPlanOut(BaseModel):
    """A plan already in the system that the document read seems to be."""

    id: int
    number: str
    title: str
    unit: str
    status: str


class ParsedDocumentOut(BaseModel):
    """What `python -m phongtrao.docparse` prints (DESIGN's parse contract): the core keys
    typed here; the extra keys (sections, reports, forms, uncertain…) come along as read.
    Plain pydantic models (not Ninja schemas, which read attributes one by one) keep them."""

    model_config = ConfigDict(extra="allow")

    doc_type: str
    number: str | None
    issue_date: dt.date | None
    place: str | None
    issuer: str | None
    title: str | None
    basis_refs: list[ParsedReferenceOut]
    period: ParsedPeriodOut | None
    phases: list[ParsedPhaseOut]
    deadlines: list[ParsedDeadlineOut]
    targets: list[ParsedTargetOut]
    assignees: list[str]
    recipients: list[str]
    signer: ParsedSignerOut | None
    known_plans: list[KnownPlanOut] = Field(
        default=[],
        description="plans in the caller's sight with the same number, issuer and date, or title and issuer",
    )
