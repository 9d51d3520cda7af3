"""The tasks this room runs for the others: a large Excel import and a long file export,
whichever room's they are (the work is named, see work.py). Tasks are written against
django-tasks (Django 6's task framework), each a few lines around `job_run`."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django_tasks import task

from phongtrao.accounts.models import User
from phongtrao.jobs import work
from phongtrao.jobs.services import JobFailed, JobRun, job_run

ERRORS_SHOWN = 50


@task()
def sheet_import(*, job_id: int, service: str, target: dict[str, list[Any]], done_message: str, done_url: str) -> None:
    def run_import(run: JobRun) -> None:
        enter = work.resolve(service)
        if run.job.started_by_id is None:
            raise JobFailed(_("Không rõ người nhập."))
        run.progress(0, step=_("Đang đọc và kiểm tra từng dòng"), force=True)
        report = enter(user=User.objects.get(pk=run.job.started_by_id), data=run.source_bytes(), **work.records(target))
        if report.errors:
            lines = report.errors[:ERRORS_SHOWN]
            text = _("Tệp có lỗi, chưa dòng nào được nhập:") + "\n" + "\n".join(lines)
            if len(report.errors) > len(lines):
                text += "\n" + _("… và %(n)s lỗi khác.") % {"n": len(report.errors) - len(lines)}
            raise JobFailed(text)
        run.finish(outcome=done_message % {"n": report.created}, link=done_url)

    job_run(job_id, run_import)


@task()
def file_export(
    *, job_id: int, builder: str, target: dict[str, list[Any]], params: dict[str, Any], filename: str
) -> None:
    def run_export(run: JobRun) -> None:
        build = work.resolve(builder)
        extra = {"progress": run.progress} if work.takes_progress(build) else {}
        run.progress(0, step=_("Đang lập tệp"), force=True)
        run.finish(result=build(**work.records(target), **params, **extra), result_name=filename)

    job_run(job_id, run_export)
