"""In a real browser (Debian's Chromium driven by Playwright), on a phone-sized screen:
a village head registers the Saturday activity, the commune officer confirms it."""

import pytest

from phongtrao.registrations.models import Registration, RegistrationStatus
from phongtrao.testing import BROWSER_TEST, log_in

pytestmark = BROWSER_TEST


@pytest.mark.django_db(transaction=True)
def test_a_village_head_registers_on_a_phone_and_the_commune_confirms(browser, live_server, people, saturday_call):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    log_in(page, live_server.url, "village_head")
    page.goto(f"{live_server.url}/registrations/calls/{saturday_call.pk}/register/")
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
    page.goto(f"{live_server.url}/registrations/calls/{saturday_call.pk}/")
    registration = Registration.objects.get()
    row = page.locator(f"#registration-{registration.pk}")
    row.locator("button", has_text="Xác nhận").click()  # htmx swaps the row in place
    page.wait_for_selector(f"#registration-{registration.pk} .badge.confirmed")
    office.close()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.decided_by == people.commune_officer
