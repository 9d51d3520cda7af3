from django.shortcuts import redirect


def home(request):
    """Officials start from the plans; a citizen (no account) from the public portal."""
    return redirect("plans:list" if request.user.is_authenticated else "portal:index")
