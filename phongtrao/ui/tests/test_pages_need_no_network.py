import re

from phongtrao.testing import make_plan

ASSET = re.compile(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//', re.IGNORECASE)


def test_pages_load_every_asset_from_this_server(people):
    plan = make_plan(people, issued=True)
    draft = make_plan(people)
    client = people.client(people.commune_officer)
    for url in [
        "/plans/",
        f"/plans/{plan.pk}/",
        f"/plans/{draft.pk}/edit/",
        "/login/",
        "/api/docs",
        f"/units/{people.commune.pk}/",
        "/me/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not ASSET.search(response.content.decode()), url
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_the_static_files_are_served_without_collectstatic(client):
    for path in ["/static/css/site.css", "/static/django_htmx/htmx-2.min.js", "/static/ninja/swagger-ui-bundle.js"]:
        assert client.get(path).status_code == 200, path
