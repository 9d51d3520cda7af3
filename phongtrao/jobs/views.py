from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render

from phongtrao.accounts import permissions
from phongtrao.jobs import selectors
from phongtrao.jobs.access import get_job_for_user, get_job_result_for_user, require_queue_sight
from phongtrao.jobs.models import Job
from phongtrao.jobs.services import jobs_fail_abandoned
from phongtrao.ui.downloads import stored_file


def follow(request, job: Job, message: str = "") -> HttpResponseRedirect:
    """Where a page that started a job sends its starter: the job's own page."""
    if message:
        messages.info(request, message)
    return redirect("jobs:detail", job.pk)


@login_required
def job_list(request):
    return render(
        request,
        "jobs/list.html",
        {
            "jobs": selectors.jobs_of(request.user),
            "sees_queue": permissions.sees_operations(request.user),
        },
    )


@login_required
def job_detail(request, pk: int):
    """The job's page; htmx asks again every two seconds for `_job_partial.html` until the
    job is finished (the finished fragment no longer asks)."""
    jobs_fail_abandoned()  # a job whose worker was killed reads as failed, not as running for ever
    job = get_job_for_user(request.user, pk)
    template = "jobs/_job_partial.html" if request.htmx else "jobs/detail.html"
    return render(request, template, {"job": job, "owns": permissions.owns(request.user, job.started_by_id)})


@login_required
def job_result(request, pk: int):
    job = get_job_result_for_user(request.user, pk)
    return stored_file(job.result, public=False, name=job.result_name)


@login_required
def job_queue(request):
    require_queue_sight(request.user)
    return render(
        request,
        "jobs/queue.html",
        {"backlog": selectors.queue_backlog(), "jobs": selectors.recent_jobs_of_everyone()},
    )
