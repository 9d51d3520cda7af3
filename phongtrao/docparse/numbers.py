"""Document numbers ("42/KH-UBND", "14-KH/BCĐ", "181/Q Đ-TTg") and quantities."""

from __future__ import annotations

import re

_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠ"
# a number is digits then one or more groups of /- and letters or digits; a single lost
# space inside the letters ("Q Đ-TTg") is mended
NUMBER = re.compile(
    rf"(?<![\w/])(\d{{1,5}}(?:\s?[/-]\s?(?:[0-9]{{2,4}}|[{_UPPER}][{_UPPER}a-zđ0-9&.]*(?: [{_UPPER}](?=[{_UPPER}-]))?"
    rf"[{_UPPER}a-zđ0-9&.]*))+)"
)


# a kind's code glued to the issuer's by a PDF dump that lost the hyphen: "912/QĐUBND"
_GLUED = re.compile(r"(?<=/)(QĐ|KH|BC|TB|HD|HĐ|CV|NQ|CT|TTr|KL|TT|NĐ|CĐ)(?=(?:UBND|HĐND|BCĐ|TTg|CP|[A-ZĐ]{2,})\b)")


def clean_number(text: str) -> str:
    return _GLUED.sub(r"\1-", re.sub(r"\s+", "", text).rstrip("."))


def has_letters(number: str) -> bool:
    return bool(re.search(r"[A-Za-zĐđ]", number))


def decimal(text: str) -> float:
    """ "61,5" → 61.5; "1.000.000" → 1000000; "0,7" → 0.7."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def plain(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 6)
