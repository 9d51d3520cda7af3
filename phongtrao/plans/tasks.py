from __future__ import annotations

import json

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from phongtrao import docparse
from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit
from phongtrao.jobs.models import Job
from phongtrao.jobs.services import JobFailed, JobRun, job_run, job_start

PARSED_SUFFIX = ".json"


def scan_read_start(*, user: User, data: bytes, filename: str, unit: AdminUnit | None) -> Job:
    """A scan handed to the worker; its reading opens on the import's check page for `unit`
    (none when it came through the API, which gives the JSON)."""
    return job_start(
        task=document_read,
        started_by=user,
        title=lambda: _("Đọc bản quét “%(name)s”") % {"name": filename},
        kwargs={"filename": filename, "unit_id": unit.pk if unit else None},
        source=data,
        source_name=filename,
    )


@task()
def document_read(*, job_id: int, filename: str, unit_id: int | None) -> None:
    """A scanned plan read by OCR page by page, then by the parser; its result (the parse
    contract's JSON) opens on the import's check page (for the unit chosen on the import
    page; none when it came through the API)."""

    def read(run: JobRun) -> None:
        def page_read(page: int, pages: int) -> None:
            run.progress(page, pages, _("Đang nhận dạng chữ trang %(n)s/%(m)s") % {"n": page + 1, "m": pages})

        try:
            parsed = docparse.parse_bytes(run.source_bytes(), filename, page_read)
        except docparse.ReadError as exc:
            raise JobFailed(str(exc)) from exc
        run.finish(
            outcome=_("Đã đọc xong văn bản; hãy kiểm tra các trường rồi lưu dự thảo."),
            result=json.dumps(parsed, ensure_ascii=False).encode(),
            result_name=f"{filename.rsplit('.', 1)[0][:100]}{PARSED_SUFFIX}",
            link="" if unit_id is None else reverse("plans:import_read", args=[run.job.pk]) + f"?unit={unit_id}",
        )

    job_run(job_id, read)
