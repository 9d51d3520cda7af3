"""Bytes of a .txt, .docx or .pdf file → text. Refuses what it cannot read safely, with
a one-line reason in Vietnamese."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from phongtrao.docparse import legacy

MAX_BYTES = 10 * 1024 * 1024  # a plan is a few hundred KB; a scanned PDF a few MB
MAX_DOCX_UNPACKED = 50 * 1024 * 1024
MAX_DOCX_RATIO = 100
MAX_PDF_PAGES = 60
OCR_DPI = 200


class ReadError(ValueError):
    """The document cannot be read; the message says why, for the person who sent it."""


def read_document(data: bytes, filename: str, progress: Callable[[int, int], None] | None = None) -> str:
    """`progress(page, pages)` is told as OCR reads a scan page by page."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"Tệp quá lớn ({len(data) // 1024 // 1024} MB); tối đa {MAX_BYTES // 1024 // 1024} MB.")
    suffix = Path(filename).suffix.lower()
    if suffix == ".docx" or (suffix == "" and data[:2] == b"PK"):
        return read_docx(data)
    if is_pdf(data, filename):
        return read_pdf(data, progress)
    if suffix in (".doc", ".rtf", ".odt"):
        raise ReadError(f"Chưa đọc được tệp {suffix}; hãy lưu lại dưới dạng .docx hoặc .pdf.")
    return read_text(data)


def read_text(data: bytes) -> str:
    """The one decoder of uploaded text (plan documents, CSV lists): UTF-16 and UTF-8 with
    or without a BOM, Windows-1258, and text in the TCVN3 or VNI fonts, repaired; NFC."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if "\x00" in text[:1000]:
        raise ReadError("Tệp không phải văn bản (có ký tự nhị phân).")
    return unicodedata.normalize("NFC", legacy.repair(text))


def _decode_legacy(data: bytes) -> str:
    """Not UTF-8: Windows-1258 (Vietnamese Windows), or bytes of TCVN3/VNI fonts."""
    candidates = [data.decode("cp1252", errors="replace")]
    with contextlib.suppress(UnicodeDecodeError):
        windows = unicodedata.normalize("NFC", data.decode("cp1258"))
        if legacy.reads_as_unicode_vietnamese(windows):
            # a short list (a CSV of villages) has too few common words to score: Windows-1258
            # that composes into Vietnamese letters, with none of the symbols the font
            # encodings leave, is taken as it is
            return windows
        candidates.append(windows)
    readings = [legacy.repair(unicodedata.normalize("NFC", text)) for text in candidates]
    return max(readings, key=legacy.vietnamese_score)


def read_docx(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError("Tệp .docx bị hỏng hoặc không phải tệp Word (.docx).") from exc
    unpacked = sum(entry.file_size for entry in entries)
    packed = max(sum(entry.compress_size for entry in entries), 1)
    if unpacked > MAX_DOCX_UNPACKED or unpacked / packed > MAX_DOCX_RATIO or len(entries) > 2000:
        raise ReadError("Tệp .docx có nội dung nén bất thường (có thể là tệp độc hại); không mở.")
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise ReadError("Tệp .docx không có nội dung văn bản Word.")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a damaged file
        raise ReadError("Không mở được tệp .docx (tệp hỏng).") from exc

    lines: list[str] = []
    for section in document.sections:
        for paragraph in section.header.paragraphs:
            if paragraph.text.strip():
                lines.append(paragraph.text)

    def block_lines(element, parent) -> None:
        if element.tag.endswith("}p"):
            lines.append(Paragraph(element, parent).text)
        elif element.tag.endswith("}tbl"):
            table = Table(element, parent)
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    if cell._tc not in [c._tc for c in cells]:
                        cells.append(cell)
                texts = ["\n".join(p.text for p in cell.paragraphs).strip() for cell in cells]
                if len(cells) > 2 and all(len(t) < 200 for t in texts):
                    lines.append("\t".join(t.replace("\n", " ") for t in texts))  # a data table: one row a line
                else:
                    lines.extend(texts)  # the two-column header: issuer block, then motto block

    for element in document.element.body.iterchildren():
        block_lines(element, document)
    return legacy.repair("\n".join(lines))


def is_pdf(data: bytes, filename: str) -> bool:
    suffix = Path(filename).suffix.lower()
    return suffix == ".pdf" or (suffix == "" and data[:5] == b"%PDF-")


def pdf_text_layer(data: bytes) -> str | None:
    """The PDF's own text, or None for a scan (too little text for its pages): then only
    OCR reads it, which takes seconds a page."""
    try:
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReadError("Tệp PDF được đặt mật khẩu; hãy gửi bản không khóa.")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise ReadError(f"Tệp PDF có {len(pages)} trang, vượt quá {MAX_PDF_PAGES} trang.")
        text = "\n".join(page.extract_text() or "" for page in pages)
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise ReadError("Tệp PDF bị hỏng hoặc không đọc được.") from exc
    if len(text.strip()) >= 40 * max(len(pages), 1) // 4:
        return legacy.repair(text)
    return None


def needs_ocr(data: bytes, filename: str) -> bool:
    """A scanned PDF (read by a job: OCR is too slow for a request). A PDF that cannot be
    read at all is not: reading it says why at once."""
    if not is_pdf(data, filename) or len(data) > MAX_BYTES:
        return False
    try:
        return pdf_text_layer(data) is None
    except ReadError:
        return False


def read_pdf(data: bytes, progress: Callable[[int, int], None] | None = None) -> str:
    text = pdf_text_layer(data)
    return text if text is not None else ocr_pdf(data, progress)


def tesseract_ready() -> str | None:
    """None when OCR can run, else the reason."""
    binary = shutil.which("tesseract")
    if binary is None:
        return (
            "Tệp PDF là bản quét (không có lớp chữ) và máy chủ chưa cài Tesseract; "
            "cần gói tesseract-ocr và tesseract-ocr-vie để đọc."
        )
    listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    if "vie" not in listed.stdout.split():
        return "Tesseract chưa có dữ liệu tiếng Việt; cần cài gói tesseract-ocr-vie."
    return None


def ocr_pdf(data: bytes, progress: Callable[[int, int], None] | None = None) -> str:
    problem = tesseract_ready()
    if problem:
        raise ReadError(problem)
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception as exc:
        raise ReadError("Tệp PDF bị hỏng hoặc không đọc được.") from exc
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        pages = min(len(pdf), MAX_PDF_PAGES)
        for number in range(pages):
            if progress:
                progress(number, pages)
            image = pdf[number].render(scale=OCR_DPI / 72).to_pil()
            path = Path(tmp) / f"page{number}.png"
            image.save(path)
            done = subprocess.run(
                ["tesseract", str(path), "-", "-l", "vie"], capture_output=True, text=True, timeout=120
            )
            if done.returncode != 0:
                raise ReadError("Nhận dạng chữ (OCR) thất bại: " + (done.stderr.strip().splitlines() or ["?"])[-1])
            texts.append(done.stdout)
    text = "\n".join(texts)
    if not text.strip():
        raise ReadError("Không nhận dạng được chữ nào trong tệp PDF.")
    return text
