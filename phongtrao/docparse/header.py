"""The header of an administrative document (Decree 30/2020/NĐ-CP): its kind, number, date and
place, issuer and title, found by their shape (an authority block, the motto, “Số:”, a
place-and-date line, a document-kind line) in any order and wrapping, and completed from
the text when a web page lost part of it."""

from __future__ import annotations

import re
import unicodedata

from phongtrao.docparse import dates
from phongtrao.docparse.dates import iso
from phongtrao.docparse.numbers import clean_number
from phongtrao.docparse.structure import Reading, heading_of
from phongtrao.docparse.text import LOWER, UPPER, clean, fold, fold_keep, mostly_capitals

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
HEAD_SCAN = 60
NUMBER_LINE = re.compile(
    r"^(?:S[ốo] k[ýí] hi[ệe]u\s+)?(?:Số|SỐ)\s*[:.]?\s*(?P<n>\d*)\s*(?P<sep>[/-])\s*(?P<sym>[A-ZĐa-zđ0-9&.\-/ ]+?)\s*$"
)
# a unit's name as articles write it: "Ea H'Leo", "Krông Búk", "Đắk R'Lấp"
NAME_ANY = (
    rf"[{UPPER}](?:[{LOWER}]|['’-][{UPPER}{LOWER}])*(?:[ \t]+[{UPPER}0-9](?:[{LOWER}0-9]|['’-][{UPPER}{LOWER}])*)*"
)
# A plan posted as an article, with no header: its lead sentence names the issuer, the
# document's kind, number and date, and what it is about. "UBND huyện Ea H'Leo (sau đây gọi
# tắt là UBND huyện) ban hành Kế hoạch số 88/KH-UBND ngày 10/3/2024 về thực hiện …"
LEAD = re.compile(
    rf"(?P<body>UBND|[ỦU][ỷy] ban nhân dân|Ban [Cc]hỉ đạo[^,.;()]{{0,60}}?)[ \t]+"
    rf"(?P<unit>xã|phường|thị trấn|huyện|tỉnh|thành phố|quận|thị xã)(?:[ \t]+(?P<name>{NAME_ANY}))?"
    r"(?:\s*\([^)]{0,80}\))?\s*,?\s+(?:đã\s+|vừa\s+)?(?:ban hành|phát động|triển khai|xây dựng)\s+"
    r"(?P<kind>Kế hoạch|Quyết định|Hướng dẫn|Báo cáo|Thông báo|Chương trình)\s+số\s*:?\s*"
    r"(?P<number>\d{1,5}\s?[/-]\s?[0-9A-ZĐa-zđ/&.-]*[0-9A-ZĐa-zđ])"
    r"(?:\s*,?\s*(?P<date>ngày\s*\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4}))?"
    r"(?P<about>\s+(?:về|triển khai|thực hiện|phát động|tổ chức|hướng dẫn)\b[^.;\n]{10,300})?"
)
# a web page's own title that starts with the number: "66/KH-UBND triển khai …", "số 912/2021/QĐ-UBND tỉnh …"
NUMBERED_TITLE = re.compile(
    r"^(?:[Ss]ố\s+)?(?P<number>\d{1,5}(?:/\d{4})?/[0-9A-ZĐ&.-]*[A-ZĐ][0-9A-ZĐa-z&.-]*)\s+(?P<title>\S.{10,300})$"
)
# the issuing unit right after the number in a page's title: "912/2021/QĐ-UBND tỉnh Quảng Nam về việc …"
UNIT_FIRST = re.compile(
    rf"^(?P<kind>thành phố|thị trấn|thị xã|tỉnh|huyện|quận|phường|xã)[ \t]+(?P<name>{NAME_ANY})[ \t]+(?P<rest>\S.*)$"
)
# "ngày   tháng   năm 2024": a draft or a copy printed before the day was written in
BLANK_DATE = re.compile(r"ngày\s*tháng\s*\d{0,2}\s*năm\s*\d{4}", re.IGNORECASE)
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
# a law portal's own card above the text: "Nơi ban hành: Tỉnh Nghệ An"
SITE_ISSUER = re.compile(
    rf"(?:Nơi|Cơ quan) ban hành:[ \t]*(?P<kind>(?i:thành phố|tỉnh|huyện|quận|thị xã|thị trấn|phường|xã))"
    rf"[ \t]+(?P<name>[{UPPER}][{LOWER}]*(?:[ \t]+[{UPPER}][{LOWER}]*)*?)"
    rf"(?=[ \t]*$|[ \t]+[{UPPER}][{LOWER}]*(?:[ \t]+[{LOWER}]+)?:)"  # up to the card's next label (“Người ký:”)
)
_ACRONYMS = {"ubnd", "hdnd", "mttq", "mtqg", "ntm", "bcd", "ct-xh", "attp", "vs", "mttqvn", "ubmttq", "tw", "qh"}


