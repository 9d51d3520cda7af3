"""Every write to a job. A view starts one (`job_start`); the task that runs it wraps its
work in `job_running`, reports `progress` and ends with `finish`; whatever it raises
becomes a failure with a Vietnamese reason, and the person who started it is told."""

from __future__ import annotations

import errno
import logging
import smtplib
import subprocess
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import close_old_connections, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks.base import Task

from phongtrao.accounts.models import User
from phongtrao.jobs.models import UNFINISHED, Job, JobState
from phongtrao.notifications.services import notify

logger = logging.getLogger(__name__)


class JobFailed(Exception):
    """A failure the person can act on; its message (Vietnamese) is shown as it is."""


class JobGone(Exception):
    """The job was finished (or failed as abandoned) before this worker got to it."""


def job_start(
    *,
    task: Task[..., None],
    started_by: User | None,
    title: Callable[[], str],
    kwargs: dict[str, Any],
    source: bytes | None = None,
    source_name: str = "",
    here: bool = False,
) -> Job:
    """Record the job and queue its task once the record is committed (a worker on another
    machine must find it). The task is called with `job_id` and `kwargs`. `title()` names
    the job; it is called in Vietnamese (the name is stored, whoever reads it later).
    `here`: run it in this process now instead (a command on a timer), recorded all the same."""
    jobs_fail_abandoned()
    with translation.override("vi"):
        named = title()
    with transaction.atomic():
        job = Job.objects.create(title=named[:200], task_path=task.module_path, started_by=started_by)
        if source is not None:
            job.source_name = source_name[:255]
            job.source.save(source_name or "tep", ContentFile(source), save=True)
        if not here:
            transaction.on_commit(lambda: _enqueue(job, task, kwargs))
    if here:
        task.call(job_id=job.pk, **kwargs)
        job.refresh_from_db()
    return job


def _enqueue(job: Job, task: Task[..., None], kwargs: dict[str, Any]) -> None:
    try:
        queued = task.enqueue(job_id=job.pk, **kwargs)
    except Exception:  # the queue's server (Redis) is down: say so now, not never
        logger.exception("Could not queue job %s", job.pk)
        _end(job.pk, JobState.FAILED, _("Không đưa được việc vào hàng đợi xử lý; hãy thử lại sau ít phút."))
        return
    Job.objects.filter(pk=job.pk).update(task_id=str(queued.id)[:64])


class JobRun:
    """The running job, as its task sees it."""

    def __init__(self, job: Job):
        self.job = job
        self.finished = False
        self._written_at = 0.0

    def source_bytes(self) -> bytes:
        with self.job.source.open("rb") as stored:
            data: bytes = stored.read()
        return data

    def progress(self, done: int, total: int | None = None, step: str = "", *, force: bool = False) -> None:
        """Written at most once a second (a loop over 300,000 rows calls it often)."""
        if not force and time.monotonic() - self._written_at < 1:
            return
        self._written_at = time.monotonic()
        total = self.job.progress_total if total is None else total
        done = min(done, total) if total is not None else done
        self.job.progress_done, self.job.progress_total = done, total
        if step:
            self.job.step = step[:200]
        Job.objects.filter(pk=self.job.pk, state=JobState.RUNNING).update(
            progress_done=done, progress_total=total, step=self.job.step, heartbeat_at=timezone.now()
        )

    def finish(
        self, *, outcome: str = "", result: bytes | IO[bytes] | None = None, result_name: str = "", link: str = ""
    ) -> None:
        if result is not None:
            content = ContentFile(result) if isinstance(result, bytes) else File(result)
            self.job.result.save(result_name or "ket-qua", content, save=False)
            self.job.result_name = result_name[:120]
        self.job.outcome, self.job.link = outcome, link[:255]
        if self.job.progress_total is not None:
            self.job.progress_done = self.job.progress_total
        self.job.save(update_fields=["result", "result_name", "outcome", "link", "progress_done"])
        self.finished = True


def failure_text(exc: BaseException) -> str:
    """Why it failed, for the person who started it; the technical detail goes to the log."""
    if isinstance(exc, JobFailed):
        return str(exc)
    if not isinstance(exc, Exception):  # SystemExit, KeyboardInterrupt: the worker was stopped
        return stopped_text()
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("Máy chủ đã hết chỗ lưu tệp; hãy báo quản trị hệ thống rồi thử lại.")
    if isinstance(exc, smtplib.SMTPException | ConnectionError | TimeoutError):
        return _("Không gửi được thư: máy chủ thư không trả lời; hãy báo quản trị hệ thống.")
    if isinstance(exc, subprocess.TimeoutExpired):
        return _("Xử lý quá lâu (hơn %(n)s giây) nên đã dừng; hãy thử với tệp nhỏ hơn.") % {"n": int(exc.timeout)}
    return _("Có lỗi không mong đợi khi xử lý; quản trị hệ thống đã được báo.")


