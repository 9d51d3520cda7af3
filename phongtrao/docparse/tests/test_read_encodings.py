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
