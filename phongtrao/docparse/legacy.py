"""Vietnamese text in the pre-Unicode encodings that older documents still use: TCVN3
(ABC, fonts .VnTime) and VNI (fonts VNI-Times). Read as Windows-1252, such text shows
as "Céng hoµ x· héi" (TCVN3) or "Coäng hoøa xaõ hoäi" (VNI); these tables turn it back."""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993 (VN3): one byte per precomposed lower-case letter; capitals with a
# tone use the same bytes in a capital font, so they come back in lower case.
_TCVN3 = {
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
    0xA8: "ă",
    0xA9: "â",
    0xAA: "ê",
    0xAB: "ô",
    0xAC: "ơ",
    0xAD: "ư",
    0xAE: "đ",
    0xB5: "à",
    0xB6: "ả",
    0xB7: "ã",
    0xB8: "á",
    0xB9: "ạ",
    0xBB: "ằ",
    0xBC: "ẳ",
    0xBD: "ẵ",
    0xBE: "ắ",
    0xC6: "ặ",
    0xC7: "ầ",
    0xC8: "ẩ",
    0xC9: "ẫ",
    0xCA: "ấ",
    0xCB: "ậ",
    0xCC: "è",
    0xCE: "ẻ",
    0xCF: "ẽ",
    0xD0: "é",
    0xD1: "ẹ",
    0xD2: "ề",
    0xD3: "ể",
    0xD4: "ễ",
    0xD5: "ế",
    0xD6: "ệ",
    0xD7: "ì",
    0xD8: "ỉ",
    0xDC: "ĩ",
    0xDD: "í",
    0xDE: "ị",
    0xDF: "ò",
    0xE1: "ỏ",
    0xE2: "õ",
    0xE3: "ó",
    0xE4: "ọ",
    0xE5: "ồ",
    0xE6: "ổ",
    0xE7: "ỗ",
    0xE8: "ố",
    0xE9: "ộ",
    0xEA: "ờ",
    0xEB: "ở",
    0xEC: "ỡ",
    0xED: "ớ",
    0xEE: "ợ",
    0xEF: "ù",
    0xF1: "ủ",
    0xF2: "ũ",
    0xF3: "ú",
    0xF4: "ụ",
    0xF5: "ừ",
    0xF6: "ử",
    0xF7: "ữ",
    0xF8: "ứ",
    0xF9: "ự",
    0xFA: "ỳ",
    0xFB: "ỷ",
    0xFC: "ỹ",
    0xFD: "ý",
    0xFE: "ỵ",
}
TCVN3_TABLE = {ord(bytes([b]).decode("cp1252", errors="ignore") or chr(b)): ch for b, ch in _TCVN3.items()}

