"""A worker killed in the middle of a job (kill -9, out of memory, the machine down) stops
beating; its job then reads as failed with a reason, on its page and in the API, instead
of "running" for ever, and its starter is told. The worker is the real one
(`manage.py db_worker`), a process of its own on the suite's database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings

from phongtrao.documents import tasks as document_tasks
from phongtrao.jobs.models import Job, JobState
from phongtrao.jobs.services import job_start
from phongtrao.notifications.models import Notification
from phongtrao.testing import make_plan, suite_database_url


def _wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_was_killed_fails_with_a_reason(people, settings, tmp_path):
    # LibreOffice stands in for any long step: this one never ends.
    slow = tmp_path / "soffice"
    slow.write_text("#!/bin/sh\nsleep 600\n")
    slow.chmod(0o755)
    settings.PDF_CONVERTER = str(slow)
    plan = make_plan(people, issued=True)
    job = job_start(
        task=document_tasks.plan_pdf,
        started_by=people.commune_officer,
        title=lambda: "Tệp PDF",
        kwargs={"plan_id": plan.pk},
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRODUCTION", "SENTRY"))}
    env |= {
        "DATABASE_URL": suite_database_url(),
        "PDF_CONVERTER": str(slow),
        "JOB_HEARTBEAT_SECONDS": "1",
        "DJANGO_SETTINGS_MODULE": "phongtrao.settings",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2"],
        env=env,
        cwd=django_settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its LibreOffice stand-in dies with it below
    )
    try:
        _wait_until(lambda: Job.objects.get(pk=job.pk).state == JobState.RUNNING)
        beat = Job.objects.get(pk=job.pk).heartbeat_at
        _wait_until(lambda: Job.objects.get(pk=job.pk).heartbeat_at > beat)  # alive: it beats
        client = people.client(people.commune_officer)
        assert client.get(f"/api/jobs/{job.pk}").json()["state"] == "running"
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=20)

    settings.JOB_STALE_SECONDS = 2
    time.sleep(2.5)
    answer = client.get(f"/api/jobs/{job.pk}").json()
    assert answer["state"] == "failed"
    assert answer["outcome"].startswith("Tiến trình xử lý bị dừng giữa chừng")
    assert "bị dừng giữa chừng" in client.get(f"/jobs/{job.pk}/").content.decode()
    told = Notification.objects.get(user=people.commune_officer)
    assert told.subject == "Không thành công: Tệp PDF"
