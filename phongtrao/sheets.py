"""Reading and writing plain .xlsx tables: the checks every import shares (a real workbook,
no merged cells, a row limit), Vietnamese numbers and dates in cells, all-or-nothing
imports with an error per row."""

from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from phongtrao.text import fold

MAX_ROWS = 5000
MAX_UNPACKED = 50 * 1024 * 1024  # a table of MAX_ROWS rows unpacks to a few megabytes
SPOOL_IN_MEMORY = 8 * 1024 * 1024


def new_sheet(title: str, columns: list[str]):
    workbook = Workbook(write_only=True)  # rows go straight out: memory stays flat for long ledgers
    sheet = workbook.create_sheet(title)
    sheet.append(columns)
    return workbook, sheet


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


def read_rows(data: bytes) -> list[tuple]:
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
