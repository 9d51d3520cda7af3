"""Word documents in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4, margins 20–25
mm top and bottom, 30–35 mm left, 15–20 mm right; Times New Roman 13–14 pt; the
issuer and the national motto side by side, the number under the issuer, place and
date under the motto; the kind and summary centred; the body; recipients at the bottom
left and the signature block at the bottom right."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
BODY_PT = 14
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"
BULLETS = ("-", "+", "*", "•", "–")


class OfficialDocument:
    def __init__(self):
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(BODY_PT)
        style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)  # Word reads this for Vietnamese text too

    def _cell_paragraph(self, cell, text: str, *, bold=False, italic=False, size=13, upper=False, first=False):
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(text.upper() if upper else text)
        run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
        return paragraph

    def header(self, *, parent_body: str, issuer: str, number_line: str, place_date: str) -> None:
        table = self.doc.add_table(rows=2, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        left, right = table.cell(0, 0), table.cell(0, 1)
        if parent_body:
            self._cell_paragraph(left, parent_body, size=13, upper=True, first=True)
            self._cell_paragraph(left, issuer, bold=True, size=13, upper=True)
        else:
            self._cell_paragraph(left, issuer, bold=True, size=13, upper=True, first=True)
        self._cell_paragraph(right, MOTTO, bold=True, size=13, first=True)
        self._cell_paragraph(right, MOTTO_LINE, bold=True, size=14)
        self._cell_paragraph(table.cell(1, 0), number_line, size=13, first=True)
        self._cell_paragraph(table.cell(1, 1), place_date, italic=True, size=14, first=True)

    def title(self, kind: str, summary: str) -> None:
        for text, size in ((kind.upper(), 14), (summary, 14)):
            paragraph = self.doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0 if text == kind.upper() else 12)
            run = paragraph.add_run(text)
            run.bold, run.font.size = True, Pt(size)

    def paragraph(self, text: str, *, bold=False, indent=True) -> None:
        for line in [t for t in text.split("\n") if t.strip()] or [""]:
            paragraph = self.doc.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Mm(10) if indent else None
            paragraph.paragraph_format.space_after = Pt(6)
            run = paragraph.add_run(line)
            run.bold = bold

    def heading(self, label: str, text: str, depth: int) -> None:
        """ "II. NỘI DUNG", "2.1. Tuyên truyền"; a dashed item keeps its dash ("- Thời gian")."""
        if label in BULLETS:
            line = f"{label} {text}"
        elif label:
            line = f"{label}. {text}".strip(". ")
        else:
            line = text
        self.paragraph(line, bold=depth <= 1)

    def table(self, columns: list[str], rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, columns, strict=True):
            self._cell_paragraph(cell, text, bold=True, size=12, first=True)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                self._cell_paragraph(cell, str(text), size=12, first=True)

    def foot(self, *, recipients: list[str] | None, authority: list[str], title: str, name: str) -> None:
        """The recipients on the left (None: a certificate, which has none), the signature
        block on the right."""
        table = self.doc.add_table(rows=1, cols=2)
        left, right = table.cell(0, 0), table.cell(0, 1)
        if recipients is not None:
            paragraph = left.paragraphs[0]
            run = paragraph.add_run("Nơi nhận:")
            run.bold, run.italic, run.font.size = True, True, Pt(12)
            for item in [*(r.strip().lstrip("-+•– ").strip() for r in recipients if r.strip(" -;.")), "Lưu: VT."]:
                line = left.add_paragraph()
                line.paragraph_format.space_after = Pt(0)
                item_run = line.add_run(f"- {item.rstrip(';')}{'' if item.endswith('.') else ';'}")
                item_run.font.size = Pt(11)
        first = True
        for line in [*authority, title]:
            if line:
                self._cell_paragraph(right, line, bold=True, size=14, upper=True, first=first)
                first = False
        for _blank in range(3):  # the space for the signature and the seal
            self._cell_paragraph(right, "", size=14, first=first)
            first = False
        self._cell_paragraph(right, name, bold=True, size=14)

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def place_date(place: str, day) -> str:
    if day is None:
        return f"{place}, ngày    tháng    năm" if place else ""
    return (
        f"{place}, ngày {day.day} tháng {day.month} năm {day.year}"
        if place
        else f"ngày {day.day} tháng {day.month} năm {day.year}"
    )
