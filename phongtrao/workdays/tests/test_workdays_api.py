import datetime as dt

from phongtrao.testing import make_plan
from phongtrao.workdays import services

D = dt.date


def test_workdays_api_generates_for_the_commune_only(people):
    plan = make_plan(people, issued=True, period_start=D(2023, 4, 7), period_end=D(2023, 12, 31))
    body = {"plan": plan.pk}
    assert (
        people.client(people.village_head)
        .post("/api/workdays/generate", body, content_type="application/json")
        .status_code
        == 403
    )
    created = (
        people.client(people.commune_officer)
        .post("/api/workdays/generate", body, content_type="application/json")
        .json()
    )
    assert len(created) == 9 and created[0]["date"] == "2023-04-08"
    listed = people.client(None).get(f"/api/workdays?plan={plan.pk}").json()
    assert len(listed) == 9
    services.workdays_generate(user=people.commune_officer, plan=plan)
    draft = make_plan(people)
    assert people.client(people.outsider).get(f"/api/workdays?plan={draft.pk}").status_code == 404
