"""Who may read and change the drafts of which unit, through the pages and the API."""

import pytest

from phongtrao.testing import make_plan

UNITS = ["village", "other_village", "commune", "district", "other_commune"]
READERS = {
    "village_head": {"village"},
    "other_village_head": {"other_village"},
    "commune_viewer": {"village", "other_village", "commune"},
    "commune_officer": {"village", "other_village", "commune"},
    "district_officer": set(UNITS),
    "outsider": {"other_commune"},
    None: set(),
}
WRITERS = {
    "village_head": set(),
    "other_village_head": set(),
    "commune_viewer": set(),
    "commune_officer": {"village", "other_village", "commune"},
    "district_officer": set(UNITS),
    "outsider": {"other_commune"},
    None: set(),
}


@pytest.fixture
def drafts(people):
    return {name: make_plan(people, unit=getattr(people, name), title=f"Dự thảo của {name}") for name in UNITS}


@pytest.mark.parametrize("who", list(READERS))
def test_drafts_are_read_only_within_the_readers_subtree(people, drafts, who):
    user = getattr(people, who) if who else None
    client = people.client(user)
    for name, plan in drafts.items():
        expected = 200 if name in READERS[who] else 404
        assert client.get(f"/plans/{plan.pk}/").status_code == expected, (who, name)
        assert client.get(f"/api/plans/{plan.pk}").status_code == expected, (who, name)
        assert client.get(f"/plans/{plan.pk}/history/").status_code == expected, (who, name)
    listed = {p["title"] for p in client.get("/api/plans").json()["results"]}
    assert listed == {f"Dự thảo của {name}" for name in READERS[who]}


@pytest.mark.parametrize("who", list(WRITERS))
def test_drafts_are_changed_only_by_officers_of_the_unit_or_above(people, drafts, who):
    user = getattr(people, who) if who else None
    client = people.client(user)
    for name, plan in drafts.items():
        if name in WRITERS[who]:
            expected = 200
        elif name in READERS[who]:
            expected = 403
        else:
            expected = 404
        page = client.get(f"/plans/{plan.pk}/edit/")
        assert page.status_code == (302 if user is None else expected), (who, name)
        api = client.patch(f"/api/plans/{plan.pk}", {"theme": "sửa"}, content_type="application/json")
        assert api.status_code == (401 if user is None else expected), (who, name)
        deleted = client.post(f"/plans/{plan.pk}/delete/")
        assert deleted.status_code == (302 if expected == 200 or user is None else expected), (who, name)
        if expected == 200:
            plan.save()  # the page deleted it: put it back for the next checks


def test_a_village_head_sees_published_plans_of_every_level(people):
    issued = make_plan(people, unit=people.district, issued=True, title="Kế hoạch huyện")
    client = people.client(people.village_head)
    assert client.get(f"/plans/{issued.pk}/").status_code == 200
    assert client.get(f"/plans/{issued.pk}/edit/").status_code == 403
    concerning = client.get("/api/plans?concerning=true").json()["results"]
    assert [p["title"] for p in concerning] == ["Kế hoạch huyện"]
