"""The production stack on loopback, for the tests that need it: gunicorn (one or more
instances, as several machines would run it) behind Debian's nginx with the site's own
locations file, optionally a job worker, all on the suite's own database."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings as django_settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from phongtrao.testing import free_port, suite_database_url, wait_for_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LOCATIONS = django_settings.BASE_DIR / "deploy" / "nginx" / "phongtrao-locations.conf"


@dataclass
class Stack:
    url: str  # nginx
    media: Path
    static: Path
    instances: list[str] = field(default_factory=list)  # each gunicorn, directly


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **headers})
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, dict(refused.headers), refused.read()


def session_for(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _process(command: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        command, env=env, cwd=django_settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


@contextmanager
def running_stack(
    tmp_path: Path,
    *,
    instances: int = 1,
    web_workers: int = 2,
    worker: bool = False,
    env: dict[str, str] | None = None,
) -> Iterator[Stack]:
    media, static = tmp_path / "media", tmp_path / "static"
    media.mkdir()
    app_ports, web_port = [free_port() for _ in range(instances)], free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PRODUCTION", "SENTRY", "LOG_"))}
    environment |= {
        "DATABASE_URL": suite_database_url(),
        "MEDIA_ROOT": str(media),
        "STATIC_ROOT": str(static),
        "FILES_VIA_NGINX": "1",
        "PROXY_COUNT": "1",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "phongtrao.settings",
        "PYTHONWARNINGS": "ignore",
        **(env or {}),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=environment,
        cwd=django_settings.BASE_DIR,
        check=True,
        timeout=120,
    )
    subprocess.run(["gzip", "-k", "-f", "-9", *map(str, static.rglob("*.css"))], check=True)
    locations = LOCATIONS.read_text().replace("/srv/phongtrao/staticfiles/", f"{static}/")
    locations = locations.replace("/srv/phongtrao/media/", f"{media}/")
    (tmp_path / "locations.conf").write_text(locations)
    servers = " ".join(f"server 127.0.0.1:{port};" for port in app_ports)
    (tmp_path / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"""
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    upstream phongtrao {{ {servers} }}
    server {{
        listen 127.0.0.1:{web_port};
        include {tmp_path}/locations.conf;
    }}
}}
"""
    )
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    processes = [
        _process(
            [
                gunicorn,
                "phongtrao.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--timeout",
                "60",
            ],
            environment,
        )
        for port in app_ports
    ]
    if worker:
        processes.append(
            _process(
                [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2"],
                environment,
            )
        )
    nginx = _process([NGINX, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path), "-g", "daemon off;"], environment)
    try:
        for port, process in zip(app_ports, processes, strict=False):
            wait_for_port(port, process)
        wait_for_port(web_port, nginx)
        yield Stack(
            url=f"http://127.0.0.1:{web_port}",
            media=media,
            static=static,
            instances=[f"http://127.0.0.1:{port}" for port in app_ports],
        )
    finally:
        for process in (nginx, *processes):
            process.terminate()
            process.wait(timeout=30)
