"""The daily reminders run as a recorded job. When the mail relay refuses connections or
hangs without answering, the job fails within the mail time-out, saying how many went out
in the app and that mail did not; the in-app notifications are kept."""

import datetime as dt
import socket

import pytest
from django.core.management import CommandError, call_command

from phongtrao.jobs.models import Job, JobState
from phongtrao.notifications.models import Notification

D = dt.date


def _relay(settings, port: int) -> None:
    settings.NOTIFICATION_CHANNELS = [
        "phongtrao.notifications.channels.InApp",
        "phongtrao.notifications.channels.Email",
    ]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 1


def _fails_with_mail_named() -> Job:
    with pytest.raises(CommandError, match="máy chủ thư"):
        call_command("send_reminders", today=D(2023, 6, 28))
    job = Job.objects.get()
    assert job.state == JobState.FAILED and job.started_by is None
    assert job.outcome.startswith("Đã gửi ") and "máy chủ thư không trả lời" in job.outcome
    return job


def test_a_relay_that_refuses_fails_the_job_and_keeps_the_notifications(people, settings, deadline_tomorrow):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # nothing listens there once closed
    _relay(settings, port)
    _fails_with_mail_named()
    assert Notification.objects.filter(user=people.village_head, subject__startswith="Hạn đăng ký").exists()


def test_a_relay_that_never_answers_fails_within_the_time_out(people, settings, deadline_tomorrow):
    with socket.socket() as silent:  # accepts the connection (the kernel does), never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        _relay(settings, silent.getsockname()[1])
        _fails_with_mail_named()


def test_reminders_can_be_left_to_the_worker(people, settings, deadline_tomorrow, django_capture_on_commit_callbacks):
    from phongtrao.testing import work_queued_jobs

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", today=D(2023, 6, 28), queue=True)
    assert Job.objects.get().state == JobState.QUEUED and not Notification.objects.exists()
    work_queued_jobs()
    job = Job.objects.get()
    assert job.state == JobState.DONE and job.outcome.startswith("Đã gửi ")
    assert Notification.objects.filter(user=people.village_head).exists()
