"""A parsed document (phongtrao.docparse's contract) as the header and parts of a plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from phongtrao.plans.models import Comparator, Frequency, PlanKind, ReferenceRole, SubjectKind
from phongtrao.text import fold

WEEKDAY_NUMBERS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
HEADER_OF_FIELD = {  # contract keys → the plan fields a person checks on the import page
    "issuer": ["issuer_name"],
    "number": ["full_number"],
    "issue_date": ["issue_date"],
    "place": ["place"],
    "title": ["title"],
    "period": ["period_start", "period_end"],
    "signer": ["signer_name", "signer_title"],
    "doc_type": ["kind"],
}
PART_OF_FIELD = {"targets": "targets", "deadlines": "deadlines", "phases": "phases", "assignees": "duties"}


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def kind_of(title: str | None) -> str:
    folded = fold(title or "")
    if "thi dua" in folded:
        return PlanKind.EMULATION
    if "cuoc van dong" in folded:
        return PlanKind.CAMPAIGN
    if "phong trao" in folded:
        return PlanKind.MOVEMENT
    return PlanKind.IMPLEMENTATION


def header_from(parsed: dict) -> dict[str, Any]:
    period = parsed.get("period") or {}
    signer = parsed.get("signer") or {}
    number = parsed.get("number") or ""
    if not number and parsed.get("symbol"):
        symbol = parsed["symbol"]
        number = ("-" if "/" in symbol else "/") + symbol
    return {
        "kind": kind_of(parsed.get("title")),
        "issuer_name": parsed.get("issuer") or "",
        "full_number": number,
        "place": parsed.get("place") or "",
        "issue_date": _date(parsed.get("issue_date")),
        "title": parsed.get("title") or "",
        "preamble": parsed.get("preamble") or "",
        "period_start": _date(period.get("start")),
        "period_end": _date(period.get("end")),
        "signer_authority": signer.get("authority") or "",
        "signer_title": signer.get("title") or "",
        "signer_name": signer.get("name") or "",
        **recurrence_from(parsed.get("recurrence")),
    }


def recurrence_from(recurrence: dict | None) -> dict[str, Any]:
    if not recurrence:
        return {}
    return {
        "recurrence_weekday": WEEKDAY_NUMBERS.get(recurrence.get("weekday") or ""),
        "recurrence_frequency": recurrence.get("frequency") if recurrence.get("frequency") in Frequency.values else "",
        "recurrence_skip": (recurrence.get("skip") or "")[:100],
    }


def _sections(nodes: list[dict], depth: int = 0) -> list[dict]:
    rows = []
    for node in nodes:
        rows.append(
            {
                "label": node.get("label", "")[:12],
                "depth": min(depth, 9),
                "heading": (node.get("heading") or "")[:500],
                "text": node.get("text") or "",
            }
        )
        rows.extend(_sections(node.get("children") or [], depth + 1))
    return rows


def parts_from(parsed: dict) -> dict[str, list[dict]]:
    targets = []
    for target in parsed.get("targets") or []:
        value = _decimal(target.get("value"))
        unit = target.get("unit") or ""
        targets.append(
            {
                "text": target.get("text") or "",
                "value": value,
                "unit_of_measure": "đồng" if unit == "VND" else unit,
                "comparator": target.get("comparator")
                if target.get("comparator") in Comparator.values
                else Comparator.EQ,
            }
        )
    reports = []
    for report in parsed.get("reports") or []:
        if report.get("frequency") in Frequency.values:
            reports.append(
                {
                    "reporter_text": report.get("from") or "",
                    "recipient_text": report.get("to") or "",
                    "frequency": report["frequency"],
                    "weekday": WEEKDAY_NUMBERS.get(report.get("weekday") or "")
                    if report["frequency"] == Frequency.WEEKLY
                    else None,
                }
            )
    subjects = parsed.get("emulation_subjects") or {}
    references = [{"role": ReferenceRole.BASIS, **_reference(r)} for r in parsed.get("basis_refs") or []]
    references += [{"role": ReferenceRole.CITED, **_reference(r)} for r in parsed.get("references") or []]
    return {
        "sections": _sections(parsed.get("sections") or []),
        "phases": [
            {"name": p["name"], "start": _date(p.get("start")), "end": _date(p.get("end"))}
            for p in parsed.get("phases") or []
        ],
        "targets": targets,
        "duties": [
            {
                "assignee_text": d["assignee"][:255],
                "text": d.get("text") or d["assignee"],
                "deadline": _date(d.get("deadline")),
                "assignee_level": d.get("level") or "",
            }
            for d in parsed.get("duties") or []
        ],
        "deadlines": [
            {"what": d.get("what") or "", "date": _date(d.get("date"))} for d in parsed.get("deadlines") or []
        ],
        "reporting_duties": reports,
        "emulation_subjects": [
            {"kind": kind, "text": text}
            for kind in (SubjectKind.COLLECTIVE, SubjectKind.INDIVIDUAL)
            for text in subjects.get(kind, [])
        ],
        "reward_standards": [
            {"subject": r["subject"][:255], "text": r["text"]} for r in parsed.get("reward_standards") or []
        ],
        "reward_forms": [{"name": name[:255]} for name in parsed.get("reward_forms") or []],
        "recipients": [{"text": text[:255]} for text in parsed.get("recipients") or []],
        "references": references,
    }


def _reference(ref: dict) -> dict:
    return {
        "number": (ref.get("number") or "")[:60],
        "date": _date(ref.get("date")),
        "issuer": (ref.get("issuer") or "")[:255],
        "title": "",
    }


def uncertain_fields(parsed: dict) -> tuple[set[str], set[str]]:
    """(header fields, parts) to mark for checking on the import page."""
    header, parts = set(), set()
    for key in parsed.get("uncertain") or []:
        header.update(HEADER_OF_FIELD.get(key, []))
        if key in PART_OF_FIELD:
            parts.add(PART_OF_FIELD[key])
    return header, parts
