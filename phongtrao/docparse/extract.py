"""Reads the parse contract's fields out of a plan's text, following the layout that
Decree 30/2020/NĐ-CP prescribes (and that web copies of documents bend)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from phongtrao.docparse import dates
from phongtrao.docparse.numbers import NUMBER, clean_number, decimal, has_letters, plain
from phongtrao.docparse.structure import ARTICLE, DECIMAL, DECIMAL2, ROMAN, heading_of, outline
from phongtrao.docparse.text import LOWER, UPPER, clean, fold, logical_lines, normalise, squash

DOC_TYPES = {
    "ke hoach": "KE_HOACH",
    "bao cao": "BAO_CAO",
    "quyet dinh": "QUYET_DINH",
    "huong dan": "HUONG_DAN",
    "thong bao": "OTHER",
    "cong van": "OTHER",
    "to trinh": "OTHER",
    "chuong trinh": "OTHER",
    "nghi quyet": "OTHER",
    "chi thi": "OTHER",
    "ket luan": "OTHER",
    "de an": "OTHER",
    "phuong an": "OTHER",
}
SYMBOL_TYPES = {"kh": "KE_HOACH", "bc": "BAO_CAO", "qd": "QUYET_DINH", "hd": "HUONG_DAN"}
MOTTOS = ("cong hoa xa hoi", "dang cong san viet nam")  # the motto may wrap after "XÃ HỘI"
UNIT_KINDS = ["thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "phường", "xã", "đặc khu"]
_HEAD_SCAN = 60

SIGN_AUTHORITY = r"^(?:TM|KT|TL|TUQ|Q|T/M|K/T)\s*\.?\s"
DEADLINE = re.compile(
    r"\b(?:trước|chậm nhất(?: là)?)\s+(?:ngày\s*)?(?P<d>\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?![\d/])|"
    r"\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})",
    re.IGNORECASE,
)
NUMBER_LINE = re.compile(
    r"^(?:S[ốo] k[ýí] hi[ệe]u\s+)?Số\s*[:.]?\s*(?P<n>\d*)\s*(?P<sep>[/-])\s*(?P<sym>[A-ZĐa-zđ0-9&.\-/ ]+?)\s*$"
)
PLACE_DATE = re.compile(r"^(?P<place>[^\d:;]{2,60}?)\s*,\s*ngày\b", re.IGNORECASE)
NAME_WORDS = rf"[{UPPER}][{LOWER}]*(?:\s+[{UPPER}0-9][{LOWER}0-9]*)*"
NAME_ON_LINE = rf"[{UPPER}][{LOWER}]*(?:[ \t]+[{UPPER}0-9][{LOWER}0-9]*)*"
BODY_ISSUER = re.compile(
    rf"(?P<body>UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ban [Cc]hỉ đạo[^,.;]{{0,80}}?)\s+"
    rf"(?P<kind>xã|phường|thị trấn|huyện|tỉnh|thành phố|quận|thị xã)\s+(?P<name>{NAME_WORDS})"
    r"\s+(?:xây dựng|ban hành|thông báo|triển khai|yêu cầu|hướng dẫn|quyết định)",
)
# "Ủy ban nhân dân tỉnh Thanh Hóa", "trên địa bàn tỉnh Ninh Thuận", "Ủy ban nhân dân tỉnh ban hành"
UNIT_IN_TEXT = re.compile(
    rf"(?i:UBND|[ủu][ỷy] ban nhân dân|trên địa bàn)[ \t]+(?P<kind>thành phố|thị trấn|thị xã|tỉnh|huyện|quận|phường|xã)"
    rf"(?:[ \t]+(?P<name>{NAME_ON_LINE}))?"
)
LIST_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[-–+•*])\s*")
BASIS_WORDS = ("can cu", "thuc hien", "trien khai thuc hien")
# a law portal's own card above the text: "Nơi ban hành: Tỉnh Nghệ An"
SITE_ISSUER = re.compile(
    rf"(?:Nơi|Cơ quan) ban hành:[ \t]*(?P<kind>(?i:thành phố|tỉnh|huyện|quận|thị xã|thị trấn|phường|xã))"
    rf"[ \t]+(?P<name>[{UPPER}][{LOWER}]*(?:[ \t]+[{UPPER}][{LOWER}]*)*?)"
    rf"(?=[ \t]*$|[ \t]+[{UPPER}][{LOWER}]*(?:[ \t]+[{LOWER}]+)?:)"  # up to the card's next label (“Người ký:”)
)
ORG_START = re.compile(
    r"^(?:Hội|Đoàn|Ban|Ủy ban|Uỷ ban|UBND|UB|Phòng|Công an|Mặt trận|MTTQ|Công đoàn|Trường|Trạm|Công chức|Văn phòng|"
    r"Các|Đài|Sở|Thôn|Tiểu khu|Chi bộ|Chi hội|Đảng ủy|Đảng uỷ|Hội đồng|Cán bộ|Hợp tác xã|Lực lượng|Bộ|Tổ|Trung tâm|"
    r"Chủ tịch|Phó Chủ tịch|Bí thư|Trưởng|Giám đốc)\b"
)
ASSIGNEE_STOPS = [
    " theo don vi",
    " can cu ",
    " tap trung ",
    " chu tri",
    " phoi hop",
    " tham muu",
    " thuc hien ",
    " trien khai",
    " co trach nhiem",
    " xay dung ke hoach",
    " huong dan ",
    " tang cuong",
    " chi dao ",
]
FREQUENCIES = [
    ("hang tuan", "weekly"),
    ("hang tuan", "weekly"),
    ("hang thang", "monthly"),
    ("hang quy", "quarterly"),
    ("6 thang", "half_yearly"),
    ("sau thang", "half_yearly"),
    ("hang nam", "yearly"),
]
WEEKDAYS = {
    "2": "monday",
    "hai": "monday",
    "3": "tuesday",
    "ba": "tuesday",
    "4": "wednesday",
    "tu": "wednesday",
    "5": "thursday",
    "nam": "thursday",
    "6": "friday",
    "sau": "friday",
    "7": "saturday",
    "bay": "saturday",
}
PERCENT = re.compile(
    r"(?P<cmp>trên|dưới|ít nhất|tối thiểu|không quá|không dưới|tối đa|từ)?\s*(?P<val>\d+(?:[.,]\d+)?)\s*(?P<unit>%|‰)"
    r"(?P<more>\s*trở lên)?",
    re.IGNORECASE,
)
MONEY = re.compile(
    r"(?P<cmp>trên|dưới|ít nhất|tối thiểu|không quá|từ)?\s*(?P<val>\d+(?:[.,]\d+)*)\s*"
    r"(?P<unit>tỷ đồng|triệu đồng|nghìn đồng|ngàn đồng)",
    re.IGNORECASE,
)
COUNT = re.compile(
    r"(?:hoàn thành|phấn đấu có|phấn đấu đạt|xây dựng|có thêm)\s+(?P<cmp>ít nhất|tối thiểu|trên)?\s*(?P<val>\d{1,4})\s+"
    rf"(?P<unit>[{LOWER}]+(?:\s+[{LOWER}]+)?)",
    re.IGNORECASE,
)
COUNT_UNIT_STOPS = {"tại", "đạt", "trong", "của", "và", "ở", "được", "trên", "theo", "cho", "với", "để", "thuộc", "năm"}
COMPARATORS = {
    "trên": ">",
    "dưới": "<",
    "ít nhất": ">=",
    "tối thiểu": ">=",
    "không dưới": ">=",
    "không quá": "<=",
    "tối đa": "<=",
    "từ": ">=",
}
MONEY_SCALE = {"tỷ đồng": 10**9, "triệu đồng": 10**6, "nghìn đồng": 10**3, "ngàn đồng": 10**3}


def fold_keep(text: str) -> str:
    """fold() that keeps every character's position, to cut the original at a match."""
    return "".join((unicodedata.normalize("NFD", c)[0] if c != "đ" and c != "Đ" else "d").lower() for c in text)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass
