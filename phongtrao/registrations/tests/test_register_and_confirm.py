"""A village head registers on a phone; the commune confirms or returns it."""

import datetime as dt
from decimal import Decimal

import pytest

from phongtrao.concurrency import Conflict
from phongtrao.registrations import services
from phongtrao.registrations.models import Registration, RegistrationStatus
from phongtrao.registrations.selectors import call_overview


def register_page(client, call, **extra):
    data = {
        "unit": "",
        "content": "Làm mới đường giao thông nông thôn (dài 500m, rộng 2,5m)",
        "place": "Thôn Đông",
        "people": "30",
        "support_requested": "Đề nghị hỗ trợ nhân lực cùng tham gia đổ bê tông đường",
        "notes": "Chỉ cần hỗ trợ nhân lực",
        "lines-TOTAL_FORMS": "3",
        "lines-INITIAL_FORMS": "0",
        "lines-0-kind": "material",
        "lines-0-description": "cát",
        "lines-0-quantity": "5",
        "lines-0-unit_of_measure": "m³",
        "lines-1-kind": "tool",
        "lines-1-description": "cuốc",
        "lines-1-quantity": "25",
        "lines-1-unit_of_measure": "cái",
        "lines-2-kind": "tool",
    }
    data.update(extra)
    return client.post(f"/registrations/calls/{call.pk}/register/", data)


def test_a_village_head_registers_and_the_commune_confirms(people, saturday_call):
    head = people.client(people.village_head)
    page = head.get(f"/registrations/calls/{saturday_call.pk}/register/")
    assert page.status_code == 200 and page.context["form"].initial["unit"] == people.village
    response = register_page(head, saturday_call, unit=people.village.pk)
    registration = Registration.objects.get()
    assert response.status_code == 302 and registration.status == RegistrationStatus.SUBMITTED
    assert [str(line) for line in registration.lines.all()] == ["30 người", "5 m³ cát", "25 cái cuốc"]
    assert not registration.late

    officer = people.client(people.commune_officer)
    overview = officer.get(f"/registrations/calls/{saturday_call.pk}/").content.decode()
    assert "Thôn Tây" in overview and "Chưa đăng ký" in overview  # the other village is missing
    response = officer.post(
        f"/registrations/{registration.pk}/confirm/",
        {"version": registration.version},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Đã xác nhận" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.decided_by == people.commune_officer
    assert registration.history.first().history_user == people.commune_officer
    printed = head.get(f"/registrations/{registration.pk}/print/").content.decode()
    assert "XÁC NHẬN CỦA UBND XÃ HỒNG PHONG" in printed and "Đã xác nhận ngày" in printed


def test_a_returned_registration_carries_its_reason_and_can_be_resubmitted(people, saturday_call):
    registration = services.registration_submit(
        user=people.village_head, call=saturday_call, unit=people.village, content="Tổng vệ sinh", place="Thôn Đông"
    )
    officer = people.client(people.commune_officer)
    officer.post(f"/registrations/{registration.pk}/return/", {"version": 1, "reason": ""})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED  # no reason: refused
    officer.post(f"/registrations/{registration.pk}/return/", {"version": 1, "reason": "Ghi rõ tuyến đường"})
    registration.refresh_from_db()
    assert (registration.status, registration.status_reason) == (RegistrationStatus.RETURNED, "Ghi rõ tuyến đường")
    again = services.registration_resubmit(
        user=people.village_head,
        registration=registration,
        version=registration.version,
        content="Tổng vệ sinh tuyến đường thôn Đông",
    )
    assert again.status == RegistrationStatus.SUBMITTED and again.version == 3


def test_late_and_missing_registrations_are_visible(people, saturday_call):
    saturday_call.deadline = dt.date(2023, 1, 1)
    saturday_call.save()
    services.registration_submit(
        user=people.village_head, call=saturday_call, unit=people.village, content="Phát quang", place="Thôn Đông"
    )
    overview = call_overview(saturday_call, today=dt.date(2023, 3, 1))
    assert overview.overdue and [r.unit.name for r in overview.missing] == ["Thôn Tây"]
    assert [r.late for r in overview.late] == [True]


def test_two_officers_confirming_at_once_do_not_overwrite_each_other(people, saturday_call):
    registration = services.registration_submit(
        user=people.village_head, call=saturday_call, unit=people.village, content="Nạo vét mương", place="Thôn Đông"
    )
    first = services.registration_confirm(user=people.commune_officer, registration=registration, version=1)
    with pytest.raises(Conflict, match="vừa được"):
        services.registration_return(
            user=people.commune_approver, registration=registration, version=1, reason="Không phù hợp"
        )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.decided_by == people.commune_officer
    assert first.version == 2


def test_quantities_are_decimal(people, saturday_call):
    registration = services.registration_submit(
        user=people.village_head,
        call=saturday_call,
        unit=people.village,
        content="Đổ bê tông",
        place="Thôn Đông",
        lines=[{"kind": "material", "description": "sỏi", "quantity": Decimal("2.5"), "unit_of_measure": "m³"}],
    )
    assert registration.lines.get().quantity == Decimal("2.50")
