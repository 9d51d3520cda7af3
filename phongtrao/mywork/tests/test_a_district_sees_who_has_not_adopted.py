"""A district officer sees the communes that have not adopted its running plans."""

import datetime as dt

from django.utils import timezone

from phongtrao.plans import services as plans
from phongtrao.testing import make_plan


def test_the_communes_without_a_plan_of_their_own_are_listed(people):
    today = timezone.localdate()
    district_plan = make_plan(
        people,
        unit=people.district,
        issued=True,
        title="Kế hoạch huyện",
        period_start=today - dt.timedelta(days=30),
        period_end=today + dt.timedelta(days=300),
        issue_date=today - dt.timedelta(days=40),
    )
    child = plans.plan_derive(user=people.commune_officer, parent=district_plan, unit=people.commune)
    plans.plan_update(user=people.commune_approver, plan=child, issue_date=today, signer_name="B")
    plans.plan_issue(user=people.commune_approver, plan=child)

    work = people.client(people.district_officer).get("/api/my-work").json()
    behind = next(s for s in work["sections"] if s["key"] == "not_adopted")
    assert [i["title"] for i in behind["items"]] == [str(people.other_commune)]
    assert behind["items"][0]["late"] is True
    commune = people.client(people.commune_officer).get("/api/my-work").json()
    assert not next(s for s in commune["sections"] if s["key"] == "not_adopted")["items"]
