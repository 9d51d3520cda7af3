"""The production stack on loopback, as deploy/ describes it: nginx (Debian's) with the
site's own locations file in front of gunicorn. Static files come from nginx with a year's
caching and compression; uploaded files only after the application has checked access,
sent by nginx through X-Accel-Redirect; the internal location cannot be asked directly."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command

from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.models import CriteriaSet, DossierFile
from phongtrao.testing import free_port, suite_database_url, wait_for_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LOCATIONS = django_settings.BASE_DIR / "deploy" / "nginx" / "phongtrao-locations.conf"


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **headers})
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, dict(refused.headers), refused.read()


def _session_for(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


@pytest.fixture
def stack(tmp_path):
    """gunicorn with two workers on the suite's own database, and nginx in front of it."""
    media, static = tmp_path / "media", tmp_path / "static"
    media.mkdir()
    app_port, web_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRODUCTION", "SENTRY", "LOG_"))}
    env |= {
        "DATABASE_URL": suite_database_url(),
        "MEDIA_ROOT": str(media),
        "STATIC_ROOT": str(static),
        "FILES_VIA_NGINX": "1",
        "PROXY_COUNT": "1",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "phongtrao.settings",
        "PYTHONWARNINGS": "ignore",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=django_settings.BASE_DIR,
        check=True,
        timeout=120,
    )
    subprocess.run(["gzip", "-k", "-9", *map(str, static.rglob("*.css"))], check=True)
    locations = LOCATIONS.read_text().replace("/srv/phongtrao/staticfiles/", f"{static}/")
    locations = locations.replace("/srv/phongtrao/media/", f"{media}/")
    (tmp_path / "locations.conf").write_text(locations)
    (tmp_path / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"""
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    upstream phongtrao {{ server 127.0.0.1:{app_port}; }}
    server {{
        listen 127.0.0.1:{web_port};
        include {tmp_path}/locations.conf;
    }}
}}
"""
    )
    gunicorn = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "phongtrao.wsgi:application"]
        + ["--bind", f"127.0.0.1:{app_port}", "--workers", "2", "--timeout", "60"],
        env=env,
        cwd=django_settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    nginx = subprocess.Popen(
        [NGINX, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_port(app_port, gunicorn)
        wait_for_port(web_port, nginx)
        yield {"url": f"http://127.0.0.1:{web_port}", "media": media, "static": static}
    finally:
        for process in (nginx, gunicorn):
            process.terminate()
            process.wait(timeout=20)


@pytest.mark.django_db(transaction=True)
def test_files_pass_through_nginx_only_after_the_application_says_so(people, stack, settings):
    settings.MEDIA_ROOT = stack["media"]
    call_command("load_criteria", stdout=open("/dev/null", "w"))  # noqa: SIM115
    criterion = CriteriaSet.objects.get(code="ntm-xa-2021-2025").criteria.get(number=2)
    content = b"%PDF-1.4 bien ban kiem tra giao thong " + os.urandom(2000)
    criteria_services.criterion_status_set(
        user=people.commune_officer,
        unit=people.commune,
        criterion=criterion,
        state="achieved",
        date=dt.date(2024, 5, 1),
        files=[("Biên bản giao thông.pdf", content)],
    )
    dossier = DossierFile.objects.get()
    url = f"{stack['url']}/criteria/dossiers/{dossier.pk}/file"

    status, headers, body = _get(url, Cookie=f"sessionid={_session_for(people.commune_officer)}")
    assert status == 200 and body == content
    assert headers["Content-Type"] == "application/pdf" and "X-Accel-Redirect" not in headers
    assert "private" in headers["Cache-Control"] and "Bi%C3%AAn" in headers["Content-Disposition"]

    for who in (people.outsider, None):
        cookie = {"Cookie": f"sessionid={_session_for(who)}"} if who else {}
        status, _headers, body = _get(url, **cookie)
        assert status in (302, 404) and content not in body
    stored = urllib.parse.quote(dossier.file.name)
    status, _headers, body = _get(f"{stack['url']}/protected-media/{stored}")
    assert status == 404 and content not in body  # internal: only an X-Accel-Redirect reaches it
    assert _get(f"{stack['url']}/media/{stored}")[0] == 404


@pytest.mark.django_db(transaction=True)
def test_static_files_are_nginxs_with_a_years_cache_and_pages_the_applications(stack):
    css = next(p for p in stack["static"].rglob("*.css") if not p.name.endswith(".gz"))
    name = css.relative_to(stack["static"]).as_posix()
    status, headers, body = _get(f"{stack['url']}/static/{name}", **{"Accept-Encoding": "gzip"})
    assert status == 200 and "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]
    assert headers.get("Content-Encoding") == "gzip" and gzip.decompress(body) == css.read_bytes()
    status, headers, body = _get(f"{stack['url']}/health/")
    assert status == 200 and b'"status": "ok"' in body and headers["X-Request-ID"]
