"""A file made on request: at once when it is small, by a job when it is large (a
province's values: 300,000 rows, half a minute), so that no request waits past a proxy's
time-out and the person may close the page and be told when it is ready."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import Model
from django.http import FileResponse, HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _

from phongtrao.accounts.models import User
from phongtrao.jobs import tasks, work
from phongtrao.jobs.services import job_start
from phongtrao.jobs.views import follow
from phongtrao.ui.downloads import attachment


def export_response(
    request: HttpRequest,
    *,
    large: bool,
    builder: Callable[..., bytes | IO[bytes]],
    target: dict[str, Model | None],
    params: dict[str, Any] | None = None,
    filename: str,
    content_type: str,
    title: Callable[[], str],
) -> HttpResponseBase:
    """`builder(**target, **params)` makes the file; `title()` names the job. A visitor who is not signed in has no jobs: a large file
    asks them to sign in first."""
    params = params or {}
    if not large:
        made = builder(**{k: v for k, v in target.items() if v is not None}, **params)
        if isinstance(made, bytes):
            return attachment(made, content_type, filename)
        return FileResponse(made, as_attachment=True, filename=filename, content_type=content_type)
    if not isinstance(request.user, User):
        return redirect_to_login(request.get_full_path())
    job = job_start(
        task=tasks.file_export,
        started_by=request.user,
        title=title,
        kwargs={
            "builder": work.path_of(builder),
            "target": work.references(target),
            "params": params,
            "filename": filename,
        },
    )
    return follow(request, job, _("Tệp lớn: máy chủ đang lập; khi xong sẽ có thông báo và nút tải về."))
