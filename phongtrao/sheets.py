"""Reading and writing plain .xlsx tables: the checks every import shares (a real workbook,
no merged cells, a row limit), Vietnamese numbers and dates in cells, all-or-nothing
imports with an error per row."""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from phongtrao.text import fold
from phongtrao.ui.formatting import day_text

MAX_ROWS = 5000
MAX_UNPACKED = 50 * 1024 * 1024  # a table of MAX_ROWS rows unpacks to a few megabytes
SPOOL_IN_MEMORY = 8 * 1024 * 1024


# Text that a spreadsheet could take for a formula ("=HYPERLINK(…)", "+1", "-2+3", "@SUM")
# is written as text: a village's "content" must never run in an official's Excel.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
NUMBER_FORMAT = "#,##0.##"


class Table:
    """One sheet of an export as officials print it: a title and the unit above the
    header, the header frozen while scrolling, columns wide enough to read, numbers and
    dates as numbers and dates, text as text."""

    def __init__(self, workbook, title: str, columns: list[str], *, heading: list[str] = (), widths: list[int] = ()):
        self.sheet = workbook.create_sheet(title[:31])
        for n, column in enumerate(columns):
            width = widths[n] if n < len(widths) else max(10, min(len(column) + 2, 40))
            self.sheet.column_dimensions[get_column_letter(n + 1)].width = width
        self.sheet.freeze_panes = f"A{len(heading) + 2}"
        for line in heading:
            self.sheet.append([self._cell(line, bold=True)])
        self.sheet.append([self._cell(column, bold=True, wrap=True) for column in columns])

    def _cell(self, value, *, bold: bool = False, wrap: bool = False):
        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(value, Decimal | float) or (isinstance(value, int) and not isinstance(value, bool)):
            cell.number_format = NUMBER_FORMAT
        if bold or wrap:
            cell.font = Font(bold=bold)
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
        return cell

    def append(self, values: list) -> None:
        self.sheet.append([self._cell(value) for value in values])


def new_sheet(title: str, columns: list[str], *, heading: list[str] = (), widths: list[int] = ()):
    """A workbook whose rows go straight out (memory stays flat for long ledgers), and its
    first table; `heading` lines (what, where, when) go above the column names."""
    workbook = Workbook(write_only=True)
    return workbook, Table(workbook, title, columns, heading=heading, widths=widths)


def exported_on(what: str, unit) -> list[str]:
    """The heading lines of an export: what it is, of which unit, as of which day."""
    return [what, str(unit), _("Xuất ngày %(d)s") % {"d": day_text(timezone.localdate())}]


