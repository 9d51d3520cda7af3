"""The figures a plan aims at: percentages, money, counts, with their comparators."""

from __future__ import annotations

import re

from phongtrao.docparse.numbers import decimal, plain
from phongtrao.docparse.structure import Reading
from phongtrao.docparse.text import LOWER, clean

PERCENT = re.compile(
    r"(?P<cmp>trên|dưới|ít nhất|tối thiểu|không quá|không dưới|tối đa|từ)?\s*(?P<val>\d+(?:[.,]\d+)?)\s*(?P<unit>%|‰)"
    r"(?P<more>\s*trở lên)?",
    re.IGNORECASE,
)
MONEY = re.compile(
    r"(?P<cmp>trên|dưới|ít nhất|tối thiểu|không quá|từ)?\s*(?P<val>\d+(?:[.,]\d+)*)\s*"
    r"(?P<unit>tỷ đồng|triệu đồng|nghìn đồng|ngàn đồng)",
    re.IGNORECASE,
)
COUNT = re.compile(
    r"(?:hoàn thành|phấn đấu có|phấn đấu đạt|xây dựng|có thêm)\s+(?P<cmp>ít nhất|tối thiểu|trên)?\s*(?P<val>\d{1,4})\s+"
    rf"(?P<unit>[{LOWER}]+(?:\s+[{LOWER}]+)?)",
    re.IGNORECASE,
)
COUNT_UNIT_STOPS = {"tại", "đạt", "trong", "của", "và", "ở", "được", "trên", "theo", "cho", "với", "để", "thuộc", "năm"}
COMPARATORS = {
    "trên": ">",
    "dưới": "<",
    "ít nhất": ">=",
    "tối thiểu": ">=",
    "không dưới": ">=",
    "không quá": "<=",
    "tối đa": "<=",
    "từ": ">=",
}
MONEY_SCALE = {"tỷ đồng": 10**9, "triệu đồng": 10**6, "nghìn đồng": 10**3, "ngàn đồng": 10**3}


class TargetReading(Reading):
    """`PlanText`'s methods that read the targets."""

    def targets(self) -> list[dict]:
        found = []
        for i in self.body():
            if self.in_rewards(i) or "\t" in self.lines[i]:
                continue
            line = self.lines[i]
            for segment in re.split(r";", line):
                found.extend(self._targets_in(segment, counts=not self.in_duties(i)))
        return found

    def _targets_in(self, segment: str, counts: bool) -> list[dict]:
        hits = []
        for match in PERCENT.finditer(segment):
            cmp = COMPARATORS.get((match["cmp"] or "").lower())
            if match["more"]:
                cmp = ">="
            hits.append((match.start(), match.end(), decimal(match["val"]), match["unit"], cmp))
        for match in MONEY.finditer(segment):
            value = decimal(match["val"]) * MONEY_SCALE[match["unit"].lower()]
            hits.append((match.start(), match.end(), value, "VND", COMPARATORS.get((match["cmp"] or "").lower())))
        if counts:
            for match in COUNT.finditer(segment):
                words = []
                for word in match["unit"].split():
                    if word.lower() in COUNT_UNIT_STOPS:
                        break
                    words.append(word)
                if words:
                    hits.append(
                        (
                            match.start(),
                            match.end(),
                            float(match["val"]),
                            " ".join(words),
                            COMPARATORS.get((match["cmp"] or "").lower()) or ">=" if match["cmp"] else None,
                        )
                    )
        hits.sort()
        targets = []
        for n, (start, end, value, unit, cmp) in enumerate(hits):
            stop = hits[n + 1][0] if n + 1 < len(hits) else len(segment)
            begin = hits[n - 1][1] if n else 0
            left = max(segment.rfind(". ", begin, start) + 1, begin)
            right = segment.find(". ", end, stop)
            right = right if right != -1 else stop
            if len(hits) > 1:  # a list of figures: each keeps the words between its commas
                left = max(left, segment.rfind(",", begin, start + 1) + 1, segment.rfind(":", begin, start + 1) + 1)
                comma = segment.find(", ", end, right)
                right = comma if comma != -1 and n + 1 < len(hits) else right
            piece = segment[left:right]
            text = clean(re.sub(r"^(?:[-–•+]\s*|\(\d+\)\s*|\d+(?:\.\d+)*[.)]\s+)+", "", piece.strip()))
            target = {"text": text, "value": plain(value), "unit": unit}
            if cmp:
                target["comparator"] = cmp
            targets.append(target)
        return targets
