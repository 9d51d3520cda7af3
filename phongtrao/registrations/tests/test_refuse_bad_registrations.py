import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phongtrao.registrations import services
from phongtrao.registrations.models import Registration


def submit(people, call, **changes):
    data = {
        "user": people.village_head,
        "call": call,
        "unit": people.village,
        "content": "Làm đường",
        "place": "Thôn Đông",
    }
    data.update(changes)
    return services.registration_submit(**data)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([{"kind": "people", "quantity": Decimal(-3), "unit_of_measure": "người"}], "lớn hơn 0"),
        ([{"kind": "material", "quantity": Decimal(9_000_000), "unit_of_measure": "m³"}], "quá lớn"),
        ([{"kind": "tool", "quantity": Decimal(5), "unit_of_measure": ""}], "đơn vị tính"),
    ],
)
def test_it_refuses_absurd_lines_and_saves_nothing(people, saturday_call, lines, message):
    with pytest.raises(ValidationError, match=message):
        submit(people, saturday_call, lines=lines)
    assert not Registration.objects.exists()


def test_it_refuses_a_date_outside_the_plan(people, saturday_call):
    with pytest.raises(ValidationError) as caught:
        submit(people, saturday_call, planned_date=dt.date(2024, 2, 3))
    assert "nằm ngoài thời gian" in caught.value.message_dict["planned_date"][0]


def test_it_keeps_to_the_calls_limit_per_unit(people, saturday_call):
    saturday_call.max_per_registrant = 2
    saturday_call.save()
    submit(people, saturday_call)
    submit(people, saturday_call)
    with pytest.raises(ValidationError, match="đủ 2"):
        submit(people, saturday_call)


def test_it_refuses_a_unit_outside_the_commune_or_the_wrong_kind(people, saturday_call):
    from phongtrao.geo.models import AdminUnit

    other_village = AdminUnit.objects.get(name="Thôn Bắc")
    with pytest.raises(PermissionDenied):
        submit(people, saturday_call, unit=other_village)  # not the head's village
    with pytest.raises(ValidationError, match="không thuộc"):
        submit(people, saturday_call, user=people.district_officer, unit=other_village)
    with pytest.raises(ValidationError, match="dành cho các thôn"):
        submit(people, saturday_call, user=people.commune_officer, unit=people.commune)
