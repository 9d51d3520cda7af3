from phongtrao.orgs.models import Official, Organization


def test_an_officer_adds_organisations_and_officials_of_the_commune(people):
    client = people.client(people.commune_officer)
    url = f"/organizations/{people.commune.pk}/"
    client.post(f"{url}add/", {"kind": "nong_dan", "name": "Hội Nông dân xã Hồng Phong"})
    org = Organization.objects.get()
    assert org.unit == people.commune
    client.post(f"{url}add/", {"kind": "nong_dan", "name": "hội nông dân xã hồng phong"})
    assert Organization.objects.count() == 1  # same name: refused
    client.post(
        f"{url}officials/add/", {"full_name": "Nguyễn Thị Hoa", "position": "van_hoa_xa_hoi", "organization": org.pk}
    )
    assert Official.objects.get().organization == org
    page = people.client(None).get(url).content.decode()
    assert "Hội Nông dân xã Hồng Phong" in page and "Nguyễn Thị Hoa" in page and "<form" not in page.split("<main>")[1]


def test_others_cannot_add_to_the_commune(people):
    url = f"/organizations/{people.commune.pk}/add/"
    for user in (people.outsider, people.commune_viewer, people.village_head):
        assert people.client(user).post(url, {"kind": "khac", "name": "X"}).status_code == 403
    assert people.client(None).post(url, {"kind": "khac", "name": "X"}).status_code == 302
    assert people.client(people.outsider).get("/organizations/999999/").status_code == 404
    assert not Organization.objects.exists()
