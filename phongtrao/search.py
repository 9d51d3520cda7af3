"""The one search helper behind every search box (units, plans, awards, households): what
people type matches whatever the case and the diacritics ("hong phong", "HỒNG PHONG" and
"Hồng Phong" find the same commune), on SQLite and PostgreSQL alike. Each word typed must
appear in one of the fields searched."""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.db.models import Expression, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import Coalesce

from phongtrao.text import BASE_LETTERS, fold

# PostgreSQL's translate(): every Vietnamese letter and capital to its base letter; the
# combining marks of decomposed input, listed past the end of the replacements, are dropped.
_MAPPED = {chr(code): base for code, base in BASE_LETTERS.items() if base} | {
    chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)
}
_DROPPED = "".join(chr(code) for code, base in BASE_LETTERS.items() if not base)
_FROM = "".join(_MAPPED) + _DROPPED
_TO = "".join(_MAPPED.values())


def _fold_cell(value: str | None) -> str | None:
    return None if value is None else fold(value)


class Folded(Func):
    """A text column lowered and without diacritics, in the database."""

    function = "translate"
    output_field = TextField()

    def __init__(self, expression):
        super().__init__(expression, Value(_FROM), Value(_TO))

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite has no translate() and its lower() knows only ASCII: the project's own
        # fold(), registered on the connection (idempotent, so done whenever it is used).
        connection.ensure_connection()
        connection.connection.create_function("phongtrao_fold", 1, _fold_cell, deterministic=True)
        only_text = self.copy()
        only_text.set_source_expressions(self.get_source_expressions()[:1])
        return Func.as_sql(only_text, compiler, connection, function="phongtrao_fold", **extra)


def matching(queryset: QuerySet, text: str, *fields: str | Expression) -> QuerySet:
    """The rows of `queryset` where every word of `text` is found in one of `fields` (names
    or expressions), ignoring case and diacritics; all rows when nothing was typed."""
    words = fold(text or "").split()
    if not words:
        return queryset
    folded = {f"_folded_{n}": Folded(Coalesce(field, Value(""))) for n, field in enumerate(fields)}
    queryset = queryset.alias(**folded)
    return queryset.filter(
        reduce(and_, (reduce(or_, (Q(**{f"{name}__contains": word}) for name in folded)) for word in words))
    )
