"""Test helpers: a province → district → two communes → villages tree, with a person
at every level and an outsider, and a way to make plans on it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client

from phongtrao.accounts.models import Role, User
from phongtrao.accounts.services import api_token_create, membership_grant
from phongtrao.geo.models import AdminUnit, Kind, Listing
from phongtrao.geo.services import unit_create
from phongtrao.plans import services as plan_services
from phongtrao.plans.models import Plan

PASSWORD = "correct-horse-battery-staple"

# Browser tests drive Debian's Chromium; a machine without it skips them, CI never does.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_TEST = pytest.mark.skipif(
    not CHROMIUM and not os.environ.get("CI"), reason="Debian's chromium is not installed"
)


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/my-work/")


@dataclass
class People:
    province: AdminUnit
    district: AdminUnit
    commune: AdminUnit
    other_commune: AdminUnit
    village: AdminUnit
    other_village: AdminUnit
    district_officer: User  # approver over the district
    commune_officer: User  # officer over the commune
    commune_approver: User  # the commune's chairman
    commune_viewer: User  # may read the commune's drafts, change nothing
    village_head: User  # reporter over one village
    other_village_head: User  # reporter over the other village of the same commune
    outsider: User  # officer of another commune

    def client(self, user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def token(self, user: User) -> str:
        return api_token_create(user=user, name="test")[1]


def _user(username: str, unit: AdminUnit, role: str) -> User:
    user = User.objects.create_user(username, password=PASSWORD, full_name=username)
    membership_grant(user=user, unit=unit, role=role)
    return user


def make_people() -> People:
    province = unit_create(name="Tỉnh Thử Nghiệm", kind=Kind.PROVINCE, parent=None, code="901", listing=Listing.CURRENT)
    district = unit_create(
        name="Huyện Đồi Chè", kind=Kind.DISTRICT, parent=province, code="9011", listing=Listing.CURRENT
    )
    commune = unit_create(
        name="Xã Hồng Phong", kind=Kind.COMMUNE, parent=district, code="90111", listing=Listing.CURRENT
    )
    other = unit_create(name="Xã Tân Lập", kind=Kind.COMMUNE, parent=district, code="90112", listing=Listing.CURRENT)
    village = unit_create(name="Thôn Đông", kind=Kind.HAMLET, parent=commune)
    other_village = unit_create(name="Thôn Tây", kind=Kind.HAMLET, parent=commune)
    unit_create(name="Thôn Bắc", kind=Kind.HAMLET, parent=other)
    return People(
        province=province,
        district=district,
        commune=commune,
        other_commune=other,
        village=village,
        other_village=other_village,
        district_officer=_user("district_officer", district, Role.APPROVER),
        commune_officer=_user("commune_officer", commune, Role.OFFICER),
        commune_approver=_user("commune_approver", commune, Role.APPROVER),
        commune_viewer=_user("commune_viewer", commune, Role.VIEWER),
        village_head=_user("village_head", village, Role.REPORTER),
        other_village_head=_user("other_village_head", other_village, Role.REPORTER),
        outsider=_user("outsider", other, Role.OFFICER),
    )


def make_plan(people: People, *, unit: AdminUnit | None = None, issued: bool = False, **header) -> Plan:
    """A plan of `unit` (the commune by default) with a period in 2023."""
    unit = unit or people.commune
    author = people.commune_approver if people.commune.contains(unit) else people.district_officer
    defaults = {
        "title": "Kế hoạch thử",
        "issuer_name": f"UBND {unit.short_name}",
        "period_start": dt.date(2023, 3, 1),
        "period_end": dt.date(2023, 12, 31),
    }
    defaults.update(header)
    plan = plan_services.plan_create(user=author, unit=unit, **defaults)
    if issued:
        plan_services.plan_update(
            user=author,
            plan=plan,
            issue_date=plan.issue_date or dt.date(2023, 2, 20),
            signer_name=plan.signer_name or "Nguyễn Văn A",
        )
        plan = plan_services.plan_issue(user=author, plan=plan)
    return plan


def send_at_once(
    base: str, requests: list[tuple[str, str, dict | None, str | None]], headers: dict[str, str] | None = None
) -> list[tuple[int, dict]]:
    """Send HTTP requests to a live server all at the same moment, each from its own
    thread (and so its own database connection on the server): (method, path, JSON body,
    Bearer token) each, with `headers` added to every one (a session's cookie, an
    idempotency key); returns (status, JSON answer) in the same order. For races."""
    import json
    import threading
    import urllib.error
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    start = threading.Barrier(len(requests))

    def send(method: str, path: str, body: dict | None, token: str | None) -> tuple[int, dict]:
        sent_headers = {"Content-Type": "application/json", **(headers or {})}
        if token:
            sent_headers["Authorization"] = f"Bearer {token}"
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{base}{path}", data=data, headers=sent_headers, method=method)
        start.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310 (the test's own server)
                return answer.status, json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as refused:
            text = refused.read()
            try:
                return refused.code, json.loads(text or b"{}")
            except ValueError:
                return refused.code, {"detail": text.decode(errors="replace")[:500]}

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(lambda r: send(*r), requests))


def table_rows(content: bytes, sheet: int | str = 0) -> list[tuple]:
    """An Excel export reopened with openpyxl: its rows from the column names down (the
    title lines an export puts above them left out)."""
    import io

    from openpyxl import load_workbook

    from phongtrao.sheets import skip_title_lines

    workbook = load_workbook(io.BytesIO(content))
    chosen = workbook.worksheets[sheet] if isinstance(sheet, int) else workbook[sheet]
    rows = list(chosen.iter_rows(values_only=True))
    skip_title_lines(rows)
    return rows


def work_queued_jobs() -> int:
    """What `manage.py db_worker` does on a server, until the queue is empty, with the
    library's own worker, but on the test's connection (the command closes it between
    tasks, which a test transaction cannot survive)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (waiting := DBTaskResult.objects.ready().first()) is not None:
        waiting.claim(worker.worker_id)
        worker.run_task(waiting)
        ran += 1
    return ran


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def suite_database_url() -> str:
    """The test database, for a server or a worker started as a process of its own."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode() if process.stderr else "exited")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


@dataclass
class Received:
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes


class LoopbackHttpServer:
    """A real HTTP server on 127.0.0.1 in a thread, standing for a push service or a
    province's gateway: it records what it receives and answers each request with the
    next of `statuses` (the last one repeated), after `delay` seconds."""

    def __init__(self, statuses: list[int] | None = None, delay: float = 0.0):
        import http.server
        import threading

        self.statuses = list(statuses or [201])
        self.delay = delay
        self.received: list[Received] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.received.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                time.sleep(outer.delay)
                status = outer.statuses.pop(0) if len(outer.statuses) > 1 else outer.statuses[0]
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                return None

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LoopbackHttpServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def register(people: People, plan: Plan, village=None, head=None, content="Làm 200 m đường bê tông"):
    """A village's registration answering the `running_plan` fixture's call."""
    from phongtrao.registrations.services import registration_submit

    return registration_submit(
        user=head or people.village_head,
        call=plan.call,
        unit=village or people.village,
        content=content,
        place="Đường trục thôn",
    )
