"""Above a commune, the dashboard sums up the commune set in force: how many communes meet
each criterion and every one, who is closest; its print and the board's API agree."""

import datetime as dt

from phongtrao.criteria import services as criteria_services


def test_the_district_dashboard_counts_the_communes_meeting_each_criterion(people, current_set):
    first, second = current_set.criteria.get(number=1), current_set.criteria.get(number=2)
    for user, unit, criterion in [
        (people.commune_officer, people.commune, first),
        (people.commune_officer, people.commune, second),
        (people.outsider, people.other_commune, first),
    ]:
        criteria_services.criterion_status_set(
            user=user, unit=unit, criterion=criterion, state="achieved", date=dt.date(2026, 9, 10)
        )
    page = people.client(None).get(f"/units/{people.district.pk}/dashboard/")
    board = page.context["criteria_summary"]["board"]
    assert [count for _criterion, count in board.per_criterion][:3] == [2, 1, 0] and board.complete == 0
    html = page.content.decode()
    assert "0/2 xã đạt đủ các tiêu chí" in html and "2/2" in html
    assert html.index("Xã Hồng Phong</a> (còn thiếu 8 tiêu chí)") < html.index("Xã Tân Lập</a> (còn thiếu 9 tiêu chí)")
    printed = people.client(None).get(f"/units/{people.district.pk}/dashboard/print/").content.decode()
    assert "0/2 xã đạt đủ các tiêu chí" in printed
    api = people.client(None).get("/api/criteria/board", {"set": current_set.code, "unit": people.district.pk}).json()
    assert api["achieved_per_criterion"] == [count for _criterion, count in board.per_criterion]
    assert api["complete"] == 0 and api["closest"][0]["unit"]["id"] == people.commune.pk
    assert api["closest"][0]["missing"] == list(range(3, 11))


def test_a_communes_own_dashboard_has_no_summary(people, current_set):
    page = people.client(None).get(f"/units/{people.commune.pk}/dashboard/")
    assert page.context["criteria_summary"] is None
    assert "xã đạt đủ các tiêu chí" not in page.content.decode()
