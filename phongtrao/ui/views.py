from django.shortcuts import redirect
from django.templatetags.static import static


def home(request):
    """Officials start from what is theirs to do; a citizen (no account) from the public portal."""
    return redirect("mywork:index" if request.user.is_authenticated else "portal:index")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the site's icon."""
    return redirect(static("favicon.svg"), permanent=True)
