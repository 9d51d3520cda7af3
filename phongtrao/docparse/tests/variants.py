"""Variants of the gold documents that keep their meaning, as the web, a PDF dump or an old
office machine changes a text: hard wraps at word boundaries, the header table flattened,
the province line of the issuer dropped, site furniture around it, lost spaces, NFD,
TCVN3 or VNI bytes, the preamble as a list. Each kind is a function of the text and a random
generator; it answers None when the document does not have what it changes."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from phongtrao.docparse.tests.legacy_bytes import tcvn3_bytes, vni_bytes

HEADER_FIELDS = ["doc_type", "number", "issue_date", "place", "issuer", "title", "basis_refs"]
HEADER_LINES = 30  # the opening where the header, the title and the preamble sit


@dataclass(frozen=True)
class Gold:
    name: str
    text: str
    gold: dict


def gold_documents(data: Path) -> list[Gold]:
    """The seeds and the corpus with their gold files."""
    out = []
    for docs, gold in (("seeds", "seeds/gold"), ("corpus/docs", "corpus/gold")):
        for gold_path in sorted((data / gold).glob("*.json")):
            doc = next((data / docs).glob(gold_path.stem + ".*"))
            out.append(Gold(doc.name, doc.read_text(encoding="utf-8"), json.loads(gold_path.read_text("utf-8"))))
    return out


def _lines(text: str) -> list[str]:
    return text.split("\n")


def wrap(text: str, rng: random.Random, gold: dict) -> str | None:
    """Hard wraps at one to four word boundaries of the opening (the motto, the issuer,
    the kind line and the title included), as a narrow web column or a PDF dump makes."""
    lines = _lines(text)
    spots = [
        (n, m.start()) for n, line in enumerate(lines[:HEADER_LINES]) for m in re.finditer(r"(?<=\S) (?=\S)", line)
    ]
    if not spots:
        return None
    for n, at in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 4))), reverse=True):
        lines[n] = lines[n][:at] + "\n" + lines[n][at + 1 :]
    return "\n".join(lines)


MOTTO = re.compile(r"^\s*C[ỘO]NG H[ÒOÀ]A X[ÃA] H[ỘO]I", re.IGNORECASE)


def flatten(text: str, rng: random.Random, gold: dict) -> str | None:
    """The two-column header table read row by row: the issuer's line and the motto on one
    line, joined by a bar or a tab."""
    lines = _lines(text)
    motto = next((n for n, line in enumerate(lines[:HEADER_LINES]) if MOTTO.match(line)), None)
    if not motto:
        return None
    issuer_line = max(n for n in range(motto) if lines[n].strip()) if any(x.strip() for x in lines[:motto]) else None
    if issuer_line is None:
        return None
    joiner = rng.choice([" | ", "\t", "  |  ", " \t "])
    lines[issuer_line] = lines[issuer_line].rstrip() + joiner + lines[motto].strip()
    del lines[motto]
    return "\n".join(lines)


def drop_province_line(text: str, rng: random.Random, gold: dict) -> str | None:
    """A web page that lost the "TỈNH …" line under "ỦY BAN NHÂN DÂN": the province is
    then only in the place line (applies when the place is that province)."""
    place = (gold.get("place") or "").strip()
    lines = _lines(text)
    for n, line in enumerate(lines[: HEADER_LINES - 1]):
        if re.fullmatch(r"\s*(ỦY|UỶ) BAN NHÂN DÂN\s*", line):
            below = lines[n + 1].strip()
            if place and re.fullmatch(rf"TỈNH {re.escape(place.upper())}", below):
                del lines[n + 1]
                return "\n".join(lines)
    return None


MENUS = [
    "Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ",
    "Cổng thông tin điện tử\nTRANG CHỦ\tTIN TỨC - SỰ KIỆN\tVĂN BẢN CHỈ ĐẠO ĐIỀU HÀNH",
    "Bạn đang ở: Trang chủ > Văn bản > Văn bản chỉ đạo điều hành",
    "Tìm kiếm văn bản\nLoại văn bản: Tất cả\nCơ quan ban hành: Tất cả",
]
PANELS = [
    "Văn bản liên quan\n- Kế hoạch số 12/KH-UBND ngày 05/01/2021 về công tác thi đua\n- Quyết định số 45/QĐ-UBND",
    "Tải về: Tệp đính kèm (.pdf)\nLượt xem: 1.234\nIn trang | Gửi email | Chia sẻ",
    "Bình luận\nCác tin khác\nLiên kết website",
]


def furniture(text: str, rng: random.Random, gold: dict) -> str:
    """Site furniture before and after: menus, "Người ký:", "Ngày ban hành:", panels."""
    before = [rng.choice(MENUS)]
    if rng.random() < 0.5:
        before.append("Người ký: Nguyễn Văn An\tChức vụ: Phó Chủ tịch")
    if rng.random() < 0.5:
        before.append("Ngày ban hành: 01/01/2020\nNgày hiệu lực: 01/01/2020\nTình trạng: Còn hiệu lực")
    return "\n".join(before) + "\n" + text.rstrip("\n") + "\n" + rng.choice(PANELS) + "\n"


def lost_spaces(text: str, rng: random.Random, gold: dict) -> str | None:
    """Spaces a copy lost or doubled: after "Số:", after commas and colons, doubled between words."""
    lines = _lines(text)
    spots = [
        (n, m.start()) for n, line in enumerate(lines[:HEADER_LINES]) for m in re.finditer(r"(?<=[:,]) (?=\S)", line)
    ]
    if not spots:
        return None
    for n, at in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))), reverse=True):
        lines[n] = lines[n][:at] + lines[n][at + 1 :]
    n = rng.randrange(min(len(lines), HEADER_LINES))
    lines[n] = lines[n].replace(" ", "  ", 1)
    return "\n".join(lines)


def nfd(text: str, rng: random.Random, gold: dict) -> str:
    """Letters and tone marks apart (NFD), as some systems store them."""
    return unicodedata.normalize("NFD", text)


def preamble_list(text: str, rng: random.Random, gold: dict) -> str | None:
    """The "Căn cứ …" paragraphs as a numbered or a dashed list."""
    lines = _lines(text)
    bases = [n for n, line in enumerate(lines) if line.lstrip().startswith("Căn cứ")]
    if not bases:
        return None
    numbered = rng.random() < 0.5
    for count, n in enumerate(bases, start=1):
        lines[n] = (f"{count}. " if numbered else "- ") + lines[n].lstrip()
    return "\n".join(lines)


KINDS: dict[str, Callable] = {
    "wrap": wrap,
    "flatten": flatten,
    "drop_province_line": drop_province_line,
    "furniture": furniture,
    "lost_spaces": lost_spaces,
    "nfd": nfd,
    "preamble_list": preamble_list,
}
TCVN3, VNI = "tcvn3", "vni"  # applied last, to the bytes


@dataclass
class Variant:
    source: Gold
    kinds: list[str]
    data: bytes


def variant(source: Gold, rng: random.Random) -> Variant:
    """One to three kinds applied in turn (those the document lends itself to), then, one
    time in four, the text as TCVN3 or VNI bytes."""
    text, kinds = source.text, []
    for kind in rng.sample(sorted(KINDS), rng.randint(1, 3)):
        changed = KINDS[kind](text, rng, source.gold)
        if changed is not None:
            text, kinds = changed, [*kinds, kind]
    if rng.random() < 0.25:
        old_code, encode = rng.choice([(TCVN3, tcvn3_bytes), (VNI, vni_bytes)])
        try:
            return Variant(source, [*kinds, old_code], encode(unicodedata.normalize("NFC", text)))
        except UnicodeEncodeError:  # a sign the old code page has not (≥, …): kept in Unicode
            pass
    return Variant(source, kinds, text.encode("utf-8"))
