"""What every API schema shares: one error shape, one text form for decimals, and the
statuses an operation documents.

Decimals (money, land, rates, indicator values) travel as strings in one form whatever
the column and the database: no exponent, no trailing zeros ("3000000", "61.5", "0.25").
Errors always have the same shape: a sentence for people (`detail`) and, when fields
were refused, the messages per field (`errors`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import PlainSerializer, WithJsonSchema

DECIMAL_PATTERN = r"^-?\d+(\.\d+)?$"


def decimal_text(value: Decimal | int) -> str:
    """3000000.00 → "3000000"; 61.5000 → "61.5"; never "1E+2"."""
    number = Decimal(value)
    text = f"{number.normalize():f}"
    return "0" if text in ("-0", "0") else text


DecimalText = Annotated[
    Decimal,
    PlainSerializer(decimal_text, return_type=str, when_used="unless-none"),
    WithJsonSchema({"type": "string", "pattern": DECIMAL_PATTERN, "example": "61.5"}, mode="serialization"),
]


class UnitRef(Schema):
    """A unit named in an answer: its id and its name."""

    id: int
    name: str


class ErrorOut(Schema):
    """Why a request was refused. `errors` names the fields refused (empty otherwise)."""

    detail: str
    errors: dict[str, list[str]] = {}


ACCEPTED = 202  # taken on as a job: the answer is the job, to follow at /api/jobs/{id}
UNAUTHENTICATED = 401  # no session or a token that is not (or no longer) valid
FORBIDDEN = 403  # the object is seen, but the action needs a higher role
NOT_FOUND = 404  # no such object, or out of the caller's sight
CONFLICT = 409  # someone else changed it first, or a duplicate
INVALID = 422  # input refused, per field


def answers(ok: Any, *refusals: int, status: int = 200) -> dict[int, Any]:
    """The responses an operation documents: `ok` with `status`, the given refusals, and
    always 401 (a bad token) and 422 (input refused) with the one error shape."""
    return {status: ok, **dict.fromkeys(sorted({UNAUTHENTICATED, INVALID, *refusals}), ErrorOut)}
