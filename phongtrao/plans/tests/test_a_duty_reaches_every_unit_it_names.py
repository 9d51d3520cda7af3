"""A duty given to "6/6 thôn", "các thôn", named villages or "các đoàn thể" becomes one item
per village or organisation when the plan is issued, each told, each with its own
progress; the commune sees the unit × duty grid, a village its own row."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from phongtrao.notifications.models import Notification
from phongtrao.orgs.services import organization_create
from phongtrao.plans import services
from phongtrao.plans.assigning import duty_targets
from phongtrao.plans.models import DutyAssignment
from phongtrao.testing import make_plan


def _targets(people, text, **kw):
    villages = [people.village, people.other_village]
    organizations = kw.pop("organizations", [])
    found = duty_targets(
        assignee_text=text,
        assignee_level=kw.get("level", ""),
        assignee_org=kw.get("org"),
        place_unit=kw.get("place"),
        plan_unit=people.commune,
        villages=villages,
        organizations=organizations,
    )
    return [(u.name, o.name if o else None) for u, o in found]


def test_the_words_of_the_seeds_reach_the_right_units(people):
    women = organization_create(unit=people.commune, kind="phu_nu", name="Hội Phụ nữ xã")
    youth = organization_create(unit=people.commune, kind="doan_tn", name="Đoàn Thanh niên xã")
    orgs = [women, youth]
    both = [("Thôn Đông", None), ("Thôn Tây", None)]
    assert _targets(people, "2/2 thôn trên địa bàn xã") == both
    assert _targets(people, "Các thôn") == both
    assert _targets(people, "Ban phát triển thôn") == both
    assert _targets(people, "Trưởng Thôn Tây") == [("Thôn Tây", None)]
    assert _targets(people, "Mặt trận Tổ quốc và các đoàn thể cấp xã", organizations=orgs) == [
        ("Xã Hồng Phong", "Hội Phụ nữ xã"),
        ("Xã Hồng Phong", "Đoàn Thanh niên xã"),
    ]
    assert _targets(people, "Đoàn xã", org=youth) == [("Xã Hồng Phong", "Đoàn Thanh niên xã")]
    assert _targets(people, "Công chức Văn hóa – Xã hội") == [("Xã Hồng Phong", None)]
    assert _targets(people, "UBND các xã, thị trấn", level="commune") == []
    assert _targets(people, "Trưởng thôn", level="village") == both


@pytest.fixture
def two_village_duty(people):
    today = timezone.localdate()
    plan = make_plan(
        people,
        title="Ra quân làm đường",
        period_start=today - dt.timedelta(days=30),
        period_end=today + dt.timedelta(days=100),
        issue_date=today - dt.timedelta(days=31),
    )
    services.plan_set_parts(
        user=people.commune_approver,
        plan=plan,
        parts={
            "duties": [
                {
                    "assignee_text": "2/2 thôn trên địa bàn xã",
                    "text": "Phát quang hành lang đường",
                    "deadline": today - dt.timedelta(days=1),
                },
            ]
        },
    )
    services.plan_update(user=people.commune_approver, plan=plan, signer_name="A")
    return services.plan_issue(user=people.commune_approver, plan=plan)


def test_issuing_gives_each_village_its_item_and_tells_it(people, two_village_duty):
    duty = two_village_duty.duties.get()
    assert sorted(a.unit.name for a in duty.assignments.all()) == ["Thôn Tây", "Thôn Đông"]
    told = Notification.objects.get(user=people.village_head)
    assert told.subject.startswith("Nhiệm vụ mới cho Thôn Đông") and told.url == reverse("plans:duty", args=[duty.pk])
    assert services.duty_assignments_make(user=people.commune_officer, plan=two_village_duty) == []  # once


def test_each_village_records_its_own_progress(people, two_village_duty):
    duty = two_village_duty.duties.get()
    client = people.client(people.village_head)
    page = client.get(reverse("plans:duty", args=[duty.pk])).content.decode()
    assert 'name="assignment"' not in page  # a village head has one item: it is theirs
    response = client.post(
        reverse("plans:duty", args=[duty.pk]), {"date": timezone.localdate().strftime("%d/%m/%Y"), "percent": "100"}
    )
    assert response.status_code == 302
    own = DutyAssignment.objects.get(duty=duty, unit=people.village)
    other = DutyAssignment.objects.get(duty=duty, unit=people.other_village)
    assert (own.status, own.percent, other.status) == ("done", 100, "pending")
    duty.refresh_from_db()
    assert duty.status == "in_progress"
    services.duty_progress_add(
        user=people.other_village_head, duty=duty, assignment=other, date=timezone.localdate(), percent=100
    )
    duty.refresh_from_db()
    assert duty.status == "done"


def test_a_village_cannot_record_for_its_neighbour(people, two_village_duty):
    duty = two_village_duty.duties.get()
    other = DutyAssignment.objects.get(duty=duty, unit=people.other_village)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.duty_progress_add(
            user=people.village_head, duty=duty, assignment=other, date=timezone.localdate(), percent=50
        )
    other.refresh_from_db()
    assert other.percent == 0 and not other.progress.exists()


def test_the_commune_sees_the_grid_and_a_village_its_own_row(people, two_village_duty):
    url = reverse("plans:duty_grid", args=[two_village_duty.pk])
    commune = people.client(people.commune_officer).get(url).content.decode()
    assert "Thôn Đông" in commune and "Thôn Tây" in commune
    assert commune.count('class="cell late"') == 2  # a day past its deadline, nobody done
    village = people.client(people.village_head).get(url).content.decode()
    assert "Thôn Đông" in village and "Thôn Tây" not in village
    for outsider in (people.client(people.outsider), people.client(None)):
        assert "Thôn Đông" not in outsider.get(url).content.decode()


def test_the_village_head_finds_the_duty_in_my_work(people, two_village_duty):
    work = people.client(people.village_head).get("/api/my-work").json()
    duties = next(s for s in work["sections"] if s["key"] == "duties")
    assert [i["title"] for i in duties["items"]] == ["Phát quang hành lang đường"] and duties["items"][0]["late"]
    commune = people.client(people.commune_officer).get("/api/my-work").json()
    late = next(s for s in commune["sections"] if s["key"] == "duties_overdue")
    assert late["count"] == 2


def test_only_an_officer_gives_the_missing_items(people, two_village_duty):
    url = reverse("plans:duty_assign", args=[two_village_duty.pk])
    assert people.client(people.village_head).post(url).status_code == 403
    draft = make_plan(people, title="Dự thảo")
    assert people.client(people.outsider).post(reverse("plans:duty_assign", args=[draft.pk])).status_code == 404
    DutyAssignment.objects.filter(unit=people.other_village).delete()
    assert people.client(people.commune_officer).post(url).status_code == 302
    assert DutyAssignment.objects.filter(unit=people.other_village).count() == 1
