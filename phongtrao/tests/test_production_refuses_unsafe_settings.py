"""PRODUCTION=1 starts only with what a real server needs: PostgreSQL, the names it
answers to, a mail relay when email notifications are on; and never with the demo (its
accounts' passwords are in the README)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

SAFE = {
    "PRODUCTION": "1",
    "SECRET_KEY": "production-test-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMN",
    "ALLOWED_HOSTS": "phongtrao.example.vn",
    "DATABASE_URL": "postgres://phongtrao@127.0.0.1/phongtrao",
    "EMAIL_HOST": "mail.example.vn",
    "DEFAULT_FROM_EMAIL": "phongtrao@example.vn",
}
SHOW = (
    "import json, phongtrao.settings as s; print(json.dumps({'apps': s.INSTALLED_APPS, "
    "'timeout': s.EMAIL_TIMEOUT, 'cookie': s.SESSION_COOKIE_SECURE}))"
)


def _start(**changes: str | None) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in SAFE and not k.startswith(("EMAIL_", "NOTIFICATION", "TASKS_", "REDIS_"))
    }
    env |= {k: v for k, v in (SAFE | changes).items() if v is not None}
    return subprocess.run(
        [sys.executable, "-c", SHOW], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )


def test_a_complete_production_environment_starts_without_the_demo():
    started = _start()
    assert started.returncode == 0, started.stderr
    shown = json.loads(started.stdout)
    assert "phongtrao.demo" not in shown["apps"] and "phongtrao.portal" in shown["apps"]
    assert shown["timeout"] == 10 and shown["cookie"] is True


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"DATABASE_URL": None}, "DATABASE_URL"),
        ({"DATABASE_URL": "sqlite:////tmp/x.sqlite3"}, "DATABASE_URL"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"EMAIL_HOST": None}, "EMAIL_HOST"),
        ({"DEFAULT_FROM_EMAIL": None}, "DEFAULT_FROM_EMAIL"),
        ({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "EMAIL_USE_SSL"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"TASKS_BACKEND": "rq"}, "REDIS_URL"),
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND"),
    ],
)
def test_it_refuses_to_start_without_what_a_server_needs(changes, named):
    started = _start(**changes)
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr and named in started.stderr


def test_without_email_notifications_no_relay_is_asked_for():
    started = _start(
        EMAIL_HOST=None, DEFAULT_FROM_EMAIL=None, NOTIFICATION_CHANNELS="phongtrao.notifications.channels.InApp"
    )
    assert started.returncode == 0, started.stderr
