"""`GET /health/` for a load balancer, a monitoring probe or an administrator: is each part
this process depends on usable? 200 when all are, 503 naming the parts that are not. It
says nothing else: no version, no host name, no error text (those can carry secrets)."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from phongtrao.jobs.selectors import queue_backlog

OK, FAILING = "ok", "failing"


def database_answers(database: BaseDatabaseWrapper) -> bool:
    try:
        with database.cursor() as cursor:
            cursor.execute("SELECT 1")
            row: tuple[int] | None = cursor.fetchone()
            return row == (1,)
    except DatabaseError:
        return False


def cache_answers() -> bool:
    key, token = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, token, 10)
        kept: bool = cache.get(key) == token
        cache.delete(key)
    except Exception:  # a cache server gone away raises its client's own errors
        return False
    return kept


def media_has_room(root: Path, least_free: int) -> bool:
    """Free space where uploads are written (its nearest existing folder before the first)."""
    place = root
    while not place.exists() and place != place.parent:
        place = place.parent
    return shutil.disk_usage(place).free >= least_free


def queue_moves() -> bool:
    """No job has waited longer than it should: a stopped worker shows here first."""
    try:
        waited = queue_backlog().oldest_queued_seconds
    except DatabaseError:
        return False
    return waited is None or waited <= settings.HEALTH_QUEUE_MAX_WAIT_SECONDS


def checks(database: BaseDatabaseWrapper = connection) -> dict[str, str]:
    return {
        "database": OK if database_answers(database) else FAILING,
        "cache": OK if cache_answers() else FAILING,
        "task_queue": OK if queue_moves() else FAILING,
        "media_disk": OK if media_has_room(settings.MEDIA_ROOT, settings.HEALTH_MEDIA_FREE_BYTES) else FAILING,
    }


def answer(found: dict[str, str]) -> JsonResponse:
    failing = [part for part, state in found.items() if state != OK]
    body = {"status": FAILING if failing else OK, "failing": failing, "checks": found}
    return JsonResponse(body, status=503 if failing else 200)


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    return answer(checks())
