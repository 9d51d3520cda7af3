import datetime as dt

from phongtrao.plans import services as plan_services
from phongtrao.testing import make_plan

D = dt.date


def test_duties_api_lists_overdue_and_takes_progress(people):
    plan = make_plan(people, period_start=D(2022, 2, 16), period_end=D(2022, 12, 30))
    plan_services.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={
            "duties": [
                {
                    "assignee_text": "Đoàn xã",
                    "text": "Vườn mẫu",
                    "deadline": D(2022, 6, 30),
                    "place_unit": people.village,
                }
            ]
        },
    )
    client = people.client(people.village_head)
    assert client.get(f"/api/duties?plan={plan.pk}").json() == []  # a draft of the commune: not the village's to see
    plan_services.plan_update(user=people.commune_approver, plan=plan, signer_name="A", issue_date=D(2022, 2, 15))
    plan_services.plan_issue(user=people.commune_approver, plan=plan)
    duty = client.get(f"/api/duties?unit={people.village.pk}&overdue=true").json()
    assert [d["text"] for d in duty] == ["Vườn mẫu"] and duty[0]["overdue"]
    done = client.post(
        f"/api/duties/{duty[0]['id']}/progress", {"date": "2022-06-20", "percent": 100}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["status"] == "done" and not done.json()["overdue"]
    refused = people.client(people.other_village_head).post(
        f"/api/duties/{duty[0]['id']}/progress", {"date": "2022-06-20", "percent": 50}, content_type="application/json"
    )
    assert refused.status_code == 403
    bad = client.post(
        f"/api/duties/{duty[0]['id']}/progress", {"date": "2022-06-31", "percent": 50}, content_type="application/json"
    )
    assert bad.status_code == 422
