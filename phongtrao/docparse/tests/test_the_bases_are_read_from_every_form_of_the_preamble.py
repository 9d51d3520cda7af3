"""The references room (`references.py`): bases from every form of the preamble (paragraphs,
numbered and dashed lists, under a heading of their own, wrapped before a capital), not the
documents a basis is about; the other documents the text cites."""

from phongtrao.docparse import parse_text
from phongtrao.docparse.tests.plan_text import PLAN


def test_bases_as_lists_and_wrapped_before_a_capital():
    parsed = parse_text(
        "KẾ HOẠCH\nPhát động phong trào thi đua\nI. CĂN CỨ\n"
        "1. Căn cứ Nghị quyết số 25/NQ-HĐND ngày 10/12/2021 của Hội đồng nhân dân tỉnh;\n"
        "- Thực hiện Kế hoạch số 88/KH-BCĐ ngày 05/01/2022 của Ban\nChỉ đạo các chương trình mục tiêu quốc gia và\n"
        "Quyết định số 912/QĐ-UBND ngày 07/01/2022 của UBND tỉnh;\n"
        "Triển khai thực hiện Kết luận số 49-KL/TW ngày 10/5/2019 của Ban Bí thư về tiếp tục thực hiện "
        "Chỉ thị số 11-CT/TW ngày 03/4/2007 của Bộ Chính trị;\nII. NỘI DUNG\nLàm tốt.\n"
    )
    assert [r["number"] for r in parsed["basis_refs"]] == ["25/NQ-HĐND", "88/KH-BCĐ", "912/QĐ-UBND", "49-KL/TW"]


def test_the_documents_cited_in_the_body_are_apart_from_the_bases():
    parsed = parse_text(PLAN)
    assert [(r["number"], r["date"]) for r in parsed["basis_refs"]] == [("263/QĐ-TTg", "2022-02-22")]
    assert [r["number"] for r in parsed["references"]] == ["45/KH-UBND"]


def test_a_document_cited_twice_and_a_number_whose_hyphen_was_lost_are_one_basis():
    parsed = parse_text(
        "KẾ HOẠCH\nThử nghiệm\nCăn cứ Quyết định số 912/QĐUBND ngày 07/01/2022 của UBND tỉnh;\n"
        "Căn cứ Quyết định số 912/QĐ-UBND của UBND tỉnh về việc phân công;\nI. MỤC ĐÍCH\nTốt.\n"
    )
    assert [(r["number"], r["date"]) for r in parsed["basis_refs"]] == [("912/QĐ-UBND", "2022-01-07")]


def test_a_basis_list_that_goes_on_after_a_break():
    parsed = parse_text(
        "KẾ HOẠCH\nThử nghiệm\nCăn cứ Kết luận số 49-KL/TW ngày 10/5/2019 của Ban Bí thư;\n"
        "Chỉ thị số 26-CT/TU ngày 20/12/2023 của Ban Thường vụ Tỉnh ủy;\nI. MỤC ĐÍCH\nTốt.\n"
    )
    assert [r["number"] for r in parsed["basis_refs"]] == ["49-KL/TW", "26-CT/TU"]


def test_a_basis_wrapped_inside_a_name_a_clause_or_its_number():
    parsed = parse_text(
        "THÔNG BÁO\nVệ sinh môi trường\n"
        "Thực hiện Kế hoạch số 811/KH-UBND ngày 09/02/2022 của UBND thành phố Huế về đề án “Hãy hành động để Thừa\n"
        "Thiên Huế Xanh-Sạch-Sáng năm 2022; Công văn số:\n1678/UBND-MT ngày 15/3/2022 của UBND thành phố Huế;\n"
        "Căn cứ Quy chế (ban hành kèm theo Quyết định số 41/2016/QĐ-TTg ngày 10/10/2016 của Thủ tướng Chính phủ);\n"
        "trên cơ sở Công văn số 3619/BKHĐT-TCTT ngày 30/5/2018 của Bộ Kế hoạch và Đầu tư;\n"
        "Căn cứ Kết luận số 49-KL/TW ngày 10/5/2019 của Ban Bí thư về thực hiện Chỉ thị số 11-CT/TW của Bộ\n"
        "Chính trị về khuyến học; Chỉ thị số 14/CT-TTg ngày 25/5/2021 của Thủ tướng Chính phủ;\n"
        "Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ;\n"
        "Quyếtđịnh số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ.\n"
        "Xét đề nghị của Sở Nội vụ tại Tờ trình số 209/TTr-SNV ngày 11/5/2017\n1. Nội dung\nLàm tốt.\n"
    )
    assert [(r["number"], r["issuer"]) for r in parsed["basis_refs"]] == [
        ("811/KH-UBND", "UBND thành phố Huế"),
        ("1678/UBND-MT", "UBND thành phố Huế"),
        ("41/2016/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("3619/BKHĐT-TCTT", "Bộ Kế hoạch và Đầu tư"),
        ("49-KL/TW", "Ban Bí thư"),
        ("14/CT-TTg", "Thủ tướng Chính phủ"),
        ("1373/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("1315/QĐ-TTg", "Thủ tướng Chính phủ"),
    ]
