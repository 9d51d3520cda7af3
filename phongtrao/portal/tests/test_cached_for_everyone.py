"""Portal pages are the same for everyone: they set no cookie, say so to caches, are
served from the server's cache on the next request, and in the language chosen."""

from django.urls import reverse

from phongtrao.testing import make_plan


def test_pages_are_cacheable_and_served_from_the_cache(people, django_assert_num_queries):
    make_plan(people, issued=True, title="Ngày Chủ nhật xanh")
    client = people.client(None)
    url = reverse("portal:unit", args=[people.commune.pk])
    first = client.get(url)
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    assert not first.cookies  # no session, no CSRF token: nothing that differs per visitor
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content


def test_the_language_chosen_is_served_in_that_language(people):
    client = people.client(None)
    url = reverse("portal:index")
    assert "Phong trào thi đua xây dựng nông thôn mới" in client.get(url).content.decode()
    switched = client.get(reverse("portal:language", args=["en"]), {"next": url})
    assert switched.status_code == 302 and switched["Location"] == url
    english = client.get(url).content.decode()
    assert "Emulation movements for new rural development" in english
    elsewhere = client.get(reverse("portal:language", args=["en"]), {"next": "https://evil.example/"})
    assert elsewhere["Location"] == "/portal/"
    assert client.get(reverse("portal:language", args=["fr"])).status_code == 404
