"""Where a request comes from, for limits on anonymous bursts and on login attempts.

Behind a reverse proxy every request arrives from the proxy; the client is then the
entry the nearest trusted proxy appended to X-Forwarded-For (PROXY_COUNT proxies in
front of the app). Entries further left are written by the client and never trusted."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    if settings.PROXY_COUNT <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < settings.PROXY_COUNT:
        return remote
    return forwarded[-settings.PROXY_COUNT]


def address_fingerprint(address: str) -> str:
    """A keyed hash: bursts from one address can be counted without keeping the address."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
