"""The duties room (`duties.py`): the assignees of “Tổ chức thực hiện”, each duty with its
deadline and the level it reaches (“Các thôn”: every village)."""

from phongtrao.docparse import parse_text
from phongtrao.docparse.tests.plan_text import PLAN


def test_each_assignee_and_its_duty():
    parsed = parse_text(PLAN)
    assert parsed["assignees"] == ["Công chức Địa chính - Xây dựng", "Các thôn"]
    assert [(d["assignee"], d["deadline"], d["level"]) for d in parsed["duties"]] == [
        ("Công chức Địa chính - Xây dựng", "2024-03-15", None),
        ("Các thôn", None, "village"),
    ]
