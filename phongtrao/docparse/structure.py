"""The outline of a document: numbered headings (I., 1., 2.1., a), Điều 1.) and the
lines under them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from phongtrao.docparse.text import LOWER

ROMAN = re.compile(r"^(?P<label>[IVX]{1,5})\s*[.)]\s*(?P<rest>.*)$")
ARTICLE = re.compile(r"^(?P<label>Điều\s+\d+)\s*[.:]\s*(?P<rest>.*)$")
DECIMAL2 = re.compile(r"^(?P<label>\d{1,2}\.\d{1,2})\.?\s+(?P<rest>.+)$")
DECIMAL = re.compile(r"^(?P<label>\d{1,2})\s*[.)]\s*(?P<rest>.+)$")
LETTER = re.compile(rf"^(?P<label>[{LOWER}])\s*[,.)/]\s+(?P<rest>.+)$")
BULLET = re.compile(r"^(?P<label>[-–•+])\s*(?P<rest>.+)$")

LEVELS = [(0, ROMAN), (0, ARTICLE), (2, DECIMAL2), (1, DECIMAL), (3, LETTER), (4, BULLET)]


@dataclass
class Heading:
    index: int
    depth: int
    label: str
    text: str


def heading_of(line: str) -> tuple[int, str, str] | None:
    for depth, pattern in LEVELS:
        match = pattern.match(line)
        if match and (depth != 1 or not re.match(r"^\d+[.,]\d", line)):
            return depth, match["label"], match["rest"].strip()
    return None


@dataclass
class Node:
    label: str
    heading: str
    depth: int
    text: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "heading": self.heading,
            "text": "\n".join(self.text),
            "children": [child.as_dict() for child in self.children],
        }


def outline(lines: list[str]) -> list[dict]:
    """The ordered section tree: roman parts, numbered items, lettered points and
    dashes; a long numbered line is a heading with its text after the colon."""
    roots: list[Node] = []
    stack: list[Node] = []
    for line in lines:
        found = heading_of(line)
        if found is None or (found[0] == 4 and not stack):
            if stack:
                stack[-1].text.append(line)
            continue
        depth, label, rest = found
        head, colon, tail = rest.partition(":")
        heading, text = (head.strip(), tail.strip()) if colon and len(head) <= 120 else (rest, "")
        if len(heading) > 160:
            heading, text = "", rest
        node = Node(label=label if depth != 4 else label, heading=heading, depth=depth, text=[text] if text else [])
        while stack and stack[-1].depth >= depth:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return [node.as_dict() for node in roots]


class Reading:
    """What each room of the parser reads (its methods are `extract.PlanText`'s): the
    document's logical lines and their folded forms, beside the spans its structure found."""

    lines: list[str]
    folded: list[str]
    confidence: dict[str, float]  # a field's confidence, written by the rule that read it
