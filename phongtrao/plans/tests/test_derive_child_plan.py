import datetime as dt
from decimal import Decimal

import pytest

from phongtrao.plans import services
from phongtrao.plans.models import Plan
from phongtrao.plans.selectors import plan_adoption, plan_differences
from phongtrao.testing import make_plan


@pytest.fixture
def district_plan(people):
    plan = make_plan(
        people, unit=people.district, title="Kế hoạch huyện", full_number="42/KH-UBND", issue_date=dt.date(2023, 2, 24)
    )
    services.plan_set_parts(
        user=people.district_officer,
        plan=plan,
        parts={
            "phases": [{"name": "Đợt 1", "start": dt.date(2023, 3, 1), "end": dt.date(2023, 6, 30)}],
            "targets": [
                {"text": "Tỷ lệ hài lòng", "value": Decimal(80), "unit_of_measure": "%", "comparator": ">="},
                {
                    "text": "Quỹ vì người nghèo",
                    "value": Decimal(134),
                    "unit_of_measure": "triệu đồng",
                    "comparator": ">",
                },
            ],
            "duties": [
                {"assignee_text": "UBND các xã", "assignee_level": "commune", "text": "Xây dựng kế hoạch xã"},
                {"assignee_text": "Phòng Nội vụ", "text": "Theo dõi, tổng hợp"},
            ],
        },
    )
    services.plan_update(user=people.district_officer, plan=plan, signer_name="Trần Văn B")
    plan = services.plan_issue(user=people.district_officer, plan=plan)
    quỹ = plan.targets.get(text="Quỹ vì người nghèo")
    services.target_allocate(user=people.district_officer, target=quỹ, values={people.commune: Decimal(12)})
    return plan


def test_a_commune_derives_its_plan_with_allocations_and_duties(people, district_plan):
    response = people.client(people.commune_officer).post(
        f"/plans/{district_plan.pk}/derive/", {"unit": people.commune.pk}
    )
    child = Plan.objects.get(parent=district_plan)
    assert response.status_code == 302 and response["Location"] == f"/plans/{child.pk}/edit/"
    assert child.unit == people.commune and child.is_draft
    assert child.issuer_name == "UBND xã Hồng Phong" and child.place == "Hồng Phong"
    values = {t.text: t.value for t in child.targets.all()}
    assert values == {"Tỷ lệ hài lòng": Decimal(80), "Quỹ vì người nghèo": Decimal(12)}
    assert [d.text for d in child.duties.all()] == ["Xây dựng kế hoạch xã"]
    assert [p.name for p in child.phases.all()] == ["Đợt 1"]
    basis = child.references.get()
    assert (basis.number, basis.date, basis.document) == ("42/KH-UBND", dt.date(2023, 2, 24), district_plan)
    assert plan_differences(child) == []


def test_the_check_shows_what_a_child_weakens_or_leaves_out(people, district_plan):
    child = services.plan_derive(user=people.commune_officer, parent=district_plan, unit=people.commune)
    rows = [{"id": t.pk, "value": Decimal(70) if t.text == "Tỷ lệ hài lòng" else t.value} for t in child.targets.all()]
    services.plan_set_parts(user=people.commune_officer, plan=child, parts={"targets": rows, "duties": []})
    services.plan_update(user=people.commune_officer, plan=child, period_end=dt.date(2024, 3, 31))
    child.refresh_from_db()
    kinds = sorted(d.kind for d in plan_differences(child))
    assert kinds == ["duty_missing", "period", "target_weaker"]
    page = people.client(people.commune_viewer).get(f"/plans/{child.pk}/").content.decode()
    assert "thấp hơn mức được giao 80" in page


def test_the_parent_shows_who_has_adopted_it(people, district_plan):
    child = services.plan_derive(user=people.commune_officer, parent=district_plan, unit=people.commune)
    adoption = plan_adoption(district_plan, today=dt.date(2023, 4, 1))
    rows = {r.unit.name: r for r in adoption.rows}
    assert adoption.total == 2 and adoption.adopted_count == 0
    assert rows["Xã Hồng Phong"].best == child and rows["Xã Tân Lập"].late
    services.plan_update(user=people.commune_approver, plan=child, issue_date=dt.date(2023, 3, 5), signer_name="C")
    services.plan_issue(user=people.commune_approver, plan=child)
    assert plan_adoption(district_plan).adopted_count == 1
    data = people.client(people.district_officer).get(f"/api/plans/{district_plan.pk}/adoption").json()
    assert (data["adopted"], data["total"]) == (1, 2)
    page = people.client(people.district_officer).get(f"/plans/{district_plan.pk}/").content.decode()
    assert "1/2 đơn vị đã ban hành" in page


def test_it_refuses_a_child_plan_for_a_unit_outside_the_parent(people, district_plan):
    other_district_plan = make_plan(people, unit=people.other_commune, issued=True)
    response = people.client(people.district_officer).post(
        f"/api/plans/{other_district_plan.pk}/derive", {"unit": people.village.pk}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "không trực thuộc" in response.json()["errors"]["unit"][0]
    assert (
        people.client(people.village_head)
        .post(f"/api/plans/{district_plan.pk}/derive", {"unit": people.village.pk}, content_type="application/json")
        .status_code
        == 403
    )


def test_it_refuses_to_derive_from_a_draft(people):
    draft = make_plan(people, unit=people.district)
    response = people.client(people.district_officer).post(
        f"/api/plans/{draft.pk}/derive", {"unit": people.commune.pk}, content_type="application/json"
    )
    assert response.status_code == 422


def test_allocations_page_is_for_officers_of_the_parent(people, district_plan):
    target = district_plan.targets.first()
    url = f"/plans/targets/{target.pk}/allocations/"
    assert people.client(people.commune_officer).get(url).status_code == 403
    client = people.client(people.district_officer)
    assert client.get(url).status_code == 200
    client.post(url, {f"unit_{people.other_commune.pk}": "85"})
    assert target.allocations.get(unit=people.other_commune).value == Decimal(85)
    assert client.post(url, {f"unit_{people.commune.pk}": "-1"}).status_code == 200  # refused, shown again


def test_it_refuses_a_second_plan_for_the_same_unit(people, district_plan):
    first = services.plan_derive(user=people.commune_officer, parent=district_plan, unit=people.commune)
    response = people.client(people.commune_officer).post(
        f"/api/plans/{district_plan.pk}/derive", {"unit": people.commune.pk}, content_type="application/json"
    )
    assert response.status_code == 422 and "đã có kế hoạch" in response.json()["errors"]["unit"][0]
    services.plan_delete(user=people.commune_officer, plan=first)
    assert services.plan_derive(user=people.commune_officer, parent=district_plan, unit=people.commune).is_draft
