from django.shortcuts import render
from django.utils.text import slugify

from phongtrao.documents import render as documents
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.selectors import plan_for_document
from phongtrao.registrations.access import get_registration_for_user
from phongtrao.reports.access import get_report_for_user
from phongtrao.ui.downloads import DOCX, XLSX, attachment


def _name(plan) -> str:
    return slugify(f"ke-hoach-{plan.number or plan.pk}-{plan.unit.short_name}") or f"ke-hoach-{plan.pk}"


def plan_docx(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    return attachment(documents.plan_docx(plan_for_document(plan.pk)), DOCX, f"{_name(plan)}.docx")


def plan_pdf(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    try:
        pdf = documents.to_pdf(documents.plan_docx(plan_for_document(plan.pk)))
    except documents.PdfUnavailable:
        return render(request, "documents/pdf_unavailable.html", {"plan": plan}, status=503)
    return attachment(pdf, "application/pdf", f"{_name(plan)}.pdf")


def plan_targets_xlsx(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    return attachment(documents.targets_xlsx(plan_for_document(plan.pk)), XLSX, f"{_name(plan)}-chi-tieu.xlsx")


def registration_docx(request, pk: int):
    registration = get_registration_for_user(request.user, pk)
    return attachment(documents.registration_docx(registration), DOCX, f"dang-ky-{registration.pk}.docx")


def report_docx(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return attachment(documents.report_docx(report), DOCX, f"bao-cao-{report.pk}.docx")
