"""Every plan endpoint answers 404 to a user who cannot see the plan and 403 to one
who can see it but not do what they ask."""

import pytest

from phongtrao.testing import make_plan

WRITES = [
    ("patch", "/api/plans/{id}", {"theme": "x"}),
    ("put", "/api/plans/{id}/parts", {"recipients": [{"text": "UBND huyện"}]}),
    ("post", "/api/plans/{id}/issue", None),
    ("post", "/api/plans/{id}/cancel", {"reason": "x"}),
    ("post", "/api/plans/{id}/close", {"reason": ""}),
    ("post", "/api/plans/{id}/start", None),
    ("delete", "/api/plans/{id}", None),
    ("put", "/api/plans/targets/{target}/allocations", [{"unit": 1, "value": 1}]),
]
READS = ["/api/plans/{id}", "/api/plans/{id}/adoption", "/api/plans/{id}/differences"]


def call(client, method, url, body):
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, body, content_type="application/json")


@pytest.fixture
def draft(people):
    plan = make_plan(people)
    from phongtrao.plans import services

    services.plan_set_parts(
        user=people.commune_officer, plan=plan, parts={"targets": [{"text": "Chỉ tiêu", "value": 1}]}
    )
    return plan


@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_an_outsider_gets_404_and_a_viewer_403(people, draft, method, url, body):
    url = url.format(id=draft.pk, target=draft.targets.get().pk)
    assert call(people.client(people.outsider), method, url, body).status_code == 404
    assert call(people.client(people.commune_viewer), method, url, body).status_code == 403
    assert call(people.client(people.village_head), method, url, body).status_code == 404
    assert call(people.client(None), method, url, body).status_code == 401


@pytest.mark.parametrize("url", READS)
def test_reads_of_a_draft_are_404_out_of_sight(people, draft, url):
    url = url.format(id=draft.pk)
    assert people.client(people.outsider).get(url).status_code == 404
    assert people.client(None).get(url).status_code == 404
    assert people.client(people.commune_viewer).get(url).status_code == 200


def test_the_derive_endpoint_needs_an_officer_of_the_child_unit(people):
    plan = make_plan(people, unit=people.district, issued=True)
    url = f"/api/plans/{plan.pk}/derive"
    body = {"unit": people.commune.pk}
    assert call(people.client(people.commune_viewer), "post", url, body).status_code == 403
    assert call(people.client(people.outsider), "post", url, body).status_code == 403
    assert call(people.client(people.commune_officer), "post", url, body).status_code == 200


def test_the_schema_lists_the_plan_endpoints(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/plans", "/api/plans/{plan_id}", "/api/plans/{plan_id}/parts", "/api/units"} <= set(schema["paths"])


def test_units_are_public_facts(people, client):
    units = client.get("/api/units?q=Hồng Phong").json()
    assert [u["name"] for u in units] == ["Xã Hồng Phong"]
    detail = client.get(f"/api/units/{people.commune.pk}").json()
    assert detail["level"] == "commune" and detail["successors"] == []
    assert client.get("/api/units/999999").status_code == 404
