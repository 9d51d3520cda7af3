from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from phongtrao.documents import render
from phongtrao.jobs.services import JobRun, job_run
from phongtrao.plans.models import Plan
from phongtrao.plans.selectors import plan_for_document


def plan_file_name(plan: Plan) -> str:
    return slugify(f"ke-hoach-{plan.number or plan.pk}-{plan.unit.short_name}") or f"ke-hoach-{plan.pk}"


@task()
def plan_pdf(*, job_id: int, plan_id: int) -> None:
    """The plan's Word document, then LibreOffice's PDF of it (seconds, a minute on a busy
    machine: never inside a request)."""

    def make(run: JobRun) -> None:
        plan = plan_for_document(plan_id)
        run.progress(0, 2, _("Đang lập văn bản Word"), force=True)
        docx = render.plan_docx(plan)
        run.progress(1, 2, _("LibreOffice đang chuyển sang PDF"), force=True)
        run.finish(result=render.to_pdf(docx), result_name=f"{plan_file_name(plan)}.pdf")

    job_run(job_id, make)
