"""The option for several worker machines: the queue in Redis (TASKS_BACKEND=rq), worked by
`manage.py rqworker`. The same job, started by the same command, runs through RQ: real
Redis, real processes, the suite's database."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import redis
from django.conf import settings as django_settings

from phongtrao.jobs.models import Job, JobState
from phongtrao.notifications.models import Notification
from phongtrao.testing import suite_database_url

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db(transaction=True)
def test_the_reminders_job_goes_through_redis_and_an_rq_worker(people, deadline_tomorrow, tmp_path):
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.flushdb()
    except redis.ConnectionError:
        pytest.fail(f"Redis must answer at {REDIS_URL} (.ci/run starts one; TEST_REDIS_URL names another)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRODUCTION", "SENTRY"))}
    env |= {
        "DATABASE_URL": suite_database_url(),
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
        "NOTIFICATION_CHANNELS": "phongtrao.notifications.channels.InApp",
        "MEDIA_ROOT": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "phongtrao.settings",
    }
    queued = _manage("send_reminders", "--queue", "--today", "2023-06-28", env=env)
    assert queued.returncode == 0, queued.stderr
    job = Job.objects.get()
    assert job.state == JobState.QUEUED and job.task_id and server.llen("rq:queue:default") == 1

    worked = _manage("rqworker", "default", "--burst", "--job-class", "django_tasks_rq.backend.Job", env=env)
    assert worked.returncode == 0, worked.stderr

    job.refresh_from_db()
    assert job.state == JobState.DONE, job.outcome
    assert job.outcome.startswith("Đã gửi ")
    assert Notification.objects.filter(user=people.village_head, subject__startswith="Hạn đăng ký").exists()
    server.flushdb()
