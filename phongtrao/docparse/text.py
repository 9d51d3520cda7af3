"""From raw text to clean logical lines: Unicode NFC, old and new tone placement made
equal, web-page markup and flattened header tables undone, broken lines joined."""

from __future__ import annotations

import re
import unicodedata

from phongtrao.text import fold

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"

# Old-style tone placement → the new style the 2018 spelling rules use (hoá → hóa, uỷ → ủy).
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE = re.compile("(?<![qQ])(?:" + "|".join(_OLD_TONES) + ")", re.IGNORECASE)  # "quý" is right as it is
_WORD_END = re.compile(rf"[{LOWER}{UPPER}]")

_LIST_MARKER = re.compile(rf"^(?:[{LOWER}][,.)]\s|[-–•+*]\s|\(?\d+[.)]\s|[IVX]+\.\s)")
_HEADINGISH = re.compile(r"^\(?\d+(?:\.\d+)*[.)]\s")


def new_tones(text: str) -> str:
    """ "hoá" and "hóa" are the same word; documents use both. Only at the end of a
    syllable (hoàn stays hoàn)."""

    def swap(match: re.Match) -> str:
        end = match.end()
        if end < len(text) and _WORD_END.match(text[end]):
            return match[0]
        old = match[0]
        new = _OLD_TONES[old.lower()]
        return new.upper() if old.isupper() else (new[0].upper() + new[1:] if old[0].isupper() else new)

    return _OLD_TONE.sub(swap, text)


def normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    text = re.sub(r"[\u200b-\u200d\u2060]", "", text)
    text = new_tones(text)
    text = re.sub(r"\*\*|__", "", text)  # markdown emphasis copied from web pages
    text = re.sub(rf"(?<![\w*])\*(?=[{LOWER}{UPPER}(“\"])|(?<=[{LOWER}{UPPER}.)”\"…])\*(?![\w*])", "", text)
    text = text.replace("|", "\n")  # header tables flattened into "a | b |" lines
    # ... or into "a<tab>b" lines: the right-hand column (the motto, its second line, the
    # place and date) starts a line of its own
    text = re.sub(r"[ \t]*\t[ \t]*(?=C[ỘO]NG\s+H[ÒO]A\b|Độc lập|[^\t\n,]{2,40}, ngày)", "\n", text)
    # ... or the number and the place and date on one line: "Số: 05 /BC-UBND Tân Lập, ngày …"
    text = re.sub(
        rf"^(Số\s*[:.]?\s*\d*\s*[/-]\s*[A-ZĐ0-9&./-]+)[ \t]+(?=[{UPPER}][{LOWER}][^\n,]{{0,40}}, ngày)",
        r"\1\n",
        text,
        flags=re.MULTILINE,
    )
    # a signer's name glued to the title above it: "TRƯỞNG BANLê Văn sơn"
    text = re.sub(rf"([{UPPER}]{{3,}})(?=[{UPPER}][{LOWER}])", r"\1\n", text)
    return text


def _is_noise(line: str) -> bool:
    return not line or bool(re.fullmatch(r"[-–—_*=.|\s]+", line))


def logical_lines(text: str) -> list[str]:
    """Lines with a sentence broken across lines (or across a page break) joined back."""
    raw = [re.sub(r"[ \t]*\t[ \t]*", "\t", re.sub(r" {2,}", " ", line.strip())) for line in text.split("\n")]
    lines: list[str] = []
    blank_before = False
    for line in raw:
        if _is_noise(line):
            blank_before = blank_before or not line or line.strip() == ""
            continue
        if lines and _continues(lines[-1], line, blank_before):
            # a number cut after its hyphen (“1315/QĐ-” / “TTg”) is joined without a space
            glue = "" if re.search(r"\d/[\wĐđ]+-$", lines[-1]) else " "
            lines[-1] = f"{lines[-1]}{glue}{line}"
        else:
            lines.append(line)
        blank_before = False
    return lines


_TYPE_HEADINGS = {"KẾ HOẠCH", "BÁO CÁO", "QUYẾT ĐỊNH", "HƯỚNG DẪN", "THÔNG BÁO", "CHƯƠNG TRÌNH", "TỜ TRÌNH"}


# Phrases of a header that a narrow column or a PDF dump may break: a line ending with the
# first words of one and a line starting with the rest are one line.
_HEADER_PHRASES = [
    fold(p).split()
    for p in (
        "ỦY BAN NHÂN DÂN",
        "HỘI ĐỒNG NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN CHỈ ĐẠO",
        "BAN THƯỜNG VỤ",
        "ĐẢNG ỦY",
        "VỀ VIỆC",  # a title's opening: “VỀ” alone is what TCVN3 gives back as “Về”
        *_TYPE_HEADINGS,
    )
]
_PLACE_DATE_TAIL = re.compile(rf"^[{UPPER}][{LOWER}]*(?: [{UPPER}][{LOWER}]*)?, ngày\b")


