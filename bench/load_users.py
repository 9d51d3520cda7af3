"""The people of bench/load.py, for locust: village heads on phone pages, commune
officers, a district leader at a meeting, citizens on the portal, and the month-end
writers of values. Each page request names what it is; `FLOOR` is the lightest signed-in
page of the base template (the framework's floor the others are compared with)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, constant, task

FLOOR = "sàn: trang cơ sở"


def _fixtures() -> dict:
    return json.loads(Path(os.environ["LOAD_FIXTURES"]).read_text())


FIXTURES = _fixtures() if "LOAD_FIXTURES" in os.environ else {}
_next_session = iter(range(10**6))


class SignedIn(HttpUser):
    """A person with a session made beforehand (a login costs a PBKDF2 hash: not what a
    Friday afternoon is made of)."""

    abstract = True
    role = ""
    wait_time = between(1, 3)

    def on_start(self) -> None:
        sessions = FIXTURES["sessions"][self.role]
        self.client.cookies.set("sessionid", sessions[next(_next_session) % len(sessions)])
        self.floor()  # every signed-in user measures the floor at least once

    def page(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}")

    @task(1)
    def floor(self) -> None:
        self.page("/me/password/changed/", FLOOR)


class VillageHead(SignedIn):
    """Registering and reporting on a phone."""

    weight = 30
    role = "village_head"

    @task(3)
    def register_form(self) -> None:
        self.page(f"/registrations/calls/{FIXTURES['call']}/register/", "thôn: mẫu đăng ký")

    @task(3)
    def values_form(self) -> None:
        self.page(f"/indicators/units/{FIXTURES['village']}/values/", "thôn: nhập số liệu")

    @task(2)
    def duties(self) -> None:
        self.page("/plans/duties/", "thôn: nhiệm vụ")

    @task(2)
    def plan(self) -> None:
        self.page(f"/plans/{FIXTURES['plan']}/", "kế hoạch")

    @task(1)
    def inbox(self) -> None:
        self.page("/notifications/", "thông báo")


class CommuneOfficer(SignedIn):
    """Confirming registrations, following the plan."""

    weight = 12
    role = "commune_officer"

    @task(3)
    def call(self) -> None:
        self.page(f"/registrations/calls/{FIXTURES['call']}/", "xã: đăng ký của các thôn")

    @task(2)
    def registration(self) -> None:
        self.page(f"/registrations/{FIXTURES['registration']}/", "xã: một đăng ký")

    @task(2)
    def dashboard(self) -> None:
        self.page(f"/units/{FIXTURES['commune']}/dashboard/", "xã: bảng điều khiển")

    @task(1)
    def progress(self) -> None:
        self.page(f"/plans/{FIXTURES['plan']}/progress/", "xã: tiến độ kế hoạch")

    @task(1)
    def plans(self) -> None:
        self.page("/plans/", "danh sách kế hoạch")


class DistrictLeader(SignedIn):
    """Dashboards at a meeting."""

    weight = 4
    role = "district_leader"

    @task(3)
    def dashboard(self) -> None:
        self.page(f"/units/{FIXTURES['district']}/dashboard/", "huyện: bảng điều khiển")

    @task(2)
    def board(self) -> None:
        self.page(f"/criteria/{FIXTURES['criteria_set']}/units/{FIXTURES['district']}/", "huyện: bảng tiêu chí")

    @task(1)
    def ranking(self) -> None:
        self.page(f"/indicators/units/{FIXTURES['district']}/ranking/", "huyện: xếp hạng xã")


class Citizen(HttpUser):
    """The public portal: no account."""

    weight = 4
    wait_time = between(1, 3)

    def page(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}")

    @task(1)
    def index(self) -> None:
        self.page("/portal/", "cổng: trang đầu")

    @task(2)
    def commune(self) -> None:
        self.page(f"/portal/units/{FIXTURES['commune']}/", "cổng: trang xã")

    @task(1)
    def plan(self) -> None:
        self.page(f"/portal/plans/{FIXTURES['plan']}/", "cổng: kế hoạch")


class ValueWriter(HttpUser):
    """Month's end: a district's software enters its villages' values through the API as
    fast as it is answered, `LOAD_BATCH` values a request (1: `POST /api/values`, one at a
    time; more: `POST /api/values/batch`). Each writer has villages of its own; every write
    also moves the same province and country cells."""

    wait_time = constant(0)

    def on_start(self) -> None:
        number = next(_next_session)
        villages = FIXTURES["writer_villages"]
        self.villages = villages[number % len(villages)]
        self.client.headers["Authorization"] = f"Bearer {FIXTURES['token']}"
        self.batch = int(os.environ.get("LOAD_BATCH", "1"))
        self.sent = 0

    def next_value(self) -> dict:
        village = self.villages[self.sent % len(self.villages)]
        indicators = FIXTURES["indicators"]
        indicator = indicators[(self.sent // len(self.villages)) % len(indicators)]
        month = 1 + (self.sent // (len(self.villages) * len(indicators))) % 10
        self.sent += 1
        return {
            "indicator": indicator,
            "unit": village,
            "period": "month",
            "date": f"2026-{month:02d}-15",
            "value": str(random.randint(1, 500)),
        }

    @task
    def enter_values(self) -> None:
        if self.batch == 1:
            path, body, name = "/api/values", self.next_value(), "API: nhập một số liệu"
        else:
            path, name = "/api/values/batch", f"API: nhập {self.batch} số liệu một lần"
            body = {"values": [self.next_value() for _ in range(self.batch)]}
        with self.client.post(path, json=body, name=name, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code} {answer.text[:120]}")
