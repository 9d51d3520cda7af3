from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao.documents import render as documents
from phongtrao.documents import tasks
from phongtrao.documents.tasks import plan_file_name
from phongtrao.jobs.exports import export_response
from phongtrao.jobs.services import job_start
from phongtrao.jobs.views import follow
from phongtrao.plans.access import get_plan_for_user
from phongtrao.plans.selectors import plan_for_document
from phongtrao.registrations.access import get_registration_for_user
from phongtrao.reports.access import get_report_for_user
from phongtrao.reports.selectors import report_paragraphs
from phongtrao.ui.downloads import DOCX, XLSX, attachment


def plan_docx(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    return attachment(documents.plan_docx(plan_for_document(plan.pk)), DOCX, f"{plan_file_name(plan)}.docx")


@login_required
@require_POST
def plan_pdf(request, pk: int):
    """A PDF is made by a job (LibreOffice takes seconds to a minute); its page follows it."""
    plan = get_plan_for_user(request.user, pk)
    if not settings.PDF_CONVERTER:
        return render(request, "documents/pdf_unavailable.html", {"plan": plan}, status=503)
    job = job_start(
        task=tasks.plan_pdf,
        started_by=request.user,
        title=lambda: _("Tệp PDF của %(plan)s") % {"plan": plan},
        kwargs={"plan_id": plan.pk},
    )
    return follow(request, job)


def plan_targets_xlsx(request, pk: int):
    plan = get_plan_for_user(request.user, pk)
    return attachment(documents.targets_xlsx(plan_for_document(plan.pk)), XLSX, f"{plan_file_name(plan)}-chi-tieu.xlsx")


def registration_docx(request, pk: int):
    registration = get_registration_for_user(request.user, pk)
    return attachment(documents.registration_docx(registration), DOCX, f"dang-ky-{registration.pk}.docx")


def report_docx(request, pk: int):
    report = get_report_for_user(request.user, pk)
    return export_response(
        request,
        large=report_paragraphs(report) > settings.JOB_PARAGRAPHS_IN_REQUEST,
        builder=documents.report_docx,
        target={"report": report},
        filename=f"bao-cao-{report.pk}.docx",
        content_type=DOCX,
        title=lambda: _("Văn bản Word của báo cáo %(report)s") % {"report": report},
    )
