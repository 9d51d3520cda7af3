"""The day a village plans its work must be one the plan allows: a Saturday activity on a
Saturday (a Wednesday is refused, naming the day), within the plan's time, and, for a
plan that states no time, not before it was issued. The same when a returned
registration is corrected and resent."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phongtrao.registrations import services
from phongtrao.registrations.models import RegistrationStatus
from phongtrao.testing import make_plan

D = dt.date


def _submit(people, call, day):
    return services.registration_submit(
        user=people.village_head,
        call=call,
        unit=people.village,
        content="Làm đường",
        place="Thôn Đông",
        planned_date=day,
    )


def test_a_saturday_activity_is_planned_on_a_saturday_within_the_plan(people, saturday_call):
    with pytest.raises(ValidationError) as wednesday:
        _submit(people, saturday_call, D(2023, 6, 28))
    assert wednesday.value.message_dict["planned_date"] == [
        "Ngày 28/06/2023 là thứ Tư; hoạt động của mẫu này làm vào ngày thứ Bảy."
    ]
    with pytest.raises(ValidationError, match="nằm ngoài thời gian thực hiện kế hoạch"):
        _submit(people, saturday_call, D(2026, 7, 4))  # a Saturday three years on
    assert _submit(people, saturday_call, D(2023, 7, 1)).planned_date == D(2023, 7, 1)


def test_the_page_names_the_field_and_keeps_nothing(people, saturday_call):
    page = people.client(people.village_head).post(
        f"/registrations/calls/{saturday_call.pk}/register/",
        {
            "unit": people.village.pk,
            "content": "Làm đường",
            "place": "Thôn Đông",
            "planned_date": "2023-06-28",
            "lines-TOTAL_FORMS": "0",
            "lines-INITIAL_FORMS": "0",
        },
    )
    assert page.status_code == 200 and "là thứ Tư" in page.content.decode()
    assert not saturday_call.registrations.exists()


def test_a_plan_without_a_period_refuses_a_day_before_it_was_issued(people):
    plan = make_plan(people, issued=True, period_start=None, period_end=None, issue_date=D(2023, 4, 7))
    call = services.call_create(
        user=people.commune_officer,
        plan=plan,
        title="Đăng ký công trình",
        kind="work",
        registrants="villages",
        deadline=None,
    )
    with pytest.raises(ValidationError, match="trước ngày ban hành kế hoạch"):
        _submit(people, call, D(2023, 4, 1))
    assert _submit(people, call, D(2023, 5, 3)).planned_date == D(2023, 5, 3)  # works are not only on Saturdays


def test_a_corrected_registration_is_checked_again(people, saturday_call):
    registration = _submit(people, saturday_call, D(2023, 7, 1))
    services.registration_return(user=people.commune_officer, registration=registration, version=1, reason="Sửa ngày")
    with pytest.raises(ValidationError, match="là thứ Năm"):
        services.registration_resubmit(
            user=people.village_head, registration=registration, version=2, planned_date=D(2023, 7, 6)
        )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.RETURNED and registration.planned_date == D(2023, 7, 1)
