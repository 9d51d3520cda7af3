"""The header room (`header.py`) on the Decree's layout and on layouts that differ a little
from the corpus's, each in the shape real web pages and PDF dumps give (made up here):
words of the header broken across lines, the unit's line lost, a place wrapped before its
date, no document-kind line; and the confidence each field is read with."""

from phongtrao.docparse import parse_text
from phongtrao.docparse.tests.plan_text import PLAN


def test_a_header_broken_at_any_word_is_read_whole():
    parsed = parse_text(
        "ỦY\nBAN NHÂN DÂN\nHUYỆN ĐỒI CHÈ\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:\n05/KH-UBND\nBến\nTre, ngày 12 tháng 3 năm 2024\nKẾ\nHOẠCH\nRa quân làm đường giao thông nông thôn\n"
        "Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ;\nI. MỤC ĐÍCH\n"
    )
    assert (parsed["doc_type"], parsed["number"], parsed["place"]) == ("KE_HOACH", "05/KH-UBND", "Bến Tre")
    assert (parsed["issuer"], parsed["title"]) == ("UBND huyện Đồi Chè", "Ra quân làm đường giao thông nông thôn")


def test_a_title_with_no_document_kind_line_and_an_issuer_from_the_authority_or_the_site_card():
    header = (
        "Số hiệu: 2/QĐ-UBND Loại văn bản: Quyết định\nNơi ban hành: Tỉnh Nghệ An Người ký: Bùi Đình Long\n"
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 2/QĐ-UBND | Vinh, ngày 04 tháng 01 năm 2024 |\n"
        "BAN HÀNH BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI\n"
    )
    rest = "Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
    parsed = parse_text(header + "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n" + rest)
    assert parsed["title"] == "BAN HÀNH BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI"
    assert parsed["issuer"] == "UBND tỉnh Nghệ An"  # the authority repeated above “Căn cứ”
    parsed = parse_text(header + rest)
    assert parsed["issuer"] == "UBND tỉnh Nghệ An" and "issuer" in parsed["uncertain"]  # the law portal's card


def test_every_field_carries_the_confidence_of_the_rule_that_read_it():
    layout = parse_text(
        "ỦY BAN NHÂN DÂN\nXÃ HỒNG THÁI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/KH-UBND\n"
        "Hồng Thái, ngày 7 tháng 4 năm 2023\nKẾ HOẠCH\nTổ chức ngày thứ Bảy đi cơ sở\nI. MỤC TIÊU\nLàm tốt.\n"
    )
    assert {k: layout["confidence"][k] for k in ("doc_type", "number", "issuer", "title")} == dict.fromkeys(
        ("doc_type", "number", "issuer", "title"), 0.95
    )
    assert layout["confidence"]["signer"] == 0.0 and "signer" in layout["uncertain"]
    assert "issuer" not in layout["uncertain"] and "title" not in layout["uncertain"]
    from_the_place = parse_text(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 9/KH-UBND | Quảng Trị, ngày 5 tháng 3 năm 2024 |\n"
        "Kế hoạch thực hiện phong trào thi đua trên địa bàn tỉnh năm 2024\nI. MỤC ĐÍCH\nLàm tốt.\n"
    )
    assert from_the_place["issuer"] == "UBND tỉnh Quảng Trị"
    assert from_the_place["confidence"]["issuer"] == 0.5 and from_the_place["confidence"]["title"] == 0.6
    assert {"issuer", "title"} <= set(from_the_place["uncertain"])


def test_the_header_in_the_decrees_layout():
    parsed = parse_text(PLAN)
    assert [parsed[k] for k in ("doc_type", "number", "issue_date", "place", "issuer", "title")] == [
        "KE_HOACH",
        "12/KH-UBND",
        "2024-02-10",
        "Hồng Phong",
        "UBND xã Hồng Phong",
        "Ra quân làm đường giao thông nông thôn năm 2024",
    ]


