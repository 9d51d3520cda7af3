"""Word files with the two-column header table, PDFs with a text layer, scanned PDFs
through Tesseract; and files that only pretend to be documents."""

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageDraw, ImageFont

from phongtrao.docparse import ReadError, parse_bytes, read_document, readers

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def plan_docx() -> bytes:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ HỒNG THÁI"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 15/KH-UBND"
    header.cell(1, 1).text = "Hồng Thái, ngày 7 tháng 4 năm 2023"
    for text in [
        "KẾ HOẠCH",
        "Tổ chức ngày thứ Bảy đi cơ sở năm 2023",
        "Thực hiện Kế hoạch số 122/KH-UBND ngày 05/4/2023 của UBND huyện Bình Gia.",
        "I. MỤC TIÊU",
        "- Phấn đấu 100% số thôn tham gia.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Công chức Văn hóa – Xã hội",
        "Tuyên truyền, báo cáo UBND xã hàng tháng.",
        "Nơi nhận:",
        "- UBND huyện;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lương Hoàng Đụng",
    ]:
        document.add_paragraph(text)
    form = document.add_table(rows=2, cols=4)
    for n, column in enumerate(["STT", "Nội dung", "Địa điểm", "Ghi chú"]):
        form.cell(0, n).text = column
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_it_reads_a_word_plan_with_its_header_table():
    parsed = parse_bytes(plan_docx(), "ke-hoach.docx")
    assert parsed["doc_type"] == "KE_HOACH"
    assert parsed["issuer"] == "UBND xã Hồng Thái"
    assert (parsed["number"], parsed["issue_date"], parsed["place"]) == ("15/KH-UBND", "2023-04-07", "Hồng Thái")
    assert parsed["basis_refs"][0]["number"] == "122/KH-UBND"
    assert parsed["targets"][0]["value"] == 100
    assert parsed["assignees"] == ["Công chức Văn hóa – Xã hội"]
    assert parsed["recipients"] == ["UBND huyện"]
    assert parsed["signer"] == {"name": "Lương Hoàng Đụng", "authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH"}


def test_it_refuses_a_docx_that_is_not_a_zip():
    with pytest.raises(ReadError, match="docx"):
        read_document(b"this is not a zip file at all", "plan.docx")


def test_it_refuses_a_zip_bomb():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    assert len(out.getvalue()) < 200 * 1024
    with pytest.raises(ReadError, match="bất thường"):
        read_document(out.getvalue(), "plan.docx")


def test_it_refuses_a_zip_without_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(ReadError, match="Word"):
        read_document(out.getvalue(), "plan.docx")


def test_it_refuses_files_over_10_mb():
    with pytest.raises(ReadError, match="quá lớn"):
        read_document(b"a" * (10 * 1024 * 1024 + 1), "big.txt")


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer (Helvetica, ASCII)."""
    stream = "BT /F1 12 Tf 50 780 Td " + " ".join(f"({line}) Tj 0 -16 Td" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = "%PDF-1.4\n", []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{n} 0 obj\n{obj}\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return body.encode("latin-1")


def test_it_reads_the_text_layer_of_a_pdf():
    text = read_document(text_pdf(["KE HOACH", "So: 42/KH-UBND", "Xay dung nong thon moi nam 2023"]), "kh.pdf")
    assert "42/KH-UBND" in text and "Xay dung nong thon moi" in text


def test_it_refuses_a_damaged_pdf():
    with pytest.raises(ReadError, match="PDF"):
        read_document(b"%PDF-1.4 garbage without objects", "kh.pdf")


def scanned_pdf(lines: list[str]) -> bytes:
    font = ImageFont.truetype(str(FONT), 34)
    image = Image.new("RGB", (1654, 900), "white")
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((80, 80 + n * 60), line, fill="black", font=font)
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=200)
    return out.getvalue()


LINES = ["KẾ HOẠCH", "Xây dựng nông thôn mới năm 2023", "Hồng Thái, ngày 7 tháng 4 năm 2023"]


@pytest.mark.skipif(not FONT.exists(), reason="needs fonts-dejavu-core to draw the scanned page")
def test_a_scanned_pdf_is_read_by_tesseract_or_refused_with_the_reason(monkeypatch):
    data = scanned_pdf(LINES)
    if readers.tesseract_ready() is None:
        text = read_document(data, "scan.pdf")
        assert "KẾ HOẠCH" in text and "nông thôn mới" in text
        assert parse_bytes(data, "scan.pdf")["issue_date"] == "2023-04-07"
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="tesseract-ocr-vie"):
        read_document(data, "scan.pdf")


def test_ci_has_tesseract_with_vietnamese():
    """.ci/run installs it; a machine without it still refuses scans cleanly (above)."""
    import os

    if os.environ.get("CI"):
        assert readers.tesseract_ready() is None
