"""The plan's reward standards become a scoring sheet; council members score each pledged
subject with its record beside them; scores add up to a ranking. A score off the scale,
a member scoring their own unit or themselves: refused with a clear message, and the
conflict recorded."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from phongtrao.accounts.models import Role
from phongtrao.accounts.services import membership_grant
from phongtrao.plans import services as plans
from phongtrao.rewards import services
from phongtrao.rewards.models import ConflictOfInterest, Score
from phongtrao.testing import make_plan


@pytest.fixture
def contest(people):
    """The commune's plan with two villages pledged, a two-line sheet and a council of
    the commune's officer and approver."""
    plan = make_plan(people)
    plans.plan_set_parts(
        user=people.commune_approver,
        plan=plan,
        parts={"reward_standards": [{"subject": "Thôn", "text": "Hoàn thành chỉ tiêu đăng ký"}]},
    )
    plans.plan_update(user=people.commune_approver, plan=plan, issue_date=plan.period_start, signer_name="A")
    plan = plans.plan_issue(user=people.commune_approver, plan=plan)
    east = services.pledge_register(
        user=people.village_head, plan=plan, unit=people.village, subject_kind="collective", commitments="500 m đường"
    )
    west = services.pledge_register(
        user=people.other_village_head,
        plan=plan,
        unit=people.other_village,
        subject_kind="collective",
        commitments="200 cây",
    )
    items = services.scoring_sheet_set(
        user=people.commune_approver,
        plan=plan,
        items=[
            {"text": "Hoàn thành chỉ tiêu", "max_points": Decimal(60)},
            {"text": "Huy động", "max_points": Decimal(40)},
        ],
    )
    for member in (people.commune_officer, people.commune_approver):
        services.council_member_appoint(user=people.commune_approver, plan=plan, member=member)
    return plan, east, west, items


def _points(items, *values):
    return {item.pk: Decimal(v) for item, v in zip(items, values, strict=True)}


def test_scores_add_up_to_a_ranking(people, contest, django_assert_max_num_queries):
    plan, east, west, items = contest
    services.scores_record(user=people.commune_officer, pledge=east, points=_points(items, 50, 30))
    services.scores_record(user=people.commune_approver, pledge=east, points=_points(items, 40, 30))
    services.scores_record(user=people.commune_officer, pledge=west, points=_points(items, 60, 35))
    client = people.client(people.commune_viewer)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("rewards:plan_evaluation", args=[plan.pk]))
    standings = [(s.rank, s.pledge.subject_name, s.average, s.sheets) for s in page.context["standings"]]
    assert standings == [(1, "Thôn Tây", Decimal("95.00"), 1), (2, "Thôn Đông", Decimal("75.00"), 2)]
    services.scores_record(user=people.commune_officer, pledge=east, points=_points(items, 60, 35))  # a correction
    assert Score.objects.filter(pledge=east, member__user=people.commune_officer).count() == 2
    assert Score.objects.get(pledge=east, member__user=people.commune_officer, item=items[0]).history.count() == 2


def test_a_score_off_the_scale_or_missing_is_refused(people, contest):
    plan, east, _west, items = contest
    with pytest.raises(ValidationError) as caught:
        services.scores_record(user=people.commune_officer, pledge=east, points=_points(items, 61, 30))
    assert "điểm phải từ 0 đến 60" in str(caught.value)
    with pytest.raises(ValidationError):
        services.scores_record(user=people.commune_officer, pledge=east, points={items[0].pk: Decimal(10)})
    assert not Score.objects.exists()


def test_a_member_scoring_their_own_village_is_refused_and_recorded(people, contest):
    plan, east, _west, items = contest
    membership_grant(user=people.commune_officer, unit=people.village, role=Role.REPORTER)
    with pytest.raises(ValidationError) as caught:
        services.scores_record(user=people.commune_officer, pledge=east, points=_points(items, 60, 40))
    assert "thành viên hội đồng thuộc Thôn Đông" in str(caught.value)
    conflict = ConflictOfInterest.objects.get()  # recorded although the scores were refused
    assert (conflict.member.user, conflict.pledge, conflict.declared) == (people.commune_officer, east, False)
    assert not Score.objects.exists()


