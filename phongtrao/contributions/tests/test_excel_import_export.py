"""Ledgers and registrations out to Excel, contributions in from Excel with an error per row."""

import datetime as dt
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from phongtrao.contributions import services as contributions_services
from phongtrao.contributions.excel import CONTRIBUTION_COLUMNS
from phongtrao.contributions.models import Contribution
from phongtrao.registrations import services as registrations_services
from phongtrao.testing import table_rows

D = dt.date


def workbook(rows, merge=None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, unit, data):
    return client.post(f"/contributions/units/{unit.pk}/import/", {"file": SimpleUploadedFile("dong-gop.xlsx", data)})


def test_contributions_import_all_rows_and_export_reopens(people):
    fund = contributions_services.fund_create(user=people.commune_officer, unit=people.commune, name="Quỹ làm đường")
    data = workbook(
        [
            CONTRIBUTION_COLUMNS,
            [
                D(2023, 5, 6),
                "Hộ ông Tư",
                "Hộ gia đình",
                "Tiền (đồng)",
                2000000,
                "",
                None,
                "BN-1",
                "Quỹ làm đường",
                "có",
            ],
            [
                "06/05/2023",
                "Công ty Xi măng",
                "Doanh nghiệp",
                "Hiện vật",
                5,
                "5 tấn xi măng",
                "8.500.000",
                "BN-2",
                "",
                "có",
            ],
            ["2023-05-06", "Nhân dân thôn Đông", "Hộ gia đình", "ngày công", "12,5", "", None, "", "", "không"],
        ]
    )
    response = upload(people.client(people.commune_officer), people.commune, data)
    assert response.status_code == 302
    assert Contribution.objects.count() == 3
    assert Contribution.objects.get(receipt_number="BN-1").fund == fund
    assert Contribution.objects.get(receipt_number="BN-2").value == Decimal(8_500_000)
    assert Contribution.objects.get(kind="labour").amount == Decimal("12.5")

    exported = people.client(people.commune_viewer).get(f"/contributions/units/{people.commune.pk}/contributions.xlsx")
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    content = b"".join(exported.streaming_content)
    title = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))[:2]
    assert title[0][0] == "Sổ huy động, đóng góp" and title[1][0] == str(people.commune)
    rows = table_rows(content)
    assert list(rows[0]) == CONTRIBUTION_COLUMNS and len(rows) == 4
    assert {r[7] for r in rows[1:]} >= {"BN-1", "BN-2"}


def test_one_bad_row_saves_nothing_and_every_error_is_listed(people):
    data = workbook(
        [
            CONTRIBUTION_COLUMNS,
            [D(2023, 5, 6), "Hộ ông Tư", "Hộ gia đình", "Tiền", 2000000, "", None, "BN-1", "", "có"],
            ["31/02/2023", "Hộ bà Mơ", "Hộ gia đình", "Tiền", "hai triệu", "", None, "", "", "có"],
            [D(2023, 5, 6), "Hộ ông Ba", "Hộ gia đình", "vàng", 1, "", None, "", "Quỹ không có", "có"],
            [D(2023, 5, 6), "Hộ ông Năm", "Hộ gia đình", "Tiền", 1000, "", None, "BN-1", "", "có"],
        ]
    )
    response = upload(people.client(people.commune_officer), people.commune, data)
    errors = response.context["report"].errors
    assert [e.split(":")[0] for e in errors] == ["Dòng 3", "Dòng 4"]
    assert "ngày không hợp lệ" in errors[0] and "không phải là số" in errors[0]
    assert "hình thức" in errors[1] and "Quỹ không có" in errors[1]
    assert not Contribution.objects.exists()
    # the duplicate receipt is found when the rows are written, and still nothing stays
    data = workbook(
        [
            CONTRIBUTION_COLUMNS,
            [D(2023, 5, 6), "Hộ ông Tư", "Hộ gia đình", "Tiền", 2000000, "", None, "BN-1", "", "có"],
            [D(2023, 5, 6), "Hộ ông Năm", "Hộ gia đình", "Tiền", 1000, "", None, "BN-1", "", "có"],
        ]
    )
    response = upload(people.client(people.commune_officer), people.commune, data)
    assert "Dòng 3" in response.context["report"].errors[0] and not Contribution.objects.exists()


