"""Two people acting on the same thing at the same moment.

Every decision (confirm, return, approve, decide, publish, answer) takes a row lock or
checks the version the person saw; a uniqueness the database enforces settles a race
between two inserts. Either way the one who comes second is told so with `Conflict`,
which the API answers with 409 and the pages with a page saying what happened, never a
500 and never a silent overwrite."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.db import IntegrityError, connection, transaction
from django.db.models import Model
from django.utils.translation import gettext as _

M = TypeVar("M", bound=Model)


class Conflict(Exception):
    """Someone else changed or took this first; the message says what happened."""

    def __init__(self, message: str | None = None):
        super().__init__(message or _("Người khác vừa thay đổi dữ liệu này; hãy tải lại trang để xem rồi làm lại."))

    @property
    def message(self) -> str:
        return str(self.args[0])


def lock_fresh(instance: M) -> M:
    """Hold `instance`'s row until the transaction ends and reload it as it is now, in
    place: a decision then judges what the last person left, not what this one saw."""
    type(instance)._default_manager.select_for_update().filter(pk=instance.pk).values_list("pk").first()
    instance.refresh_from_db()
    return instance


def serialize_on(key: str) -> None:
    """Run the rest of this transaction one at a time with every other transaction that
    serializes on the same key (a per-address burst count, a decision number's year).
    PostgreSQL holds an advisory lock until the transaction ends; SQLite's transactions
    begin IMMEDIATE (settings), so its writers already run one at a time."""
    if connection.vendor != "postgresql":
        return
    number = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])


@contextmanager
def first_one_wins(message: str) -> Iterator[None]:
    """Inserts that the database refuses as a duplicate (two people entering the same
    receipt number, pledge or decision number at once) become a Conflict with `message`."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        raise Conflict(message) from exc
