"""The documents a plan rests on (its bases: “Căn cứ …”, “Thực hiện …” as paragraphs or list
items) and the others it cites."""

from __future__ import annotations

import re

from phongtrao.docparse import dates
from phongtrao.docparse.dates import iso
from phongtrao.docparse.numbers import NUMBER, clean_number, has_letters
from phongtrao.docparse.structure import Reading, heading_of
from phongtrao.docparse.text import DOCUMENT_KINDS, clean

LIST_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[-–+•*])\s*")
# “Quyết định số …”, or “Quyếtđịnh số …” from a copy that lost its spaces
DOCUMENT_NAMED = re.compile(
    "(?:" + "|".join(k.replace(" ", r"\s*") for k in (*DOCUMENT_KINDS, "Hướng dẫn")) + r")\s*số\b"
)
# what starts a paragraph of its own after the bases (a basis ends with “;” or “.”, but a
# copy may have lost the mark): “Xét đề nghị …”, “Để …”, “Ủy ban nhân dân tỉnh ban hành …”
_OPENS_A_PARAGRAPH = ("xet de nghi", "theo de nghi", "de ", "nay ", "nham ", "quyet dinh", "uy ban", "ubnd", "chu tich")
BASIS_WORDS = ("can cu", "thuc hien", "trien khai thuc hien")


class ReferenceReading(Reading):
    """`PlanText`'s methods that read the references."""

    def references_in(self, text: str) -> list[dict]:
        found = []
        for match in NUMBER.finditer(text):
            number = clean_number(match[1])
            if not has_letters(number):
                continue
            after = text[match.end() : match.end() + 160].split(";")[0]
            day = None
            date_match = re.match(r"\s*,?\s*(?:ban hành\s*)?(ngày\s*.{0,40})", after, re.IGNORECASE)
            if date_match:
                day = dates.first_date(date_match[1])
            issuer = None
            of = re.search(r"\bcủa\s+(.+)", after[:140])
            if of and (date_match is None or of.start() < 80):
                issuer = _issuer_phrase(of[1])
            found.append({"number": number, "date": iso(day), "issuer": issuer})
        return found

    def basis_refs(self) -> list[dict]:
        start = self.title_span[1] if self.title_span else 0
        refs = []
        for paragraph in self._basis_paragraphs(start):
            for clause in paragraph.split(";"):
                refs.extend(_bases_of(clause, self.references_in(clause)))
        return _unique(refs)

    def _basis_paragraphs(self, start: int) -> list[str]:
        """The preamble's bases, each with the lines a wrap cut from it: a basis ends with
        “;” or “.”, so a line after one that has not ended goes on with it (“… để Thừa” /
        “Thiên Huế …; Công văn số …”)."""
        paragraphs: list[str] = []
        in_a_basis = going_on = False
        for i in range(start, self.preamble_end):
            line = self.lines[i]
            # after “;” only a clause in lower case goes on (“…; trên cơ sở Công văn số …”)
            goes_on = going_on or (in_a_basis and line[0].islower())
            # the list goes on after a wrapped basis too: “… Bộ” / “Chính trị …;” / “Quyết định số …”
            listed = in_a_basis and DOCUMENT_NAMED.match(line) and self.lines[i - 1].rstrip().endswith((";", ","))
            if listed or self._names_a_basis(i):
                paragraphs.append(line)
            elif goes_on and heading_of(line) is None and not self.folded[i].startswith(_OPENS_A_PARAGRAPH):
                paragraphs[-1] = f"{paragraphs[-1]} {line}"
            else:
                in_a_basis = going_on = False
                continue
            in_a_basis, going_on = True, not line.rstrip().endswith((".", ";", ":", "./."))
        return paragraphs

    def _names_a_basis(self, i: int) -> bool:
        """A line of the preamble that gives a basis, as a paragraph or an item of a
        numbered or dashed list: “Căn cứ …”, “1. Căn cứ …”, “- Thực hiện …”, “Triển khai thực hiện …”."""
        if LIST_MARK.sub("", self.folded[i]).startswith(BASIS_WORDS):
            return True
        # “Căn cứ Kết luận số …;” / “Chỉ thị số 26-CT/TU …;” / “Quyết định số …”: the basis's
        # list goes on after a break, one document a line
        while i > 0 and DOCUMENT_NAMED.match(self.lines[i]) and self.lines[i - 1].rstrip().endswith((";", ",")):
            i -= 1
            if LIST_MARK.sub("", self.folded[i]).startswith(BASIS_WORDS):
                return True
        return False

    def cited_refs(self) -> list[dict]:
        basis = {r["number"] for r in self.basis_refs()}
        start = self.title_span[1] if self.title_span else 0
        refs = []
        for i in range(start, self.body_end):
            if i < self.preamble_end and self.folded[i].startswith(("can cu", "thuc hien")):
                continue
            refs.extend(r for r in self.references_in(self.lines[i]) if r["number"] not in basis)
        return _unique(refs)


def _issuer_phrase(text: str) -> str | None:
    cut = re.split(
        r"\s(?:về|phê duyệt|quy định|hướng dẫn|ban hành|triển khai|tăng cường|sửa đổi|công bố|V/v|"
        r"thực hiện|tổ chức|nhằm|đối với)\b|[;,.():“\"]",
        text,
        maxsplit=1,
        flags=re.IGNORECASE,
    )[0]
    cut = clean(cut)
    cut = re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND", cut, flags=re.IGNORECASE)
    cut = re.sub(
        r"^UBND (Thành phố|Tỉnh|Huyện|Xã|Thị xã|Thị trấn|Quận|Phường)\b", lambda m: "UBND " + m[1].lower(), cut
    )
    return cut or None


def _bases_of(clause: str, refs: list[dict]) -> list[dict]:
    """The documents a basis clause rests on, without the one a cited document is about:
    “Kết luận số 49-KL/TW … về tiếp tục thực hiện Chỉ thị số 11-CT/TW …” rests on 49-KL/TW
    alone, “Quyết định số 1620/QĐ-TTg … về việc … và Quyết định số 181/QĐ-TTg” on both."""
    kept, seen_at = [], 0
    for ref in refs:
        at = clause.find(ref["number"].split("/")[0], seen_at)
        between = clause[seen_at:at] if at >= 0 else ""
        about_the_last = re.search(r"\bvề\b", between) and not re.search(r"\b(?:và|cùng)\b", between[-40:])
        if not kept or not about_the_last:
            kept.append(ref)
        seen_at = max(at, seen_at) + 1
    return kept


def _unique(refs: list[dict]) -> list[dict]:
    """Each document once, where it is first cited, with the date and issuer of whichever
    citation gives them (“Quyết định số 912/QĐ-UBND ngày 07/01/2022” and, later, “Quyết
    định số 912/QĐ-UBND” are one basis)."""
    first: dict[str, dict] = {}
    for ref in refs:
        kept = first.setdefault(ref["number"], dict(ref))
        if ref["date"] and kept["date"] and ref["date"] != kept["date"]:
            first[f"{ref['number']} {ref['date']}"] = dict(ref)  # one number, two years' documents
            continue
        for key in ("date", "issuer"):
            kept[key] = kept[key] or ref[key]
    return list(first.values())
