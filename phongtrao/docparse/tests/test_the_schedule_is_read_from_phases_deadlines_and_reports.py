"""The schedule room (`schedule.py`): phases and the period they make, a duty's deadline,
the reports asked for and how often, the weekly day of work."""

from phongtrao.docparse import parse_text
from phongtrao.docparse.tests.plan_text import PLAN


def test_phases_make_the_period_and_a_deadline_is_read_with_what_is_due():
    parsed = parse_text(PLAN)
    assert [(p["name"], p["start"], p["end"]) for p in parsed["phases"]] == [
        ("Đợt 1", "2024-03-01", "2024-05-31"),
        ("Đợt 2", "2024-06-01", "2024-09-30"),
    ]
    assert parsed["period"] == {"start": "2024-03-01", "end": "2024-09-30"}
    assert parsed["deadlines"] == [{"what": "Khảo sát tuyến đường, hoàn thành", "date": "2024-03-15"}]


def test_a_report_names_who_sends_it_to_whom_and_how_often_and_the_saturdays_recur():
    parsed = parse_text(PLAN)
    assert parsed["reports"] == [{"from": "Các thôn", "to": "UBND xã", "frequency": "monthly"}]
    assert parsed["recurrence"] == {
        "what": "Ra quân vào ngày thứ Bảy hằng tuần",
        "frequency": "weekly",
        "weekday": "saturday",
    }
