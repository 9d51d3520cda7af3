"""Pages show what people read, not what is stored: a plan's history in words
("Trạng thái: Dự thảo → Đã ban hành"), indicators by name, villages in reading order and
named once, the Saturday calendar only where it belongs; citizens' survey pages in the
portal's look; no inline style the site's own policy would block; an icon."""

from __future__ import annotations

import datetime as dt
import re

from phongtrao.geo.models import Kind
from phongtrao.geo.services import unit_create
from phongtrao.indicators.models import Indicator
from phongtrao.plans import services as plans
from phongtrao.rewards import services as rewards
from phongtrao.testing import make_plan


def test_a_plans_history_reads_in_words(people):
    parent = make_plan(people, unit=people.district, issued=True, title="Kế hoạch của huyện")
    plan = plans.plan_derive(user=people.commune_officer, parent=parent, unit=people.commune)
    plans.plan_update(user=people.commune_approver, plan=plan, issue_date=dt.date(2023, 2, 20), signer_name="A")
    plans.plan_issue(user=people.commune_approver, plan=plan)
    page = people.client(people.commune_viewer).get(f"/plans/{plan.pk}/history/").content.decode()
    assert "Trạng thái</strong>: Dự thảo → Đang thực hiện" in page  # its period has begun
    assert "Ngày ban hành</strong>: — → 20/02/2023" in page
    assert "Kế hoạch cấp trên</strong>: — → Kế hoạch – Kế hoạch của huyện" in page  # not "parent: — → 9"
    assert "draft" not in page and "in_progress" not in page and "issued" not in page


def test_indicators_are_named_not_coded(people):
    Indicator.objects.create(
        code="xa-dat-chuan-ntm",
        name="Xã đạt chuẩn nông thôn mới",
        value_type="boolean",
        aggregation="count_achieving",
        achieving_threshold=1,
    )
    page = people.client(people.district_officer).get(f"/indicators/units/{people.district.pk}/ranking/")
    html = page.content.decode()
    assert "Xã đạt chuẩn nông thôn mới" in html
    assert not re.search(r">[^<]*xa-dat-chuan-ntm[^<]*<", html)  # in a value, never in the text shown


def test_villages_read_in_order_and_are_named_once(people):
    for n in (2, 10, 1):
        unit_create(name=f"Tiểu khu {n}", kind=Kind.HAMLET, parent=people.other_commune)
    page = people.client(None).get(f"/units/{people.other_commune.pk}/").content.decode()
    assert page.index("Tiểu khu 1<") < page.index("Tiểu khu 2<") < page.index("Tiểu khu 10<")
    plan = make_plan(people, issued=True)
    village = people.village
    rewards.pledge_register(
        user=people.village_head, plan=plan, unit=village, subject_kind="collective", commitments="Làm đường"
    )
    evaluation = people.client(people.commune_viewer).get(f"/rewards/plans/{plan.pk}/evaluation/").content.decode()
    assert "Thôn Đông Thôn Đông" not in re.sub(r"<[^>]+>", "", evaluation)


def test_the_saturday_calendar_is_offered_only_where_it_belongs(people):
    campaign = make_plan(people, unit=people.district, issued=True, title="Cuộc vận động của huyện")
    page = people.client(people.district_officer).get(f"/plans/{campaign.pk}/").content.decode()
    assert "Lịch ngày thứ Bảy" not in page
    commune = make_plan(people, issued=True)
    page = people.client(people.commune_officer).get(f"/plans/{commune.pk}/").content.decode()
    assert "Lịch ngày thứ Bảy" in page


def test_no_inline_style_and_an_icon(people):
    for user, url in [(None, "/login/"), (people.commune_officer, "/plans/"), (None, "/portal/")]:
        html = people.client(user).get(url).content.decode()
        assert ' style="' not in html, url
    base = people.client(people.commune_officer).get("/plans/").content.decode()
    assert '"includeIndicatorStyles": false' in base and 'rel="icon"' in base
    assert people.client(None).get("/favicon.ico").status_code == 301


def test_a_citizen_starts_at_the_portal_and_answers_in_its_look(people):
    assert people.client(None).get("/")["Location"] == "/portal/"
    assert people.client(people.village_head).get("/")["Location"] == "/my-work/"
    plan = make_plan(people, issued=True)
    from django.utils import timezone

    from phongtrao.surveys import services as surveys

    survey = surveys.survey_create(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        title="Khảo sát",
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
        questions=[("Giao thông", None)],
    )
    surveys.survey_open(user=people.commune_officer, survey=survey)
    for url in (f"/surveys/{survey.pk}/answer/", f"/surveys/{survey.pk}/"):
        html = people.client(None).get(url).content.decode()
        assert "Cổng thông tin phong trào" in html and "Cán bộ đăng nhập" in html, url
        assert "/notifications/" not in html and "Kế hoạch</a>" not in html, url