class HeaderReading(Reading):
    """`PlanText`'s methods that read the header."""

    def _type_heading(self) -> int | None:
        # the kind line is under the motto: “CHƯƠNG TRÌNH” above it is a wrapped authority
        # (“BAN CHỈ ĐẠO” / “CHƯƠNG TRÌNH” / “MTQG …”) or a site's menu
        motto = self._motto_at()
        below = range(0 if motto is None else motto + 1, self.head_end)
        for i in below:
            key = self.folded[i].rstrip(" .")
            # in capitals, or nearly: TCVN3 gives back “KẾ” alone on its line as “Kế”
            if key in DOC_TYPES and self._is_caps(self.lines[i].strip(" .")):
                return i
        self.inline_title = None
        for i in below:  # "KẾ HOẠCH TRIỂN KHAI …": the kind and the title on one line
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
            if PLACE_DATE.match(self.lines[i]) and (
                dates.LONG.search(self.lines[i]) or BLANK_DATE.search(self.lines[i])
            ):
                return i
        return None

    def doc_type(self) -> str:
        if self.type_at is not None:
            key = self.folded[self.type_at].rstrip(" .")
            return DOC_TYPES.get(key) or DOC_TYPES[" ".join(key.split()[:2])]
        if self.lead is not None:
            return DOC_TYPES.get(fold(self.lead["kind"]), "OTHER")
        symbol = self.symbol() or (
            clean_number(self.numbered_title["number"]).split("/")[-1] if self.numbered_title else None
        )
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
        if self.number_match is None and self.lead is not None:
            self.confidence["number"] = 0.7
            return clean_number(self.lead["number"])
        if self.number_match is None and self.numbered_title is not None:
            self.confidence["number"] = 0.6
            return clean_number(self.numbered_title["number"])
        if self.number_match is None or not self.number_match["n"]:
            return None
        return f"{self.number_match['n']}{self.number_match['sep']}{self.symbol()}"

    def _lead(self) -> re.Match | None:
        """The lead sentence of a plan posted as an article (no number line in its header)."""
        if self.number_match is not None:
            return None
        return next((m for line in self.lines[: self.head_end] if (m := LEAD.search(line))), None)

    def _numbered_title(self) -> re.Match | None:
        if self.number_match is not None:
            return None
        return next((m for line in self.lines[:20] if (m := NUMBERED_TITLE.match(line))), None)

    def issue_date(self) -> str | None:
        match = None if self.date_at is None else dates.LONG.search(self.lines[self.date_at])
        if match is None and self.date_at is None and self.lead is not None and self.lead["date"]:
            self.confidence["issue_date"] = 0.7
            return iso(dates.first_date(self.lead["date"]))
        if match is None:  # no date line, or its day left blank: never invented
            return None
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
        if self.lead is not None and self.lead["name"]:
            self.confidence["issuer"] = 0.7
            body = (
                "UBND"
                if fold(self.lead["body"]).startswith("uy ban") or self.lead["body"] == "UBND"
                else self.lead["body"]
            )
            return f"{body} {self.lead['unit']} {self.lead['name']}"
        # the opening and the closing paragraphs as running text: a wrap may fall inside the name
        opening, closing = self.lines[: self.preamble_end + 3], self.lines[max(self.body_end - 3, 0) : self.body_end]
        for text in ("\n".join(opening), "\n".join(closing)):
            match = BODY_ISSUER.search(text)
            if match:  # "UBND xã Hải Dương thông báo": no header, the text names its issuer
                self.confidence["issuer"] = 0.7
                body = "UBND" if fold(match["body"]).startswith("uy ban") or match["body"] == "UBND" else match["body"]
                return f"{body} {match['kind']} {clean(match['name'])}"
        return self._issuer_of_numbered_title()

    def _issuer_of_numbered_title(self) -> str | None:
        """A page's title “912/2021/QĐ-UBND tỉnh Quảng Nam về …”: the unit after the number,
        the body from the number's symbol (“…-UBND”)."""
        unit = UNIT_FIRST.match(self.numbered_title["title"]) if self.numbered_title else None
        if unit is None or not clean_number(self.numbered_title["number"]).endswith("-UBND"):
            return None
        self.confidence["issuer"] = 0.5
        return f"UBND {unit['kind']} {unit['name']}"

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
        if place is None:
            return None
        if kind is None:  # the unit named with the place's name anywhere: “… KIỂU MẪU TỈNH ĐỒNG NAI”
            named = {f"{fold(k)} {fold(place)}": k for k in UNIT_KINDS}
            kind = next((k for line in opening for unit, k in named.items() if unit in fold(line)), None)
            if kind is None:
                return None
        self.confidence["issuer"] = 0.5
        return f"{body} {kind} {place}"

    def _motto_at(self) -> int | None:
        return next((i for i in range(self.head_end) if self.folded[i].startswith(MOTTOS)), None)

    def _issuer_from_header(self) -> str | None:
        motto = self._motto_at()
        if motto is None:
            return None
        start = 0
        for i in range(motto - 1, -1, -1):  # the header block: upper-case lines just above the motto
            if not self._is_caps(self.lines[i]):
                start = i + 1
                break
        block = _authority_lines(
            [line for line in self.lines[start:motto] if self._is_caps(line) and not NUMBER_LINE.match(line)]
        )
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
        opening = self.lines[: self.preamble_end + 2]
        for line, below in zip(opening, [*opening[1:], ""], strict=True):
            kind = _unit_kind(below)
            if fold(line) == fold(body) and kind and fold(below).startswith(fold(kind)) and self._is_caps(below):
                line = f"{line} {below}"  # wrapped: “ỦY BAN NHÂN DÂN” / “TỈNH HÒA BÌNH”
            if fold(line).startswith(fold(body)) and len(line) > len(body) and _unit_kind(line) and self._is_caps(line):
                return line
        return None

    @staticmethod
    def _is_caps(line: str, longest: int = 120) -> bool:
        return len(line) < longest and mostly_capitals(line)

    def _title_span(self) -> tuple[int, int] | None:
        self.title_confidence = 0.95
        if self.type_at is not None and self.inline_title is not None:
            self.title_confidence = 0.9
            return self.type_at, self.type_at + 1
        if self.type_at is not None:
            start = self.type_at + 1
            return self._title_run(start) if start < len(self.lines) else None
        self.title_confidence = 0.75
        for i in range(self.head_end):
            if re.match(r"^(?:V/v|Về việc)\b", self.lines[i], re.IGNORECASE):
                return self._title_run(i)
        self.title_confidence = 0.65
        under_the_header = self._caps_title_under_header()  # the layout first, then the page
        if under_the_header is not None:
            return under_the_header
        self.title_confidence = 0.6
        for i in range(min(20, len(self.lines))):  # a web page's own title: "Thông báo về việc …"
            heading = heading_of(self.lines[i])
            if self._names_a_basis(i) or (heading is not None and heading[0] <= 2):
                break  # the preamble or the body's numbered parts begun: a page's title sits above them
            words = self.folded[i].split()
            if any(" ".join(words[:n]) in DOC_TYPES for n in (2, 3)) and len(words) > 5:
                return i, i + 1
        return None

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
        return self._title_run(start)

    def _title_run(self, start: int) -> tuple[int, int]:
        """A title from `start`: a run of lines in capitals (a title in capitals wrapped by
        its column), or up to three lines in sentence case, up to what stops a title."""
        end = start + 1
        if self._is_caps(self.lines[start], 400):
            # a title's continuation may be long: a title in capitals is what it is, however long
            while end < len(self.lines) and self._is_caps(self.lines[end], 400) and not self._stops_title(end):
                end += 1
            return start, end
        while end < min(start + 3, len(self.lines)) and self._wrapped_title_goes_on(end):
            end += 1
        return start, end

    def _wrapped_title_goes_on(self, i: int) -> bool:
        """A title in sentence case wrapped by a narrow column (“Tổ chức phong trào thi đua
        cao điểm” / “Toàn dân chung sức …”, “V/v báo cáo sơ kết” / “Chương trình MTQG …”):
        the line above ends no sentence, and this one is short, in sentence case, and
        neither the date, a paragraph, an aside nor anything else that stops a title."""
        line = self.lines[i]
        return (
            i != self.date_at
            and len(line) < 200
            and not self.lines[i - 1].rstrip().endswith((".", ";", ":"))
            and not line.rstrip().endswith((".", ":"))
            and not line.startswith("(")
            and not self._is_caps(line)
            and not self.folded[i].startswith(("de ", "nham ", "nay ", "theo "))
            and not self._stops_title(i)
        )

    def _title_goes_on(self, i: int) -> bool:
        """A title in capitals wrapped before a dash (“… KINH TẾ” / “- XÃ HỘI HẰNG NĂM …”):
        no list item, the words go on."""
        return bool(re.match(r"[-–]\s", self.lines[i])) and self.lines[i - 1][-1].isalnum()

    def _stops_title(self, i: int) -> bool:
        folded = self.folded[i]
        return (
            folded.startswith("kinh gui")
            or NUMBER_LINE.match(self.lines[i]) is not None
            # a basis is written in sentence case: “THỰC HIỆN THẮNG LỢI …” goes on a title in capitals
            or (self._names_a_basis(i) and not self._is_caps(self.lines[i], 400))
            or any(folded.startswith(m) for m in MOTTOS)
            or (heading_of(self.lines[i]) is not None and not self._title_goes_on(i))
            or self._authority_like(i)
        )

    def _authority_like(self, i: int) -> bool:
        return (
            self.folded[i].startswith(("uy ban nhan dan", "chu tich"))
            # the bases right under it, or under the rest of it (“ỦY BAN NHÂN DÂN” / “TỈNH QUẢNG NAM”)
            and any(self._names_a_basis(n) for n in range(i + 1, min(i + 3, len(self.lines))))
        )

    def title(self) -> str | None:
        if self.title_span is None and self.lead is not None and self.lead["about"]:
            self.title_confidence = 0.6
            return clean(re.sub(r"^\s*về\s+", "", self.lead["about"])) or None
        if self.title_span is None and self.numbered_title is not None:
            self.title_confidence = 0.5
            title = self.numbered_title["title"]
            unit = UNIT_FIRST.match(title)
            return clean(unit["rest"] if unit else title) or None
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


