"""In a real browser (Debian's Chromium driven by Playwright), on a phone: the village head
opens “Việc của tôi”, loses the line, registers a work and records a Saturday's
attendance from the pages kept on the phone, gets the line back: both reach the server
once, and the commune sees the registration in its inbox once. A duty's step with a
camera photo (shrunk on the phone before it waits) and a contribution arrive the same way.
A correction kept on the phone while the commune moved on is shown to the village, not
lost."""

import pytest

from phongtrao.registrations.models import Registration
from phongtrao.registrations.services import registration_resubmit, registration_return
from phongtrao.testing import BROWSER_TEST, log_in, register
from phongtrao.workdays.models import Attendance, WorkDay

pytestmark = BROWSER_TEST


def _controlled(page) -> None:
    """The page is in the service worker's hands (asked without eval: the CSP forbids it)."""
    for _ in range(150):
        if page.evaluate("navigator.serviceWorker.controller !== null"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker never took the page")


@pytest.mark.django_db(transaction=True)
def test_work_entered_offline_is_sent_once_when_the_line_returns(browser, live_server, people, running_plan):
    day = WorkDay.objects.filter(unit=people.village).order_by("date").first()
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    log_in(page, live_server.url, "village_head")
    _controlled(page)
    page.reload()  # now through the service worker: the page and what it leads to are kept
    register_url = f"{live_server.url}/registrations/calls/{running_plan.call.pk}/register/"
    day_url = f"{live_server.url}/workdays/{day.pk}/"
    for url in (register_url, day_url):
        page.goto(url)

    phone.set_offline(True)
    page.goto(register_url)  # from the phone
    page.fill("#id_content", "Làm 200 m đường bê tông")
    page.fill("#id_place", "Đường trục thôn")
    page.fill("#id_people", "30")
    page.click("#register-submit")
    page.wait_for_selector("text=Đã lưu trên máy, sẽ gửi khi có mạng")

    page.goto(day_url)
    page.select_option("#id_status", "done")
    page.fill("#id_attendance-0-group", "Nhân dân thôn")
    page.fill("#id_attendance-0-expected", "40")
    page.fill("#id_attendance-0-present", "35")
    page.locator("form", has=page.locator("input[name=record]")).locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã lưu trên máy, sẽ gửi khi có mạng")
    assert not Registration.objects.exists() and not Attendance.objects.exists()

    page.goto(f"{live_server.url}/my-work/")
    page.wait_for_selector("#outbox[data-count='2']", state="attached")
    phone.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.wait_for_selector("#outbox[data-count='0']", state="attached", timeout=20000)
    assert Registration.objects.count() == 1
    assert Attendance.objects.filter(work_day=day, present=35).count() == 1
    phone.close()

    office = browser.new_context(viewport={"width": 1280, "height": 900})
    page = office.new_page()
    log_in(page, live_server.url, "commune_officer")
    inbox = page.locator("#registrations_waiting li")
    assert inbox.count() == 1 and "Làm 200 m đường bê tông" in inbox.inner_text()
    office.close()


@pytest.mark.django_db(transaction=True)
def test_a_correction_kept_while_the_commune_moved_on_is_shown_not_lost(browser, live_server, people, running_plan):
    registration = register(people, running_plan)
    registration = registration_return(
        user=people.commune_officer, registration=registration, version=1, reason="Ghi rõ số người"
    )
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    log_in(page, live_server.url, "village_head")
    _controlled(page)
    edit_url = f"{live_server.url}/registrations/{registration.pk}/edit/"
    page.goto(edit_url)
    phone.set_offline(True)
    page.goto(edit_url)
    page.fill("#id_content", "Làm 200 m đường bê tông, 30 người")
    page.click("#register-submit")
    page.wait_for_selector("text=Đã lưu trên máy, sẽ gửi khi có mạng")
    # meanwhile the commune corrected and resent it itself
    registration_resubmit(
        user=people.commune_officer, registration=registration, version=registration.version, content="Bản của xã"
    )
    phone.set_offline(False)
    page.goto(f"{live_server.url}/my-work/")  # back on the line: the outbox is sent as the page opens
    page.wait_for_selector("#outbox li.late", timeout=20000)
    assert "xã đã xử lý trước" in page.inner_text("#outbox")
    phone.close()
    registration.refresh_from_db()
    assert registration.content == "Bản của xã"


OUTBOX_BYTES = """() => new Promise((resolve) => {
  const opening = indexedDB.open("phongtrao", 1);
  opening.onsuccess = () => {
    const all = opening.result.transaction("outbox", "readonly").objectStore("outbox").getAll();
    all.onsuccess = () => resolve(all.result.map((item) => item.body.byteLength));
  };
})"""


@pytest.mark.django_db(transaction=True)
def test_a_duty_step_with_a_camera_photo_and_a_contribution_wait_and_arrive(
    browser, live_server, people, running_plan, tmp_path
):
    from PIL import Image

    from phongtrao.contributions.models import Contribution
    from phongtrao.plans.models import DutyAssignment, DutyProgress

    photo = tmp_path / "anh-hien-truong.jpg"
    Image.effect_noise((3000, 2000), 90).convert("RGB").save(photo, quality=95)  # a camera's 4 MB kind
    duty = running_plan.duties.get(text="Phát quang đường trục thôn")
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    log_in(page, live_server.url, "village_head")
    _controlled(page)
    duty_url = f"{live_server.url}/plans/duties/{duty.pk}/"
    ledger_url = f"{live_server.url}/contributions/units/{people.village.pk}/"
    page.goto(ledger_url)
    page.goto(duty_url)
    phone.set_offline(True)
    page.goto(duty_url)
    page.fill("#id_percent", "50")
    page.fill("#id_note", "Đã phát quang 1 km")
    page.set_input_files("#id_evidence", str(photo))
    for _ in range(100):  # the phone shrinks it as it is chosen
        if page.evaluate(
            "document.querySelector('#id_evidence').files[0].name.endsWith('.jpg') && document.querySelector('#id_evidence').files[0].size < 1500000"
        ):
            break
        page.wait_for_timeout(100)
    page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    page.wait_for_selector("text=Đã lưu trên máy, sẽ gửi khi có mạng")
    (kept,) = page.evaluate(OUTBOX_BYTES)  # what waits on the phone is the shrunk photo
    assert kept < photo.stat().st_size / 2, (kept, photo.stat().st_size)
    assert not DutyProgress.objects.exists()

    page.goto(ledger_url)  # from the phone too
    page.select_option("#id_contributor_kind", "household")
    page.fill("#id_contributor_name", "Hộ ông Hoàng Văn Tư")
    page.select_option("#id_kind", "money")
    page.fill("#id_amount", "500.000")
    page.locator("form", has=page.locator("#id_contributor_name")).locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã lưu trên máy, sẽ gửi khi có mạng")

    phone.set_offline(False)
    page.goto(f"{live_server.url}/my-work/")
    page.wait_for_selector("#outbox[data-count='0']", state="attached", timeout=20000)
    phone.close()
    progress = DutyProgress.objects.get()
    assert progress.percent == 50 and progress.evidence.count() == 1
    assert DutyAssignment.objects.get(duty=duty, unit=people.village).percent == 50
    (given,) = Contribution.objects.all()
    assert given.amount == 500000 and given.unit == people.village
