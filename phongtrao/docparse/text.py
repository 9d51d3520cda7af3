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
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        blank_before = False
    return lines


_TYPE_HEADINGS = {"KẾ HOẠCH", "BÁO CÁO", "QUYẾT ĐỊNH", "HƯỚNG DẪN", "THÔNG BÁO", "CHƯƠNG TRÌNH", "TỜ TRÌNH"}


def _continues(previous: str, line: str, after_blank: bool) -> bool:
    if "\t" in previous or "\t" in line or _LIST_MARKER.match(line) or previous.strip(" .") in _TYPE_HEADINGS:
        return False
    if previous.endswith((".", ";", ":", "!", "?", "./.")):
        return False
    first = line[0]
    if first.islower():
        return True
    if first.isdigit() and not _HEADINGISH.match(line) and not after_blank:
        return previous[-1].isalnum() or previous.endswith((",", "-"))
    return False


def squash(text: str) -> str:
    """fold() without spaces, for headings whose spaces were lost ("KHENTHƯỞNG")."""
    return fold(text).replace(" ", "")


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t-–;,.:")
