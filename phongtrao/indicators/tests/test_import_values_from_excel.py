"""A commune enters the figures its villages sent in one Excel sheet: all rows or none."""

import datetime as dt
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from phongtrao.indicators.excel import VALUE_COLUMNS
from phongtrao.indicators.models import Indicator, IndicatorValue, Rollup


def _cultured_households():
    return Indicator.objects.create(
        code="ho-van-hoa", name="Tỷ lệ hộ gia đình văn hóa", value_type="ratio", aggregation="ratio_of_sums"
    )


def _xlsx(rows, columns=VALUE_COLUMNS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("so-lieu.xlsx", out.getvalue())


def _post(people, user, unit, upload):
    return people.client(user).post(f"/indicators/units/{unit.pk}/values/import/", {"file": upload}, follow=True)


def test_the_villages_figures_are_entered_and_rolled_up_at_once(people):
    indicator = _cultured_households()
    upload = _xlsx(
        [
            ["ho-van-hoa", "Thôn Đông", "Năm", "31/12/2023", None, 90, 100, "", ""],
            ["HO-VAN-HOA", "thon tay", "năm", dt.date(2023, 6, 1), None, "45", "50", "theo biên bản", ""],
        ]
    )
    page = _post(people, people.commune_officer, people.commune, upload)
    assert "Đã nhập 2 số liệu." in page.content.decode()
    cell = Rollup.objects.get(indicator=indicator, unit=people.commune, period_kind="year")
    assert (cell.numerator_sum, cell.denominator_sum, cell.count) == (Decimal(135), Decimal(150), 2)


def test_it_refuses_the_whole_file_naming_each_bad_row(people):
    _cultured_households()
    upload = _xlsx(
        [
            ["ho-van-hoa", "Thôn Đông", "Năm", "31/12/2023", None, 90, 100, "", ""],
            ["ho-van-hoa", "Thôn Bắc", "Năm", "31/12/2023", None, 10, 20, "", ""],
            ["khong-co", "Thôn Tây", "Tháng", "31/02/2023", None, "chín mươi", 100, "", ""],
        ]
    )
    text = _post(people, people.commune_officer, people.commune, upload).content.decode()
    assert "Dòng 3: đơn vị “Thôn Bắc” không thuộc Xã Hồng Phong." in text
    assert "Dòng 4: không có chỉ số mã “khong-co”; ngày không hợp lệ; “Tử số” không phải là số." in text
    assert not IndicatorValue.objects.exists()


def test_a_row_refused_when_written_undoes_the_rows_before_it(people):
    _cultured_households()
    upload = _xlsx(
        [
            ["ho-van-hoa", "Thôn Đông", "Năm", "31/12/2023", None, 90, 100, "", ""],
            ["ho-van-hoa", "Thôn Tây", "Năm", "31/12/2099", None, 45, 50, "", ""],
            ["ho-van-hoa", "Thôn Tây", "Năm", "31/12/2023", None, 60, 50, "", ""],
        ]
    )
    text = _post(people, people.commune_officer, people.commune, upload).content.decode()
    assert "Dòng 3: Kỳ năm 2099 chưa bắt đầu." in text
    assert "Dòng 4:" in text  # a ratio above 100%
    assert not IndicatorValue.objects.exists() and not Rollup.objects.exists()


def test_it_refuses_a_sheet_without_the_columns(people):
    upload = _xlsx([["ho-van-hoa", 1]], columns=["Chỉ số", "Số"])
    text = _post(people, people.commune_officer, people.commune, upload).content.decode()
    assert "Thiếu cột: Mã chỉ số, Đơn vị, Kỳ, Ngày, Giá trị." in text


def test_the_template_names_the_columns_and_lists_the_indicator_codes(people):
    _cultured_households()
    response = people.client(people.commune_officer).get(f"/indicators/units/{people.commune.pk}/values/template.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook.worksheets[0][1]] == VALUE_COLUMNS
    assert [row[0] for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)] == ["ho-van-hoa"]


def test_an_outsider_gets_404_and_a_viewer_403(people):
    url = f"/indicators/units/{people.commune.pk}/values/import/"
    assert people.client(people.outsider).get(url).status_code == 404
    assert people.client(people.commune_viewer).get(url).status_code == 403
    assert people.client(people.village_head).get(url).status_code == 404  # the commune is above them
    assert (
        people.client(people.village_head).get(f"/indicators/units/{people.village.pk}/values/import/").status_code
        == 200
    )
