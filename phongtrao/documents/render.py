"""A plan and a confirmed registration as official Word documents; a plan's targets as a sheet."""

from __future__ import annotations

import io
import logging
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.documents.official import OfficialDocument, place_date
from phongtrao.jobs.work import may_run_as_job
from phongtrao.plans.models import Plan
from phongtrao.plans.selectors import opening_lines
from phongtrao.registrations.models import Registration
from phongtrao.reports.models import Report
from phongtrao.reports.services import recipient
from phongtrao.sheets import new_sheet
from phongtrao.ui.formatting import day_text, number_text

logger = logging.getLogger(__name__)

KIND_WORDS = ("ỦY BAN NHÂN DÂN", "UBND", "BAN CHỈ ĐẠO", "ĐẢNG ỦY", "HỘI ĐỒNG")


def _issuer_lines(plan: Plan) -> tuple[str, str]:
    """("UBND HUYỆN BÌNH GIA", "UBND XÃ HỒNG THÁI"): the level above, then the issuer."""
    parent = plan.unit.parent
    above = ""
    if parent is not None and parent.level in ("district", "province"):
        above = f"UBND {parent.name}"
    return above, plan.issuer_name


def plan_docx(plan: Plan) -> bytes:
    document = OfficialDocument()
    above, issuer = _issuer_lines(plan)
    number = (
        f"Số: {plan.full_number}"
        if plan.number
        else f"Số:     {'-' if '/' in plan.symbol else '/'}{plan.symbol}"
        if plan.symbol
        else "Số:"
    )
    document.header(
        parent_body=above, issuer=issuer, number_line=number, place_date=place_date(plan.place, plan.issue_date)
    )
    document.title("Kế hoạch", plan.title)
    for line in opening_lines(plan):
        document.paragraph(line)
    sections = list(plan.sections.all())
    for section in sections:
        if section.heading:
            document.heading(section.label, section.heading, section.depth)
        if section.text:
            document.paragraph(section.text)
    if not sections:
        for label, text in (("Mục đích", plan.purposes), ("Yêu cầu", plan.requirements)):
            if text:
                document.heading("", label, 0)
                document.paragraph(text)
        targets = list(plan.targets.all())
        if targets:
            document.heading("", "Chỉ tiêu", 0)
            for target in targets:
                document.paragraph(f"- {target.text}")
        duties = list(plan.duties.all())
        if duties:
            document.heading("", "Tổ chức thực hiện", 0)
            for n, duty in enumerate(duties, start=1):
                document.heading(str(n), duty.assignee_text, 1)
                document.paragraph(duty.text)
    authority = [line.strip() for line in plan.signer_authority.split("/") if line.strip()]
    document.foot(
        recipients=[r.text for r in plan.recipients.all()],
        authority=authority,
        title=plan.signer_title,
        name=plan.signer_name,
    )
    return document.save()


