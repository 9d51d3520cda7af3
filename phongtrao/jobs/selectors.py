"""What the job pages, the API and /health/ read about jobs: one place each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone

from phongtrao.accounts.permissions import Someone
from phongtrao.jobs.models import Job, JobState

RECENT = 50


@dataclass(frozen=True)
class Backlog:
    queued: int
    running: int
    failed_last_day: int
    oldest_queued_seconds: int | None


def queue_backlog(now: dt.datetime | None = None) -> Backlog:
    """Waiting and running jobs, failures of the last 24 hours, and how long the oldest
    waiting job has waited (a worker that is down shows as that age growing)."""
    now = now or timezone.now()
    figures = Job.objects.aggregate(
        queued=Count("pk", filter=Q(state=JobState.QUEUED)),
        running=Count("pk", filter=Q(state=JobState.RUNNING)),
        failed=Count("pk", filter=Q(state=JobState.FAILED, finished_at__gte=now - dt.timedelta(days=1))),
        oldest=Min("created_at", filter=Q(state=JobState.QUEUED)),
    )
    oldest = figures["oldest"]
    return Backlog(
        queued=figures["queued"],
        running=figures["running"],
        failed_last_day=figures["failed"],
        oldest_queued_seconds=None if oldest is None else max(0, int((now - oldest).total_seconds())),
    )


def jobs_of(user: Someone) -> list[Job]:
    """The person's own jobs, newest first."""
    return list(Job.objects.filter(started_by_id=user.pk).select_related("started_by")[:RECENT])


def recent_jobs_of_everyone() -> list[Job]:
    return list(Job.objects.select_related("started_by")[:RECENT])
