"""Pages and endpoints: a neighbour village cannot see a registration, a viewer cannot decide."""

import pytest

from phongtrao.registrations import services


@pytest.fixture
def registration(people, saturday_call):
    return services.registration_submit(
        user=people.village_head, call=saturday_call, unit=people.village, content="Tổng vệ sinh", place="Thôn Đông"
    )


def test_a_neighbour_village_and_an_outsider_get_404(people, registration):
    for user in (people.other_village_head, people.outsider, None):
        client = people.client(user)
        assert client.get(f"/registrations/{registration.pk}/").status_code == 404
        assert client.get(f"/api/registrations/{registration.pk}").status_code == 404
    assert people.client(people.other_village_head).get("/api/registrations").json() == []


def test_a_viewer_or_the_village_head_cannot_decide(people, registration):
    for user in (people.commune_viewer, people.village_head):
        client = people.client(user)
        assert client.post(f"/registrations/{registration.pk}/confirm/", {"version": 1}).status_code == 403
        assert (
            client.post(
                f"/api/registrations/{registration.pk}/confirm", {"version": 1}, content_type="application/json"
            ).status_code
            == 403
        )
    assert (
        people.client(people.outsider)
        .post(f"/api/registrations/{registration.pk}/confirm", {"version": 1}, content_type="application/json")
        .status_code
        == 404
    )


def test_the_api_registers_and_confirms(people, saturday_call):
    head = people.client(people.village_head)
    response = head.post(
        "/api/registrations",
        {
            "call": saturday_call.pk,
            "unit": people.village.pk,
            "content": "Trồng cây xanh",
            "place": "Đường trục thôn",
            "lines": [{"kind": "people", "quantity": 20, "unit_of_measure": "người"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "submitted" and body["lines"][0]["quantity"] == "20"
    bad = head.post(
        "/api/registrations",
        {
            "call": saturday_call.pk,
            "unit": people.village.pk,
            "content": "x",
            "place": "y",
            "lines": [{"quantity": -1, "unit_of_measure": "người"}],
        },
        content_type="application/json",
    )
    assert bad.status_code == 422 and "lớn hơn 0" in bad.json()["errors"]["lines"][0]
    confirmed = people.client(people.commune_officer).post(
        f"/api/registrations/{body['id']}/confirm", {"version": body["version"]}, content_type="application/json"
    )
    assert confirmed.json()["status"] == "confirmed"
    stale = people.client(people.commune_approver).post(
        f"/api/registrations/{body['id']}/return",
        {"version": body["version"], "reason": "x"},
        content_type="application/json",
    )
    assert stale.status_code == 409 and "vừa được" in stale.json()["detail"]


def test_only_those_who_may_report_see_the_register_page(people, saturday_call):
    url = f"/registrations/calls/{saturday_call.pk}/register/"
    assert people.client(people.commune_viewer).get(url).status_code == 403
    assert people.client(people.outsider).get(url).status_code == 403  # the plan is public, the form is not theirs
    assert people.client(people.village_head).get(url).status_code == 200


def test_the_call_page_shows_a_village_only_its_own_rows(people, registration, saturday_call):
    page = people.client(people.other_village_head).get(f"/registrations/calls/{saturday_call.pk}/").content.decode()
    assert "Tổng vệ sinh" not in page and "Thôn Đông" not in page
