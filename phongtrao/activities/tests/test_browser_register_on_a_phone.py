"""In a real browser (Debian's Chromium driven by Playwright), on a phone-sized screen:
a village head registers the Saturday activity, the commune officer confirms it."""

import os
import shutil

import pytest

from phongtrao.activities.models import Registration, RegistrationStatus
from phongtrao.testing import PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM and not os.environ.get("CI"), reason="Debian's chromium is not installed")


@pytest.fixture
def browser():
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
    _end_server_sessions()


def _end_server_sessions() -> None:
    """The live server answers in threads of its own; one caught mid-request when the
    browser closes keeps its database session, and PostgreSQL then refuses to drop the
    test database at the end of the run. End such sessions once the browser is gone."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


def log_in(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/plans/")


@pytest.mark.django_db(transaction=True)
def test_a_village_head_registers_on_a_phone_and_the_commune_confirms(browser, live_server, people, saturday_call):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    log_in(page, live_server.url, "village_head")
    page.goto(f"{live_server.url}/activities/calls/{saturday_call.pk}/register/")
    assert page.locator("#id_unit").input_value() == str(people.village.pk)  # preselected: one village
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the form fits the phone's width"
    page.fill("#id_content", "Làm mới đường giao thông nông thôn (dài 500m, rộng 2,5m)")
    page.fill("#id_place", "Thôn Đông")
    page.fill("#id_people", "30")
    page.fill("#id_lines-0-description", "cát")
    page.fill("#id_lines-0-quantity", "5")
    page.fill("#id_lines-0-unit_of_measure", "m³")
    page.fill("#id_support_requested", "Đề nghị hỗ trợ nhân lực cùng tham gia đổ bê tông đường")
    page.click("#register-submit")
    page.wait_for_selector("#status")
    assert page.inner_text("#status") == "Chờ xác nhận"
    phone.close()

    office = browser.new_context(viewport={"width": 1280, "height": 900})
    page = office.new_page()
    log_in(page, live_server.url, "commune_officer")
    page.goto(f"{live_server.url}/activities/calls/{saturday_call.pk}/")
    registration = Registration.objects.get()
    row = page.locator(f"#registration-{registration.pk}")
    row.locator("button", has_text="Xác nhận").click()  # htmx swaps the row in place
    page.wait_for_selector(f"#registration-{registration.pk} .badge.confirmed")
    office.close()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.decided_by == people.commune_officer
