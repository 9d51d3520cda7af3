"""/health/ answers 200 when the database, the cache, the task queue and the media disk are
usable, and 503 naming the part that is not (a database that refuses connections, a job
waiting past its time because no worker runs, a full disk),
never a traceback and never an error's text."""

import datetime as dt
import json

from django.db.utils import ConnectionHandler
from django.utils import timezone

from phongtrao.jobs.models import Job
from phongtrao.operations import health


def test_a_healthy_process_says_so_to_anyone(client, db):
    answer = client.get("/health/")
    assert answer.status_code == 200 and answer["Cache-Control"].startswith("max-age=0")
    assert answer.json() == {
        "status": "ok",
        "failing": [],
        "checks": {"database": "ok", "cache": "ok", "task_queue": "ok", "media_disk": "ok"},
    }


def test_a_database_that_refuses_connections_is_named_not_raised(db):
    # PostgreSQL on a port where nothing listens: a real refused connection.
    down = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "x", "HOST": "127.0.0.1", "PORT": "9"}}
    )["default"]
    try:
        found = health.checks(database=down)
    finally:
        down.close()
    answer = health.answer(found)
    assert answer.status_code == 503
    body = json.loads(answer.content)
    assert body["failing"] == ["database"] and body["status"] == "failing"
    assert "127.0.0.1" not in answer.content.decode() and "refused" not in answer.content.decode()


def test_a_full_media_disk_is_named(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-yet-made" / "media"
    settings.HEALTH_MEDIA_FREE_BYTES = 10**18  # more than any disk has free
    assert json.loads(health.answer(health.checks()).content)["failing"] == ["media_disk"]
    settings.HEALTH_MEDIA_FREE_BYTES = 1
    assert health.checks()["media_disk"] == "ok"


def test_a_job_waiting_too_long_names_the_task_queue(db, settings):
    job = Job.objects.create(title="Xuất số liệu", task_path="x")
    assert health.checks()["task_queue"] == "ok"  # just queued
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(minutes=11))
    assert json.loads(health.answer(health.checks()).content)["failing"] == ["task_queue"]
    settings.HEALTH_QUEUE_MAX_WAIT_SECONDS = 3600
    assert health.checks()["task_queue"] == "ok"
