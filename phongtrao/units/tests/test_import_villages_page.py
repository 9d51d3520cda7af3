"""The village import page: an officer of the commune uploads the list; others are refused."""

from django.core.files.uploadedfile import SimpleUploadedFile


def test_the_import_page_needs_an_officer_of_the_commune(people):
    url = f"/units/{people.commune.pk}/villages/import/"
    assert people.client(people.village_head).get(url).status_code == 403
    assert people.client(people.outsider).get(url).status_code == 403
    upload = SimpleUploadedFile("thon.csv", "Tên thôn\nThôn Giữa\n".encode("utf-16"), content_type="text/csv")
    response = people.client(people.commune_officer).post(url, {"file": upload})
    assert response.status_code == 302
    assert people.commune.children.filter(name="Thôn Giữa").exists()
    bad = SimpleUploadedFile("thon.csv", b"a,b\n1,2\n", content_type="text/csv")
    response = people.client(people.commune_officer).post(url, {"file": bad})
    assert "Thiếu cột" in response.content.decode()