# how the line of a body in an authority block starts (“BỘ NỘI VỤ” / “BAN THI ĐUA - KHEN
# THƯỞNG TRUNG ƯƠNG”, “HUYỆN ỦY THIỆU HÓA” / “ĐẢNG ỦY XÃ THIỆU PHÚC”); a line that starts
# otherwise (“TRUNG ƯƠNG”, “PHÁT TRIỂN NÔNG THÔN”, “TỈNH QUẢNG NAM”) goes on the line above
BODY_STARTS = tuple(
    f"{fold(words)} "
    for words in (
        "ỦY BAN",
        "UBND",
        "HĐND",
        "UBMTTQ",
        "BCĐ",
        "HỘI ĐỒNG",
        "BỘ",
        "BAN",
        "ĐẢNG ỦY",
        "ĐẢNG BỘ",
        "CHI BỘ",
        "SỞ",
        "PHÒNG",
        "VĂN PHÒNG",
        "HUYỆN ỦY",
        "TỈNH ỦY",
        "THÀNH ỦY",
        "THỊ ỦY",
        "QUẬN ỦY",
        "MẶT TRẬN",
        "HỘI",
        "ĐOÀN",
        "CÔNG ĐOÀN",
        "LIÊN ĐOÀN",
        "CỤC",
        "TỔNG CỤC",
        "CHI CỤC",
        "TRUNG TÂM",
        "THANH TRA",
        "CHÍNH PHỦ",
        "THỦ TƯỚNG",
        "QUỐC HỘI",
        "CÔNG AN",
        "BỘ CHỈ HUY",
    )
)
_GOES_ON = (" va", " -", " cua", " ve", " xa", " co", " quoc")  # “… VÀ” / “PHÁT TRIỂN …”, “XÃ” / “HỘI”


