"""Plans and confirmed registrations as Word files in the Decree 30/2020 layout, targets as
a sheet; each file is reopened and its structure checked."""

import datetime as dt
import io
from decimal import Decimal

import docx

from phongtrao.plans import services as plans
from phongtrao.registrations import services as registration_services
from phongtrao.testing import make_plan, table_rows


def reopen(content: bytes):
    return docx.Document(io.BytesIO(content))


def test_a_plan_as_a_decree_30_word_document(people):
    plan = make_plan(
        people,
        issued=True,
        full_number="42/KH-UBND",
        place="Hồng Phong",
        signer_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
        signer_name="Cù Văn Hân",
        preamble="Thực hiện Kế hoạch số 122/KH-UBND ngày 05/4/2023 của UBND huyện Đồi Chè.",
    )
    response = people.client(None).get(f"/documents/plans/{plan.pk}.docx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    document = reopen(response.content)
    header, foot = document.tables[0], document.tables[-1]
    left = header.cell(0, 0).text.splitlines()
    assert left == ["UBND HUYỆN ĐỒI CHÈ", "UBND HỒNG PHONG"]
    assert header.cell(0, 1).text.splitlines() == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert header.cell(1, 0).text == "Số: 42/KH-UBND"
    assert header.cell(1, 1).text == "Hồng Phong, ngày 20 tháng 2 năm 2023"
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("KẾ HOẠCH") + 1] == plan.title
    assert "Nơi nhận:" in foot.cell(0, 0).text and "Lưu: VT." in foot.cell(0, 0).text
    assert foot.cell(0, 1).text.split("\n")[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert foot.cell(0, 1).text.strip().endswith("Cù Văn Hân")
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert 13 <= document.styles["Normal"].font.size.pt <= 14
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30


def test_the_demo_seed_plans_render_with_their_sections(people):
    plan = make_plan(people)
    plans.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={
            "sections": [
                {"label": "I", "depth": 0, "heading": "MỤC ĐÍCH, YÊU CẦU", "text": ""},
                {"label": "1", "depth": 1, "heading": "Mục đích", "text": "Huy động sự tham gia."},
            ],
            "recipients": [{"text": "UBND huyện"}],
        },
    )
    document = reopen(people.client(people.commune_viewer).get(f"/documents/plans/{plan.pk}.docx").content)
    texts = [p.text for p in document.paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "Huy động sự tham gia." in texts
    assert "- UBND huyện;" in document.tables[-1].cell(0, 0).text
    assert people.client(people.outsider).get(f"/documents/plans/{plan.pk}.docx").status_code == 404


def test_a_confirmed_registration_as_the_seeds_table(people):
    plan = make_plan(people, issued=True)
    call = registration_services.call_create(
        user=people.commune_officer, plan=plan, title="Đăng ký các hoạt động", kind="activity", registrants="villages"
    )
    registration = registration_services.registration_submit(
        user=people.village_head,
        call=call,
        unit=people.village,
        content="Tổng vệ sinh",
        place="Thôn Đông",
        lines=[{"kind": "people", "quantity": Decimal(20), "unit_of_measure": "người"}],
    )
    registration_services.registration_confirm(user=people.commune_officer, registration=registration, version=1)
    document = reopen(
        people.client(people.village_head).get(f"/documents/registrations/{registration.pk}.docx").content
    )
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == [
        "STT",
        "Nội dung công việc đăng ký thực hiện",
        "Địa điểm thực hiện",
    ]
    assert [c.text for c in table.rows[1].cells][1:4] == ["Tổng vệ sinh", "Thôn Đông", "20 người"]
    assert "XÁC NHẬN CỦA UBND XÃ HỒNG PHONG" in document.tables[-1].cell(0, 1).text
    assert (
        people.client(people.other_village_head).get(f"/documents/registrations/{registration.pk}.docx").status_code
        == 404
    )


def test_targets_as_a_sheet(people):
    plan = make_plan(people, issued=False)
    plans.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={
            "targets": [
                {
                    "text": "Quỹ vì người nghèo",
                    "value": Decimal(134),
                    "unit_of_measure": "triệu đồng",
                    "comparator": ">",
                    "due_date": dt.date(2023, 12, 31),
                }
            ]
        },
    )
    content = people.client(people.commune_officer).get(f"/documents/plans/{plan.pk}/targets.xlsx").content
    rows = table_rows(content)
    assert rows[0][:4] == ("STT", "Chỉ tiêu", "So sánh", "Giá trị")
    assert rows[1][1:5] == ("Quỹ vì người nghèo", "trên", 134, "triệu đồng")


def test_pdf_needs_libreoffice_and_says_so(people, settings):
    """Where LibreOffice is missing, the plan page offers no PDF; the address says why.
    A visitor who is not signed in is offered the Word file (a PDF is made by a job)."""
    plan = make_plan(people, issued=True)
    settings.PDF_CONVERTER = ""
    officer = people.client(people.commune_officer)
    response = officer.post(f"/documents/plans/{plan.pk}.pdf")
    assert response.status_code == 503 and "LibreOffice" in response.content.decode()
    page = officer.get(f"/plans/{plan.pk}/").content.decode()
    assert f"/documents/plans/{plan.pk}.pdf" not in page and "Tải Word (.docx)" in page
    settings.PDF_CONVERTER = "/usr/bin/soffice"
    assert f"/documents/plans/{plan.pk}.pdf" in officer.get(f"/plans/{plan.pk}/").content.decode()
    assert f"/documents/plans/{plan.pk}.pdf" not in people.client(None).get(f"/plans/{plan.pk}/").content.decode()
    assert people.client(None).post(f"/documents/plans/{plan.pk}.pdf").status_code == 302  # to the login
