"""The site installs on a phone's home screen (a manifest, icons, its own service worker
at the root) and has pages for when the line is gone; none of them needs a login."""

import json

from django.contrib.staticfiles import finders


def test_the_manifest_opens_on_my_work(people):
    response = people.client(None).get("/manifest.webmanifest")
    assert response.status_code == 200 and response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/my-work/" and manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))
    page = people.client(people.village_head).get("/my-work/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in page and "js/app.js" in page
    assert "js/app.js" not in people.client(None).get("/portal/").content.decode()  # citizens get no script


def test_the_service_worker_covers_the_site_and_is_always_asked_again(people):
    response = people.client(None).get("/sw.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert b'addEventListener("fetch"' in response.content and b"Idempotency-Key" in response.content


def test_the_offline_pages_say_what_happened(people):
    client = people.client(None)
    assert "Không có mạng" in client.get("/offline/").content.decode()
    assert "sẽ gửi khi có mạng" in client.get("/offline/saved/").content.decode()
