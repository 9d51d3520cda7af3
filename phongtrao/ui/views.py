from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static


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
