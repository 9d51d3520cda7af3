"""The closing block: the recipients (“Nơi nhận”), the signature (authority, title, name)
and the forms annexed."""

from __future__ import annotations

import re

from phongtrao.docparse.structure import Reading, heading_of
from phongtrao.docparse.text import LOWER, UPPER, clean, fold

SIGN_AUTHORITY = r"^(?:TM|KT|TL|TUQ|Q|T/M|K/T)\s*\.?\s"
# a law portal's card above a text cut before its signature: “Người ký: Bùi Đình Long”, up to
# the card's next label (“Chức vụ:”, “Ngày ban hành:”)
SITE_SIGNER = re.compile(
    rf"Người ký:?[ \t]+(?P<name>[{UPPER}][{LOWER}]*(?:[ \t]+[{UPPER}][{LOWER}]*){{1,4}}?)"
    rf"(?=[ \t]*$|[ \t]+[{UPPER}][{LOWER}]*(?:[ \t]+[{LOWER}]+)*:)",
    re.MULTILINE,
)
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


class ClosingReading(Reading):
    """`PlanText`'s methods that read the closing block."""

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
        return found or self._signer_of_the_card()

    def _signer_of_the_card(self) -> dict | None:
        """No signature in the text (a web copy cut short): the name on the site's card."""
        card = next((m for line in self.lines[: self.preamble_end] if (m := SITE_SIGNER.search(line))), None)
        if card is None:
            return None
        self.confidence["signer"] = 0.5
        return {"name": card["name"], "authority": None, "title": None}

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


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 5 and fold(words[0]) in SURNAMES and all(w.isalpha() for w in words)
