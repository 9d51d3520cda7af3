"""The upload page every Excel import shares: a file in, all rows or none, then back with
a count or the errors row by row. A large file is imported by a job instead (its page
follows it), so that a province's sheet never meets a proxy's time-out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongtrao.accounts.models import User
from phongtrao.bounds import SHEET_BYTES
from phongtrao.jobs import tasks, work
from phongtrao.jobs.services import job_start
from phongtrao.jobs.views import follow
from phongtrao.sheets import ImportReport
from phongtrao.ui.fields import UploadField


class ImportFileForm(forms.Form):
    file = UploadField(max_bytes=SHEET_BYTES, label=gettext_lazy("Tệp Excel (.xlsx)"))


def import_page(
    request: HttpRequest,
    *,
    service: Callable[..., ImportReport],
    target: dict[str, Model],
    done_message: Promise,
    done_url: str,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """`service(user=…, data=…, **target)` enters the rows (it checks the user's right);
    `done_message` (lazy) carries %(n)s for the number of rows entered."""
    if not isinstance(request.user, User):
        return redirect_to_login(request.get_full_path())
    form = ImportFileForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        if len(data) > settings.JOB_BYTES_IN_REQUEST:
            with translation.override("vi"):
                done = str(done_message)
            job = job_start(
                task=tasks.sheet_import,
                started_by=request.user,
                title=lambda: _("Nhập tệp “%(name)s”") % {"name": upload.name},
                kwargs={
                    "service": work.path_of(service),
                    "target": work.references(target),
                    "done_message": done,
                    "done_url": done_url,
                },
                source=data,
                source_name=upload.name,
            )
            return follow(request, job, _("Tệp lớn: máy chủ đang nhập; khi xong sẽ có thông báo."))
        try:
            report = service(user=request.user, data=data, **target)
        except ValidationError as exc:
            form.add_error("file", " ".join(exc.messages))
        else:
            if not report.errors:
                messages.success(request, done_message % {"n": report.created})
                return redirect(done_url)
    return render(request, template, {**context, "form": form, "report": report})
