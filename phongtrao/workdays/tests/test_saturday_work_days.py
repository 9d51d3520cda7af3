"""Seed 000: one Saturday a month, never on a holiday or during Tết, rotating fairly over
the commune's villages; editable; attendance and results; an iCalendar feed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phongtrao.geo.models import Kind
from phongtrao.geo.services import unit_create
from phongtrao.registrations import services as registrations_services
from phongtrao.testing import make_plan
from phongtrao.workdays import calendar
from phongtrao.workdays import services as workdays_services
from phongtrao.workdays.models import WorkDay

D = dt.date


def test_holidays_and_tet_are_skipped():
    days = calendar.monthly_days(D(2023, 1, 1), D(2023, 12, 31))
    assert D(2023, 9, 2) not in days and D(2023, 9, 9) in days  # National Day falls on a Saturday
    assert D(2023, 4, 29) not in days  # Hùng Kings' day
    assert calendar.holiday_name(D(2023, 1, 21))  # Tết eve, from the lunar calendar
    assert calendar.monthly_days(D(2023, 1, 20), D(2023, 1, 31)) == [D(2023, 1, 28)]  # the week of Tết passes
    assert all(day.weekday() == calendar.SATURDAY for day in days) and len(days) == 12


def test_the_rotation_is_fair():
    plan = calendar.rotate([D(2023, m, 10) for m in range(1, 13)], ["A", "B", "C", "D", "E", "F"])
    assert [village for _day, village in plan] == ["A", "B", "C", "D", "E", "F"] * 2


@pytest.fixture
def hong_thai(people):
    for name in ("Thôn Nam", "Thôn Bắc Sơn", "Thôn Trung", "Thôn Hạ"):
        unit_create(name=name, kind=Kind.HAMLET, parent=people.commune)
    return make_plan(
        people,
        issued=True,
        title="Ngày thứ Bảy đi cơ sở năm 2023",
        period_start=D(2023, 4, 7),
        period_end=D(2023, 12, 31),
    )


def test_a_commune_generates_its_2023_calendar_once(people, hong_thai):
    created = workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai)
    assert [d.date for d in created][:2] == [D(2023, 4, 8), D(2023, 5, 6)]
    assert len(created) == 9 and D(2023, 9, 9) in [d.date for d in created]
    per_village = {}
    for day in created:
        per_village[day.unit.name] = per_village.get(day.unit.name, 0) + 1
    assert len(per_village) == 6 and sorted(per_village.values()) == [1, 1, 1, 2, 2, 2]
    assert workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai) == []
    with pytest.raises(PermissionDenied):
        workdays_services.workdays_generate(user=people.village_head, plan=hong_thai)


def test_the_commune_moves_a_day_but_not_onto_a_holiday(people, hong_thai):
    day = workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai)[0]
    with pytest.raises(ValidationError, match="ngày nghỉ"):
        workdays_services.workday_move(
            user=people.commune_officer, work_day=day, date=D(2023, 4, 29), unit=people.village
        )
    workdays_services.workday_move(
        user=people.commune_officer, work_day=day, date=D(2023, 4, 15), unit=people.other_village
    )
    day.refresh_from_db()
    assert (day.date, day.unit) == (D(2023, 4, 15), people.other_village)


def test_the_village_records_attendance_and_results_and_unmet_support_shows(people, hong_thai):
    from phongtrao.orgs.services import organization_create

    youth = organization_create(unit=people.commune, kind="doan_tn", name="Đoàn Thanh niên xã")
    day = workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai)[0]
    call = registrations_services.call_create(
        user=people.commune_officer, plan=hong_thai, title="Đăng ký", kind="activity", registrants="villages"
    )
    registration = registrations_services.registration_submit(
        user=people.district_officer,
        call=call,
        unit=day.unit,
        content="Đổ bê tông đường",
        place=day.unit.name,
        planned_date=day.date,
        support_requested="Đề nghị hỗ trợ nhân lực",
    )
    registrations_services.registration_confirm(user=people.commune_officer, registration=registration, version=1)
    day.registrations.add(registration)
    client = people.client(people.commune_officer)
    assert "chưa phân công" in client.get(f"/workdays/{day.pk}/").content.decode()
    response = client.post(
        f"/workdays/{day.pk}/",
        {
            "record": "1",
            "status": "done",
            "no_shows": "2",
            "note": "",
            "attendance-TOTAL_FORMS": "2",
            "attendance-INITIAL_FORMS": "0",
            "attendance-0-organization": youth.pk,
            "attendance-0-expected": "15",
            "attendance-0-present": "12",
            "attendance-1-group": "Nhân dân thôn",
            "attendance-1-expected": "40",
            "attendance-1-present": "45",
            "results-TOTAL_FORMS": "2",
            "results-INITIAL_FORMS": "0",
            "results-0-description": "đường bê tông",
            "results-0-quantity": "500",
            "results-0-unit_of_measure": "m",
        },
    )
    assert response.status_code == 302
    day.refresh_from_db()
    assert day.status == "done" and day.no_shows == 2
    assert [(a.present, a.missing) for a in day.attendance.order_by("pk")] == [(12, 3), (45, 0)]
    assert day.results.get().quantity == Decimal(500)
    page = client.get(f"/workdays/{day.pk}/").content.decode()
    assert "Đã phân công 15 người" in page and "thiếu 3" in page


def test_results_with_absurd_quantities_are_refused(people, hong_thai):
    day = workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai)[0]
    with pytest.raises(ValidationError, match="khối lượng"):
        workdays_services.workday_record(
            user=people.commune_officer,
            work_day=day,
            status="done",
            results=[{"description": "cây", "quantity": Decimal(-5), "unit_of_measure": "cây"}],
        )
    assert not day.results.exists()


def test_each_village_subscribes_to_its_days(people, hong_thai):
    workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai)
    ics = people.client(None).get(f"/workdays/units/{people.village.pk}.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    mine = WorkDay.objects.filter(unit=people.village).count()
    assert body.count("BEGIN:VEVENT") == mine > 0
    assert "Thôn Tây" not in body
    commune = people.client(None).get(f"/workdays/units/{people.commune.pk}.ics").content.decode()
    assert commune.count("BEGIN:VEVENT") == 9


def test_only_the_commune_edits_the_calendar(people, hong_thai):
    url = f"/workdays/plans/{hong_thai.pk}/"
    assert people.client(people.village_head).post(url, {"week": "1"}).status_code == 403
    assert people.client(people.commune_officer).post(url, {"week": "1"}).status_code == 302
    day = WorkDay.objects.order_by("date").first()
    move = {"move": "1", "date": "2023-04-15", "unit": people.village.pk}
    assert people.client(people.village_head).post(f"/workdays/{day.pk}/", move).status_code == 403
    assert people.client(people.outsider).post(f"/workdays/{day.pk}/", move).status_code == 403
    day.refresh_from_db()
    assert day.date == D(2023, 4, 8)
    draft = make_plan(people)
    assert people.client(people.outsider).get(f"/workdays/plans/{draft.pk}/").status_code == 404


def test_photos_of_the_day_are_pictures_only_and_shrunk(people, hong_thai, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    day = workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai)[0]
    picture = io.BytesIO()
    Image.new("RGB", (4000, 3000), "green").save(picture, format="PNG")
    client = people.client(people.commune_officer)
    response = client.post(
        f"/workdays/{day.pk}/",
        {
            "photo": "1",
            "caption": "Đổ bê tông đường thôn",
            "photos": [SimpleUploadedFile("a.png", picture.getvalue(), content_type="image/png")],
        },
    )
    assert response.status_code == 302
    photo = day.photos.get()
    assert Image.open(photo.file.path).size == (1600, 1200)
    with pytest.raises(ValidationError, match="Chỉ nhận ảnh"):
        workdays_services.workday_photos_add(user=people.commune_officer, work_day=day, files=[("x.pdf", b"%PDF-1.4")])
    assert (
        people.client(people.outsider)
        .post(
            f"/workdays/{day.pk}/",
            {"photo": "1", "photos": [SimpleUploadedFile("a.png", picture.getvalue())]},
        )
        .status_code
        == 403
    )


def test_the_recurrence_read_from_the_document_drives_the_calendar(people):
    """Seed 000 says "thứ Bảy hàng tháng (trừ ngày nghỉ Lễ, Tết)"; a "Chủ nhật xanh" notice recurs on Sundays."""
    from phongtrao.docparse import parse_text
    from phongtrao.plans.importing import header_from

    header = header_from(parse_text((__import__("pathlib").Path("data/seeds/000_3b73d6c918d70f28.txt")).read_text()))
    assert (header["recurrence_weekday"], header["recurrence_frequency"]) == (5, "monthly")
    assert header["recurrence_skip"] == "ngày nghỉ Lễ, Tết"
    sundays = make_plan(
        people,
        issued=True,
        period_start=D(2023, 1, 1),
        period_end=D(2023, 3, 31),
        recurrence_weekday=6,
        recurrence_frequency="monthly",
    )
    days = workdays_services.workdays_generate(user=people.commune_officer, plan=sundays)
    assert [d.date for d in days] == [D(2023, 1, 8), D(2023, 2, 5), D(2023, 3, 5)]  # 1/1 is New Year's Day
    assert people.client(None).get(f"/api/plans/{sundays.pk}").json()["recurrence"]["weekday"] == "Chủ nhật"


def test_an_organisation_subscribes_to_the_days_it_is_assigned(people, hong_thai):
    from phongtrao.orgs.services import organization_create

    police = organization_create(unit=people.commune, kind="cong_an", name="Công an xã")
    days = workdays_services.workdays_generate(user=people.commune_officer, plan=hong_thai)
    workdays_services.workday_record(
        user=people.commune_officer,
        work_day=days[2],
        status="planned",
        attendance=[{"organization": police, "expected": 5}],
    )
    body = people.client(None).get(f"/workdays/organizations/{police.pk}.ics").content.decode()
    assert body.count("BEGIN:VEVENT") == 1 and days[2].date.strftime("%Y%m%d") in body
