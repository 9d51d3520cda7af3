"""Vietnamese text helpers shared by the apps."""

import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics ("Kế hoạch Thứ Bảy" → "ke hoach thu bay"), for
    matching what people type on a phone or in a spreadsheet header."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
