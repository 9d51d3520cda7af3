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


def test_a_page_title_in_lower_case_under_a_sites_menu():
    parsed = parse_text(
        "Trang chủ\nTra cứu văn bản\nsố 912/2021/QĐ-UBND tỉnh Quảng Nam về việc ban hành Kế hoạch thực hiện "
        "phong trào thi đua xây dựng nông thôn mới năm 2021\n"
        "Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003;\nĐiều 1. Ban hành kèm theo Quyết định này.\n"
    )
    assert (parsed["doc_type"], parsed["number"], parsed["issuer"]) == (
        "QUYET_DINH",
        "912/2021/QĐ-UBND",
        "UBND tỉnh Quảng Nam",
    )
    assert parsed["title"] == "về việc ban hành Kế hoạch thực hiện phong trào thi đua xây dựng nông thôn mới năm 2021"
    assert {"number", "issuer", "title"} <= set(parsed["uncertain"])  # read from a web page's title
    # “Quyết định” / “số …” is one basis wrapped, not a page's title
    wrapped = parse_text(
        "KẾ HOẠCH\nThi đua\nCăn cứ Quyết định\nsố 1730/QĐ-TTg ngày 05/9/2016;\nQuyếtđịnh\nsố 1620/QĐ-TTg ngày 20/9/2011;\n"
        "I. MỤC ĐÍCH\nTốt.\n"
    )
    assert [r["number"] for r in wrapped["basis_refs"]] == ["1730/QĐ-TTg", "1620/QĐ-TTg"]


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


def test_an_authority_block_wrapped_by_its_column_is_read_body_by_body():
    def issuer(block: str) -> str:
        return parse_text(f"{block}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 5/KH-UBND\nKẾ HOẠCH\nThi đua\n")["issuer"]

    assert issuer("BỘ NÔNG NGHIỆP VÀ\nPHÁT TRIỂN NÔNG THÔN") == "Bộ Nông nghiệp và Phát triển nông thôn"
    assert issuer("BỘ NỘI VỤ\nBAN THI ĐUA - KHEN THƯỞNG\nTRUNG ƯƠNG") == "Ban Thi đua - Khen thưởng Trung ương"
    assert issuer("HUYỆN\nỦY THIỆU HÓA\nĐẢNG ỦY XÃ THIỆU\nPHÚC") == "Đảng ủy xã Thiệu Phúc"
    assert issuer("ỦY BAN NHÂN DÂN TỈNH\nQUẢNG NAM") == "UBND tỉnh Quảng Nam"
    assert issuer("TÌNH TRẠNG: ĐÃ BIẾT\nỦY BAN NHÂN DÂN") == "UBND"  # a site's “TÌNH” is no “TỈNH”
    # “CHƯƠNG TRÌNH” wrapped inside the authority is no document-kind line
    party = parse_text(
        "ĐẢNG ỦY XÃ CẨM HÀ\nBAN CHỈ ĐẠO\nCHƯƠNG TRÌNH\nMTQG XÂY DỰNG NÔNG THÔN MỚI\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Số: 14-KH/BCĐ\nKẾ HOẠCH\nPhát động thi đua xây dựng nông thôn mới năm 2022\n"
    )
    assert (party["doc_type"], party["title"]) == ("KE_HOACH", "Phát động thi đua xây dựng nông thôn mới năm 2022")
    assert party["issuer"] == "Ban Chỉ đạo chương trình MTQG xây dựng nông thôn mới xã Cẩm Hà"


def test_a_header_that_lost_its_province_takes_it_from_the_wrapped_authority_line():
    parsed = parse_text(
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 816/QĐ-UBND\nHòa Bình, ngày 19 tháng 05 năm 2017\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI\nỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n"
        "1. Căn cứ Quyết định số 1600/QĐ-TTg ngày 16/8/2016 của Thủ tướng Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
    )
    assert parsed["issuer"] == "UBND tỉnh Hòa Bình"
    assert parsed["title"] == "VỀ VIỆC BAN HÀNH BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI"  # the authority line is not the title's


