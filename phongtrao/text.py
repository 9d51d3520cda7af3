"""Vietnamese text helpers shared by the apps and by docparse (so: no Django here)."""

import re
import unicodedata


def _base_letters() -> dict[int, str]:
    table = {}
    for code in range(0x00C0, 0x1EFA):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii():
            table[code] = base.lower()
    table.update({ord("đ"): "d", ord("Đ"): "d"})
    for code in range(0x0300, 0x0370):  # combining marks left by decomposed input
        table[code] = None
    return table


BASE_LETTERS = _base_letters()  # what fold() turns each letter into (None: dropped)


def fold(text: str) -> str:
    """Lower case without diacritics, single spaces ("Kế hoạch Thứ Bảy" → "ke hoach thu bay"):
    for matching what people type on a phone, a spreadsheet header or a document's keywords."""
    return " ".join(text.translate(BASE_LETTERS).lower().split())


def natural_key(name: str) -> list:
    """ "Tiểu khu 2" before "Tiểu khu 10", as a list of villages is read."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, fold(part)) for part in re.split(r"(\d+)", name) if part]
