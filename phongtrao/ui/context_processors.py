"""What this server can do, for the pages to offer only that."""

from django.conf import settings


def capabilities(request) -> dict:
    return {"pdf_available": bool(settings.PDF_CONVERTER)}
