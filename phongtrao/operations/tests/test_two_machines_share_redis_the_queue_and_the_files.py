"""A province that outgrows one machine: two application instances (two gunicorns, as two
machines would run them) behind one nginx, one job worker, the one database, and Redis.
A person signed in through nginx is signed in on either; a work registered on one is read
back from the other; a portal page built by one is served
from the shared cache by the other; a job started on one is run by the worker and
followed and downloaded from the other. When Redis stops, no page breaks and /health/
names the cache."""

from __future__ import annotations

import io
import subprocess
import time

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from openpyxl import load_workbook

from phongtrao.geo.models import AdminUnit
from phongtrao.indicators.tests.test_export_values_to_excel import _figures
from phongtrao.operations.tests.stack import running_stack
from phongtrao.testing import PASSWORD, free_port, wait_for_port


@pytest.fixture
def redis_server():
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_port(port, server)
    yield server, f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def _signed_in(url: str, user) -> requests.Session:
    # the servers check passwords with the production hasher (the suite's is a fast one)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])
    browser = requests.Session()
    browser.get(f"{url}/login/", timeout=20)
    answer = browser.post(
        f"{url}/login/",
        data={"username": user.username, "password": PASSWORD, "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        allow_redirects=False,
        timeout=20,
    )
    assert answer.status_code == 302, answer.text[:500]
    return browser


@pytest.mark.django_db(transaction=True)
def test_two_instances_share_sessions_cache_queue_and_files(people, saturday_call, tmp_path, redis_server):
    server, redis_url = redis_server
    _figures(people)
    env = {
        "REDIS_URL": redis_url,
        "JOB_ROWS_IN_REQUEST": "0",
        "NOTIFICATION_CHANNELS": "phongtrao.notifications.channels.InApp",
    }
    with running_stack(tmp_path, instances=2, worker=True, env=env) as stack:
        first, second = stack.instances

        # signed in through nginx, the session holds on either machine
        browser = _signed_in(stack.url, people.district_officer)
        for instance in (first, second):
            assert people.district_officer.username in browser.get(f"{instance}/me/", timeout=20).text

        # a village head registers a work on one machine; the other reads it back
        head = _signed_in(stack.url, people.village_head)
        sent = head.post(
            f"{first}/registrations/calls/{saturday_call.pk}/register/",
            data={
                "csrfmiddlewaretoken": head.cookies["csrftoken"],
                "unit": people.village.pk,
                "content": "Làm mới đường giao thông nông thôn (dài 500m, rộng 2,5m)",
                "place": "Thôn Đông",
                "people": "30",
                "lines-TOTAL_FORMS": "0",
                "lines-INITIAL_FORMS": "0",
            },
            allow_redirects=False,
            timeout=20,
        )
        assert sent.status_code == 302, sent.text[:300]
        read_back = head.get(second + sent.headers["Location"], timeout=20)
        assert read_back.status_code == 200 and "dài 500m, rộng 2,5m" in read_back.text

        # a page built by one is served from Redis by the other (the site's one host name, as nginx sends it)
        page, site = f"/portal/units/{people.commune.pk}/", {"Host": "127.0.0.1"}
        assert "Xã Hồng Phong" in requests.get(first + page, headers=site, timeout=20).text
        AdminUnit.objects.filter(pk=people.commune.pk).update(name="Xã Đổi Tên")
        assert "Xã Hồng Phong" in requests.get(second + page, headers=site, timeout=20).text  # the shared copy

        # a job started on one runs on the worker, is followed and taken from the other
        started = browser.get(
            f"{first}/indicators/units/{people.district.pk}/values/export.xlsx", allow_redirects=False, timeout=20
        )
        assert started.status_code == 302 and started.headers["Location"].startswith("/jobs/")
        job_id = started.headers["Location"].split("/")[2]
        deadline = time.monotonic() + 60
        while (state := browser.get(f"{second}/api/jobs/{job_id}", timeout=20).json())["state"] != "done":
            assert state["state"] in ("queued", "running") and time.monotonic() < deadline, state
            time.sleep(0.3)
        sheet = browser.get(stack.url + f"/jobs/{job_id}/result", timeout=20)  # sent by nginx from the shared disk
        assert sheet.status_code == 200 and "X-Accel-Redirect" not in sheet.headers
        assert load_workbook(io.BytesIO(sheet.content)).worksheets[0].max_row >= 4
        assert requests.get(f"{second}/jobs/{job_id}/result", allow_redirects=False, timeout=20).status_code == 302

        for instance in (first, second):
            assert requests.get(f"{instance}/health/", timeout=20).json()["checks"]["cache"] == "ok"
        server.terminate()
        server.wait(timeout=10)
        for instance in (first, second):
            health = requests.get(f"{instance}/health/", timeout=20)
            assert health.status_code == 503 and health.json()["failing"] == ["cache"]
            assert requests.get(instance + page, timeout=20).status_code == 200  # built again, not broken
            assert people.district_officer.username in browser.get(f"{instance}/me/", timeout=20).text
