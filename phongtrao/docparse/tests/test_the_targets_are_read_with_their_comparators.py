"""The targets room (`targets.py`): a percentage, money in words, a figure to stay under."""

from phongtrao.docparse import parse_text
from phongtrao.docparse.tests.plan_text import PLAN


def test_each_target_with_its_value_unit_and_comparator():
    targets = parse_text(PLAN)["targets"]
    assert [(t["value"], t["unit"], t.get("comparator")) for t in targets] == [
        (100, "%", None),
        (500_000_000, "VND", ">"),
        (2, "%", "<"),
    ]
    assert targets[2]["text"] == "Giảm tỷ lệ hộ nghèo xuống dưới 2%"
