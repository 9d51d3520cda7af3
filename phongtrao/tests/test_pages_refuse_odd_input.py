"""Every page, opened with odd input (letters where numbers go, a year 0, a page "abc",
a date of year 99999, a NUL, a version "abc") by a visitor, a village head and a commune
officer, answers without a server error: a page, a refusal, or not found."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

from phongtrao.registrations import services as registration_services
from phongtrao.surveys import services as surveys
from phongtrao.testing import make_plan

ODD = {
    "unit": "abc",
    "org": "1e9",
    "year": "0",
    "page": "abc",
    "period": "bogus",
    "date": "99999-99-99",
    "village": "x",
    "q": "\x00",
    "indicator": "../../etc",
    "plan": "-1",
    "kind": "bogus",
    "status": "bogus",
    "version": "abc",
    "section": "x",
    "nomination": "abc",
    "reward_form": "x",
    "limit": "-3",
    "days": "1e99",
    "action": "bogus",
    "next": "//evil.example",
}


def _paths(patterns, prefix: str = "") -> list[str]:
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(("api/", "admin/", "i18n/")):
            continue
        if isinstance(pattern, URLResolver):
            found += _paths(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            found.append("/" + re.sub(r"<id:\w+>", "1", re.sub(r"<str:\w+>", "vi", route)))
    return found


@pytest.fixture
def scene(people):
    plan = make_plan(people, issued=True)
    call = registration_services.call_create(
        user=people.commune_officer, plan=plan, title="Đăng ký", kind="activity", registrants="villages"
    )
    registration_services.registration_submit(
        user=people.village_head, call=call, unit=people.village, content="Nạo vét mương", place="Thôn Đông"
    )
    surveys.survey_create(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        title="Khảo sát",
        opens_on=plan.period_start,
        closes_on=plan.period_end,
        questions=[("Giao thông", None)],
    )
    return people


def _acceptable(path: str, status: int) -> bool:
    """Below 500; or, for a PDF on a server without LibreOffice, the page saying so (503)."""
    return status < 500 or (path.endswith(".pdf") and status == 503 and not settings.PDF_CONVERTER)


@pytest.mark.parametrize("path", sorted(set(_paths(get_resolver().url_patterns))))
def test_it_answers_odd_input_without_a_server_error(scene, path):
    people = scene
    for user in (None, people.village_head, people.commune_officer):
        client = people.client(user)
        got = client.get(path, ODD)
        assert _acceptable(path, got.status_code), (path, user, got.status_code)
        sent = client.post(path, ODD)
        assert _acceptable(path, sent.status_code), (path, user, sent.status_code)