def stopped_text() -> str:
    return _("Tiến trình xử lý bị dừng giữa chừng (máy chủ khởi động lại?); hãy chạy lại.")


def _claim(job_id: int) -> Job:
    with transaction.atomic():
        job = Job.objects.select_for_update(of=("self",)).select_related("started_by").filter(pk=job_id).first()
        if job is None or job.state != JobState.QUEUED:
            raise JobGone(job_id)
        now = timezone.now()
        job.state, job.started_at, job.heartbeat_at = JobState.RUNNING, now, now
        job.save(update_fields=["state", "started_at", "heartbeat_at"])
    return job


def _end(job_id: int, state: str, outcome: str) -> Job | None:
    """Finish a job still unfinished (under a row lock: a worker and the abandoned-job sweep
    never both end it), then tell whoever started it."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id, state__in=UNFINISHED).first()
        if job is None:
            return None
        job.state, job.finished_at = state, timezone.now()
        if outcome or state == JobState.FAILED:
            job.outcome = outcome or _("Không thành công.")
        job.save(update_fields=["state", "finished_at", "outcome"])
    _tell_starter(job)
    return job


def _tell_starter(job: Job) -> None:
    if job.started_by is None:
        return
    subject = (_("Đã xong: %(t)s") if job.state == JobState.DONE else _("Không thành công: %(t)s")) % {"t": job.title}
    try:
        notify(
            user=job.started_by,
            key=f"job:{job.pk}",
            subject=subject,
            body=job.outcome,
            url=reverse("jobs:detail", args=[job.pk]),
        )
    except Exception:  # telling is a courtesy: the job's own page already shows its end
        logger.exception("Could not notify the starter of job %s", job.pk)


class _Heartbeat(threading.Thread):
    """Beats while a long step (LibreOffice, Tesseract) reports no progress, so that only a
    worker that is really gone lets its job be taken for abandoned."""

    def __init__(self, job_id: int):
        super().__init__(daemon=True)
        self.job_id, self.stopped = job_id, threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(settings.JOB_HEARTBEAT_SECONDS):
            try:
                Job.objects.filter(pk=self.job_id, state=JobState.RUNNING).update(heartbeat_at=timezone.now())
            except Exception:  # the next beat tries again
                logger.warning("Heartbeat of job %s not written", self.job_id, exc_info=True)
            finally:
                close_old_connections()


def job_run(job_id: int, work: Callable[[JobRun], None]) -> None:
    """The body of every job's task: `work` reports progress and calls `finish`. Texts
    written meanwhile are Vietnamese (they are stored, whoever reads them later)."""
    jobs_fail_abandoned()
    try:
        job = _claim(job_id)
    except JobGone:
        logger.warning("Job %s is not waiting to run; skipped", job_id)
        return
    run = JobRun(job)
    heartbeat = _Heartbeat(job_id)
    heartbeat.start()
    try:
        with translation.override("vi"):
            work(run)
    except BaseException as exc:  # every end is recorded, a worker's own exit too
        if not isinstance(exc, JobFailed | ValidationError):
            logger.exception("Job %s (%s) failed", job_id, job.task_path)
        with translation.override("vi"):
            _end(job_id, JobState.FAILED, failure_text(exc))
        if not isinstance(exc, Exception):
            raise  # SystemExit, KeyboardInterrupt: the worker is stopping
    else:
        with translation.override("vi"):
            if run.finished:
                _end(job_id, JobState.DONE, run.job.outcome)
            else:
                _end(job_id, JobState.FAILED, _("Việc dừng mà không có kết quả."))
    finally:
        heartbeat.stopped.set()


def jobs_fail_abandoned() -> int:
    """Jobs whose worker stopped beating (killed, out of memory, machine down) fail with a
    reason instead of showing "running" for ever."""
    ended = 0
    with translation.override("vi"):
        for job_id in Job.objects.abandoned().values_list("pk", flat=True):
            if _end(job_id, JobState.FAILED, stopped_text()):
                ended += 1
    return ended
