"""Reads the parse contract's fields out of a plan's text, following the layout that
Decree 30/2020/NĐ-CP prescribes (and that web copies of documents bend): the document's
structure (lines, the preamble, the body and its parts) here, each kind of field in a
room of its own (header, references, schedule, targets, duties, closing)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from phongtrao.docparse.closing import ClosingReading
from phongtrao.docparse.duties import DutyReading
from phongtrao.docparse.header import HEAD_SCAN, HeaderReading
from phongtrao.docparse.references import ReferenceReading
from phongtrao.docparse.schedule import ScheduleReading
from phongtrao.docparse.structure import ARTICLE, DECIMAL, DECIMAL2, ROMAN, heading_of, outline
from phongtrao.docparse.targets import TargetReading
from phongtrao.docparse.text import fold, logical_lines, normalise, squash


@dataclass
class Part:
    """Where a body line sits: its roman part's heading and its numbered item."""

    part: str
    item: str
    item_line: int | None

    def __post_init__(self):
        self.part_key = squash(self.part)  # headings whose spaces were lost still match
        self.item_key = squash(self.item)


class PlanText(HeaderReading, ReferenceReading, ScheduleReading, TargetReading, DutyReading, ClosingReading):
    """A plan's text as logical lines, with where its header, title, preamble, body and
    closing are; each kind of field is read by the room it comes from."""

    def __init__(self, raw: str):
        self.lines = logical_lines(normalise(raw))
        self.folded = [fold(line) for line in self.lines]
        self.head_end = min(len(self.lines), HEAD_SCAN)
        self.inline_title: int | None = None
        self.type_at = self._type_heading()
        self.number_match, self.number_at = self._number_line()
        self.lead = self._lead()  # no number line: an article's lead sentence, or its page title
        self.numbered_title = self._numbered_title()
        self.date_at = self._place_date_line()
        self.title_span = self._title_span()
        self.preamble_end = self._preamble_end()
        self.body_end = self._body_end()
        self.parts = self._parts()
        # how sure each field is, by the rule that read it: the document's layout (0.95), its
        # text (0.7–0.75), a web page's furniture or the place line (0.5–0.65); nothing, 0
        self.confidence: dict[str, float] = {}

    def _preamble_end(self) -> int:
        start = self.title_span[1] if self.title_span else 0
        for i in range(start, len(self.lines)):
            line = self.lines[i]
            if ROMAN.match(line) and "can cu" in self.folded[i]:
                continue  # “I. CĂN CỨ XÂY DỰNG KẾ HOẠCH”: the bases under a heading of their own
            if ROMAN.match(line) or ARTICLE.match(line) or self.folded[i].rstrip(":") == "quyet dinh":
                return i
            if (DECIMAL.match(line) or DECIMAL2.match(line)) and not self._names_a_basis(i):
                return i
        return len(self.lines)

    def _body_end(self) -> int:
        for i in range(self.preamble_end, len(self.lines)):
            if re.match(r"^-?\s*nơi nhận", self.lines[i], re.IGNORECASE):
                return i
        return len(self.lines)

    def _parts(self) -> list[Part]:
        parts, part, item, item_line = [], "", "", None
        for i, line in enumerate(self.lines):
            if i < self.preamble_end or i >= self.body_end:
                parts.append(Part("", "", None))
                continue
            found = heading_of(line)
            if self.folded[i].startswith("tren day"):  # the closing paragraph belongs to no duty
                part, item, item_line = "", "", None
            elif found and found[0] == 0:
                part, item, item_line = found[2], "", None
            elif found and found[0] == 1:
                item, item_line = found[2], i
            parts.append(Part(part, item, item_line))
        return parts

    def body(self) -> range:
        return range(self.preamble_end, self.body_end)

    def in_duties(self, i: int) -> bool:
        part = self.parts[i].part_key
        return any(key in part for key in ("tochucthuchien", "trachnhiem", "phancong")) or (
            part.startswith("nhiemvucua")
        )

    def in_rewards(self, i: int) -> bool:
        part = self.parts[i].part_key
        return any(key in part for key in ("tieuchuan", "khenthuong", "hinhthuc", "doituong"))

    def preamble(self) -> str | None:
        start = self.title_span[1] if self.title_span else 0
        return "\n".join(self.lines[start : self.preamble_end]).strip() or None

    def sections(self) -> list[dict]:
        return outline(self.lines[self.preamble_end : self.body_end])


def extract(raw: str) -> dict:
    doc = PlanText(raw)
    phases = doc.phases()
    result = {
        "doc_type": doc.doc_type(),
        "number": doc.number(),
        "symbol": doc.symbol(),
        "issue_date": doc.issue_date(),
        "place": doc.place(),
        "issuer": doc.issuer(),
        "title": doc.title(),
        "basis_refs": doc.basis_refs(),
        "references": doc.cited_refs(),
        "period": doc.period(phases),
        "phases": phases,
        "deadlines": doc.deadlines(),
        "targets": doc.targets(),
        "assignees": doc.assignees(),
        "duties": doc.duties(),
        "recipients": doc.recipients(),
        "signer": doc.signer(),
        "reports": doc.reports(),
        "recurrence": doc.recurrence(),
        "emulation_subjects": doc.emulation_subjects(),
        "reward_standards": doc.reward_standards(),
        "reward_forms": doc.reward_forms(),
        "forms": doc.forms(),
        "sections": doc.sections(),
        "preamble": doc.preamble(),
    }
    result["confidence"] = confidence = _confidences(doc, result)
    # what a person should look at before saving: the fields read with little confidence
    result["uncertain"] = sorted(key for key, sure in confidence.items() if sure < UNSURE_BELOW)
    return result


UNSURE_BELOW = 0.8
LAYOUT = 0.95  # read where the layout of an administrative document puts it


def _confidences(doc: PlanText, result: dict) -> dict[str, float]:
    """Each field's confidence, from the rule that read it; 0 for a field not found. Lists
    read by rules out of running text (targets, deadlines, phases, assignees) are 0.6."""
    period = result["period"]
    sure = {
        # the kind line, else the number's symbol ("QĐ-UBND"), an article's lead, the first words
        "doc_type": LAYOUT if doc.type_at is not None else (0.85 if doc.symbol() else 0.7 if doc.lead else 0.6),
        "number": doc.confidence.get("number", LAYOUT),
        "issue_date": doc.confidence.get("issue_date", LAYOUT),
        "place": LAYOUT,
        "issuer": doc.confidence.get("issuer", LAYOUT),
        "title": doc.title_confidence,
        "basis_refs": 0.9,
        # phases and a period with no start are read from running text
        "period": 0.6 if result["phases"] or (period and period["start"] is None) else 0.9,
        "signer": doc.confidence.get("signer", LAYOUT),
    }
    if result["doc_type"] == "OTHER":
        sure["doc_type"] = 0.3
    out = {key: (value if result[key] else 0.0) for key, value in sure.items() if key != "basis_refs"}
    out["basis_refs"] = sure["basis_refs"]  # a document may rest on no basis at all
    for key in ("targets", "deadlines", "phases", "assignees"):
        if result[key]:
            out[key] = 0.6
    return out
