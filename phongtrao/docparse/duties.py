"""Who does what: the assignees of the “Tổ chức thực hiện” part and their duties, and the
emulation's subjects, reward standards and forms."""

from __future__ import annotations

import re

from phongtrao.docparse.dates import iso
from phongtrao.docparse.schedule import DEADLINE
from phongtrao.docparse.structure import Reading, heading_of
from phongtrao.docparse.text import clean, fold, fold_keep

ORG_START = re.compile(
    r"^(?:Hội|Đoàn|Ban|Ủy ban|Uỷ ban|UBND|UB|Phòng|Công an|Mặt trận|MTTQ|Công đoàn|Trường|Trạm|Công chức|Văn phòng|"
    r"Các|Đài|Sở|Thôn|Tiểu khu|Chi bộ|Chi hội|Đảng ủy|Đảng uỷ|Hội đồng|Cán bộ|Hợp tác xã|Lực lượng|Bộ|Tổ|Trung tâm|"
    r"Chủ tịch|Phó Chủ tịch|Bí thư|Trưởng|Giám đốc)\b"
)
ASSIGNEE_STOPS = [
    " theo don vi",
    " can cu ",
    " tap trung ",
    " chu tri",
    " phoi hop",
    " tham muu",
    " thuc hien ",
    " trien khai",
    " co trach nhiem",
    " xay dung ke hoach",
    " huong dan ",
    " tang cuong",
    " chi dao ",
]


class DutyReading(Reading):
    """`PlanText`'s methods that read the duties and their assignees."""

    def assignees(self) -> list[str]:
        names = []
        for i in self.body():
            if not self.in_duties(i):
                continue
            line = self.lines[i]
            found = heading_of(line)
            if not found or found[0] == 0:
                continue
            depth, _label, rest = found
            name = None
            if depth == 1 and self.parts[i].item_line == i:
                name = _assignee_name(rest, require_org=False)
            elif depth in (3, 4) and ":" in rest[:120]:
                name = _assignee_name(rest, require_org=True)
            if name and name not in names:
                names.append(name)
        return names

    def duties(self) -> list[dict]:
        """Each assignee of "Tổ chức thực hiện" with the text under it, its first
        deadline, and the level it addresses when it names every commune or village."""
        duties: list[dict] = []
        current = None
        for i in self.body():
            if not self.in_duties(i):
                current = None
                continue
            line = self.lines[i]
            found = heading_of(line)
            name = None
            if found and found[0] == 1 and self.parts[i].item_line == i:
                name = _assignee_name(found[2], require_org=False)
            elif found and found[0] in (3, 4) and ":" in found[2][:120]:
                name = _assignee_name(found[2], require_org=True)
            if name:
                tail = found[2].partition(":")[2].strip() if ":" in found[2][:150] else ""
                current = {"assignee": name, "text": [tail] if tail else [], "deadline": None, "level": _level_of(name)}
                duties.append(current)
            elif current is not None and (found is None or found[0] != 0):
                current["text"].append(line)
        for duty in duties:
            duty["text"] = "\n".join(duty["text"]).strip() or duty["assignee"]
            match = DEADLINE.search(duty["text"])
            duty["deadline"] = iso(self._deadline_day(match["d"])) if match else None
        return duties

    def assignee_at(self, i: int) -> str | None:
        item_line = self.parts[i].item_line
        if item_line is None or not self.in_duties(i):
            return None
        line = self.lines[i]
        found = heading_of(line)
        if found and found[0] in (3, 4) and ":" in found[2][:120]:
            name = _assignee_name(found[2], require_org=True)
            if name:
                return name
        return _assignee_name(heading_of(self.lines[item_line])[2], require_org=False)

    def emulation_subjects(self) -> dict | None:
        subjects: dict[str, list[str]] = {"collective": [], "individual": []}
        current = None
        for i in self.body():
            if "doituong" not in self.parts[i].part_key:
                continue
            folded = self.folded[i]
            if heading_of(self.lines[i]) and "tap the" in folded:
                current = "collective"
                continue
            if heading_of(self.lines[i]) and "ca nhan" in folded:
                current = "individual"
                continue
            if current and not heading_of(self.lines[i]):
                for piece in re.split(r";|\s+và\s+|\s+cùng\s+", self.lines[i]):
                    if clean(piece):
                        subjects[current].append(clean(piece))
        return subjects if any(subjects.values()) else None

    def reward_standards(self) -> list[dict]:
        """ "1.1. Đối với các tiểu khu" and the lines under it, in the reward standards part."""
        standards: list[dict] = []
        current = None
        for i in self.body():
            part, item = self.parts[i].part_key, self.parts[i].item
            found = heading_of(self.lines[i])
            inside = "tieuchuan" in part and ("tieuchuan" in self.parts[i].item_key or fold(item).startswith("doi voi"))
            if not inside:
                current = None
                continue
            if found and found[0] in (1, 2) and fold(found[2]).startswith("doi voi"):
                current = {"subject": clean(re.sub(r"^Đối với\s+", "", found[2], flags=re.IGNORECASE)), "text": []}
                standards.append(current)
            elif current is not None and not (found and found[0] in (0, 1)):
                current["text"].append(self.lines[i])
        return [
            {"subject": s["subject"][0].upper() + s["subject"][1:], "text": "\n".join(s["text"])}
            for s in standards
            if s["subject"] and s["text"]
        ]

    def reward_forms(self) -> list[str]:
        forms = []
        for i in self.body():
            if "khenthuong" not in self.parts[i].part_key:
                continue
            for match in re.finditer(
                r"(?:Giấy khen|Bằng khen|Cờ thi đua|Danh hiệu [^,.;:]+?) của [^,.;:()]+", self.lines[i]
            ):
                form = clean(match[0])
                if form not in forms:
                    forms.append(form)
        return forms


def _assignee_name(rest: str, require_org: bool) -> str | None:
    text = re.sub(r"^Đề nghị\s+", "", rest.strip(), flags=re.IGNORECASE)
    if require_org and not ORG_START.match(text):
        return None
    head, colon, _tail = text.partition(":")
    if colon and len(head) <= 150:
        text = head
    else:
        folded = fold_keep(text)
        cuts = [folded.find(stop) for stop in ASSIGNEE_STOPS if folded.find(stop) > 3]
        if cuts:
            text = text[: min(cuts)]
    text = re.sub(r"\s*\([^)]*\)?\s*$", "", text)
    text = clean(text)
    if not text or len(text.split()) > 20:
        return None
    return text[0].upper() + text[1:]


def _level_of(assignee: str) -> str | None:
    folded = fold(assignee)
    if re.search(r"\b(?:ubnd|uy ban nhan dan) cac (?:xa|phuong)", folded):
        return "commune"
    if re.search(
        r"\bcac (?:thon|ban|xom|tieu khu|to dan pho)\b|\bthon tren dia ban|ban phat trien (?:cac )?thon", folded
    ):
        return "village"
    return None