def registration_docx(registration: Registration) -> bytes:
    """Seed 000's BIỂU, filled in, with the commune's confirmation."""
    call = registration.call
    document = OfficialDocument()
    document.title("Biểu", call.title)
    document.paragraph(f"Đơn vị đăng ký: {registration.registrant}", indent=False)
    if registration.planned_date:
        document.paragraph(f"Thời gian đăng ký thực hiện: {day_text(registration.planned_date)}", indent=False)
    lines = "; ".join(str(line) for line in registration.lines.all())
    document.table(
        [
            "STT",
            "Nội dung công việc đăng ký thực hiện",
            "Địa điểm thực hiện",
            "Khả năng huy động (Tổng số người, vật tư, dụng cụ,...)",
            "Đề xuất hỗ trợ",
            "Ghi chú",
        ],
        [["1", registration.content, registration.place, lines, registration.support_requested, registration.notes]],
    )
    confirmed = registration.status == "confirmed"
    document.foot(
        recipients=[],
        authority=[f"XÁC NHẬN CỦA UBND {call.plan.unit.name}"],
        title="(Ký, đóng dấu, ghi rõ họ tên)" if confirmed else "CHƯA XÁC NHẬN",
        name=str(registration.decided_by or "") if confirmed else "",
    )
    return document.save()


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@may_run_as_job
def report_docx(*, report: Report) -> bytes:
    """A report in the Decree 30 layout, addressed to the unit it goes to, with the
    system's figures as a table after the narrative."""
    unit, to = report.unit, recipient(report)
    is_village = unit.level == "village"
    document = OfficialDocument()
    document.header(
        parent_body=f"UBND {to.name}" if is_village else (f"UBND {unit.parent.name}" if unit.parent else ""),
        issuer=f"BAN PHÁT TRIỂN {unit.name}" if is_village else f"UBND {unit.name}",
        number_line="Số:       /BC" if is_village else "Số:       /BC-UBND",
        place_date=place_date(
            (to if is_village else unit).short_name,
            timezone.localtime(report.submitted_at).date() if report.submitted_at else None,
        ),
    )
    document.title(
        "Báo cáo",
        f"Kết quả thực hiện {report.plan.title} "
        f"(từ ngày {day_text(report.period_start)} đến ngày {day_text(report.period_end)})",
    )
    for n, section in enumerate(report.sections.all()):
        document.heading(ROMAN[n] if n < len(ROMAN) else str(n + 1), section.heading, 0)
        for line in section.text.splitlines():
            if line.strip():
                document.paragraph(line.strip())
    figures = list(report.figures.all())
    if figures:
        document.heading("", "Số liệu", 0)
        document.table(
            ["STT", "Nội dung", "Kết quả"],
            [[str(n), f.label, number_text(f.value)] for n, f in enumerate(figures, start=1)],
        )
    document.foot(
        recipients=[f"UBND {to.name}"],
        authority=["TRƯỞNG THÔN"] if is_village else ["TM. ỦY BAN NHÂN DÂN"],
        title="" if is_village else "CHỦ TỊCH",
        name="",
    )
    return document.save()


def targets_xlsx(plan: Plan) -> bytes:
    workbook, sheet = new_sheet(
        "Chỉ tiêu",
        ["STT", "Chỉ tiêu", "So sánh", "Giá trị", "Đơn vị tính", "Thời hạn", "Giao từ cấp trên"],
        heading=[plan.title, plan.issuer_name, f"{plan.full_number or ''}"],
        widths=[6, 60, 14, 16, 14, 12, 12],
    )
    for n, target in enumerate(plan.targets.all(), start=1):
        sheet.append(
            [
                n,
                target.text,
                target.get_comparator_display(),
                target.value,
                target.unit_of_measure,
                target.due_date,
                "có" if target.allocated_from_id else "",
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed on this server."""


PDF_SECONDS = 180


def to_pdf(docx: bytes) -> bytes:
    """Word to PDF by LibreOffice, in a folder of its own with a profile of its own: two
    conversions at once (two workers, two machines sharing a home) never meet in one
    profile, which LibreOffice locks. Every failure is a sentence for the person."""
    binary = settings.PDF_CONVERTER
    if not binary:
        raise PdfUnavailable
    with tempfile.TemporaryDirectory(prefix="phongtrao-pdf-") as tmp:
        source = Path(tmp) / "van-ban.docx"
        source.write_bytes(docx)
        done = subprocess.run(
            [
                binary,
                f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            capture_output=True,
            timeout=PDF_SECONDS,
        )
        made = Path(tmp) / "van-ban.pdf"
        if done.returncode != 0 or not made.exists() or not made.read_bytes().startswith(b"%PDF-"):
            logger.warning("LibreOffice failed (%s): %s", done.returncode, done.stderr.decode(errors="replace")[-500:])
            raise ValidationError(_("LibreOffice không chuyển được văn bản sang PDF; văn bản Word vẫn tải được."))
        return made.read_bytes()
