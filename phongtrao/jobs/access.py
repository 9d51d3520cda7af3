"""A job is its starter's: they follow it and take its file. An administrator may look
(to help), but the file stays its starter's (403); anyone else finds nothing (404)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.jobs.models import Job


def get_job_for_user(user: Someone, pk: int) -> Job:
    job = Job.objects.select_related("started_by").filter(pk=pk).first()
    if job is None or not permissions.sees_personal(user, job.started_by_id):
        raise Http404
    return job


def get_job_result_for_user(user: Someone, pk: int) -> Job:
    job = get_job_for_user(user, pk)
    if not permissions.owns(user, job.started_by_id):
        raise PermissionDenied(_("Chỉ người chạy việc này mới tải được tệp kết quả."))
    if not job.result:
        raise Http404
    return job


def require_queue_sight(user: Someone) -> None:
    if not permissions.sees_operations(user):
        raise Http404
