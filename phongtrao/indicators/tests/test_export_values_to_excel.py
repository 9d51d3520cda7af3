"""A unit's indicator values come out as the sheet the import reads: corrected and sent
back, they replace the old figures; villages of the same name are told apart by commune."""

import datetime as dt
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from phongtrao.geo.models import Kind
from phongtrao.geo.services import unit_create
from phongtrao.indicators import services
from phongtrao.indicators.excel import VALUE_COLUMNS
from phongtrao.indicators.models import Indicator, IndicatorValue, Rollup
from phongtrao.testing import table_rows

D = dt.date


def _figures(people):
    culture = Indicator.objects.create(
        code="ho-van-hoa", name="Tỷ lệ hộ gia đình văn hóa", value_type="ratio", aggregation="ratio_of_sums"
    )
    labour = Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")
    same_name = unit_create(name="Thôn Đông", kind=Kind.HAMLET, parent=people.other_commune)
    for place, (done, of, days) in {people.village: (90, 100, 40), same_name: (30, 60, 15)}.items():
        kwargs = {"user": people.district_officer, "unit": place, "period_kind": "year", "day": D(2024, 12, 31)}
        services.value_record(indicator=culture, numerator=Decimal(done), denominator=Decimal(of), **kwargs)
        services.value_record(indicator=labour, value=Decimal(days), **kwargs)
    services.value_record(
        user=people.district_officer,
        indicator=labour,
        unit=people.village,
        period_kind="year",
        day=D(2023, 12, 31),
        value=Decimal(7),
    )
    return culture, labour


def _rows(response) -> list[tuple]:
    return table_rows(b"".join(response.streaming_content))


def test_the_district_exports_its_values_naming_villages_with_their_commune(people):
    _figures(people)
    response = people.client(people.district_officer).get(
        f"/indicators/units/{people.district.pk}/values/export.xlsx", {"year": 2024}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _rows(response)
    assert list(rows[0]) == VALUE_COLUMNS
    assert sorted((r[0], r[1], r[2], r[3].date(), r[4], r[5], r[6]) for r in rows[1:]) == [
        ("ho-van-hoa", "Thôn Đông, Xã Hồng Phong", "Năm", D(2024, 1, 1), None, 90, 100),
        ("ho-van-hoa", "Thôn Đông, Xã Tân Lập", "Năm", D(2024, 1, 1), None, 30, 60),
        ("ngay-cong", "Thôn Đông, Xã Hồng Phong", "Năm", D(2024, 1, 1), 40, None, None),
        ("ngay-cong", "Thôn Đông, Xã Tân Lập", "Năm", D(2024, 1, 1), 15, None, None),
    ]


def test_a_corrected_export_imports_back_and_replaces_the_figures(people):
    culture, labour = _figures(people)
    client = people.client(people.district_officer)
    rows = _rows(client.get(f"/indicators/units/{people.district.pk}/values/export.xlsx", {"indicator": "ngay-cong"}))
    assert len(rows) == 4  # the header, two villages in 2024, one in 2023
    workbook = load_workbook(
        io.BytesIO(
            b"".join(
                client.get(
                    f"/indicators/units/{people.district.pk}/values/export.xlsx",
                    {"indicator": "ngay-cong", "year": 2024},
                ).streaming_content
            )
        )
    )
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        if row[1].value == "Thôn Đông, Xã Tân Lập":
            row[4].value = 25
    out = io.BytesIO()
    workbook.save(out)
    page = client.post(
        f"/indicators/units/{people.district.pk}/values/import/",
        {"file": SimpleUploadedFile("so-lieu.xlsx", out.getvalue())},
        follow=True,
    )
    assert "Đã nhập 2 số liệu." in page.content.decode()
    cell = Rollup.objects.get(indicator=labour, unit=people.district, period_start=D(2024, 1, 1))
    assert (cell.value_sum, cell.count) == (Decimal(65), 2)
    assert IndicatorValue.objects.filter(indicator=labour).count() == 3


def test_an_ambiguous_village_name_is_refused_with_a_hint(people):
    _figures(people)
    workbook = load_workbook(
        io.BytesIO(
            b"".join(
                people.client(people.district_officer)
                .get(
                    f"/indicators/units/{people.district.pk}/values/export.xlsx",
                    {"indicator": "ngay-cong", "year": 2024},
                )
                .streaming_content
            )
        )
    )
    sheet = workbook.worksheets[0]
    assert sheet.cell(row=4, column=1).value == "Mã chỉ số"  # under the title, the unit and the day
    sheet.cell(row=5, column=2).value = "Thôn Đông"
    out = io.BytesIO()
    workbook.save(out)
    page = people.client(people.district_officer).post(
        f"/indicators/units/{people.district.pk}/values/import/",
        {"file": SimpleUploadedFile("so-lieu.xlsx", out.getvalue())},
    )
    assert "Dòng 5: có nhiều đơn vị tên “Thôn Đông”: ghi thêm tên xã" in page.content.decode()


def test_a_commune_sheet_names_its_villages_alone(people):
    _figures(people)
    response = people.client(people.commune_viewer).get(f"/indicators/units/{people.commune.pk}/values/export.xlsx")
    assert {r[1] for r in _rows(response)[1:]} == {"Thôn Đông"}


def test_values_stay_internal_to_those_with_a_role(people):
    _figures(people)
    url = f"/indicators/units/{people.commune.pk}/values/export.xlsx"
    assert people.client(people.outsider).get(url).status_code == 404
    assert people.client(None).get(url).status_code == 302  # to the login page
    assert people.client(people.commune_viewer).get(url, {"year": "hai nghìn"}).status_code == 400
