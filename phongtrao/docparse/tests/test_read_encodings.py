"""Text files as offices have them: UTF-8, UTF-16 from Word, Windows-1258, and the
legacy TCVN3 and VNI font encodings."""

from phongtrao.docparse import legacy, parse_bytes, read_document
from phongtrao.docparse.tests.legacy_bytes import tcvn3_bytes, to_cp1258

TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH\nXây dựng nông thôn mới của xã năm 2023\n"


def test_it_reads_utf16_and_utf8_with_bom():
    assert read_document(TEXT.encode("utf-16"), "a.txt").startswith("CỘNG HÒA")
    assert read_document("\ufeff".encode() + TEXT.encode(), "a.txt").startswith("CỘNG HÒA")


def test_it_reads_windows_1258():
    assert "nông thôn mới" in read_document(to_cp1258(TEXT), "a.txt")


def test_it_reads_tcvn3_bytes():
    raw = tcvn3_bytes(TEXT)
    assert raw.decode("cp1252", errors="replace").startswith("C")
    text = read_document(raw, "a.txt")
    assert "xây dựng nông thôn mới của xã năm 2023" in text.lower()


def test_it_repairs_tcvn3_and_vni_already_decoded_as_unicode():
    assert legacy.repair("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert legacy.repair("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert legacy.repair("Kế hoạch của xã") == "Kế hoạch của xã"  # good text is left alone


def test_a_plan_in_vni_bytes_parses():
    vni = "KEÁ HOAÏCH\nXaây döïng noâng thoân môùi cuûa xaõ naêm 2023\n".encode("cp1252")
    assert parse_bytes(vni, "kh.txt")["title"] == "Xây dựng nông thôn mới của xã năm 2023"


def test_tcvn3_bytes_are_not_taken_for_windows_1258_with_stray_tone_marks():
    # Windows-1258 reads some TCVN3 bytes as tone marks that compose with nothing (“NGH̀O”)
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH SÓC TRĂNG\nKẾ HOẠCH\nRÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO TRÊN ĐỊA\nBÀN TỈNH SÓC TRĂNG\n"
        "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ quy định chuẩn nghèo đa chiều;\n"
    )
    read = read_document(tcvn3_bytes(text), "a.txt")
    assert "HỘ NGHÈO" in read and "Chính phủ" in read and "\u0300" not in read


def test_a_word_of_a_capital_font_alone_on_its_line_comes_back_in_capitals():
    # TCVN3 stores a toned capital with its lower-case byte: “RÀ” alone reads “Rà”
    read = read_document(
        tcvn3_bytes("KẾ HOẠCH\nRÀ\nSOÁT HỘ NGHÈO NĂM 2022\nTIÊU CHÍ XÃ\nSố:\n4836/BNN-VPĐP\nVề\nviệc thi đua\n"),
        "a.txt",
    )
    assert read.split("\n")[:7] == [
        "KẾ HOẠCH",
        "RÀ",
        "SOÁT HỘ NGHÈO NĂM 2022",
        "TIÊU CHÍ XÃ",
        "Số:",
        "4836/BNN-VPĐP",
        "Về",
    ]
    # a short line in an ordinary font keeps its case, whatever is in capitals below it
    card = read_document(tcvn3_bytes("Tình trạng:\nĐã biết\nỦY BAN NHÂN DÂN\n"), "a.txt")
    assert card.split("\n")[:2] == ["Tình trạng:", "Đã biết"]
