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
