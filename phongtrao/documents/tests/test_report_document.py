"""A village's report as a Word file addressed to the commune, with its figures as a table."""

import datetime as dt
import io

import docx

from phongtrao.reports import services as reports
from phongtrao.reports.models import Report
from phongtrao.reports.tests.test_reports import _scheduled


def test_a_sent_village_report_as_a_decree_30_word_document(people):
    plan = _scheduled(people)
    report = Report.objects.get(plan=plan, unit=people.village, due_date=dt.date(2023, 3, 10))
    reports.report_write(
        user=people.village_head,
        report=report,
        sections=[
            {"heading": "Kết quả thực hiện", "text": "Ra quân 2 buổi.\nNạo vét 1,5 km mương."},
            {"heading": "Tồn tại, hạn chế", "text": "Thiếu xi măng."},
        ],
    )
    reports.report_submit(user=people.village_head, report=report)
    response = people.client(people.commune_officer).get(f"/documents/reports/{report.pk}.docx")
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    header = document.tables[0]
    assert header.cell(0, 0).text.splitlines() == ["UBND XÃ HỒNG PHONG", "BAN PHÁT TRIỂN THÔN ĐÔNG"]
    assert header.cell(1, 1).text.startswith("Hồng Phong, ngày ")
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("BÁO CÁO") + 1].startswith("Kết quả thực hiện Kế hoạch ra quân NTM (từ ngày 06/03/2023")
    assert "Ra quân 2 buổi." in texts and "Nạo vét 1,5 km mương." in texts
    assert any(t.endswith("Tồn tại, hạn chế") for t in texts)
    figures = document.tables[1]
    assert [c.text for c in figures.rows[0].cells] == ["STT", "Nội dung", "Kết quả"]
    assert [c.text for c in figures.rows[1].cells] == ["1", "Nhiệm vụ đã hoàn thành", "0"]
    assert "UBND Xã Hồng Phong" in document.tables[-1].cell(0, 0).text


def test_an_outsider_cannot_download_a_report(people):
    plan = _scheduled(people)
    report = Report.objects.get(plan=plan, unit=people.village, due_date=dt.date(2023, 3, 10))
    assert people.client(people.outsider).get(f"/documents/reports/{report.pk}.docx").status_code == 404
    assert people.client(people.other_village_head).get(f"/documents/reports/{report.pk}.docx").status_code == 404
