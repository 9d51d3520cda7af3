"""Fixtures shared by every app's tests: a small unit tree and people at every level."""

import datetime as dt
import importlib
import os

import pytest
from django.apps import apps as django_apps
from django.utils import timezone

from phongtrao.plans import services as plans
from phongtrao.registrations.services import call_create
from phongtrao.reports.services import reports_schedule
from phongtrao.testing import CHROMIUM, People, make_people, make_plan
from phongtrao.workdays.services import workdays_generate


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _vietnamese_first():
    """Each test starts in the default language: a request in English activates it for
    the thread, and a test calling a service next would otherwise read English."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Public pages are cached: one test's page must not be served to the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def people(db) -> People:
    return make_people()


@pytest.fixture
def browser(_server_sessions_ended_at_exit):
    """Debian's Chromium driven by Playwright (see phongtrao.testing.BROWSER_TEST)."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"  # Playwright's sync API runs an event loop in this thread
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, ".ci/run installs chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _server_sessions_ended_at_exit(django_db_setup, django_db_blocker):
    """The live server answers in threads of its own; one caught mid-request when the
    browser closes keeps its database session, and PostgreSQL then refuses to drop the
    test database at the end of the run. End such sessions then, just before the drop:
    not after each browser test, where the test's own connection (a different one under
    Playwright's event loop) would be ended with them."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def saturday_call(people):
    """Seed 000's call: every village registers its Saturday activities."""
    plan = make_plan(people, issued=True, title="Ngày thứ Bảy đi cơ sở năm 2023")
    return call_create(
        user=people.commune_officer,
        plan=plan,
        title="Đăng ký hoạt động thứ Bảy",
        kind="activity",
        registrants="villages",
        deadline=None,
    )


@pytest.fixture
def deadline_tomorrow(people):
    """A call closing on 29/06/2023: the reminders of 28/06/2023 tell the villages (the
    village head has an email address)."""
    people.village_head.email = "truongthon@example.vn"
    people.village_head.save()
    plan = make_plan(people, issued=True, period_start=dt.date(2023, 3, 1), period_end=dt.date(2023, 12, 31))
    return call_create(
        user=people.commune_officer,
        plan=plan,
        title="Đăng ký thứ Bảy",
        kind="activity",
        registrants="villages",
        deadline=dt.date(2023, 6, 29),
    )


@pytest.fixture
def reward_forms(db):
    """The standard reward forms a data migration adds: a transactional test that ran
    before empties every table, the migrations' own rows with them."""
    standard = importlib.import_module("phongtrao.rewards.migrations.0002_standard_reward_forms")
    standard.add_forms(django_apps, None)


@pytest.fixture
def running_plan(people):
    """A commune plan being carried out now: villages register Saturday works by five
    days from now, report every Friday, and work one Saturday a month."""
    today = timezone.localdate()
    plan = make_plan(
        people,
        title="Ngày thứ Bảy đi cơ sở",
        period_start=today - dt.timedelta(days=70),
        period_end=today + dt.timedelta(days=200),
        issue_date=today - dt.timedelta(days=75),
    )
    plans.plan_set_parts(
        user=people.commune_approver,
        plan=plan,
        parts={
            "reporting_duties": [
                {"reporter_text": "Các thôn", "recipient_text": "UBND xã", "frequency": "weekly", "weekday": 4}
            ],
            "duties": [
                {
                    "assignee_text": "Thôn Đông",
                    "text": "Phát quang đường trục thôn",
                    "place_unit": people.village,
                    "deadline": today + dt.timedelta(days=10),
                },
                {
                    "assignee_text": "Thôn Tây",
                    "text": "Nạo vét mương",
                    "place_unit": people.other_village,
                    "deadline": today - dt.timedelta(days=3),
                },
            ],
        },
    )
    plans.plan_update(user=people.commune_approver, plan=plan, signer_name="Nguyễn Văn A")
    plan = plans.plan_issue(user=people.commune_approver, plan=plan)
    plan.call = call_create(
        user=people.commune_officer,
        plan=plan,
        title="Đăng ký phần việc tháng này",
        kind="work",
        registrants="villages",
        deadline=today + dt.timedelta(days=5),
    )
    reports_schedule(user=people.commune_officer, plan=plan, until=today + dt.timedelta(days=7))
    workdays_generate(user=people.commune_officer, plan=plan)
    return plan
