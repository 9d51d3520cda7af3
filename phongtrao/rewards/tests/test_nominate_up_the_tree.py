"""A village's pledge proposed for the district chairman's Giấy khen waits at the commune,
then at the district, which approves it within the plan's quota; a level can return it
with a reason, and the village sends it back revised. A subject outside the nominator's
scope is refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from phongtrao.rewards import services
from phongtrao.rewards.models import Nomination, RewardForm, RewardQuota
from phongtrao.testing import make_plan


@pytest.fixture
def pledged(people):
    plan = make_plan(people, issued=True)
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
    return plan, east, west


def _form(code):
    return RewardForm.objects.get(code=code)


def test_it_travels_up_to_the_district_and_is_approved(people, pledged):
    plan, east, _west = pledged
    nomination = services.nomination_propose(
        user=people.village_head, pledge=east, reward_form=_form("giay-khen-huyen")
    )
    assert nomination.at_unit == people.commune and "Đã đăng ký thi đua: 500 m đường" in nomination.summary
    with pytest.raises(PermissionDenied):
        services.nomination_decide(user=people.village_head, nomination=nomination, approve=True)
    services.nomination_decide(user=people.commune_approver, nomination=nomination, approve=True)
    assert (nomination.at_unit, nomination.status) == (people.district, "pending")
    services.nomination_decide(user=people.district_officer, nomination=nomination, approve=True)
    assert (nomination.at_unit, nomination.status) == (people.district, "approved")
    assert nomination.history.count() == 3


def test_a_level_returns_it_with_a_reason_and_it_comes_back_revised(people, pledged):
    plan, east, _west = pledged
    nomination = services.nomination_propose(
        user=people.village_head, pledge=east, reward_form=_form("giay-khen-xa"), summary="Làm 500 m đường"
    )
    with pytest.raises(ValidationError, match="Hãy ghi lý do trả lại"):
        services.nomination_decide(user=people.commune_approver, nomination=nomination, approve=False)
    services.nomination_decide(
        user=people.commune_approver, nomination=nomination, approve=False, reason="Thiếu số liệu đóng góp"
    )
    assert (nomination.status, nomination.reason) == ("returned", "Thiếu số liệu đóng góp")
    services.nomination_resubmit(
        user=people.village_head, nomination=nomination, summary="Làm 500 m đường; 20 hộ góp 40 triệu đồng"
    )
    services.nomination_decide(user=people.commune_approver, nomination=nomination, approve=True)
    assert (nomination.at_unit, nomination.status) == (people.commune, "approved")  # the commune decides its own form


def test_the_quota_holds_at_the_deciding_level(people, pledged):
    plan, east, west = pledged
    RewardQuota.objects.create(plan=plan, reward_form=_form("giay-khen-xa"), limit=1)
    first = services.nomination_propose(user=people.village_head, pledge=east, reward_form=_form("giay-khen-xa"))
    second = services.nomination_propose(user=people.other_village_head, pledge=west, reward_form=_form("giay-khen-xa"))
    services.nomination_decide(user=people.commune_approver, nomination=first, approve=True)
    with pytest.raises(ValidationError, match="Đã duyệt đủ 1"):
        services.nomination_decide(user=people.commune_approver, nomination=second, approve=True)
    second.refresh_from_db()
    assert second.status == "pending"


def test_a_subject_outside_the_nominators_scope_is_refused(people, pledged):
    plan, east, _west = pledged
    with pytest.raises(PermissionDenied):
        services.nomination_propose(user=people.other_village_head, pledge=east, reward_form=_form("giay-khen-xa"))
    with pytest.raises(PermissionDenied):
        services.nomination_propose(user=people.outsider, pledge=east, reward_form=_form("giay-khen-xa"))
    services.nomination_propose(user=people.village_head, pledge=east, reward_form=_form("giay-khen-xa"))
    with pytest.raises(ValidationError, match="đã được đề nghị"):
        services.nomination_propose(user=people.village_head, pledge=east, reward_form=_form("giay-khen-xa"))
    assert Nomination.objects.count() == 1


def test_the_page_proposes_decides_and_hides_from_outsiders(people, pledged):
    plan, east, _west = pledged
    url = reverse("rewards:plan_nominations", args=[plan.pk])
    head = people.client(people.village_head)
    form_id = _form("giay-khen-xa").pk
    head.post(url, {"action": "propose", "pledge": east.pk, "reward_form": form_id})
    nomination = Nomination.objects.get()
    assert people.client(people.outsider).get(url).context["nominations"] == []
    assert (
        people.client(people.outsider).post(url, {"action": "approve", "nomination": nomination.pk}).status_code == 404
    )
    assert head.post(url, {"action": "approve", "nomination": nomination.pk}).status_code == 403
    page = people.client(people.commune_approver).get(url)
    assert nomination.pk in page.context["deciding"]
    people.client(people.commune_approver).post(url, {"action": "approve", "nomination": nomination.pk})
    nomination.refresh_from_db()
    assert nomination.status == "approved"
    foreign = head.post(url, {"action": "propose", "pledge": _west_pk(plan), "reward_form": form_id})
    assert "pledge" in foreign.context["form"].errors


def _west_pk(plan):
    return plan.pledges.get(unit__name="Thôn Tây").pk


def test_the_forms_are_decided_at_their_levels(db):
    assert list(RewardForm.objects.values_list("code", "level")) == [
        ("giay-khen-xa", "commune"),
        ("giay-khen-huyen", "district"),
        ("bang-khen-tinh", "province"),
    ]


def test_the_api_proposes_returns_resubmits_and_approves(people, pledged):
    plan, east, _west = pledged
    head = people.client(people.village_head)
    created = head.post(
        "/api/nominations", {"pledge": east.pk, "reward_form": "giay-khen-xa"}, content_type="application/json"
    )
    assert created.status_code == 200, created.content
    pk = created.json()["id"]
    approver = people.client(people.commune_approver)
    url = f"/api/nominations/{pk}/decision"
    returned = approver.post(url, {"action": "return", "reason": "Bổ sung ảnh"}, content_type="application/json")
    assert returned.json()["status"] == "returned"
    head.post(url, {"action": "resubmit", "summary": "Có ảnh"}, content_type="application/json")
    approved = approver.post(url, {"action": "approve"}, content_type="application/json")
    assert approved.json()["status"] == "approved"
    listed = people.client(people.commune_viewer).get("/api/nominations", {"plan": plan.pk}).json()
    assert [(n["subject_name"], n["summary"]) for n in listed] == [("Thôn Đông", "Có ảnh")]
    assert people.client(people.outsider).get("/api/nominations", {"plan": plan.pk}).json() == []
    assert (
        people.client(people.outsider).post(url, {"action": "approve"}, content_type="application/json").status_code
        == 404
    )
    foreign = people.client(people.other_village_head).post(
        "/api/nominations", {"pledge": east.pk, "reward_form": "giay-khen-huyen"}, content_type="application/json"
    )
    assert foreign.status_code == 403


def test_approvers_set_the_quota_on_the_page(people, pledged):
    plan, east, _west = pledged
    url = reverse("rewards:plan_nominations", args=[plan.pk])
    commune_form = _form("giay-khen-xa")
    approver = people.client(people.commune_approver)
    approver.post(url, {"action": "quota", "reward_form": commune_form.pk, "limit": "2"})
    assert RewardQuota.objects.get(plan=plan, reward_form=commune_form).limit == 2
    bad = approver.post(url, {"action": "quota", "reward_form": commune_form.pk, "limit": "hai"}, follow=True)
    assert "Số lượng phải là số nguyên không âm." in bad.content.decode()
    assert (
        people.client(people.commune_officer)
        .post(url, {"action": "quota", "reward_form": commune_form.pk, "limit": "9"})
        .status_code
        == 403
    )
    nomination = services.nomination_propose(user=people.village_head, pledge=east, reward_form=commune_form)
    services.nomination_decide(user=people.commune_approver, nomination=nomination, approve=True)
    below = approver.post(url, {"action": "quota", "reward_form": commune_form.pk, "limit": "0"}, follow=True)
    assert "số lượng không thể nhỏ hơn" in below.content.decode()
    approver.post(url, {"action": "quota", "reward_form": commune_form.pk, "limit": ""})
    assert not RewardQuota.objects.exists()


def test_the_decider_sees_the_subjects_earlier_rewards(people, pledged, django_assert_max_num_queries):
    plan, east, _west = pledged
    earlier_plan = make_plan(people, issued=True, title="Kế hoạch năm trước")
    before = services.pledge_register(
        user=people.village_head, plan=earlier_plan, unit=people.village, subject_kind="collective", commitments="x"
    )
    old = services.nomination_propose(user=people.village_head, pledge=before, reward_form=_form("giay-khen-xa"))
    services.nomination_decide(user=people.commune_approver, nomination=old, approve=True)
    services.nomination_propose(user=people.village_head, pledge=east, reward_form=_form("giay-khen-huyen"))
    client = people.client(people.commune_approver)
    url = reverse("rewards:plan_nominations", args=[plan.pk])
    client.get(url)
    with django_assert_max_num_queries(16):
        page = client.get(url)
    [(nomination, history)] = page.context["rows"]
    assert [h.plan for h in history] == [earlier_plan]
    assert "Đã được duyệt khen trước đây" in page.content.decode()