class Part:
    """Where a body line sits: its roman part's heading and its numbered item."""

    part: str
    item: str
    item_line: int | None

    def __post_init__(self):
        self.part_key = squash(self.part)  # headings whose spaces were lost still match
        self.item_key = squash(self.item)


class PlanText:
    def __init__(self, raw: str):
        self.lines = logical_lines(normalise(raw))
        self.folded = [fold(line) for line in self.lines]
        self.head_end = min(len(self.lines), _HEAD_SCAN)
        self.inline_title: int | None = None
        self.type_at = self._type_heading()
        self.number_match, self.number_at = self._number_line()
        self.date_at = self._place_date_line()
        self.title_span = self._title_span()
        self.preamble_end = self._preamble_end()
        self.body_end = self._body_end()
        self.parts = self._parts()
        # how sure each field is, by the rule that read it: the document's layout (0.95), its
        # text (0.7–0.75), a web page's furniture or the place line (0.5–0.65); nothing, 0
        self.confidence: dict[str, float] = {}

    # --- the header -----------------------------------------------------------------

    def _type_heading(self) -> int | None:
        for i in range(self.head_end):
            key = self.folded[i].rstrip(" .")
            if key in DOC_TYPES and self.lines[i].strip(" .").isupper():
                return i
        self.inline_title = None
        for i in range(self.head_end):  # "KẾ HOẠCH TRIỂN KHAI …": the kind and the title on one line
            words = self.folded[i].split()
            if len(words) > 4 and " ".join(words[:2]) in DOC_TYPES and self._is_caps(self.lines[i]):
                self.inline_title = i
                return i
        return None

    def _number_line(self):
        for i in range(self.head_end):
            match = NUMBER_LINE.match(self.lines[i])
            if match:
                return match, i
        return None, None

    def _place_date_line(self) -> int | None:
        for i in range(self.head_end):
            if PLACE_DATE.match(self.lines[i]) and dates.LONG.search(self.lines[i]):
                return i
        return None

    def doc_type(self) -> str:
        if self.type_at is not None:
            key = self.folded[self.type_at].rstrip(" .")
            return DOC_TYPES.get(key) or DOC_TYPES[" ".join(key.split()[:2])]
        symbol = self.symbol()
        if symbol:
            kind = SYMBOL_TYPES.get(fold(re.split(r"[-/]", symbol)[0]))
            if kind:
                return kind
        for i in range(min(5, len(self.lines))):
            words = self.folded[i].split()
            for size in (2, 3):
                key = " ".join(words[:size])
                if key in DOC_TYPES and len(words) > size + 2:
                    return DOC_TYPES[key]
        return "OTHER"

    def symbol(self) -> str | None:
        if self.number_match is None:
            return None
        return clean_number(self.number_match["sym"]) or None

    def number(self) -> str | None:
        if self.number_match is None or not self.number_match["n"]:
            return None
        return f"{self.number_match['n']}{self.number_match['sep']}{self.symbol()}"

    def issue_date(self) -> str | None:
        if self.date_at is None:
            return None
        match = dates.LONG.search(self.lines[self.date_at])
        return iso(dates.make_date(int(match[1]), int(match[2]), int(match[3])))

    def place(self) -> str | None:
        if self.date_at is None:
            return None
        return clean(PLACE_DATE.match(self.lines[self.date_at])["place"]) or None

    def issuer(self) -> str | None:
        header = self._issuer_from_header()
        if header in ("UBND", "HĐND"):  # the unit's line lost (a web page's header table)
            completed = self._issuer_completed(header)
            if completed:
                return completed
            self.confidence["issuer"] = 0.3
            return header
        if header:
            self.confidence["issuer"] = 0.95
            return header
        for line in self.lines[: self.preamble_end + 3] + self.lines[max(self.body_end - 3, 0) : self.body_end]:
            match = BODY_ISSUER.search(line)
            if match:  # "UBND xã Hải Dương thông báo": no header, the text names its issuer
                self.confidence["issuer"] = 0.7
                body = "UBND" if fold(match["body"]).startswith("uy ban") or match["body"] == "UBND" else match["body"]
                return f"{body} {match['kind']} {match['name']}"
        return None

    def _issuer_completed(self, body: str) -> str | None:
        """The unit of a header that says only “ỦY BAN NHÂN DÂN”: from the text (“Ủy ban nhân
        dân tỉnh Thanh Hóa ban hành”) or a law portal's card (“Nơi ban hành: Tỉnh Nghệ An”),
        else its level from the text (“Ủy ban nhân dân tỉnh ban hành”, “trên địa bàn tỉnh”)
        and its name from the place line."""
        kind = None
        opening = self.lines[: self.preamble_end + 40]
        for match in (m for line in opening for m in (*SITE_ISSUER.finditer(line), *UNIT_IN_TEXT.finditer(line))):
            if match["name"]:
                self.confidence["issuer"] = 0.65 if match.re is SITE_ISSUER else 0.75
                return f"{body} {match['kind'].lower()} {match['name']}"
            kind = kind or match["kind"].lower()
        place = self.place()
        if kind is None or place is None:
            return None
        self.confidence["issuer"] = 0.5
        return f"{body} {kind} {place}"

    def _issuer_from_header(self) -> str | None:
        motto = next((i for i in range(self.head_end) if any(self.folded[i].startswith(m) for m in MOTTOS)), None)
        if motto is None:
            return None
        start = 0
        for i in range(motto - 1, -1, -1):  # the header block: upper-case lines just above the motto
            if not self._is_caps(self.lines[i]):
                start = i + 1
                break
        block = [line for line in self.lines[start:motto] if self._is_caps(line) and not NUMBER_LINE.match(line)]
        if not block:
            return None
        last = block[-1]
        kind = _unit_kind(last)
        if kind is not None and fold(last).startswith(fold(kind)) and len(block) > 1:
            return _readable(f"{block[-2]} {last}")  # "ỦY BAN NHÂN DÂN" / "TỈNH TUYÊN QUANG"
        if kind is None:
            unit_line = next((line for line in reversed(block[:-1]) if _unit_kind(line)), None)
            if unit_line:  # "ĐẢNG ỦY XÃ CẨM HÀ" / "BAN CHỈ ĐẠO …": the body of that unit
                unit = unit_line[fold_keep(unit_line).find(fold(_unit_kind(unit_line))) :]
                return _readable(f"{last} {unit}")
            authority = self._authority_line(last)
            if authority:
                return _readable(authority)
        return _readable(last)

    def _authority_line(self, body: str) -> str | None:
        """A decision repeats its issuer with the unit before "Căn cứ": "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"."""
        for line in self.lines[: self.preamble_end + 1]:
            if fold(line).startswith(fold(body)) and len(line) > len(body) and _unit_kind(line) and self._is_caps(line):
                return line
        return None

    @staticmethod
    def _is_caps(line: str) -> bool:
        letters = [c for c in line if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters) and len(line) < 120

    def _title_span(self) -> tuple[int, int] | None:
        self.title_confidence = 0.95
        if self.type_at is not None and self.inline_title is not None:
            self.title_confidence = 0.9
            return self.type_at, self.type_at + 1
        if self.type_at is not None:
            start = self.type_at + 1
            if start >= len(self.lines):
                return None
            end = start + 1
            caps = self._is_caps(self.lines[start])
            while end < len(self.lines) and caps and self._is_caps(self.lines[end]) and not self._stops_title(end):
                end += 1
            return start, end
        self.title_confidence = 0.75
        for i in range(self.head_end):
            if re.match(r"^(?:V/v|Về việc)\b", self.lines[i], re.IGNORECASE):
                return i, i + 1
        self.title_confidence = 0.6
        for i in range(min(20, len(self.lines))):  # a web page's own title: "Thông báo về việc …"
            words = self.folded[i].split()
            if any(" ".join(words[:n]) in DOC_TYPES for n in (2, 3)) and len(words) > 5:
                return i, i + 1
        self.title_confidence = 0.65
        return self._caps_title_under_header()

    def _caps_title_under_header(self) -> tuple[int, int] | None:
        """No document-kind line (a web page dropped it): the capitals right under the
        number and the place-and-date line, up to the repeated authority or “Căn cứ”."""
        anchors = [i for i in (self.number_at, self.date_at) if i is not None]
        if not anchors:
            return None
        start = max(anchors) + 1
        while start < self.head_end and not self.lines[start].strip():
            start += 1
        if start >= self.head_end or not self._is_caps(self.lines[start]) or self._stops_title(start):
            return None
        end = start + 1
        while end < len(self.lines) and self._is_caps(self.lines[end]) and not self._stops_title(end):
            end += 1
        return start, end

    def _stops_title(self, i: int) -> bool:
        folded = self.folded[i]
        return (
            folded.startswith("kinh gui")
            or NUMBER_LINE.match(self.lines[i]) is not None
            or self._names_a_basis(i)
            or any(folded.startswith(m) for m in MOTTOS)
            or heading_of(self.lines[i]) is not None
            or self._authority_like(i)
        )

    def _authority_like(self, i: int) -> bool:
        return (
            self.folded[i].startswith(("uy ban nhan dan", "chu tich"))
            and i + 1 < len(self.lines)
            and self._names_a_basis(i + 1)
        )

    def title(self) -> str | None:
        if self.title_span is None:
            return None
        start, end = self.title_span
        text = " ".join(self.lines[start:end])
        if self.type_at is None or self.inline_title is not None:
            words = text.split()
            for size in (2, 3):
                if fold(" ".join(words[:size])) in DOC_TYPES and len(words) > size + 2:
                    text = " ".join(words[size:])
                    break
        return clean(text) or None

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

    # --- references ---------------------------------------------------------------

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
        for i in range(start, self.preamble_end):
            if self._names_a_basis(i):
                for clause in self.lines[i].split(";"):
                    refs.extend(_bases_of(clause, self.references_in(clause)))
        return _unique(refs)

    def _names_a_basis(self, i: int) -> bool:
        """A line of the preamble that gives a basis, as a paragraph or an item of a
        numbered or dashed list: “Căn cứ …”, “1. Căn cứ …”, “- Thực hiện …”, “Triển khai thực hiện …”."""
        return LIST_MARK.sub("", self.folded[i]).startswith(BASIS_WORDS)

    def cited_refs(self) -> list[dict]:
        basis = {r["number"] for r in self.basis_refs()}
        start = self.title_span[1] if self.title_span else 0
        refs = []
        for i in range(start, self.body_end):
            if i < self.preamble_end and self.folded[i].startswith(("can cu", "thuc hien")):
                continue
            refs.extend(r for r in self.references_in(self.lines[i]) if r["number"] not in basis)
        return _unique(refs)

    # --- time ---------------------------------------------------------------------

    def phases(self) -> list[dict]:
        phases, seen = [], set()
        for i in self.body():
            match = re.match(
                r"^(?:\d+\s*[.)]\s*|[-–•+]\s*|[a-zđ][.)]\s*)?(?P<kind>Đợt|Điểm|Giai đoạn)\s*(?P<n>\d+|[IVX]+)\b",
                self.lines[i],
                re.IGNORECASE,
            )
            if not match:
                continue
            span = dates.date_range(self.lines[i])
            if not span or (span[0], span[1]) in seen:
                continue
            seen.add((span[0], span[1]))
            kind = "Giai đoạn" if fold(match["kind"]) == "giai doan" else "Đợt"  # "Điểm 3" is a typo for "Đợt 3"
            phases.append({"name": f"{kind} {match['n']}", "start": iso(span[0]), "end": iso(span[1])})
        return phases

    def period(self, phases: list[dict]) -> dict | None:
        if phases:
            return {"start": min(p["start"] for p in phases), "end": max(p["end"] for p in phases)}
        for i in self.body():
            context = fold(self.parts[i].part + " " + self.parts[i].item + " " + self.lines[i])
            if "thoi gian" in context:
                span = dates.date_range(self.lines[i])
                if span:
                    return {"start": iso(span[0]), "end": iso(span[1])}
        for i in self.body():
            if heading_of(self.lines[i]) and (match := dates.YEAR_END.search(self.lines[i])):
                return {"start": None, "end": f"{match[1]}-12-31"}
        return None

    def _deadline_day(self, text: str) -> dt.date | None:
        """ "15/3/2024", "ngày 15 tháng 3 năm 2024", or "15/3" in the year the plan was issued."""
        issued = self.issue_date()
        year = int(issued[:4]) if issued else None
        return dates.first_date(text, default_year=year) or dates.first_date("ngày " + text)

    def deadlines(self) -> list[dict]:
        found = []
        for i in self.body():
            line = self.lines[i]
            for match in DEADLINE.finditer(line):
                day = self._deadline_day(match["d"])
                if day:
                    found.append({"what": _clause_before(line, match.start()), "date": iso(day)})
            for match in re.finditer(r"\btrong\s+(?P<q>quý\s*(?:I{1,3}|IV|[1-4])\s*/\s*\d{4})", line, re.IGNORECASE):
                clause = _sentence_before(line, match.start())
                if re.search(r"\bhoàn (?:thành|thiện)\b", clause, re.IGNORECASE):
                    found.append({"what": clean(clause), "date": iso(dates.quarter_end(match["q"]))})
        return found

    # --- targets ------------------------------------------------------------------

    def targets(self) -> list[dict]:
        found = []
        for i in self.body():
            if self.in_rewards(i) or "\t" in self.lines[i]:
                continue
            line = self.lines[i]
            for segment in re.split(r";", line):
                found.extend(self._targets_in(segment, counts=not self.in_duties(i)))
        return found

    def _targets_in(self, segment: str, counts: bool) -> list[dict]:
        hits = []
        for match in PERCENT.finditer(segment):
            cmp = COMPARATORS.get((match["cmp"] or "").lower())
            if match["more"]:
                cmp = ">="
            hits.append((match.start(), match.end(), decimal(match["val"]), match["unit"], cmp))
        for match in MONEY.finditer(segment):
            value = decimal(match["val"]) * MONEY_SCALE[match["unit"].lower()]
            hits.append((match.start(), match.end(), value, "VND", COMPARATORS.get((match["cmp"] or "").lower())))
        if counts:
            for match in COUNT.finditer(segment):
                words = []
                for word in match["unit"].split():
                    if word.lower() in COUNT_UNIT_STOPS:
                        break
                    words.append(word)
                if words:
                    hits.append(
                        (
                            match.start(),
                            match.end(),
                            float(match["val"]),
                            " ".join(words),
                            COMPARATORS.get((match["cmp"] or "").lower()) or ">=" if match["cmp"] else None,
                        )
                    )
        hits.sort()
        targets = []
        for n, (start, end, value, unit, cmp) in enumerate(hits):
            stop = hits[n + 1][0] if n + 1 < len(hits) else len(segment)
            begin = hits[n - 1][1] if n else 0
            left = max(segment.rfind(". ", begin, start) + 1, begin)
            right = segment.find(". ", end, stop)
            right = right if right != -1 else stop
            if len(hits) > 1:  # a list of figures: each keeps the words between its commas
                left = max(left, segment.rfind(",", begin, start + 1) + 1, segment.rfind(":", begin, start + 1) + 1)
                comma = segment.find(", ", end, right)
                right = comma if comma != -1 and n + 1 < len(hits) else right
            piece = segment[left:right]
            text = clean(re.sub(r"^(?:[-–•+]\s*|\(\d+\)\s*|\d+(?:\.\d+)*[.)]\s+)+", "", piece.strip()))
            target = {"text": text, "value": plain(value), "unit": unit}
            if cmp:
                target["comparator"] = cmp
            targets.append(target)
        return targets

    # --- duties and reports -------------------------------------------------------

    def assignees(self) -> list[str]:
        names = []
        for i in self.body():
            if not self.in_duties(i):
                continue
            line = self.lines[i]
            found = heading_of(line)
            if not found or found[0] == 0:
                continue
            depth, _label, rest = found
            name = None
            if depth == 1 and self.parts[i].item_line == i:
                name = _assignee_name(rest, require_org=False)
            elif depth in (3, 4) and ":" in rest[:120]:
                name = _assignee_name(rest, require_org=True)
            if name and name not in names:
                names.append(name)
        return names

    def duties(self) -> list[dict]:
        """Each assignee of "Tổ chức thực hiện" with the text under it, its first
        deadline, and the level it addresses when it names every commune or village."""
        duties: list[dict] = []
        current = None
        for i in self.body():
            if not self.in_duties(i):
                current = None
                continue
            line = self.lines[i]
            found = heading_of(line)
            name = None
            if found and found[0] == 1 and self.parts[i].item_line == i:
                name = _assignee_name(found[2], require_org=False)
            elif found and found[0] in (3, 4) and ":" in found[2][:120]:
                name = _assignee_name(found[2], require_org=True)
            if name:
                tail = found[2].partition(":")[2].strip() if ":" in found[2][:150] else ""
                current = {"assignee": name, "text": [tail] if tail else [], "deadline": None, "level": _level_of(name)}
                duties.append(current)
            elif current is not None and (found is None or found[0] != 0):
                current["text"].append(line)
        for duty in duties:
            duty["text"] = "\n".join(duty["text"]).strip() or duty["assignee"]
            match = DEADLINE.search(duty["text"])
            duty["deadline"] = iso(self._deadline_day(match["d"])) if match else None
        return duties

    def assignee_at(self, i: int) -> str | None:
        item_line = self.parts[i].item_line
        if item_line is None or not self.in_duties(i):
            return None
        line = self.lines[i]
        found = heading_of(line)
        if found and found[0] in (3, 4) and ":" in found[2][:120]:
            name = _assignee_name(found[2], require_org=True)
            if name:
                return name
        return _assignee_name(heading_of(self.lines[item_line])[2], require_org=False)

    def reports(self) -> list[dict]:
        reports = []
        for i in self.body():
            for sentence in re.split(r"(?<=[.;])\s+", self.lines[i]):
                folded = fold(sentence)
                if "bao cao" not in folded:
                    continue
                frequency = next((value for key, value in FREQUENCIES if key in folded), None)
                if frequency is None:
                    continue
                weekday_match = re.search(r"\bthu (2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)\b", folded)
                to_match = re.search(
                    r"báo cáo\s+(?:về\s+)?(?:kết quả[^.;]*?\s+(?:về|cho|lên)\s+)?(?P<to>[^,.;]+?)"
                    r"(?:\s+qua\b|[,.;]|$)",
                    sentence,
                    re.IGNORECASE,
                )
                to = clean(to_match["to"]) if to_match else None
                if to and (fold(to).startswith(("ket qua", "tinh hinh")) or len(to) > 80):
                    to = None
                giver = self.assignee_at(i)
                if giver is None and (given := re.search(r"\bgiao\s+(.{3,80}?)\s+(?:tổng hợp|báo cáo)", sentence)):
                    giver = clean(given[1])
                report = {"from": giver, "to": to, "frequency": frequency}
                if weekday_match:
                    report["weekday"] = WEEKDAYS[weekday_match[1]]
                reports.append(report)
        return reports

    def recurrence(self) -> dict | None:
        for i in self.body():
            line = self.lines[i]
            match = re.search(
                r"(?:ngày\s+)?thứ\s*(?P<d>bảy|7|hai|ba|tư|năm|sáu|2|3|4|5|6)\s+(?:hàng|hằng)\s+(?P<f>tháng|tuần)",
                line,
                re.IGNORECASE,
            )
            if not match:
                continue
            sentence_end = line.find(".", match.end())
            recurrence = {
                "what": clean(line[: sentence_end if sentence_end != -1 else len(line)])[:300] or None,
                "frequency": "monthly" if fold(match["f"]) == "thang" else "weekly",
                "weekday": WEEKDAYS[fold(match["d"])],
            }
            skip = re.search(r"\(?\s*trừ\s+([^)]+?)\s*\)", line[match.end() :], re.IGNORECASE)
            if skip:
                recurrence["skip"] = clean(skip[1])
            times = re.search(r"(\d+)\s*lần\s*/\s*(tháng|tuần)", " ".join(self.lines[i : i + 3]), re.IGNORECASE)
            if times:
                recurrence["times_per_" + ("month" if fold(times[2]) == "thang" else "week")] = int(times[1])
            return recurrence
        return None

    # --- emulation and rewards ----------------------------------------------------

    def emulation_subjects(self) -> dict | None:
        subjects: dict[str, list[str]] = {"collective": [], "individual": []}
        current = None
        for i in self.body():
            if "doituong" not in self.parts[i].part_key:
                continue
            folded = self.folded[i]
            if heading_of(self.lines[i]) and "tap the" in folded:
                current = "collective"
                continue
            if heading_of(self.lines[i]) and "ca nhan" in folded:
                current = "individual"
                continue
            if current and not heading_of(self.lines[i]):
                for piece in re.split(r";|\s+và\s+|\s+cùng\s+", self.lines[i]):
                    if clean(piece):
                        subjects[current].append(clean(piece))
        return subjects if any(subjects.values()) else None

    def reward_standards(self) -> list[dict]:
        """ "1.1. Đối với các tiểu khu" and the lines under it, in the reward standards part."""
        standards: list[dict] = []
        current = None
        for i in self.body():
            part, item = self.parts[i].part_key, self.parts[i].item
            found = heading_of(self.lines[i])
            inside = "tieuchuan" in part and ("tieuchuan" in self.parts[i].item_key or fold(item).startswith("doi voi"))
            if not inside:
                current = None
                continue
            if found and found[0] in (1, 2) and fold(found[2]).startswith("doi voi"):
                current = {"subject": clean(re.sub(r"^Đối với\s+", "", found[2], flags=re.IGNORECASE)), "text": []}
                standards.append(current)
            elif current is not None and not (found and found[0] in (0, 1)):
                current["text"].append(self.lines[i])
        return [
            {"subject": s["subject"][0].upper() + s["subject"][1:], "text": "\n".join(s["text"])}
            for s in standards
            if s["subject"] and s["text"]
        ]

    def reward_forms(self) -> list[str]:
        forms = []
        for i in self.body():
            if "khenthuong" not in self.parts[i].part_key:
                continue
            for match in re.finditer(
                r"(?:Giấy khen|Bằng khen|Cờ thi đua|Danh hiệu [^,.;:]+?) của [^,.;:()]+", self.lines[i]
            ):
                form = clean(match[0])
                if form not in forms:
                    forms.append(form)
        return forms

    # --- the foot -----------------------------------------------------------------

    def recipients(self) -> list[str]:
        if self.body_end >= len(self.lines):
            return []
        items = []
        first = self.lines[self.body_end]
        inline = first.split(":", 1)[1].strip() if ":" in first else ""
        if inline:  # a web copy flattened the list: "Nơi nhận: - A; - B; - Lưu VT."
            items.extend(piece for piece in re.split(r"\s+[-–+•]\s+|;\s*[-–+•]?\s*", " " + inline) if piece.strip())
        for line in self.lines[self.body_end + 1 :]:
            if not re.match(r"^[-–+•]", line):
                break
            items.append(line)
        result = []
        for item in items:
            text = clean(re.sub(r"^[-–+•]\s*", "", item))
            if text and not fold(text).startswith("luu"):
                result.append(text)
        return result

    def signer(self) -> dict | None:
        start = self._foot_start()
        found = self._signature_at(start) if start is not None else None
        if found is None and self.body_end < len(self.lines):
            # a web copy may put the right-hand signature column before "Nơi nhận"
            for back in range(self.body_end - 1, max(self.body_end - 7, self.preamble_end) - 1, -1):
                if re.match(SIGN_AUTHORITY, self.lines[back]) or (
                    self._is_caps(self.lines[back]) and not heading_of(self.lines[back])
                ):
                    candidate = self._signature_at(back)
                    if candidate and candidate["name"]:
                        found = candidate
        return found

    def _signature_at(self, start: int) -> dict | None:
        authority, titles, name = [], [], None
        for line in self.lines[start : start + 8]:
            text = line.strip()
            if re.match(r"^\(?(?:đã ký|ký|ký tên|ký, đóng dấu)[^)]*\)?$", text, re.IGNORECASE):
                continue
            if re.match(SIGN_AUTHORITY, text):
                authority.append(text)
                continue
            if fold(text) == "kiem":
                titles.append(text)
                continue
            if self._is_caps(text) and len(text) < 60:
                if titles and _looks_like_name(text):  # a name written in capitals
                    name = " ".join(word[0] + word[1:].lower() for word in text.split())
                    break
                titles.append(text)
                continue
            if re.fullmatch(rf"[{UPPER}][{LOWER}]+(?:\s+[{UPPER}{LOWER}][{LOWER}]*){{1,5}}", text):
                name = text
            break
        if not (authority or titles or name):
            return None
        title = " ".join(titles) or None
        return {"name": name, "authority": " / ".join(authority) or None, "title": title}

    def _foot_start(self) -> int | None:
        if self.body_end < len(self.lines):
            i = self.body_end + 1
            while i < len(self.lines) and re.match(r"^[-–+•]", self.lines[i]):
                i += 1
            return i
        for i in range(len(self.lines) - 1, self.preamble_end, -1):
            if self.lines[i].rstrip().endswith("./."):
                return i + 1
        return None

    def forms(self) -> list[dict]:
        forms = []
        i = self._foot_start() or len(self.lines)
        while i < len(self.lines):
            if re.match(r"^(?:BIỂU|MẪU|PHỤ LỤC|Biểu|Mẫu|Phụ lục)\b", self.lines[i]):
                title_lines = []
                j = i + 1
                while j < len(self.lines) and "\t" not in self.lines[j] and len(title_lines) < 3:
                    if not fold(self.lines[j]).startswith(("thoi gian dang ky", "(kem theo")):
                        title_lines.append(self.lines[j])
                    j += 1
                columns = [clean(c) for c in self.lines[j].split("\t")] if j < len(self.lines) else []
                forms.append({"title": clean(" ".join(title_lines[:1])) or None, "columns": [c for c in columns if c]})
                i = j
            i += 1
        return forms

    def preamble(self) -> str | None:
        start = self.title_span[1] if self.title_span else 0
        return "\n".join(self.lines[start : self.preamble_end]).strip() or None

    def sections(self) -> list[dict]:
        return outline(self.lines[self.preamble_end : self.body_end])


