"""Collectives and individuals of the plan's area pledge to take part in its emulation,
with their commitments; the list is public; a pledge is withdrawn with a reason, never
deleted; outsiders and people of other units are refused."""

from django.urls import reverse

from phongtrao.orgs.models import Organization
from phongtrao.rewards.models import Pledge
from phongtrao.testing import make_plan


def _url(plan):
    return reverse("rewards:plan_pledges", args=[plan.pk])


def test_a_village_pledges_and_the_public_sees_it(people):
    plan = make_plan(people, issued=True)
    client = people.client(people.village_head)
    page = client.post(
        _url(plan),
        {"unit": people.village.pk, "subject_kind": "collective", "commitments": "Làm 500 m đường bê tông"},
        follow=True,
    )
    assert "Thôn Đông đã đăng ký thi đua." in page.content.decode()
    pledge = Pledge.objects.get()
    assert (pledge.subject_name, pledge.registered_by) == ("Thôn Đông", people.village_head)
    public = people.client(None).get(_url(plan))
    assert "Làm 500 m đường bê tông" in public.content.decode() and public.context["form"] is None


def test_an_organisation_and_a_person_pledge_and_twins_are_refused(people):
    plan = make_plan(people, issued=True)
    farmers = Organization.objects.create(unit=people.commune, kind="farmers_union", name="Hội Nông dân xã")
    client = people.client(people.commune_officer)
    base = {"unit": people.commune.pk, "subject_kind": "collective", "commitments": "Hoàn thành 1 vườn mẫu"}
    client.post(_url(plan), {**base, "organization": farmers.pk})
    client.post(_url(plan), {**base, "subject_kind": "individual", "subject_name": "Ông Lê Văn Bình"})
    assert sorted(Pledge.objects.values_list("subject_name", flat=True)) == ["Hội Nông dân xã", "Ông Lê Văn Bình"]
    twice = client.post(_url(plan), {**base, "organization": farmers.pk})
    assert "Hội Nông dân xã đã đăng ký thi đua theo kế hoạch này." in str(twice.context["form"].errors)
    nameless = client.post(_url(plan), {**base, "subject_kind": "individual"})
    assert "Hãy ghi họ tên người đăng ký thi đua." in str(nameless.context["form"].errors["subject_name"])
    assert Pledge.objects.count() == 2


def test_a_draft_plan_takes_no_pledge_and_is_hidden(people):
    plan = make_plan(people)
    assert people.client(people.outsider).get(_url(plan)).status_code == 404
    assert people.client(people.village_head).get(_url(plan)).status_code == 404  # a draft of the commune
    page = people.client(people.commune_officer).post(
        _url(plan), {"unit": people.village.pk, "subject_kind": "collective", "commitments": "x"}
    )
    assert "chưa ban hành" in str(page.context["form"].errors) and not Pledge.objects.exists()


def test_only_units_one_reports_for_are_offered(people):
    plan = make_plan(people, issued=True)
    page = people.client(people.village_head).post(
        _url(plan), {"unit": people.other_village.pk, "subject_kind": "collective", "commitments": "x"}
    )
    assert "unit" in page.context["form"].errors and not Pledge.objects.exists()
    outsider = people.client(people.outsider).get(_url(plan))
    assert outsider.context["form"] is None  # their commune is not in the plan's area


def test_a_pledge_is_withdrawn_with_a_reason_and_kept(people):
    plan = make_plan(people, issued=True)
    client = people.client(people.village_head)
    client.post(_url(plan), {"unit": people.village.pk, "subject_kind": "collective", "commitments": "Trồng 200 cây"})
    pledge = Pledge.objects.get()
    withdraw = reverse("rewards:pledge_withdraw", args=[pledge.pk])
    assert people.client(people.other_village_head).post(withdraw, {"reason": "nhầm"}).status_code == 403
    assert people.client(people.outsider).post(withdraw, {"reason": "nhầm"}).status_code == 403
    page = client.post(withdraw, {"reason": ""}, follow=True)
    assert "Hãy ghi lý do rút đăng ký." in page.content.decode()
    client.post(withdraw, {"reason": "Thôn sáp nhập"})
    pledge.refresh_from_db()
    assert (pledge.status, pledge.reason, pledge.history.count()) == ("withdrawn", "Thôn sáp nhập", 2)
    again = client.post(_url(plan), {"unit": people.village.pk, "subject_kind": "collective", "commitments": "Lại"})
    assert again.status_code == 302 and Pledge.objects.count() == 2  # may pledge again once withdrawn


def test_the_list_reads_a_fixed_number_of_rows(people, django_assert_max_num_queries):
    plan = make_plan(people, issued=True)
    client = people.client(people.commune_officer)
    for n in range(6):
        client.post(
            _url(plan),
            {"unit": people.commune.pk, "subject_kind": "individual", "subject_name": f"Người {n}", "commitments": "x"},
        )
    with django_assert_max_num_queries(12):
        assert client.get(_url(plan)).status_code == 200