_PHRASE_CUTS = [(words[:cut], words[cut:]) for words in _HEADER_PHRASES for cut in range(1, len(words))]
_CUT_ENDS = {head[-1] for head, _rest in _PHRASE_CUTS}


def _splits_a_phrase(previous: str, line: str) -> bool:
    if fold(previous.rsplit(None, 1)[-1]) not in _CUT_ENDS:  # most lines: one word folded
        return False
    before, after = fold(previous).split(), fold(line).split()
    # the rest may itself go on to the next line ("CỘNG HÒA XÃ" / "HỘI" / "CHỦ NGHĨA VIỆT NAM")
    return any(before[-len(head) :] == head and after[: len(rest)] == rest[: len(after)] for head, rest in _PHRASE_CUTS)


def _splits_a_place(previous: str, line: str) -> bool:
    """“Bến” / “Tre, ngày 12 tháng 3 năm 2024”: a place name wrapped before its date."""
    words = previous.split()
    return (
        bool(_PLACE_DATE_TAIL.match(line))
        and 1 <= len(words) <= 3
        and all(w[0].isupper() and w[1:].islower() for w in words if w[1:])
        and not any(c.isdigit() for c in previous)
    )


_UNIT_WORDS = ("xa", "phuong", "thi tran", "huyen", "quan", "thi xa", "tinh", "thanh pho")
_UNIT_STARTS = tuple(f"{w} " for w in _UNIT_WORDS)  # “QUẬN …”, not “QUẢNG NAM”
_BODY_WORDS = ("so ", "phong ", "ban ", "bo ", "uy ", "ubnd", "dang ", "hoi ", "cong ", "truong ", "chi ", "van phong")


def _splits_a_unit(previous: str, line: str) -> bool:
    """A unit's name in capitals wrapped in a header: “ĐẢNG ỦY XÃ” / “THIỆU PHÚC”, “TỈNH HẢI” /
    “DƯƠNG” (not “TỈNH HẢI DƯƠNG” / “SỞ NÔNG NGHIỆP”, a body of the unit on its own line)."""
    if not (previous.isupper() and line.isupper() and len(previous) < 60 and len(line.split()) <= 3):
        return False
    before, after = fold(previous), fold(line)
    if (
        after.startswith(_BODY_WORDS)
        or f"{after} ".startswith(_UNIT_STARTS)
        or any(after.startswith(p[0]) for p in _HEADER_PHRASES)
    ):
        return False
    ends_with_a_kind = before.endswith(tuple(f" {w}" for w in _UNIT_WORDS)) or before in _UNIT_WORDS
    a_short_name = before.startswith(_UNIT_STARTS) and len(line.split()) <= 2
    return ends_with_a_kind or a_short_name


def _continues(previous: str, line: str, after_blank: bool) -> bool:
    if "\t" in previous or "\t" in line:
        return False
    if _splits_a_phrase(previous, line) or _splits_a_place(previous, line) or _splits_a_unit(previous, line):
        return True
    if re.search(r"(?i:(?:^|\s)số)\s*[:.]?$", previous) and line[0].isdigit():
        return True  # “Số:” / “130/KH-UBND”, “…; Công văn số:” / “1678/UBND-MT ngày …”
    if re.search(r"\d/[A-ZĐ]{1,3}$", previous) and re.match(r"[A-ZĐ]{1,3}-", line):  # “181/Q” / “Đ-TTg”
        return True
    if re.search(r"\d/[\wĐđ]+-$", previous) and re.match(r"[A-ZĐ]", line):  # “1315/QĐ-” / “TTg ngày …”
        return True
    if re.search(r"(?i:\bsố)\s*[:.]?\s*\d{1,5}\s*[-–/]?$", previous) and re.match(r"[-–/]?\s*[A-ZĐ]{1,6}[-/]", line):
        return True  # “số 187” / “- CV/HU”, “Số 03 -” / “KH/ĐU”
    years = re.search(r"\b(\d{4})$", previous), re.match(r"[-–]\s*(\d{4})\b", line)
    if years[0] and years[1] and int(years[0][1]) < int(years[1][1]) < int(years[0][1]) + 50:
        return True  # a period wrapped before its end: “GIAI ĐOẠN 2011” / “- 2015, …”
    if re.match(rf"[-–]\s[{LOWER}]", line) and previous[-1].isalnum() and not re.match(r"[-–+•]", previous):
        return True  # a compound wrapped at its dash (“… kinh tế” / “- xã hội …”), not a list's item
    if re.fullmatch(r"(?:[-–+•]\s*|\d{1,2}[.)]\s*)?(?:Căn cứ|Thực hiện|Triển khai thực hiện)", previous.strip()):
        return True  # “Căn cứ” / “Quyết định số …”
    if _closes_what_was_opened(previous, line):
        return True  # “… xây dựng huyện Hà” / “Trung đạt huyện nông thôn mới” và …”
    if _LIST_MARKER.match(line) or previous.strip(" .") in _TYPE_HEADINGS:
        return False
    if previous.endswith((".", ";", ":", "!", "?", "./.")):
        return False
    first = line[0]
    if re.match(r"số\s+\d{1,5}(?:/\d{4})?/[A-ZĐ]", line) and not squash(previous).endswith(_KIND_ENDS):
        return False  # a page's title opening with the number (“số 912/2021/QĐ-UBND tỉnh …”) under its menu
    if first.islower() or (_OPENS_AN_ASIDE.match(line) and previous[-1].isalnum()):
        return True  # “… và Kế hoạch 5 năm” / “(2021 - 2025) theo …”
    if first.isdigit() and not _HEADINGISH.match(line) and not after_blank:
        if re.match(r"\d{1,5}(?:/\d{4})?/[A-ZĐ]", line) and not fold(previous).endswith(("so", "so:")):
            return False  # a line that starts with a document's number: a page's title, not a wrap
        return previous[-1].isalnum() or previous.endswith((",", "-"))
    return _sentence_goes_on(previous, line) and not after_blank