def _authority_lines(block: list[str]) -> list[str]:
    """The lines of an authority block with the wraps of a narrow column undone: each body
    on a line of its own."""
    out: list[str] = []
    for line in block:
        folded = f"{fold(line)} "
        if out and (not folded.startswith(BODY_STARTS) or f" {fold(out[-1])}".endswith(_GOES_ON)):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _unit_kind(line: str) -> str | None:
    # with its tones: “TÌNH TRẠNG” (a site's card) is no “TỈNH”
    lowered = f" {line.lower()} "
    return next((kind for kind in UNIT_KINDS if f" {kind} " in lowered), None)


# bodies named by what they do: the first word of that and of each part joined by “và” or
# “-” is capitalised (Decree 30/2020/NĐ-CP, Appendix II): “Bộ Nông nghiệp và Phát triển nông thôn”
_FUNCTION_BODIES = {"bo", "so", "ban", "phong", "cuc", "tong cuc", "chi cuc", "van phong", "hoi dong"}


def _readable(caps: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" → "UBND tỉnh Tuyên Quang", "BỘ NÔNG NGHIỆP VÀ PHÁT
    TRIỂN NÔNG THÔN" → "Bộ Nông nghiệp và Phát triển nông thôn"."""
    text = clean(caps)
    text = re.sub(r"^(?:ỦY|UỶ) BAN NHÂN DÂN\b", "UBND", text, flags=re.IGNORECASE)
    words = text.split()
    folded_words = [fold(word) for word in words]
    body = next((size for size in (2, 1) if " ".join(folded_words[:size]) in _FUNCTION_BODIES), 0)
    out, proper = [], False
    for n, word in enumerate(words):
        folded = folded_words[n]
        starts_a_part = bool(body) and (n == body or (n and folded_words[n - 1] in {"va", "-"}))
        if folded in _ACRONYMS or (word.isupper() and len(word) <= 4 and not re.search(r"[AEIOUYĂÂÊÔƠƯ]", _base(word))):
            out.append(word)
        elif proper or n == 0 or starts_a_part or folded_words[n : n + 2] == ["trung", "uong"]:
            out.append(word[0] + word[1:].lower())
        else:
            out.append(word.lower())
        if folded in {"tinh", "huyen", "xa", "quan", "phuong"} or (
            n and f"{folded_words[n - 1]} {folded}" in {"thanh pho", "thi tran", "thi xa", "dac khu"}
        ):
            proper, body = True, 0
    return " ".join(out)


def _base(word: str) -> str:
    return "".join(unicodedata.normalize("NFD", c)[0] for c in word)
