from __future__ import annotations

import datetime as dt

from django.urls import reverse
from ninja import Router, Schema

from phongtrao.accounts import permissions
from phongtrao.accounts.auth import WRITE_AUTH
from phongtrao.apitypes import FORBIDDEN, NOT_FOUND, answers
from phongtrao.bounds import Id
from phongtrao.jobs import selectors
from phongtrao.jobs.access import get_job_for_user, get_job_result_for_user, require_queue_sight
from phongtrao.jobs.models import Job
from phongtrao.jobs.services import jobs_fail_abandoned
from phongtrao.ui.downloads import stored_file

jobs_router = Router(tags=["jobs"])


class JobOut(Schema):
    """A job and how far it got; `result_url` once its file is ready (for its starter)."""

    id: int
    title: str
    state: str
    state_label: str
    progress_done: int
    progress_total: int | None
    step: str
    outcome: str
    result_url: str | None
    result_name: str
    link: str
    created_at: dt.datetime
    finished_at: dt.datetime | None

    @staticmethod
    def resolve_state_label(obj: Job) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_result_url(obj: Job, context: dict) -> str | None:
        request = context["request"]
        if obj.result and permissions.owns(request.user, obj.started_by_id):
            return reverse("api:job_result", args=[obj.pk])
        return None


class BacklogOut(Schema):
    queued: int
    running: int
    failed_last_day: int
    oldest_queued_seconds: int | None


@jobs_router.get("", auth=WRITE_AUTH, response=answers(list[JobOut]))
def list_jobs(request) -> list[Job]:
    """The caller's own jobs, newest first (the last 50)."""
    return selectors.jobs_of(request.user)


@jobs_router.get("/queue", auth=WRITE_AUTH, response=answers(BacklogOut, NOT_FOUND))
def queue(request) -> selectors.Backlog:
    """The queue's backlog, for administrators."""
    require_queue_sight(request.user)
    return selectors.queue_backlog()


@jobs_router.get("/{job_id}", auth=WRITE_AUTH, response=answers(JobOut, FORBIDDEN, NOT_FOUND))
def get_job(request, job_id: Id) -> Job:
    jobs_fail_abandoned()
    return get_job_for_user(request.user, job_id)


@jobs_router.get(
    "/{job_id}/result",
    auth=WRITE_AUTH,
    url_name="job_result",
    response=answers(None, FORBIDDEN, NOT_FOUND),
    openapi_extra={
        "responses": {
            200: {
                "description": "The job's file (Excel, Word, PDF or JSON).",
                "content": {"application/octet-stream": {}},
            }
        }
    },
)
def job_result(request, job_id: Id):
    """The job's file, for the person who started it."""
    job = get_job_result_for_user(request.user, job_id)
    return stored_file(job.result, public=False, name=job.result_name)
