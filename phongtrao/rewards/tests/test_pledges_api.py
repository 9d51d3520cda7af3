"""/api/pledges: the list public like the plan; registering and withdrawing for units in reach."""

from phongtrao.rewards.models import Pledge
from phongtrao.testing import make_plan


def test_register_list_and_withdraw_through_the_api(people):
    plan = make_plan(people, issued=True)
    head = people.client(people.village_head)
    created = head.post(
        "/api/pledges",
        {"plan": plan.pk, "unit": people.village.pk, "subject_kind": "collective", "commitments": "Nạo vét 1 km mương"},
        content_type="application/json",
    )
    assert created.status_code == 200, created.content
    listed = people.client(None).get("/api/pledges", {"plan": plan.pk}).json()
    assert [(p["subject_name"], p["status"]) for p in listed] == [("Thôn Đông", "registered")]
    withdrawn = head.post(
        f"/api/pledges/{created.json()['id']}/withdraw", {"reason": "Trùng"}, content_type="application/json"
    )
    assert withdrawn.json()["status"] == "withdrawn"


def test_the_api_refuses_outsiders_and_bad_input(people):
    plan = make_plan(people, issued=True)
    payload = {"plan": plan.pk, "unit": people.commune.pk, "subject_kind": "collective", "commitments": "x"}
    outsider = people.client(people.outsider).post("/api/pledges", payload, content_type="application/json")
    assert outsider.status_code == 403
    viewer = people.client(people.commune_viewer).post("/api/pledges", payload, content_type="application/json")
    assert viewer.status_code == 403
    empty = people.client(people.commune_officer).post(
        "/api/pledges", {**payload, "commitments": "  "}, content_type="application/json"
    )
    assert empty.status_code == 422 and "commitments" in empty.content.decode()
    draft = make_plan(people)
    hidden = people.client(people.outsider).get("/api/pledges", {"plan": draft.pk})
    assert hidden.status_code == 404
    assert not Pledge.objects.exists()