def save_workbook(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def spool_workbook(workbook) -> IO[bytes]:
    """The saved workbook as a file to stream out: in memory while small, on disk beyond
    a few megabytes, so that a province's export does not sit in the server's memory."""
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 (the response closes it)
    workbook.save(out)
    out.seek(0)
    return out


@dataclass
class ImportReport:
    created: int = 0
    errors: list[str] = field(default_factory=list)


def parse_choice(text, choices) -> str | None:
    wanted = fold(str(text or ""))
    for value, label in choices:
        if wanted and (wanted == fold(str(label)) or wanted == value or fold(str(label)).startswith(wanted)):
            return value
    return None


def parse_number(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip().replace(" ", "").removesuffix("đ")
    if text.count(".") > 1 or ("." in text and "," in text):
        text = text.replace(".", "")
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match is None:
        return None
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:  # 31/02/2023
        return None


def _declared_size_fits(data: bytes) -> None:
    """An .xlsx is a zip: its members say how large they unpack, before anything is read."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as exc:
        raise ValidationError({"file": _("Không đọc được tệp: cần tệp Excel .xlsx.")}) from exc
    if sum(member.file_size for member in members) > MAX_UNPACKED:
        raise ValidationError({"file": _("Tệp quá lớn khi giải nén; tối đa %(max)s dòng.") % {"max": MAX_ROWS}})


class Rows(list):
    """A sheet's header row, then its body; numbered as the sheet numbers them (an
    export's title lines above the header count), so that an error names the right row."""

    header_line = 1

    def body(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number in the sheet, row) for each row under the header."""
        return enumerate(self[1:], start=self.header_line + 1)


def _filled(row: tuple) -> int:
    return sum(cell not in (None, "") for cell in row)


def skip_title_lines(rows: list) -> int:
    """Drop the title lines an export puts above its column names (a line with one cell
    filled, over a table of several columns); how many were dropped."""
    if not rows or max(_filled(row) for row in rows[:10]) < 2:
        return 0
    dropped = 0
    while rows and _filled(rows[0]) < 2:
        rows.pop(0)
        dropped += 1
    if isinstance(rows, Rows):
        rows.header_line += dropped
    return dropped


def read_rows(data: bytes) -> Rows:
    """The first sheet's rows; refuses what is not a workbook, merged cells, an empty sheet,
    and more than MAX_ROWS rows, reading no further than the row that is one too many."""
    _declared_size_fits(data)
    try:
        streamed = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        first = streamed.worksheets[0]
        first.reset_dimensions()  # the size a file declares may be wrong: read what is there
        rows = []
        for row in first.iter_rows(values_only=True):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                raise ValidationError({"file": _("Tệp có hơn %(max)s dòng.") % {"max": MAX_ROWS}})
        streamed.close()
        sheet = load_workbook(io.BytesIO(data), data_only=True).worksheets[0]  # bounded now: for merged cells
    except ValidationError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        raise ValidationError({"file": _("Không đọc được tệp: cần tệp Excel .xlsx.")}) from exc
    if sheet.merged_cells.ranges:
        cells = ", ".join(str(r) for r in list(sheet.merged_cells.ranges)[:5])
        raise ValidationError(
            {"file": _("Bảng có ô gộp (%(cells)s): hãy bỏ gộp ô, mỗi dòng một khoản.") % {"cells": cells}}
        )
    while rows and not any(cell not in (None, "") for cell in rows[-1]):
        rows.pop()  # trailing empty rows a spreadsheet keeps
    rows = Rows(rows)
    skip_title_lines(rows)
    if not rows:
        raise ValidationError({"file": _("Tệp trống.")})
    return rows


def cell_reader(header_row: tuple, columns: list[str], *, required: int):
    """A getter `cell(row, column name)` for a sheet whose header names the columns (in any
    order, accents and case aside); refuses a sheet lacking one of the first `required`."""
    header = [fold(str(c or "")) for c in header_row]
    missing = [name for name in columns[:required] if fold(name) not in header]
    if missing:
        raise ValidationError(
            {
                "file": _("Thiếu cột: %(cols)s. Các cột cần có: %(all)s.")
                % {"cols": ", ".join(missing), "all": ", ".join(columns)}
            }
        )
    at = {fold(name): header.index(fold(name)) for name in columns if fold(name) in header}

    def cell(row: tuple, column: str):
        index = at.get(fold(column))
        return row[index] if index is not None and index < len(row) else None

    return cell


class _Rollback(Exception):
    """Undo every row of an import that had an error."""


def write_all(report: ImportReport, prepared: list[tuple[int, dict]], write: Callable[..., object]) -> ImportReport:
    """Write every checked row in one transaction; if any is refused, none is kept and each
    refusal is reported with its line."""
    if report.errors:
        return report
    try:
        with transaction.atomic():
            for line, entry in prepared:
                try:
                    write(**entry)
                except (ValidationError, PermissionDenied) as exc:
                    reasons = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
                    report.errors.append(_("Dòng %(n)s: %(p)s") % {"n": line, "p": " ".join(reasons)})
            if report.errors:
                raise _Rollback
    except _Rollback:
        return report
    report.created = len(prepared)
    return report
