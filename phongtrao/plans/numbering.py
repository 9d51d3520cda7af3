"""Document numbers as written ("Số: 42/KH-UBND", "Số 14-KH/BCĐ", "Số: /KH-UBND")."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\s*(?:Số\s*:?\s*)?(?P<number>\d*)\s*(?P<sep>[/-]?)\s*(?P<symbol>.*?)\s*$", re.IGNORECASE)


def split_number(text: str | None) -> tuple[str, str]:
    """ "42/KH-UBND" → ("42", "KH-UBND"); "14-KH/BCĐ" → ("14", "KH/BCĐ"); "/KH-UBND" → ("", "KH-UBND")."""
    if not text or not text.strip():
        return "", ""
    match = _NUMBER.match(text)
    number, symbol = match.group("number"), re.sub(r"\s+", "", match.group("symbol"))
    return number, symbol


def join_number(number: str, symbol: str) -> str:
    if not symbol:
        return number
    return f"{number}{'-' if '/' in symbol else '/'}{symbol}"


def normalise_number(text: str | None) -> str:
    number, symbol = split_number(text)
    return join_number(number, symbol).upper()