def test_merged_cells_wrong_headers_and_non_excel_files_are_refused(people):
    client = people.client(people.commune_officer)
    merged = workbook([CONTRIBUTION_COLUMNS, [D(2023, 5, 6), "A", "", "Tiền", 1, "", None, "", "", ""]], merge="A2:A3")
    assert "ô gộp" in upload(client, people.commune, merged).context["form"].errors["file"][0]
    wrong = workbook([["STT", "Họ tên", "Số tiền"], [1, "A", 1000]])
    assert "Thiếu cột" in upload(client, people.commune, wrong).context["form"].errors["file"][0]
    assert "xlsx" in upload(client, people.commune, b"not excel").context["form"].errors["file"][0]
    assert not Contribution.objects.exists()
    assert upload(people.client(people.commune_viewer), people.commune, merged).status_code == 403
    assert upload(people.client(people.outsider), people.commune, merged).status_code == 404


def test_registrations_export_in_the_seed_table_layout(people, saturday_call):
    registrations_services.registration_submit(
        user=people.village_head,
        call=saturday_call,
        unit=people.village,
        content="Tổng vệ sinh",
        place="Thôn Đông",
        lines=[{"kind": "people", "quantity": Decimal(20), "unit_of_measure": "người"}],
    )
    response = people.client(people.commune_officer).get(f"/registrations/calls/{saturday_call.pk}/registrations.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book.active.freeze_panes == "A5" and book.active["A1"].value == saturday_call.title
    rows = table_rows(response.content)
    assert rows[0][2] == "Nội dung công việc đăng ký thực hiện" and rows[0][5] == "Số người"
    assert rows[1][1:6] == ("Thôn Đông", "Tổng vệ sinh", "Thôn Đông", None, 20)  # people as a number
    resources = table_rows(response.content, "Nguồn lực huy động")
    assert resources[1] == (1, "Thôn Đông", "Người", 20, "người", None)
    assert (
        people.client(people.village_head)
        .get(f"/registrations/calls/{saturday_call.pk}/registrations.xlsx")
        .status_code
        == 403
    )


def test_registration_tables_sent_as_excel_are_imported(people, saturday_call):
    from phongtrao.registrations.excel import lines_from_text
    from phongtrao.registrations.models import Registration

    assert [
        (str(x["quantity"]), x["unit_of_measure"], x["description"])
        for x in lines_from_text("30 người; 5m ³ cát; 25 cuốc, 20 xẻng")
    ] == [("30", "người", ""), ("5", "m³", "cát"), ("25", "cuốc", ""), ("20", "xẻng", "")]
    url = f"/registrations/calls/{saturday_call.pk}/import/"
    header = [
        "STT",
        "Đơn vị",
        "Nội dung công việc đăng ký thực hiện",
        "Địa điểm thực hiện",
        "Khả năng huy động (Tổng số người, vật tư, dụng cụ,...)",
        "Đề xuất hỗ trợ",
        "Ghi chú",
    ]
    bad = workbook(
        [
            header,
            [1, "Đông", "Làm đường", "Thôn Đông", "30 người", "", ""],
            [2, "Thôn Không Có", "Phát quang", "?", "", "", ""],
        ]
    )
    client = people.client(people.commune_officer)
    response = client.post(url, {"file": SimpleUploadedFile("dk.xlsx", bad)})
    assert "Thôn Không Có" in response.context["report"].errors[0] and not Registration.objects.exists()
    good = workbook(
        [
            header,
            [1, "Đông", "Làm đường", "Thôn Đông", "30 người; 5 m³ cát", "Hỗ trợ nhân lực", ""],
            [2, "Thôn Tây", "Phát quang", "Đường trục thôn", "", "", ""],
        ]
    )
    assert client.post(url, {"file": SimpleUploadedFile("dk.xlsx", good)}).status_code == 302
    assert Registration.objects.count() == 2
    assert [str(x) for x in Registration.objects.get(unit=people.village).lines.all()] == ["30 người", "5 m³ cát"]
    assert (
        people.client(people.village_head).post(url, {"file": SimpleUploadedFile("dk.xlsx", good)}).status_code == 403
    )
