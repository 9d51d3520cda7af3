"""An Excel import reads no further than one row past its limit: a 157 KB .xlsx of
300,000 rows once took 34 seconds and 412 MB before being refused."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from phongtrao import sheets
from phongtrao.bounds import SHEET_BYTES


def _workbook_with_rows(count: int) -> bytes:
    """A real workbook whose sheet holds `count` rows, written straight into the zip."""
    template = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Tên"
    workbook.save(template)
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="n"><v>{n}</v></c></row>' for n in range(1, count + 1))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                head, _sep, rest = text.partition("<sheetData>")
                _old, _sep, tail = rest.partition("</sheetData>")
                data = (head + "<sheetData>" + rows + "</sheetData>" + tail).encode()
            zf.writestr(item, data)
    return out.getvalue()


def test_three_hundred_thousand_rows_are_refused_at_row_five_thousand_and_one():
    data = _workbook_with_rows(300_000)
    assert len(data) < SHEET_BYTES  # small enough to be sent
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ValidationError, match="hơn 5000 dòng"):
        sheets.read_rows(data)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 60 * 1024 * 1024, peak  # not the whole sheet in memory
    assert elapsed < 20, elapsed  # a guard against reading it all, not a benchmark


def test_a_table_within_the_limit_is_read_whole():
    rows = sheets.read_rows(_workbook_with_rows(10))
    assert [r[0] for r in rows] == list(range(1, 11))


def test_a_zip_that_unpacks_to_too_much_is_refused_unread():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", b" " * (60 * 1024 * 1024))
    with pytest.raises(ValidationError, match="quá lớn khi giải nén"):
        sheets.read_rows(out.getvalue())
