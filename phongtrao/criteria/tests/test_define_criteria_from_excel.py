"""A province defines its model residential area set from an Excel sheet typed like the
decision's table, or copies a set's sheet and adapts it; bad rows are named."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import Workbook

from phongtrao.accounts.models import Role
from phongtrao.accounts.services import membership_grant
from phongtrao.criteria.excel import SHEET_COLUMNS
from phongtrao.criteria.models import CriteriaSet
from phongtrao.testing import table_rows

URL = "/criteria/import/"


def _sheet(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(SHEET_COLUMNS)
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("khu-dan-cu.xlsx", out.getvalue())


HEADER = {
    "code": "kdc-kieu-mau-thu",
    "name": "Bộ tiêu chí khu dân cư kiểu mẫu (thử)",
    "level": "village",
    "source": "Quyết định số 01/QĐ-UBND (thử)",
    "valid_from": "01/01/2022",
}


def test_an_administrator_defines_a_village_set_from_a_sheet(people):
    membership_grant(user=people.commune_officer, unit=people.commune, role=Role.ADMIN)
    upload = _sheet(
        [
            [1, "Thu nhập - Hộ nghèo", "1.1", "Thu nhập bình quân đầu người"],
            [None, None, "1.2", "Không có hộ nghèo"],
            [2, "Vườn hộ", None, None],
            [3, "Cảnh quan - Môi trường", "3.1", "Đường thôn có cây xanh"],
        ]
    )
    response = people.client(people.commune_officer).post(URL, {**HEADER, "file": upload}, follow=True)
    assert "Đã nạp bộ tiêu chí “Bộ tiêu chí khu dân cư kiểu mẫu (thử)”." in response.content.decode()
    created = CriteriaSet.objects.get(code="kdc-kieu-mau-thu")
    assert (created.level, created.valid_from.isoformat()) == ("village", "2022-01-01")
    assert [(c.number, c.name, [i.code for i in c.indicators.all()]) for c in created.criteria.all()] == [
        (1, "Thu nhập - Hộ nghèo", ["1.1", "1.2"]),
        (2, "Vườn hộ", []),
        (3, "Cảnh quan - Môi trường", ["3.1"]),
    ]


def test_bad_rows_are_named_and_nothing_is_created(people):
    membership_grant(user=people.commune_officer, unit=people.commune, role=Role.ADMIN)
    upload = _sheet(
        [
            [None, "Không số", None, None],
            ["một", "Chữ", None, None],
            [2, None, "2.1", None],
        ]
    )
    text = people.client(people.commune_officer).post(URL, {**HEADER, "file": upload}).content.decode()
    assert "Dòng 2: chưa ghi “Tiêu chí số”." in text
    assert "Dòng 3: “Tiêu chí số” phải là số nguyên dương." in text
    assert "Dòng 4: chỉ tiêu cần cả mã và nội dung." in text
    assert "Tiêu chí số 2 chưa có tên." in text
    assert not CriteriaSet.objects.filter(code="kdc-kieu-mau-thu").exists()
    nameless = people.client(people.commune_officer).post(URL, {"level": "village", "file": _sheet([[1, "A"]])})
    assert "Với tệp Excel, hãy nhập mã bộ tiêu chí, tên bộ tiêu chí." in nameless.content.decode()


def test_the_national_set_comes_out_as_a_sheet_that_loads_back_as_a_copy(people):
    call_command("load_criteria", stdout=io.StringIO())
    national = CriteriaSet.objects.get(code="ntm-xa-2021-2025")
    response = people.client(None).get(f"/criteria/{national.pk}/sheet.xlsx")
    rows = table_rows(response.content)
    assert list(rows[0]) == [*SHEET_COLUMNS, "Mức đạt"] and rows[1][:2] == (1, "Quy hoạch")
    membership_grant(user=people.commune_officer, unit=people.commune, role=Role.ADMIN)
    copy = {**HEADER, "code": "ntm-xa-tinh-thu", "level": "commune"}
    upload = SimpleUploadedFile("ban-sao.xlsx", response.content)
    people.client(people.commune_officer).post(URL, {**copy, "file": upload})
    copied = CriteriaSet.objects.get(code="ntm-xa-tinh-thu")
    assert copied.criteria.count() == 19
    assert copied.criteria.get(number=17).indicators.count() == national.criteria.get(number=17).indicators.count()


def test_only_administrators_define_sets(people):
    response = people.client(people.commune_officer).post(URL, {**HEADER, "file": _sheet([[1, "A"]])})
    assert response.status_code == 403
    assert people.client(None).get("/criteria/999999/sheet.xlsx").status_code == 404


def test_the_advanced_and_model_sets_name_the_decision(db):
    call_command("load_criteria", stdout=io.StringIO())
    advanced = CriteriaSet.objects.get(code="ntm-xa-nang-cao-2021-2025")
    model = CriteriaSet.objects.get(code="ntm-xa-kieu-mau-2021-2025")
    assert "318/QĐ-TTg" in advanced.source and advanced.criteria.count() == 19
    assert advanced.criteria.get(number=18).name == "Chất lượng môi trường sống"
    assert model.criteria.get(number=1).name == "Đạt chuẩn xã nông thôn mới nâng cao"
