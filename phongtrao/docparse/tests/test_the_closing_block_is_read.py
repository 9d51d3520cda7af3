"""The closing room (`closing.py`): the recipients without the archive line, the signature's
authority, title and name."""

from phongtrao.docparse import parse_text
from phongtrao.docparse.tests.plan_text import PLAN


def test_the_recipients_and_the_signature():
    parsed = parse_text(PLAN)
    assert parsed["recipients"] == ["UBND huyện"]
    assert parsed["signer"] == {"name": "Nguyễn Văn Hùng", "authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH"}