def _closes_what_was_opened(previous: str, line: str) -> bool:
    """A quotation or an aside left open at the end of a line and closed early on the next
    is one sentence, wherever the wrap fell."""
    for opening, closing in (("“", "”"), ("(", ")")):
        if previous.count(opening) > previous.count(closing):
            closes, reopens = line.find(closing), line.find(opening)
            if 0 <= closes < 160 and (reopens < 0 or closes < reopens):
                return True
    return False


def _sentence_goes_on(previous: str, line: str) -> bool:
    """A sentence wrapped before a capitalised word (“… của Ban” / “Chỉ đạo …”, “… và” /
    “Quyết định số …”): the line before has no closing mark and is ordinary text, the
    line goes on in ordinary text and starts no paragraph of its own."""
    if not (previous[-1].isalnum() and _CAPITALISED.match(line)):
        return False
    marked = _LIST_MARKER.match(previous)
    if marked and not fold(previous[marked.end() :]).startswith(("can cu", "thuc hien", "trien khai")):
        return False  # “1. Công chức Văn hóa – Xã hội”: an item's heading, its text below
    words = previous.split()
    capitalised = sum(1 for w in words if w[0].isupper())
    folded = fold(line)
    in_a_basis = LIST_MARK_OR_NOTHING.sub("", fold(previous)).startswith(("can cu", "thuc hien", "trien khai"))
    starts_a_document = folded.startswith(_KIND_WORDS) and not re.match(r"^\w+ \w+ so\b", folded) and not in_a_basis
    return (
        len(words) >= 4
        and previous[-1].isalnum()
        and words[-1].islower()
        and capitalised < len(words) / 2  # not a menu or a title in capitals
        and not starts_a_document  # “Thông báo về việc …” is a title, “Quyết định số …” goes on
        and not re.match(r"Số\s*[:.]?\s*\d", line)  # a header's number line
        and not fold(previous).startswith("doc lap")  # the motto's second line
        and not _CARD_FIELD.match(previous)  # a site's card: “Tình trạng: Còn hiệu lực”
        and not mostly_capitals(line)  # a header's line (“Ủy BAN NHÂN DÂN” from a capital font)
        and not folded.startswith(("can cu", "thuc hien", "xet de nghi", "theo de nghi", "noi nhan", "kinh gui"))
    )


_CARD_FIELD = re.compile(r"^\S+(?: \S+){0,2}:\s*\S+(?: \S+){0,4}$")
_CAPITALISED = re.compile(rf"[“\"]?[{UPPER}][{LOWER}]")  # “Ngày chủ nhật xanh” goes on a sentence too


def mostly_capitals(line: str) -> bool:
    """A line in capitals, or nearly: a capital font's TCVN3 or a title with its acronyms."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


_KIND_WORDS = tuple(fold(kind) for kind in _TYPE_HEADINGS)
# what a document's number goes on from: “Quyết định” / “số 912/…”, “Kế hoạch” / “số 88/…”
# the kinds of document a text cites by number (“Quyết định số …”)
DOCUMENT_KINDS = (
    "Luật",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Thông tư",
    "Kế hoạch",
    "Công văn",
)
_KIND_ENDS = tuple(  # without spaces: “Quyếtđịnh” / “số …” from a copy that lost them
    fold(kind).replace(" ", "") for kind in (*_TYPE_HEADINGS, *DOCUMENT_KINDS)
)
# "(2021 - 2025) theo …", "(sau đây gọi tắt là …)": an aside that goes on; "(Đã ký)" does not
_OPENS_AN_ASIDE = re.compile(rf"\([\d{LOWER}]")
LIST_MARK_OR_NOTHING = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[-–+•*])?\s*")


def squash(text: str) -> str:
    """fold() without spaces, for headings whose spaces were lost ("KHENTHƯỞNG")."""
    return fold(text).replace(" ", "")


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t-–;,.:")


def fold_keep(text: str) -> str:
    """fold() that keeps every character's position, to cut the original at a match."""
    return "".join((unicodedata.normalize("NFD", c)[0] if c != "đ" and c != "Đ" else "d").lower() for c in text)
