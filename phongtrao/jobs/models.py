"""A job: work too long for a web request (a scan read by OCR, a PDF made by LibreOffice,
a province's Excel export, a large import, the daily reminders), run by a worker through
django-tasks. The task backend keeps its own record of the attempt; this one is what a
person sees: what it is, how far it got, its file, or why it failed, in Vietnamese."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phongtrao.ui.uploads import random_name


def job_file_path(instance: Job, filename: str) -> str:
    """The name shown on download is kept apart (`result_name`, `source_name`)."""
    return random_name("jobs", filename)


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Không thành công")


UNFINISHED = (JobState.QUEUED, JobState.RUNNING)


class JobQuerySet(models.QuerySet["Job"]):
    def unfinished(self) -> JobQuerySet:
        return self.filter(state__in=UNFINISHED)

    def abandoned(self, now: dt.datetime | None = None) -> JobQuerySet:
        """Running, but its worker stopped beating: killed, or its machine went down."""
        stale = (now or timezone.now()) - dt.timedelta(seconds=settings.JOB_STALE_SECONDS)
        return self.filter(state=JobState.RUNNING, heartbeat_at__lt=stale)


class Job(models.Model):
    title = models.CharField(_("việc"), max_length=200)
    task_path = models.CharField(_("tác vụ"), max_length=200)
    # None: started by the system (the reminders' timer).
    started_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    state = models.CharField(_("trạng thái"), max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    progress_done = models.PositiveIntegerField(_("đã làm"), default=0)
    progress_total = models.PositiveIntegerField(_("tổng"), null=True, blank=True)
    step = models.CharField(_("đang làm"), max_length=200, blank=True)
    outcome = models.TextField(_("kết quả"), blank=True)
    source = models.FileField(_("tệp gửi lên"), upload_to=job_file_path, blank=True)
    source_name = models.CharField(_("tên tệp gửi lên"), max_length=255, blank=True)
    result = models.FileField(_("tệp kết quả"), upload_to=job_file_path, blank=True)
    result_name = models.CharField(_("tên tệp kết quả"), max_length=120, blank=True)
    link = models.CharField(_("trang xem kết quả"), max_length=255, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("lúc bắt đầu"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("lúc kết thúc"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "created_at"], name="job_state_age")]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress_total__isnull=True) | Q(progress_done__lte=models.F("progress_total")),
                name="job_progress_within_total",
            ),
            models.CheckConstraint(
                condition=Q(state__in=UNFINISHED, finished_at__isnull=True)
                | Q(state__in=(JobState.DONE, JobState.FAILED), finished_at__isnull=False),
                name="job_finished_when_done_or_failed",
            ),
            models.CheckConstraint(condition=~Q(state=JobState.FAILED) | ~Q(outcome=""), name="job_failure_says_why"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.state not in UNFINISHED

    @property
    def percent(self) -> int | None:
        if not self.progress_total:
            return None
        return min(100, self.progress_done * 100 // self.progress_total)
