from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _


def home(request):
    """Officials start from what is theirs to do; a citizen (no account) from the public portal."""
    return redirect("mywork:index" if request.user.is_authenticated else "portal:index")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the site's icon."""
    return redirect(static("favicon.svg"), permanent=True)


def service_worker(request):
    """The site's service worker, from the root so that its scope is the whole site (a
    script under /static/ could only look after /static/); always asked again, so a new
    version reaches phones at once."""
    path = finders.find("js/sw.js")
    response = HttpResponse(Path(path).read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def web_app_manifest(request):
    """What makes the site installable on a phone's home screen, opening on “Việc của tôi”."""
    manifest = {
        "name": _("Phong trào – xây dựng nông thôn mới"),
        "short_name": "phongtrao",
        "lang": "vi",
        "start_url": reverse("mywork:index"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1d6b3a",
        "icons": [
            {"src": static("icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    response = JsonResponse(
        manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response


def offline(request, saved: bool = False):
    """What the service worker shows without a line: a page not kept on the phone, or a
    form kept to be sent when the line returns (kept by it at its installation)."""
    return render(request, "offline.html", {"saved": saved})
