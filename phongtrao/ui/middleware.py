import logging

from django.conf import settings
from django.db import DataError, IntegrityError
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from phongtrao.concurrency import Conflict

logger = logging.getLogger(__name__)


class ChosenLanguageMiddleware:
    """Vietnamese unless the person chose English with the switch in the header. The
    browser's own language is not a choice: an office PC with English Windows is still
    used by Vietnamese officials."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = dict(settings.LANGUAGES)

    def __call__(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in self.languages:
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", code)
        patch_vary_headers(response, ("Cookie",))
        return response


class RefusalMiddleware:
    """Pages answer a collision with 409 and a page saying what happened: a `Conflict`
    from a service (someone decided first), or a uniqueness the database enforced that
    no check foresaw. A value the database refused as too large or too long is a 400.
    Never a bare 500 for what two people or one odd input can cause."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.path.startswith("/api/"):
            return None  # the API answers in JSON (phongtrao/api.py)
        if isinstance(exception, Conflict):
            return render(request, "409.html", {"detail": exception.message}, status=409)
        if isinstance(exception, IntegrityError):
            logger.warning("integrity error on %s: %s", request.path, exception)
            return render(request, "409.html", {"detail": Conflict().message}, status=409)
        if isinstance(exception, DataError):
            logger.warning("data error on %s: %s", request.path, exception)
            return render(
                request, "400.html", {"detail": _("Có giá trị quá lớn hoặc quá dài so với quy định.")}, status=400
            )
        return None
