"""The commune's table and its Excel file show the date, people, materials and tools as
numbers in columns of their own, and the table adds them up (returned ones left out)."""

import datetime as dt
import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from phongtrao.registrations.services import registration_return, registration_submit


def _send(people, call, unit, head, people_count, lines=(), day=None):
    return registration_submit(
        user=head,
        call=call,
        unit=unit,
        content="Đường bê tông",
        place="Trục thôn",
        planned_date=day,
        lines=[{"kind": "people", "quantity": Decimal(people_count), "unit_of_measure": "người"}, *lines],
    )


def test_the_table_and_the_excel_file_add_up(people, saturday_call):
    saturday = dt.date(2023, 4, 1)
    _send(
        people,
        saturday_call,
        people.village,
        people.village_head,
        30,
        [
            {"kind": "material", "quantity": Decimal("5.5"), "unit_of_measure": "m³", "description": "cát"},
            {"kind": "tool", "quantity": Decimal(25), "unit_of_measure": "cái", "description": "cuốc"},
        ],
        day=saturday,
    )
    _send(people, saturday_call, people.other_village, people.other_village_head, 20)
    returned = _send(people, saturday_call, people.village, people.village_head, 1000)
    registration_return(user=people.commune_officer, registration=returned, version=1, reason="Sai số người")

    client = people.client(people.commune_officer)
    page = client.get(reverse("registrations:call", args=[saturday_call.pk])).content.decode()
    footer = page.split("<tfoot>", 1)[1].split("</tfoot>", 1)[0]
    assert ">50<" in footer and ">5,5<" in footer and ">25<" in footer
    assert "01/04/2023" in page

    sheet = load_workbook(
        io.BytesIO(client.get(reverse("registrations:call_export", args=[saturday_call.pk])).content)
    )["Đăng ký"]
    header = [c.value for c in next(r for r in sheet.iter_rows() if r[0].value == "STT")]
    rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    column = {name: header.index(name) for name in header}
    first = next(r for r in rows if r[column["Số người"]] == 30)
    assert first[column["Ngày dự kiến"]].date() == saturday
    assert (
        first[column["Vật tư (tổng số lượng)"]] == 5.5 and first[column["Dụng cụ, phương tiện (tổng số lượng)"]] == 25
    )
    assert sorted(r[column["Số người"]] for r in rows) == [20, 30, 1000]  # the file lists every one, with its state
