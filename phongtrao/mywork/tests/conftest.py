import datetime as dt

import pytest
from django.utils import timezone

from phongtrao.plans import services as plans
from phongtrao.registrations.services import call_create, registration_submit
from phongtrao.reports.services import reports_schedule
from phongtrao.testing import make_plan
from phongtrao.workdays.services import workdays_generate


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


def register(people, plan, village=None, head=None, content="Làm 200 m đường bê tông"):
    return registration_submit(
        user=head or people.village_head,
        call=plan.call,
        unit=village or people.village,
        content=content,
        place="Đường trục thôn",
    )