def _unit_kind(line: str) -> str | None:
    folded = f" {fold(line)} "
    for kind in UNIT_KINDS:
        if f" {fold(kind)} " in folded:
            return kind
    return None


_ACRONYMS = {"ubnd", "hdnd", "mttq", "mtqg", "ntm", "bcd", "ct-xh", "attp", "vs", "mttqvn", "ubmttq", "tw", "qh"}


def _readable(caps: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" → "UBND tỉnh Tuyên Quang"."""
    text = clean(caps)
    text = re.sub(r"^(?:ỦY|UỶ) BAN NHÂN DÂN\b", "UBND", text, flags=re.IGNORECASE)
    words = text.split()
    out, proper = [], False
    for n, word in enumerate(words):
        folded = fold(word)
        if folded in _ACRONYMS or (word.isupper() and len(word) <= 4 and not re.search(r"[AEIOUYĂÂÊÔƠƯ]", _base(word))):
            out.append(word)
        elif proper:
            out.append(word[0] + word[1:].lower())
        else:
            out.append(word.lower() if n else word[0] + word[1:].lower())
        if folded in {"tinh", "huyen", "xa", "quan", "phuong"} or (
            n and f"{fold(words[n - 1])} {folded}" in {"thanh pho", "thi tran", "thi xa", "dac khu"}
        ):
            proper = True
    return " ".join(out)


def _base(word: str) -> str:
    return "".join(unicodedata.normalize("NFD", c)[0] for c in word)


def _issuer_phrase(text: str) -> str | None:
    cut = re.split(
        r"\s(?:về|phê duyệt|quy định|hướng dẫn|ban hành|triển khai|tăng cường|sửa đổi|công bố|V/v|"
        r"thực hiện|tổ chức|nhằm|đối với)\b|[;,.(:“\"]",
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


def _assignee_name(rest: str, require_org: bool) -> str | None:
    text = re.sub(r"^Đề nghị\s+", "", rest.strip(), flags=re.IGNORECASE)
    if require_org and not ORG_START.match(text):
        return None
    head, colon, _tail = text.partition(":")
    if colon and len(head) <= 150:
        text = head
    else:
        folded = fold_keep(text)
        cuts = [folded.find(stop) for stop in ASSIGNEE_STOPS if folded.find(stop) > 3]
        if cuts:
            text = text[: min(cuts)]
    text = re.sub(r"\s*\([^)]*\)?\s*$", "", text)
    text = clean(text)
    if not text or len(text.split()) > 20:
        return None
    return text[0].upper() + text[1:]


SURNAMES = {
    "nguyen",
    "tran",
    "le",
    "pham",
    "hoang",
    "huynh",
    "phan",
    "vu",
    "vo",
    "dang",
    "bui",
    "do",
    "ho",
    "ngo",
    "duong",
    "ly",
    "luong",
    "dinh",
    "cao",
    "lo",
    "loc",
    "nong",
    "mai",
    "trinh",
    "dao",
    "chu",
    "ha",
    "ta",
    "vi",
    "trieu",
    "lam",
    "tong",
    "quach",
    "kieu",
    "thai",
    "luu",
    "la",
    "giang",
    "cu",
    "khuat",
    "dam",
    "dieu",
    "sung",
    "thao",
}


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 5 and fold(words[0]) in SURNAMES and all(w.isalpha() for w in words)


def _level_of(assignee: str) -> str | None:
    folded = fold(assignee)
    if re.search(r"\b(?:ubnd|uy ban nhan dan) cac (?:xa|phuong)", folded):
        return "commune"
    if re.search(
        r"\bcac (?:thon|ban|xom|tieu khu|to dan pho)\b|\bthon tren dia ban|ban phat trien (?:cac )?thon", folded
    ):
        return "village"
    return None


def _clause_before(line: str, end: int) -> str:
    start = max(line.rfind(sep, 0, end) for sep in (".", ";", ":"))
    return clean(line[start + 1 : end]) or clean(line[:end])


def _sentence_before(line: str, end: int) -> str:
    start = max(line.rfind(sep, 0, end) for sep in (".", ";"))
    return line[start + 1 : end]


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
    seen, out = set(), []
    for ref in refs:
        key = (ref["number"], ref["date"])
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


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
        # the kind line, else the number's symbol ("QĐ-UBND"), else the first words
        "doc_type": LAYOUT if doc.type_at is not None else (0.85 if doc.symbol() else 0.6),
        "number": LAYOUT,
        "issue_date": LAYOUT,
        "place": LAYOUT,
        "issuer": doc.confidence.get("issuer", LAYOUT),
        "title": doc.title_confidence,
        "basis_refs": 0.9,
        # phases and a period with no start are read from running text
        "period": 0.6 if result["phases"] or (period and period["start"] is None) else 0.9,
        "signer": LAYOUT,
    }
    if result["doc_type"] == "OTHER":
        sure["doc_type"] = 0.3
    out = {key: (value if result[key] else 0.0) for key, value in sure.items() if key != "basis_refs"}
    out["basis_refs"] = sure["basis_refs"]  # a document may rest on no basis at all
    for key in ("targets", "deadlines", "phases", "assignees"):
        if result[key]:
            out[key] = 0.6
    return out
