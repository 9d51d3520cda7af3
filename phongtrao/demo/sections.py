"""Reads the body of a plain-text plan into the preamble and ordered sections, for the
demo's seed plans (the full document reader is phongtrao.docparse's job)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKUP = re.compile(r"\*+")
_HEADINGS = [
    (0, re.compile(r"^(?P<label>[IVX]+\.)\s*(?P<rest>.+)$")),
    (2, re.compile(r"^(?P<label>\d+\.\d+\.)\s*(?P<rest>.+)$")),
    (1, re.compile(r"^(?P<label>\d+\.)\s*(?P<rest>.+)$")),
]
_END = re.compile(r"^-?\s*Nơi nhận", re.IGNORECASE)
_SHORT_HEADING = 160


@dataclass
class SectionText:
    label: str
    depth: int
    heading: str
    text: str


def split_body(text: str) -> tuple[str, list[SectionText]]:
    lines = [_MARKUP.sub("", line).strip() for line in text.splitlines()]
    start = next((i for i, line in enumerate(lines) if re.match(r"^I\.\s", line)), None)
    if start is None:
        return "", []
    title_at = next((i for i, line in enumerate(lines[:start]) if line == "KẾ HOẠCH"), None)
    preamble_from = title_at + 2 if title_at is not None else 0
    preamble = "\n".join(line for line in lines[preamble_from:start] if line)
    end = next((i for i in range(start, len(lines)) if _END.match(lines[i])), len(lines))
    sections: list[SectionText] = []
    for line in lines[start:end]:
        if not line:
            continue
        heading = _heading(line)
        if heading is not None:
            sections.append(heading)
        elif sections:
            current = sections[-1]
            current.text = f"{current.text}\n{line}" if current.text else line
    return preamble, sections


def _heading(line: str) -> SectionText | None:
    for depth, pattern in _HEADINGS:
        match = pattern.match(line)
        if match is None:
            continue
        rest = match.group("rest").strip()
        if len(rest) <= _SHORT_HEADING:
            return SectionText(match.group("label"), depth, rest, "")
        head, colon, tail = rest.partition(":")
        if colon and len(head) <= _SHORT_HEADING:
            return SectionText(match.group("label"), depth, head.strip() + ":", tail.strip())
        return SectionText(match.group("label"), depth, "", rest)
    return None
