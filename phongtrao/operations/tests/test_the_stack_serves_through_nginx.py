"""The production stack on loopback, as deploy/ describes it: nginx (Debian's) with the
site's own locations file in front of gunicorn. Static files come from nginx with a year's
caching and compression; uploaded files only after the application has checked access,
sent by nginx through X-Accel-Redirect; the internal location cannot be asked directly."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.management import call_command

from phongtrao.criteria import services as criteria_services
from phongtrao.criteria.models import CriteriaSet, DossierFile
from phongtrao.operations.tests.stack import get, running_stack, session_for


@pytest.fixture
def stack(tmp_path):
    """gunicorn with two workers on the suite's own database, and nginx in front of it."""
    with running_stack(tmp_path) as running:
        yield running


@pytest.mark.django_db(transaction=True)
def test_files_pass_through_nginx_only_after_the_application_says_so(people, stack, settings):
    settings.MEDIA_ROOT = stack.media
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
    url = f"{stack.url}/criteria/dossiers/{dossier.pk}/file"

    status, headers, body = get(url, Cookie=f"sessionid={session_for(people.commune_officer)}")
    assert status == 200 and body == content
    assert headers["Content-Type"] == "application/pdf" and "X-Accel-Redirect" not in headers
    assert "private" in headers["Cache-Control"] and "Bi%C3%AAn" in headers["Content-Disposition"]

    for who in (people.outsider, None):
        cookie = {"Cookie": f"sessionid={session_for(who)}"} if who else {}
        status, _headers, body = get(url, **cookie)
        assert status in (302, 404) and content not in body
    stored = urllib.parse.quote(dossier.file.name)
    status, _headers, body = get(f"{stack.url}/protected-media/{stored}")
    assert status == 404 and content not in body  # internal: only an X-Accel-Redirect reaches it
    assert get(f"{stack.url}/media/{stored}")[0] == 404


@pytest.mark.django_db(transaction=True)
def test_static_files_are_nginxs_with_a_years_cache_and_pages_the_applications(stack):
    css = next(p for p in stack.static.rglob("*.css") if not p.name.endswith(".gz"))
    name = css.relative_to(stack.static).as_posix()
    status, headers, body = get(f"{stack.url}/static/{name}", **{"Accept-Encoding": "gzip"})
    assert status == 200 and "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]
    assert headers.get("Content-Encoding") == "gzip" and gzip.decompress(body) == css.read_bytes()
    status, headers, body = get(f"{stack.url}/health/")
    assert status == 200 and b'"status": "ok"' in body and headers["X-Request-ID"]
