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
from phongtrao.rewards import evaluation, services
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


def _sheet(*lines: tuple[str, str, str]) -> dict:
    """The scoring sheet's form as posted: one row per line (points, text, for whom)."""
    data = {"sheet": "1", "sheet-TOTAL_FORMS": str(len(lines)), "sheet-INITIAL_FORMS": "0"}
    for n, (points, text, applies_to) in enumerate(lines):
        data |= {f"sheet-{n}-max_points": points, f"sheet-{n}-text": text, f"sheet-{n}-applies_to": applies_to}
    return data


def test_the_sheet_and_council_are_set_by_approvers_and_frozen_once_scoring_starts(people, contest):
    plan, east, _west, items = contest
    url = reverse("rewards:plan_evaluation", args=[plan.pk])
    assert people.client(people.outsider).get(url).status_code == 403
    before = list(plan.scoring_items.values_list("pk", flat=True))
    refused = people.client(people.commune_officer).post(url, _sheet(("10", "A", "all")))
    assert refused.status_code == 403 and list(plan.scoring_items.values_list("pk", flat=True)) == before
    bad = people.client(people.commune_approver).post(url, _sheet(("mười", "A", "all")))
    assert bad.context["sheet"].forms[0].errors["max_points"] and "điểm | nội dung" not in bad.content.decode()
    people.client(people.commune_approver).post(url, _sheet(("70", "Chỉ tiêu", "all"), ("30", "Huy động", "village")))
    assert [(i.max_points, i.applies_to) for i in plan.scoring_items.all()] == [(70, "all"), (30, "village")]
    items = list(plan.scoring_items.all())
    services.scores_record(user=people.commune_officer, pledge=east, points=_points(items, 70, 30))
    frozen = people.client(people.commune_approver).post(url, _sheet(("100", "Tất cả", "all")))
    assert "không sửa được bảng điểm nữa" in frozen.content.decode()
    stranger = people.client(people.commune_approver).post(url, {"appoint": "1", "member": "outsider"})
    assert "member" in stranger.context["appoint"].errors


def test_a_subject_is_scored_on_the_lines_for_its_kind(people, contest):
    """Seed 002's standards differ for villages, organisations, enterprises and households:
    a village is not scored on what is asked of an enterprise."""
    plan, east, _west, _items = contest
    services.scoring_sheet_set(
        user=people.commune_approver,
        plan=plan,
        items=[
            {"text": "Hoàn thành chỉ tiêu", "max_points": Decimal(50), "applies_to": "all"},
            {"text": "Đầu tư sản xuất", "max_points": Decimal(30), "applies_to": "enterprise"},
            {"text": "Khu dân cư sáng, xanh, sạch", "max_points": Decimal(50), "applies_to": "village"},
        ],
    )
    page = people.client(people.commune_officer).get(reverse("rewards:pledge_score", args=[east.pk])).content.decode()
    assert "Khu dân cư sáng, xanh, sạch" in page and "Đầu tư sản xuất" not in page
    for_village = [i for i in plan.scoring_items.all() if i.applies_to != "enterprise"]
    services.scores_record(user=people.commune_officer, pledge=east, points=_points(for_village, 45, 40))
    standing = next(s for s in evaluation.ranking(plan) if s.pledge == east)
    assert (standing.average, standing.sheets) == (Decimal(85), 1)  # complete without the enterprise line


def test_the_proposal_reads_whom_each_standard_is_for(people):
    assert services.scope_from_words("Các tiểu khu") == "village"
    assert services.scope_from_words("Các doanh nghiệp") == "enterprise"
    assert services.scope_from_words("Hộ gia đình, cá nhân") == "individual"
    assert services.scope_from_words("Các cơ quan, ban, ngành, đoàn thể thị trấn") == "organization"


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
