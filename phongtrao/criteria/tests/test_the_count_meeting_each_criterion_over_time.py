"""How many communes met each criterion at each month's end, from every assessment kept in
the history (an assessment holds from its own date until the next); page and sheet agree."""

import datetime as dt

from django.utils import timezone

from phongtrao.criteria import selectors
from phongtrao.criteria import services as criteria_services
from phongtrao.testing import table_rows


def test_each_months_count_follows_the_assessments(people, current_set):
    planning = current_set.criteria.get(number=1)

    def assess(user, unit, state, day):
        criteria_services.criterion_status_set(user=user, unit=unit, criterion=planning, state=state, date=day)

    assess(people.commune_officer, people.commune, "achieved", dt.date(2026, 9, 10))
    assess(people.outsider, people.other_commune, "achieved", dt.date(2026, 10, 1))
    assess(people.commune_officer, people.commune, "lost", dt.date(2026, 11, 5))
    trend = selectors.criteria_trend(current_set, people.district, dt.date(2026, 11, 20))
    assert trend.months[-3:] == [dt.date(2026, 9, 30), dt.date(2026, 10, 31), dt.date(2026, 11, 30)]
    assert trend.per_criterion[0][1][-4:] == [0, 1, 2, 1] and trend.units == 2
    assert trend.all_met[-1] == 0  # one criterion of ten is not the standard


def test_the_page_and_the_sheet_show_the_same_counts(people, current_set):
    planning = current_set.criteria.get(number=1)
    today = timezone.localdate()  # the page counts up to today
    criteria_services.criterion_status_set(
        user=people.commune_officer, unit=people.commune, criterion=planning, state="achieved", date=today
    )
    url = f"/criteria/{current_set.pk}/units/{people.district.pk}/trend/"
    page = people.client(None).get(url)
    assert page.context["trend"].per_criterion[0][1][-1] == 1 and "<svg" in page.content.decode()
    rows = table_rows(people.client(None).get(url, {"format": "xlsx"}).content)
    assert rows[1][0].startswith("1. Quy hoạch") and rows[1][-1] == 1
    assert [list(r[1:]) for r in rows[1:-1]] == [counts for _c, counts in page.context["trend"].per_criterion]


def test_no_assessment_yet_says_so(people, current_set):
    page = people.client(None).get(f"/criteria/{current_set.pk}/units/{people.district.pk}/trend/")
    assert "Chưa có đánh giá tiêu chí nào trong 12 tháng này." in page.content.decode()


def test_the_api_serves_the_counts_the_page_draws(people, current_set):
    planning = current_set.criteria.get(number=1)
    criteria_services.criterion_status_set(
        user=people.commune_officer,
        unit=people.commune,
        criterion=planning,
        state="achieved",
        date=dt.date(2026, 9, 10),
    )
    answer = people.client(None).get(
        "/api/criteria/trend", {"set": current_set.code, "unit": people.district.pk, "until": "2026-10-15"}
    )
    assert answer.status_code == 200
    body = answer.json()
    expected = selectors.criteria_trend(current_set, people.district, dt.date(2026, 10, 15))
    assert body["months"][-1] == "2026-10-31" and body["units"] == expected.units == 2
    assert [c["meeting"] for c in body["criteria"]] == [counts for _c, counts in expected.per_criterion]
    assert body["criteria"][0]["meeting"][-2:] == [1, 1] and body["all_met"] == expected.all_met


def test_the_api_answers_404_for_a_set_it_does_not_hold(people):
    answer = people.client(None).get("/api/criteria/trend", {"set": "khong-co", "unit": people.district.pk})
    assert answer.status_code == 404
