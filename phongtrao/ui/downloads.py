"""Files handed to the browser: Word and Excel documents made on the fly, and the files
people uploaded (evidence, dossiers, photos), which are never served from a guessable
public path but only here, after the owning object's access helper let the user in."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def stored_file(stored: FieldFile, *, public: bool, name: str | None = None) -> HttpResponseBase:
    """An uploaded file, after its owner's access helper allowed it: cached a day by
    everyone when `public`, kept out of shared caches otherwise. Behind nginx
    (`FILES_VIA_NGINX`), nginx sends the bytes from its internal location (X-Accel-Redirect)
    and this process is free at once; otherwise this process streams them."""
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    response: HttpResponseBase
    if settings.FILES_VIA_NGINX:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.FILES_NGINX_LOCATION + quote(stored.name)
        disposition = content_disposition_header(as_attachment=False, filename=name or Path(stored.name).name)
        if disposition:
            response["Content-Disposition"] = disposition
    else:
        response = FileResponse(stored.open("rb"), content_type=content_type, filename=name or "")
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, public=public, private=not public, max_age=86400 if public else 0)
    return response