# VNI Windows: a base letter followed by a mark byte; a few letters are one byte.
_VNI_MARKS_LOWER = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_MARKS_UPPER = {"Ù": "\u0301", "Ø": "\u0300", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
_VNI_HAT = {  # â ê ô and their tones; ă with its tones
    "â": ("\u0302", ""),
    "á": ("\u0302", "\u0301"),
    "à": ("\u0302", "\u0300"),
    "å": ("\u0302", "\u0309"),
    "ã": ("\u0302", "\u0303"),
    "ä": ("\u0302", "\u0323"),
    "ê": ("\u0306", ""),
    "é": ("\u0306", "\u0301"),
    "è": ("\u0306", "\u0300"),
    "ú": ("\u0306", "\u0309"),
    "ü": ("\u0306", "\u0303"),
    "ë": ("\u0306", "\u0323"),
}
_VNI_HAT_UPPER = {k.upper(): v for k, v in _VNI_HAT.items()} | {"Ú": ("\u0306", "\u0309"), "Ü": ("\u0306", "\u0303")}
_VNI_SINGLE = {
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "ñ": "đ",
    "Ñ": "Đ",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "Í": "Í",
    "Ì": "Ì",
    "Æ": "Ỉ",
    "Ó": "Ĩ",
    "Ò": "Ị",
    "î": "ỵ",
    "Î": "Ỵ",
}


def from_tcvn3(text: str) -> str:
    lines = [_capitals(line) for line in text.translate(TCVN3_TABLE).splitlines(keepends=True)]
    return "".join(_short_capitals(lines))


def _short_capitals(lines: list[str]) -> list[str]:
    """A word or two of a capital font wrapped onto a line of its own (“RÀ” / “SOÁT HỘ
    NGHÈO …”, “ỦY” / “BAN NHÂN DÂN”) has too few plain letters to tell its font: it is
    in capitals when the line it goes on to is."""
    out = list(lines)
    for n in range(len(out) - 1, -1, -1):
        words = out[n].split()
        below = next((line for line in out[n + 1 :] if line.strip()), "")
        if 1 <= len(words) <= 2 and all(_toned_capital_word(w) or w.isupper() for w in words) and _in_capitals(below):
            out[n] = out[n].upper()
    return out


def _toned_capital_word(word: str) -> bool:
    """“Rà”, “Kế”: a capital, then a toned letter in lower case, and no plain letter in
    lower case (a capital font keeps those in capitals: “Đã biết” is in an ordinary font)."""
    letters = [c for c in word if c.isalpha()]
    return (
        len(letters) >= 2
        and letters[0].isupper()
        and any(c.islower() and _toned(c) for c in letters[1:])
        and not any(c.isascii() and c.islower() for c in letters)
    )


def _in_capitals(line: str) -> bool:
    """Words in capitals (“BAN NHÂN DÂN”), not a number's symbol (“4836/BNN-VPĐP”)."""
    words = [w for w in line.split() if w.isalpha()]
    return bool(words) and line.upper() == line


def _capitals(line: str) -> str:
    """A line typed in a capital font (“KẾ HOẠCH”, “ỦY BAN NHÂN DÂN”) back in capitals: its
    plain letters are all capitals, and a toned letter, which TCVN3 stores with the
    lower-case byte, sits lower-case among them (“HOạCH”, “ủY”, “TIÊU CHí Xã”)."""
    plain = [c for c in line if c.isascii() and c.isalpha()]
    if len(plain) >= 2 and all(c.isupper() for c in plain) and any(c.islower() for c in line):
        return line.upper()
    # a sentence that starts with a toned capital (“Ủy ban nhân dân …”) comes back lower-case:
    # plain capitals keep their case in TCVN3, so only a toned letter there is put back
    return _SENTENCE_START.sub(lambda m: m[1] + (m[2].upper() if _toned(m[2]) else m[2]), line)


_SENTENCE_START = re.compile(r"(^|[.!?:;]\s+)([^\x00-\x7f\W\d_])(?=[^\W\d_])", re.MULTILINE)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _toned(letter: str) -> bool:
    """A letter with a tone mark: TCVN3 has no capital of its own for it (“Ủ”, “Ấ”; “Đ”, “Â” have)."""
    return any(mark in _TONES for mark in unicodedata.normalize("NFD", letter))


def from_vni(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in "aAeEoO" and nxt in (_VNI_HAT if ch.islower() else _VNI_HAT_UPPER):
            hat, tone = (_VNI_HAT if ch.islower() else _VNI_HAT_UPPER)[nxt]
            if hat == "\u0306" and ch not in "aA":  # the breve is only on a
                out.append(ch)
                i += 1
                continue
            out.append(unicodedata.normalize("NFC", ch + hat + tone))
            i += 2
            continue
        base = _VNI_SINGLE.get(ch, ch)
        marks = _VNI_MARKS_LOWER if base.islower() else _VNI_MARKS_UPPER
        if ch.isalpha() and nxt in marks and (base in "aeiouyơưAEIOUYƠƯ" or ch in _VNI_SINGLE):
            out.append(unicodedata.normalize("NFC", base + marks[nxt]))
            i += 2
            continue
        out.append(base if ch in _VNI_SINGLE else ch)
        i += 1
    return "".join(out)


_COMMON_WORDS = (
    "của|và|các|được|thực hiện|kế hoạch|xã|huyện|tỉnh|nông thôn|người|ngày|tháng|năm|trên|địa bàn|"
    "xây dựng|nhân dân|phong trào|ủy ban|đơn vị|công tác|nội dung|cộng hòa|việt nam|những|trong|với|cho"
)
_COMMON = re.compile(r"\b(?:" + _COMMON_WORDS.replace(" ", r"\s+") + r")\b", re.IGNORECASE)  # a wrap inside too
# a tone mark left on its own after NFC: Windows-1258 reading bytes that were never its own
_STRAY_MARK = re.compile(r"[\u0300-\u0323]")


def vietnamese_score(text: str) -> int:
    """How Vietnamese a text reads: common words found, minus characters that only
    mis-decoded legacy text has."""
    sample = text[:20000]
    junk = len(re.findall(r"[¸¹µ¶·»¼½¾ÆÇÈÉËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßø÷ùúûü]", sample)) + len(_STRAY_MARK.findall(sample))
    return len(_COMMON.findall(sample)) * 3 - junk


_ONLY_VIETNAMESE = re.compile(r"[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")


_VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
_NOT_VIETNAMESE = re.compile(
    "[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1) + "]"
)


def reads_as_unicode_vietnamese(text: str) -> bool:
    """Letters only Unicode Vietnamese has, and none of the Latin-1 symbols and letters
    (ª « ¹ § ö Ï) that TCVN3 or VNI bytes read as a code page leave behind."""
    sample = text[:20000]
    return bool(_ONLY_VIETNAMESE.search(sample)) and not _NOT_VIETNAMESE.search(sample)


_NOT_A_LETTER = re.compile(r"[\W\d_]+")


def repair(text: str) -> str:
    """The best reading among the text as it is, as TCVN3 and as VNI. Text that already
    has letters only Unicode Vietnamese has (ă, ơ, ư, đ, ạ…) is left as it is."""
    sample = text[:20000]
    if not re.search(r"[\u00a1-\u00ff]", sample):
        return text
    if len(_ONLY_VIETNAMESE.findall(sample)) > len(_NOT_A_LETTER.sub("", sample)) / 50:
        return text
    return max([text, from_tcvn3(text), from_vni(text)], key=vietnamese_score)