def test_scoring_oneself_is_refused_and_a_member_can_declare_a_conflict(people, contest):
    plan, _east, west, items = contest
    people.commune_approver.full_name = "Trần Văn Tâm"
    people.commune_approver.save()
    myself = services.pledge_register(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        subject_kind="individual",
        subject_name="Ông Trần Văn Tâm",
        commitments="Vận động 10 hộ hiến đất",
    )
    with pytest.raises(ValidationError, match="tự chấm điểm cho chính mình"):
        services.scores_record(user=people.commune_approver, pledge=myself, points=_points(items, 60, 40))
    client = people.client(people.commune_officer)
    client.post(reverse("rewards:pledge_score", args=[west.pk]), {"conflict": "1", "reason": "Vợ là trưởng thôn"})
    page = client.post(
        reverse("rewards:pledge_score", args=[west.pk]),
        {"score": "1", f"item_{items[0].pk}": "50", f"item_{items[1].pk}": "30"},
    )
    assert "Vợ là trưởng thôn" in page.content.decode() and not Score.objects.exists()


def test_the_scoring_page_shows_the_record_and_only_members_score(people, contest):
    plan, east, _west, items = contest
    url = reverse("rewards:pledge_score", args=[east.pk])
    assert people.client(people.commune_viewer).get(url).status_code == 403  # not on the council
    assert people.client(people.outsider).get(url).status_code == 403  # sees the public plan, not a member
    page = people.client(people.commune_officer).get(url)
    assert page.context["record"].registrations_confirmed == 0 and "500 m đường" in page.content.decode()
    saved = people.client(people.commune_officer).post(
        url, {"score": "1", f"item_{items[0].pk}": "55", f"item_{items[1].pk}": "41"}
    )
    assert "điểm phải từ 0 đến 40" in saved.content.decode()
    people.client(people.commune_officer).post(
        url, {"score": "1", f"item_{items[0].pk}": "55", f"item_{items[1].pk}": "40"}
    )
    assert Score.objects.filter(pledge=east).count() == 2


def test_the_sheet_and_council_are_set_by_approvers_and_frozen_once_scoring_starts(people, contest):
    plan, east, _west, items = contest
    url = reverse("rewards:plan_evaluation", args=[plan.pk])
    assert people.client(people.outsider).get(url).status_code == 403
    assert people.client(people.commune_officer).post(url, {"sheet": "1", "lines": "10 | A"}).status_code == 403
    bad = people.client(people.commune_approver).post(url, {"sheet": "1", "lines": "mười | A"})
    assert "cần dạng “điểm | nội dung”" in bad.content.decode()
    people.client(people.commune_approver).post(url, {"sheet": "1", "lines": "70 | Chỉ tiêu\n30 | Huy động"})
    assert [i.max_points for i in plan.scoring_items.all()] == [Decimal(70), Decimal(30)]
    items = list(plan.scoring_items.all())
    services.scores_record(user=people.commune_officer, pledge=east, points=_points(items, 70, 30))
    frozen = people.client(people.commune_approver).post(url, {"sheet": "1", "lines": "100 | Tất cả"})
    assert "không sửa được bảng điểm nữa" in frozen.content.decode()
    stranger = people.client(people.commune_approver).post(url, {"appoint": "1", "member": "outsider"})
    assert "member" in stranger.context["appoint"].errors


def test_a_draft_plans_evaluation_is_hidden(people):
    plan = make_plan(people)
    assert people.client(people.outsider).get(reverse("rewards:plan_evaluation", args=[plan.pk])).status_code == 404


def test_the_api_scores_and_ranks(people, contest):
    plan, east, _west, items = contest
    officer = people.client(people.commune_officer)
    response = officer.post(
        "/api/evaluations",
        {"pledge": east.pk, "points": {str(items[0].pk): "45", str(items[1].pk): "35"}},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    ranking = people.client(people.commune_viewer).get("/api/evaluations", {"plan": plan.pk}).json()
    assert ranking["standings"][0] == {
        "rank": 1,
        "pledge": east.pk,
        "subject_name": "Thôn Đông",
        "average": "80",
        "sheets": 1,
    }
    assert people.client(people.outsider).get("/api/evaluations", {"plan": plan.pk}).status_code == 403
    off_scale = officer.post(
        "/api/evaluations",
        {"pledge": east.pk, "points": {str(items[0].pk): "-1", str(items[1].pk): "35"}},
        content_type="application/json",
    )
    assert off_scale.status_code == 422
    not_member = people.client(people.commune_viewer).post(
        "/api/evaluations",
        {"pledge": east.pk, "points": {str(items[0].pk): "1", str(items[1].pk): "1"}},
        content_type="application/json",
    )
    assert not_member.status_code == 403
