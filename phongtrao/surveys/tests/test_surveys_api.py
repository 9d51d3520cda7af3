"""/api/surveys: drawn up, opened and closed by officials; answered without an account
with the same refusals as the phone page; results public with small villages hidden."""

import datetime as dt

from django.utils import timezone

from phongtrao.surveys.models import Response, Survey

JSON = {"content_type": "application/json"}


def test_draw_up_open_answer_and_read_results(people, plan, households, settings):
    settings.SURVEY_MIN_PUBLIC_GROUP = 2
    officer = people.client(people.commune_officer)
    today = timezone.localdate()
    created = officer.post(
        "/api/surveys",
        {
            "plan": plan.pk,
            "unit": people.commune.pk,
            "title": "Khảo sát năm 2026",
            "opens_on": (today - dt.timedelta(days=1)).isoformat(),
            "closes_on": (today + dt.timedelta(days=9)).isoformat(),
            "questions": ["Giao thông", "Y tế"],
        },
        **JSON,
    )
    assert created.status_code == 200, created.content
    survey = created.json()
    assert survey["status"] == "draft" and survey["target_rate"] == "85"
    assert people.client(None).get("/api/surveys", {"plan": plan.pk}).json() == []
    assert officer.post(f"/api/surveys/{survey['id']}/open", **JSON).json()["status"] == "open"

    anonymous = people.client(None)
    traffic, health = (q["id"] for q in survey["questions"])
    for n, address in ((1, "1.1.1.1"), (2, "1.1.1.2")):
        sent = anonymous.post(
            f"/api/surveys/{survey['id']}/answers",
            {
                "village": people.village.pk,
                "household_code": f"D0{n}",
                "answers": {str(traffic): "satisfied", str(health): "unsatisfied"},
            },
            REMOTE_ADDR=address,
            **JSON,
        )
        assert sent.status_code == 200, sent.content
    again = anonymous.post(
        f"/api/surveys/{survey['id']}/answers",
        {"village": people.village.pk, "household_code": "D01", "answers": {str(traffic): "satisfied"}},
        **JSON,
    )
    assert again.status_code == 422
    errors = again.json()["errors"]
    assert "Y tế" in str(errors)  # the unanswered content, before the household is checked
    wrong = anonymous.post(
        f"/api/surveys/{survey['id']}/answers",
        {"village": people.village.pk, "household_code": "D01", "answers": {str(traffic): "rất tốt"}},
        **JSON,
    )
    assert wrong.status_code == 422
    assert Response.objects.count() == 2

    read = anonymous.get(f"/api/surveys/{survey['id']}").json()
    results = read["results"]
    assert results["responses"] == 2 and results["meets_target"] is False
    assert [(c["text"], c["rate"], c["meets"]) for c in results["contents"]] == [
        ("Giao thông", "100", True),
        ("Y tế", "0", False),
    ]
    closed = officer.post(f"/api/surveys/{survey['id']}/close", **JSON)
    assert closed.json()["status"] == "closed"


def test_the_api_refuses_outsiders_and_read_only_users(people, plan, open_survey):
    payload = {
        "plan": plan.pk,
        "unit": people.commune.pk,
        "title": "x",
        "opens_on": "2026-11-01",
        "closes_on": "2026-11-02",
        "questions": ["a"],
    }
    assert people.client(people.outsider).post("/api/surveys", payload, **JSON).status_code == 403
    assert people.client(people.commune_viewer).post("/api/surveys", payload, **JSON).status_code == 403
    assert people.client(people.commune_viewer).post(f"/api/surveys/{open_survey.pk}/close", **JSON).status_code == 403
    assert people.client(people.outsider).post(f"/api/surveys/{open_survey.pk}/close", **JSON).status_code == 403
    bad = people.client(people.commune_officer).post("/api/surveys", {**payload, "opens_on": "31/11/2026"}, **JSON)
    assert bad.status_code == 422 and bad.json()["errors"]["opens_on"][0].startswith("Từ ngày")
    assert Survey.objects.count() == 1
    draft = Survey.objects.create(
        plan=plan, unit=people.commune, title="Nháp", opens_on=dt.date(2026, 1, 1), closes_on=dt.date(2026, 1, 2)
    )
    assert people.client(people.outsider).get(f"/api/surveys/{draft.pk}").status_code == 404
    assert people.client(people.outsider).post(f"/api/surveys/{draft.pk}/open", **JSON).status_code == 404
