"""The village head's daily loop on a weak line, through the production stack (nginx in
front of gunicorn, static files fingerprinted and compressed): each page at most 30 KB
over the wire on a first visit (the page and every file it loads, compressed), at most
5 KB after (the files kept a year by the phone). Prints the figures (bench/README.md)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from phongtrao.operations.tests.stack import get, running_stack, session_for
from phongtrao.registrations.models import Registration
from phongtrao.testing import register
from phongtrao.workdays.models import WorkDay

FIRST_VISIT = 30 * 1024
AGAIN = 5 * 1024
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def _wire(url: str, cookie: str) -> tuple[int, bytes, dict[str, str]]:
    status, headers, body = get(url, Cookie=cookie, **{"Accept-Encoding": "gzip"})
    assert status == 200, (url, status)
    header_bytes = sum(len(k) + len(v) + 4 for k, v in headers.items())
    return len(body) + header_bytes, body, headers


@pytest.mark.django_db(transaction=True)
def test_the_loop_fits_a_weak_line(people, running_plan, tmp_path, capsys):
    registration = register(people, running_plan)
    day = WorkDay.objects.filter(unit=people.village).order_by("-date").first()
    pages = {
        "Việc của tôi": reverse("mywork:index"),
        "kế hoạch": reverse("plans:detail", args=[running_plan.pk]),
        "việc trong kế hoạch": reverse("mywork:plan_actions", args=[running_plan.pk]),
        "đăng ký": reverse("registrations:register", args=[running_plan.call.pk]),
        "đăng ký đã gửi": reverse("registrations:registration", args=[registration.pk]),
        "ngày thứ Bảy": reverse("workdays:workday", args=[day.pk]),
        "nhiệm vụ": reverse("plans:duty", args=[running_plan.duties.first().pk]),
        "thông báo": reverse("notifications:inbox"),
    }
    assert Registration.objects.count() == 1
    with running_stack(tmp_path, env={"STATIC_FINGERPRINTS": "1"}) as stack:
        cookie = f"sessionid={session_for(people.village_head)}"
        lines = []
        for name, path in pages.items():
            page_bytes, body, headers = _wire(stack.url + path, cookie)
            assert headers.get("Content-Encoding") == "gzip", name
            html = _gunzip(body)
            assets = sorted(set(ASSET.findall(html)))
            asset_bytes = 0
            for asset in assets:
                size, _body, asset_headers = _wire(stack.url + asset, cookie)
                assert (
                    "immutable" in asset_headers["Cache-Control"]
                    and "max-age=31536000" in asset_headers["Cache-Control"]
                ), asset
                assert re.search(r"\.[0-9a-f]{12}\.", asset), f"{asset} is not fingerprinted"
                asset_bytes += size
            first = page_bytes + asset_bytes
            lines.append(f"{name:22s} first visit {first / 1024:5.1f} KB · again {page_bytes / 1024:4.1f} KB")
            assert first <= FIRST_VISIT, (name, first)
            assert page_bytes <= AGAIN, (name, page_bytes)
    with capsys.disabled():
        print("\nphone pages over the wire (gzip, headers included):\n" + "\n".join(lines))


def _gunzip(body: bytes) -> str:
    import gzip

    return gzip.decompress(body).decode()