def test_titles_wrapped_in_sentence_case_and_in_capitals():
    def title(text: str) -> str:
        return parse_text(f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 42/KH-UBND\n{text}\nI. MỤC ĐÍCH\nTốt.\n")["title"]

    assert (
        title(
            "KẾ HOẠCH\nTổ chức phong trào thi đua cao điểm “Toàn dân chung sức xây dựng huyện Hà\n"
            "Trung đạt huyện nông thôn mới” năm 2023\nThực hiện Kế hoạch số 42/KH-UBND ngày 24/02/2023 của UBND huyện;"
        )
        == "Tổ chức phong trào thi đua cao điểm “Toàn dân chung sức xây dựng huyện Hà Trung đạt huyện nông thôn mới” năm 2023"
    )
    assert title(
        "KẾ HOẠCH\nTổ chức phong trào thi đua\nChương trình mục tiêu quốc gia năm 2023\nĐể tiếp tục nâng cao."
    ) == ("Tổ chức phong trào thi đua Chương trình mục tiêu quốc gia năm 2023")
    assert title(
        "V/v báo cáo sơ kết 03 năm thực hiện\nChương trình MTQG xây dựng nông thôn mới\nKính gửi: Các tỉnh"
    ) == ("V/v báo cáo sơ kết 03 năm thực hiện Chương trình MTQG xây dựng nông thôn mới")
    assert title(
        "KẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG VỀ VIỆC PHÁT ĐỘNG THI ĐUA\nTHỰC HIỆN THẮNG LỢI NHIỆM VỤ PHÁT TRIỂN KINH TẾ\n"
        "- XÃ HỘI HẰNG NĂM GIAI ĐOẠN 2011\n- 2015\nThực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ;"
    ) == (
        "THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG VỀ VIỆC PHÁT ĐỘNG THI ĐUA THỰC HIỆN THẮNG LỢI NHIỆM VỤ PHÁT TRIỂN KINH TẾ"
        " - XÃ HỘI HẰNG NĂM GIAI ĐOẠN 2011 - 2015"
    )


def test_a_number_wrapped_at_its_hyphen_and_a_motto_flattened_then_wrapped():
    parsed = parse_text(
        "ĐẢNG ỦY XÃ THIỆU PHÚC\nSố 03 -\nKH/ĐU\n--------\tCỘNG HÒA\nXÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Thiệu Phúc, ngày 16 tháng 3 năm 2021\nKẾ HOẠCH\nTổng vệ sinh\n"
    )
    assert (parsed["number"], parsed["issuer"], parsed["place"]) == ("03-KH/ĐU", "Đảng ủy xã Thiệu Phúc", "Thiệu Phúc")


def test_an_issuer_named_only_in_the_text_across_a_wrap():
    parsed = parse_text(
        "Số: /KH-UBND\nHồng Thái, ngày 7 tháng 4 năm 2023\nKẾ HOẠCH\nTổ chức ngày thứ Bảy\n"
        "Để hoàn thành các mục tiêu năm 2023. UBND xã Hồng\nThái xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\nTốt.\n"
    )
    assert parsed["issuer"] == "UBND xã Hồng Thái"
    assert "issuer" in parsed["uncertain"]


def test_a_sites_card_and_a_unit_named_only_with_the_places_name():
    parsed = parse_text(
        "Tình trạng: Còn hiệu lực\nỦy\nBAN NHÂN DÂN\nTỈNH QUẢNG NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỐ: 3016/QĐ-UBND\nQuảng Nam, ngày 03 tháng 10 năm 2014\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH KHEN THƯỞNG\n"
    )
    assert (parsed["issuer"], parsed["number"]) == ("UBND tỉnh Quảng Nam", "3016/QĐ-UBND")
    # the header and the repeated authority both lost the province: the unit is the one
    # the text names with the place line's name
    parsed = parse_text(
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1217/QĐ-UBND\nĐồng Nai, ngày 17 tháng 4 năm 2017\n"
        "BAN HÀNH BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI KIỂU MẪU TỈNH ĐỒNG NAI\nỦY BAN NHÂN DÂN\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
    )
    assert parsed["issuer"] == "UBND tỉnh Đồng Nai"
    assert "issuer" in parsed["uncertain"]
