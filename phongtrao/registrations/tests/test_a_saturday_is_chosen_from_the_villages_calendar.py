"""Once the plan has its Saturday calendar, a village picks its Saturday from its own days
in it (a list, not a typed date); another Saturday is refused naming the days; the
confirmed registration is linked to that day's page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from phongtrao.registrations.services import call_create, registration_confirm, registration_submit
from phongtrao.ui.formatting import day_text
from phongtrao.workdays.models import WorkDay


@pytest.fixture
def saturday_activity(people, running_plan):
    return call_create(
        user=people.commune_officer,
        plan=running_plan,
        title="Đăng ký hoạt động ngày thứ Bảy",
        kind="activity",
        registrants="villages",
        deadline=None,
    )


def _submit(people, call, day):
    return registration_submit(
        user=people.village_head,
        call=call,
        unit=people.village,
        content="Phát quang",
        place="Đầu thôn",
        planned_date=day,
    )


def test_the_form_offers_the_villages_coming_saturdays_only(people, saturday_activity):
    page = (
        people.client(people.village_head)
        .get(reverse("registrations:register", args=[saturday_activity.pk]))
        .content.decode()
    )
    today = timezone.localdate()
    own = WorkDay.objects.filter(unit=people.village, date__gte=today)
    others = WorkDay.objects.filter(unit=people.other_village, date__gte=today)
    assert own and others
    assert '<select name="planned_date"' in page
    assert all(f'value="{d.date.isoformat()}"' in page for d in own)
    assert not any(f'value="{d.date.isoformat()}"' in page for d in others)


def test_a_saturday_not_in_the_calendar_is_refused_naming_the_days(people, saturday_activity):
    neighbours = WorkDay.objects.filter(unit=people.other_village).first()
    with pytest.raises(ValidationError) as refused:
        _submit(people, saturday_activity, neighbours.date)
    message = refused.value.message_dict["planned_date"][0]
    assert "không có trong lịch ngày thứ Bảy của Thôn Đông" in message
    assert day_text(WorkDay.objects.filter(unit=people.village).first().date) in message


def test_the_confirmed_registration_is_on_that_saturdays_page(people, saturday_activity):
    day = WorkDay.objects.filter(unit=people.village).order_by("-date").first()
    registration = _submit(people, saturday_activity, day.date)
    registration_confirm(user=people.commune_officer, registration=registration, version=registration.version)
    assert list(day.registrations.all()) == [registration]
    page = people.client(people.commune_officer).get(reverse("workdays:workday", args=[day.pk])).content.decode()
    assert "Phát quang" in page
