"""Text written the way old office machines and spreadsheets wrote Vietnamese, for tests of
the readers: Windows-1258 with separate tone marks, and TCVN3 bytes. Plain Python, like
docparse itself."""

from __future__ import annotations

import functools
import unicodedata

from phongtrao.docparse import legacy

_HATS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: precomposed in code page 1258


def to_cp1258(text: str) -> bytes:
    """Text as Excel or Word write it in Windows-1258: vowels with their hat or horn
    precomposed, the tone as a separate combining mark."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            hats = [m for m in marks if m in _HATS]
            if hats:
                base = unicodedata.normalize("NFC", base + hats[0])
            out += (base + "".join(m for m in marks if m not in _HATS)).encode("cp1258")
    return bytes(out)


def tcvn3_bytes(text: str) -> bytes:
    """Text as old .VnTime documents and spreadsheets hold it: one TCVN3 byte per letter."""
    table = {ch: byte for byte, ch in legacy._TCVN3.items()}
    out = bytearray()
    for ch in text:
        lower = ch.lower()
        if ch in table:
            out.append(table[ch])
        elif lower in table:  # capitals with a tone share the lower-case byte (capital fonts)
            out.append(table[lower])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


@functools.cache
def _vni_letters() -> dict[str, str]:
    """Each Vietnamese letter as VNI writes it (a base letter and one or two marks: “ế” is
    “eá”), found by asking the decoder which short sequence gives it back."""
    marks = [chr(c) for c in range(0xA0, 0x100)]
    found: dict[str, str] = {}
    for mark in marks:  # letters of one byte: “ô” is ơ, “ö” is ư, “ñ” is đ
        letter = unicodedata.normalize("NFC", legacy.from_vni(mark))
        if len(letter) == 1 and letter != mark:
            found.setdefault(letter, mark)
    for base in "aAeEiIoOuUyYôÔöÖ":
        for first in ["", *marks]:
            for second in ["", *marks]:
                sequence = base + first + second
                letter = unicodedata.normalize("NFC", legacy.from_vni(sequence))
                if len(letter) == 1 and letter != base:
                    found.setdefault(letter, sequence)
    return found


def vni_bytes(text: str) -> bytes:
    """Text as old VNI-Times documents hold it, read as Windows-1252 bytes."""
    letters = _vni_letters()
    return "".join(letters.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")