def test_a_plan_posted_as_an_article_is_read_from_its_lead_sentence():
    parsed = parse_text(
        "Trang chủ > Tin tức\nUBND huyện Ea H'Leo triển khai kế hoạch xây dựng nông thôn mới\n"
        "Ngày 12/3/2024, UBND huyện Ea H'Leo (sau đây gọi tắt là UBND huyện) ban hành Kế hoạch số 88/KH-UBND "
        "ngày 10/3/2024 về thực hiện phong trào thi đua xây dựng nông thôn mới năm 2024.\n"
        "Theo đó, phấn đấu 100% xã đạt chuẩn.\n"
    )
    assert [parsed[k] for k in ("doc_type", "number", "issue_date", "issuer", "title")] == [
        "KE_HOACH",
        "88/KH-UBND",
        "2024-03-10",
        "UBND huyện Ea H'Leo",
        "thực hiện phong trào thi đua xây dựng nông thôn mới năm 2024",
    ]
    assert {"number", "issue_date", "issuer", "title"} <= set(parsed["uncertain"])  # read from prose
    nameless = parse_text("UBND huyện phát động Kế hoạch số 66/KH-UBND ngày 05/4/2023 triển khai phong trào thi đua.\n")
    assert (nameless["number"], nameless["issuer"]) == ("66/KH-UBND", None)  # no name: none invented


def test_a_page_title_that_starts_with_the_number():
    parsed = parse_text(
        "Văn bản\n66/KH-UBND triển khai phong trào thi đua xây dựng nông thôn mới năm 2023\n"
        "Căn cứ Quyết định số 1730/QĐ-TTg ngày 05/9/2016 của Thủ tướng Chính phủ;\nI. MỤC ĐÍCH\nTốt.\n"
    )
    assert (parsed["doc_type"], parsed["number"]) == ("KE_HOACH", "66/KH-UBND")
    assert parsed["title"] == "triển khai phong trào thi đua xây dựng nông thôn mới năm 2023"
    assert [r["number"] for r in parsed["basis_refs"]] == ["1730/QĐ-TTg"]


def test_the_number_and_the_place_on_one_line_and_a_blank_day():
    parsed = parse_text(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 05 /BC-UBND Tân Lập, ngày tháng năm 2024\nBÁO CÁO\nKết quả thực hiện phong trào\nI. KẾT QUẢ\nTốt.\n"
    )
    assert (parsed["number"], parsed["place"], parsed["issue_date"]) == ("05/BC-UBND", "Tân Lập", None)
    assert "issue_date" in parsed["uncertain"]  # a blank day is never invented


def test_a_unit_a_title_and_a_number_wrapped_anywhere_in_capitals():
    parsed = parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH HẢI\nDƯƠNG\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\n"
        "Hải Dương, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM TỈNH HẢI\n"
        "DƯƠNG GIAI ĐOẠN 2023-2025\nCăn cứ Quyết định số 1315/QĐ-\nTTg ngày 09/11/2023 của Thủ tướng Chính phủ;\n"
        "Căn cứ\nQuyết định số 919/QĐ-TTg ngày 01/8/2022 của Thủ tướng Chính phủ phê duyệt\n"
        "Chương trình mỗi xã một sản phẩm giai đoạn 2021-2025;\nI. MỤC ĐÍCH\nTốt.\n"
    )
    assert parsed["issuer"] == "UBND tỉnh Hải Dương"
    assert parsed["title"] == "THỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM TỈNH HẢI DƯƠNG GIAI ĐOẠN 2023-2025"
    assert [r["number"] for r in parsed["basis_refs"]] == ["1315/QĐ-TTg", "919/QĐ-TTg"]


def test_the_title_under_the_header_comes_before_a_sites_related_documents():
    parsed = parse_text(
        "- 2 Quyết định 1600/QĐ-TTg năm 2016 phê duyệt Chương trình mục tiêu quốc gia\n"
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 1217/QĐ-UBND | Đồng Nai, ngày 17 tháng 4 năm 2017 |\n"
        "BAN HÀNH BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI KIỂU MẪU\nỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
    )
    assert parsed["title"] == "BAN HÀNH BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI KIỂU MẪU"
