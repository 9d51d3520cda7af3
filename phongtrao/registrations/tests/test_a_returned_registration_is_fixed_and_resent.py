"""The commune returns a registration with a reason; the village sees the reason, corrects
the same form filled with what it sent, and sends it again; the commune finds it waiting
again, and the history keeps each round. A second sending of the same form (another
phone, a page left open) is told it changed (409) and changes nothing; those without
the village's role cannot open the form."""

import datetime as dt

from phongtrao.registrations import services
from phongtrao.registrations.models import Registration, RegistrationStatus


def _returned(people, call) -> Registration:
    registration = services.registration_submit(
        user=people.village_head,
        call=call,
        unit=people.village,
        content="Làm đường",
        place="Thôn Đông",
        planned_date=dt.date(2023, 7, 1),
        lines=[{"kind": "people", "description": "", "quantity": 30, "unit_of_measure": "người"}],
    )
    return services.registration_return(
        user=people.commune_officer, registration=registration, version=1, reason="Ghi rõ tuyến đường và chiều dài"
    )


def _resend(client, registration, content, version):
    return client.post(
        f"/registrations/{registration.pk}/edit/",
        {
            "version": version,
            "unit": registration.unit_id,
            "content": content,
            "place": "Thôn Đông",
            "planned_date": "2023-07-01",
            "people": "35",
            "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "0",
            "lines-0-kind": "material",
            "lines-0-description": "cát",
            "lines-0-quantity": "5",
            "lines-0-unit_of_measure": "m³",
        },
    )


def test_the_village_corrects_and_resends_and_the_commune_finds_it_again(people, saturday_call):
    registration = _returned(people, saturday_call)
    head = people.client(people.village_head)
    detail = head.get(f"/registrations/{registration.pk}/").content.decode()
    assert "Ghi rõ tuyến đường và chiều dài" in detail and f"/registrations/{registration.pk}/edit/" in detail
    form = head.get(f"/registrations/{registration.pk}/edit/").content.decode()
    assert "Ghi rõ tuyến đường và chiều dài" in form and "Làm đường" in form and 'value="30"' in form

    answer = _resend(head, registration, "Làm đường trục thôn Đông, dài 500 m", registration.version)
    assert answer.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED and registration.status_reason == ""
    assert registration.content == "Làm đường trục thôn Đông, dài 500 m"
    assert [str(line) for line in registration.lines.all()] == ["35 người", "5 m³ cát"]
    rounds = [(h.status, h.content) for h in registration.history.order_by("history_date")]
    assert rounds[0] == ("submitted", "Làm đường") and rounds[-1][0] == "submitted"
    assert "returned" in [status for status, _content in rounds]
    overview = people.client(people.commune_officer).get(f"/registrations/calls/{saturday_call.pk}/").content.decode()
    assert "Làm đường trục thôn Đông" in overview


def test_a_second_sending_is_told_and_changes_nothing(people, saturday_call):
    registration = _returned(people, saturday_call)
    head = people.client(people.village_head)
    seen = registration.version
    assert _resend(head, registration, "Lần thứ nhất", seen).status_code == 302
    again = _resend(head, registration, "Lần thứ hai", seen)
    assert again.status_code in (302, 409)
    registration.refresh_from_db()
    assert registration.content == "Lần thứ nhất"
    api = people.client(people.village_head).post(
        f"/api/registrations/{registration.pk}/resubmit",
        {"version": seen, "content": "Qua API", "place": "Thôn Đông"},
        content_type="application/json",
    )
    assert api.status_code == 409
    registration.refresh_from_db()
    assert registration.content == "Lần thứ nhất"


def test_the_api_resends_a_returned_registration(people, saturday_call):
    registration = _returned(people, saturday_call)
    answer = people.client(people.village_head).post(
        f"/api/registrations/{registration.pk}/resubmit",
        {"version": registration.version, "content": "Qua API", "place": "Thôn Đông", "planned_date": "2023-07-01"},
        content_type="application/json",
    )
    assert answer.status_code == 200 and answer.json()["status"] == "submitted"


def test_only_the_village_may_open_the_form(people, saturday_call):
    registration = _returned(people, saturday_call)
    address = f"/registrations/{registration.pk}/edit/"
    assert people.client(people.outsider).get(address).status_code == 404
    assert people.client(people.commune_viewer).get(address).status_code == 403
    assert people.client(people.other_village_head).get(address).status_code in (403, 404)
    assert _resend(people.client(people.outsider), registration, "x", registration.version).status_code == 404
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.RETURNED and registration.content == "Làm đường"
