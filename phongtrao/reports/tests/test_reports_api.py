"""/api/reports: a village head writes and sends from a phone app, the commune decides."""

import datetime as dt

from phongtrao.reports import services as reports
from phongtrao.reports.models import Report
from phongtrao.reports.tests.test_reports import _scheduled


def _post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def test_a_report_goes_through_the_api_from_writing_to_return_with_a_remark(people):
    plan = _scheduled(people)
    report = Report.objects.get(plan=plan, unit=people.village, due_date=dt.date(2023, 3, 10))
    head = people.client(people.village_head)
    listed = head.get("/api/reports", {"plan": plan.pk}).json()
    assert {r["unit"] for r in listed} == {people.village.pk} and all(r["missing"] for r in listed)
    written = _post(head, f"/api/reports/{report.pk}/write", {"sections": [{"heading": "Kết quả", "text": "40 người"}]})
    assert written.status_code == 200, written.content
    assert [s["heading"] for s in written.json()["sections"]] == ["Kết quả"]
    assert len(written.json()["figures"]) == 9
    sent = _post(head, f"/api/reports/{report.pk}/submit").json()
    assert sent["status"] == "submitted" and sent["on_time"] is False
    again = _post(head, f"/api/reports/{report.pk}/submit")
    assert again.status_code == 422 and "đã được gửi" in again.json()["errors"]["status"][0]
    officer = people.client(people.commune_officer)
    section = written.json()["sections"][0]["id"]
    returned = _post(
        officer,
        f"/api/reports/{report.pk}/decision",
        {
            "action": "return",
            "version": sent["version"],
            "reason": "Ghi rõ số buổi",
            "remarks": [{"section": section, "text": "Mấy buổi?"}],
        },
    ).json()
    assert returned["status"] == "returned" and returned["sections"][0]["comments"] == ["Mấy buổi?"]


def test_it_refuses_outsiders_viewers_and_remarks_on_another_report(people):
    plan = _scheduled(people)
    report = Report.objects.get(plan=plan, unit=people.village, due_date=dt.date(2023, 3, 10))
    other = Report.objects.get(plan=plan, unit=people.other_village, due_date=dt.date(2023, 3, 10))
    for r, head in ((report, people.village_head), (other, people.other_village_head)):
        reports.report_write(user=head, report=r, sections=[{"heading": "Kết quả", "text": "x"}])
        reports.report_submit(user=head, report=r)
    report.refresh_from_db()
    assert people.client(people.outsider).get(f"/api/reports/{report.pk}").status_code == 404
    assert _post(people.client(people.other_village_head), f"/api/reports/{report.pk}/submit").status_code == 404
    decision = {"action": "accept", "version": report.version}
    assert (
        _post(people.client(people.commune_viewer), f"/api/reports/{report.pk}/decision", decision).status_code == 403
    )
    foreign = other.sections.get().pk
    refused = _post(
        people.client(people.commune_officer),
        f"/api/reports/{report.pk}/decision",
        {"action": "return", "version": report.version, "reason": "x", "remarks": [{"section": foreign, "text": "?"}]},
    )
    assert refused.status_code == 422
    report.refresh_from_db()
    assert report.status == "submitted"
