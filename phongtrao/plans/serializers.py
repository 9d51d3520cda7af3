"""A plan as JSON, with the parse contract's key names for the fields they share, so a
parsed document and a plan in the system compare key for key."""

from __future__ import annotations

from decimal import Decimal

from phongtrao.plans.models import Plan, ReferenceRole, SubjectKind


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def plan_summary(plan: Plan) -> dict:
    return {
        "id": plan.pk,
        "number": plan.full_number if plan.number else None,
        "symbol": plan.symbol or None,
        "issue_date": _iso(plan.issue_date),
        "issuer": plan.issuer_name,
        "title": plan.title,
        "kind": plan.kind,
        "status": plan.status,
        "unit": {"id": plan.unit_id, "name": plan.unit.name, "level": plan.unit.level},
        "parent": plan.parent_id,
        "period": _period(plan),
    }


def _period(plan: Plan) -> dict | None:
    if plan.period_start is None and plan.period_end is None:
        return None
    return {"start": _iso(plan.period_start), "end": _iso(plan.period_end)}


def _ref(ref) -> dict:
    return {
        "number": ref.number or None,
        "date": _iso(ref.date),
        "issuer": ref.issuer or None,
        "title": ref.title or None,
        "plan": ref.document_id,
    }


def plan_document(plan: Plan) -> dict:
    """Expects a plan fetched with selectors.plan_for_document (everything prefetched)."""
    references = list(plan.references.all())
    duties = list(plan.duties.all())
    assignees: list[str] = []
    for duty in duties:
        if duty.assignee_text not in assignees:
            assignees.append(duty.assignee_text)
    subjects = {"collective": [], "individual": []}
    for subject in plan.emulation_subjects.all():
        subjects["collective" if subject.kind == SubjectKind.COLLECTIVE else "individual"].append(subject.text)
    return {
        **plan_summary(plan),
        "doc_type": "KE_HOACH",
        "place": plan.place or None,
        "theme": plan.theme or None,
        "preamble": plan.preamble or None,
        "purposes": plan.purposes or None,
        "requirements": plan.requirements or None,
        "status_reason": plan.status_reason or None,
        "basis_refs": [_ref(r) for r in references if r.role == ReferenceRole.BASIS],
        "references": [_ref(r) for r in references if r.role == ReferenceRole.CITED],
        "phases": [
            {"id": p.pk, "name": p.name, "start": _iso(p.start), "end": _iso(p.end), "tasks": p.tasks or None}
            for p in plan.phases.all()
        ],
        "deadlines": [{"id": d.pk, "what": d.what, "date": _iso(d.date)} for d in plan.deadlines.all()],
        "targets": [
            {
                "id": t.pk,
                "text": t.text,
                "value": _number(t.value),
                "unit": t.unit_of_measure or None,
                "comparator": t.comparator,
                "baseline": _number(t.baseline),
                "due_date": _iso(t.due_date),
                "scope_unit": t.scope_unit_id,
                "allocated_from": t.allocated_from_id,
            }
            for t in plan.targets.all()
        ],
        "assignees": assignees,
        "duties": [
            {
                "id": d.pk,
                "assignee": d.assignee_text,
                "organization": d.assignee_org_id,
                "position": d.assignee_position or None,
                "level": d.assignee_level or None,
                "text": d.text,
                "deadline": _iso(d.deadline),
                "place_unit": d.place_unit_id,
                "quantity": _number(d.quantity),
                "quantity_unit": d.quantity_unit or None,
                "status": d.status,
                "from_parent_duty": d.from_parent_duty_id,
            }
            for d in duties
        ],
        "reports": [
            {
                "from": r.reporter_text,
                "to": r.recipient_text,
                "frequency": r.frequency,
                "weekday": r.get_weekday_display() if r.weekday is not None else None,
                "weekday_number": r.weekday,
                "day_of_month": r.day_of_month,
            }
            for r in plan.reporting_duties.all()
        ],
        "emulation_subjects": subjects,
        "reward_standards": [{"subject": s.subject, "text": s.text} for s in plan.reward_standards.all()],
        "reward_forms": [f.name for f in plan.reward_forms.all()],
        "recipients": [r.text for r in plan.recipients.all()],
        "signer": {
            "name": plan.signer_name or None,
            "authority": plan.signer_authority or None,
            "title": plan.signer_title or None,
        },
        "recurrence": {
            "frequency": plan.recurrence_frequency,
            "weekday": plan.get_recurrence_weekday_display(),
            "skip": plan.recurrence_skip or None,
        }
        if plan.recurrence_frequency
        else None,
        "sections": [
            {"label": s.label, "depth": s.depth, "heading": s.heading, "text": s.text} for s in plan.sections.all()
        ],
    }
