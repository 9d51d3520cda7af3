"""Whatever arrives, the reader answers with a parse or a ReadError, never a crash."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phongtrao.docparse import ReadError, parse_bytes, parse_text

CONTRACT = {
    "doc_type",
    "number",
    "issue_date",
    "place",
    "issuer",
    "title",
    "basis_refs",
    "period",
    "phases",
    "deadlines",
    "targets",
    "assignees",
    "recipients",
    "signer",
}
PIECES = st.sampled_from(
    [
        "KẾ HOẠCH",
        "Số: 42/KH-UBND",
        "Hà Nội, ngày 31 tháng 2 năm 2023",
        "I. MỤC ĐÍCH",
        "1. Đợt 1: từ 01/3 đến",
        "- 61,5% số xã",
        "trên 134 triệu đồng",
        "Nơi nhận:",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn A",
        "Căn cứ Quyết định số 1/QĐ-TTg ngày 99/99/9999 của",
        "trước ngày 30/02/2024",
        "|",
        "**",
        "\t",
        "Quý V/2023",
        "thứ bảy hàng tháng (trừ",
        "Điểm 3: (từ 02/9 đến 31/12/2023)",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_any_text_parses_to_the_contract(text):
    assert set(parse_text(text)) >= CONTRACT


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=60))
def test_document_like_noise_parses_to_the_contract(pieces):
    assert set(parse_text("\n".join(pieces))) >= CONTRACT


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=4096), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a", "a.doc"]))
def test_any_bytes_give_a_parse_or_a_read_error(data, name):
    try:
        assert set(parse_bytes(data, name)) >= CONTRACT
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc)


def test_a_huge_line_without_structure_is_parsed():
    text = "xây dựng nông thôn mới " * 200_000  # 4.6 MB in one line
    assert parse_text(text)["title"] is None
