"""The closing room (`closing.py`): the recipients without the archive line, the signature's
authority, title and name."""

from phongtrao.docparse import parse_text
from phongtrao.docparse.tests.plan_text import PLAN


def test_the_recipients_and_the_signature():
    parsed = parse_text(PLAN)
    assert parsed["recipients"] == ["UBND huyện"]
    assert parsed["signer"] == {"name": "Nguyễn Văn Hùng", "authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH"}


def test_a_text_cut_before_its_signature_takes_the_signer_from_the_sites_card():
    card = "Nơi ban hành: Tỉnh Nghệ An Người ký: Bùi Đình Long\tChức vụ: Phó Chủ tịch\n"
    cut = parse_text(f"{card}KẾ HOẠCH\nThi đua\nCăn cứ Luật Thi đua, khen thưởng;\nI. MỤC ĐÍCH\nĐể tiếp tục")
    assert cut["signer"] == {"name": "Bùi Đình Long", "authority": None, "title": None}
    assert "signer" in cut["uncertain"]
    signed = parse_text(
        f"{card}KẾ HOẠCH\nThi đua\nI. MỤC ĐÍCH\nTốt.\nNơi nhận:\n- UBND huyện;\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nNguyễn Văn Hùng\n"
    )
    assert signed["signer"]["name"] == "Nguyễn Văn Hùng"  # the signature in the text comes first
    assert "signer" not in signed["uncertain"]
