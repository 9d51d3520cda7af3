import datetime as dt

from django.utils import timezone

from phongtrao.plans.models import Plan, PlanStatus
from phongtrao.testing import make_plan


def test_only_an_approver_issues_and_only_a_complete_draft(people):
    plan = make_plan(people)
    assert people.client(people.commune_officer).post(f"/api/plans/{plan.pk}/issue").status_code == 403
    approver = people.client(people.commune_approver)
    response = approver.post(f"/api/plans/{plan.pk}/issue")
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"issue_date", "signer_name"}
    approver.patch(
        f"/api/plans/{plan.pk}",
        {"issue_date": "2023-02-20", "signer_name": "Nguyễn Văn A"},
        content_type="application/json",
    )
    response = approver.post(f"/api/plans/{plan.pk}/issue")
    assert response.status_code == 200 and response.json()["status"] in ("issued", "in_progress")
    # published: anyone may read it, nobody may edit or delete it
    assert people.client(None).get(f"/api/plans/{plan.pk}").status_code == 200
    edit = approver.patch(f"/api/plans/{plan.pk}", {"title": "Sửa sau khi ban hành"}, content_type="application/json")
    assert edit.status_code == 422 and "hủy" in edit.json()["errors"]["status"][0]
    assert approver.delete(f"/api/plans/{plan.pk}").status_code == 422
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_an_issued_plan_is_cancelled_with_a_reason_and_stays_on_record(people):
    plan = make_plan(people, issued=True)
    client = people.client(people.commune_approver)
    response = client.post(f"/plans/{plan.pk}/cancel/", {"reason": ""}, follow=True)
    assert "lý do" in response.content.decode()
    client.post(f"/plans/{plan.pk}/cancel/", {"reason": "Thay bằng kế hoạch 15/KH-UBND"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CANCELLED and plan.status_reason == "Thay bằng kế hoạch 15/KH-UBND"
    statuses = list(plan.history.order_by("history_date").values_list("status", "history_user__username"))
    assert statuses[-1] == ("cancelled", "commune_approver")
    assert ("draft", "commune_approver") in statuses
    page = people.client(None).get(f"/plans/{plan.pk}/").content.decode()
    assert "Đã hủy" in page and "Thay bằng kế hoạch" in page


def test_the_page_refuses_to_delete_an_issued_plan(people):
    plan = make_plan(people, issued=True)
    response = people.client(people.commune_approver).post(f"/plans/{plan.pk}/delete/", follow=True)
    assert "chỉ được hủy" in response.content.decode()
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_a_draft_is_deleted_and_its_history_kept(people):
    plan = make_plan(people)
    response = people.client(people.commune_officer).post(f"/plans/{plan.pk}/delete/")
    assert response.status_code == 302 and not Plan.objects.filter(pk=plan.pk).exists()
    assert Plan.history.filter(id=plan.pk, history_type="-").exists()


def test_issuing_a_plan_whose_period_has_begun_puts_it_in_progress(people):
    plan = make_plan(people, issued=True, period_start=dt.date(2023, 3, 1))
    assert plan.status == PlanStatus.IN_PROGRESS
    future = make_plan(
        people,
        issued=True,
        period_start=timezone.localdate() + dt.timedelta(days=30),
        period_end=timezone.localdate() + dt.timedelta(days=90),
    )
    assert future.status == PlanStatus.ISSUED
