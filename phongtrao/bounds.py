"""What may be entered, bounded as the database columns are, so that a form, an API
schema, an Excel import and a service refuse the same things with a message naming the
field, and nothing reaches the database that it would refuse (PostgreSQL) or store and
then fail to read back (SQLite keeps a 1e20 in a numeric column).

- `column(Model, "field")`: the type of an API schema field, read from the model field:
  text no longer than the column and without NUL characters, a decimal with the
  column's digits and places, an integer in the column's range, a choice among the
  field's choices, a date in `EARLIEST`..`LATEST`. Forms get the same from the model
  field (`Model._meta.get_field(name).formfield()` or a ModelForm).
- `Id`, `Page`, `Year`, `Day`, `SearchText`: ids, page numbers, years, dates and search
  boxes in query strings and paths.
- `checked(instance)`: a service's last look before it saves: the model's own field
  validation and check constraints, each message prefixed with the field's name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WrapValidator
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError

ModelT = TypeVar("ModelT", bound=models.Model)

EARLIEST = dt.date(1945, 9, 2)  # no document of the state is older
LATEST = dt.date(2099, 12, 31)
ID_MAX = 2**63 - 1  # BigAutoField, on SQLite and PostgreSQL alike
TEXT_MAX = 20_000  # a text column the database does not bound: a long section of a plan

# Uploads, refused by their size before they are read and by their pixels before decoding.
DOCUMENT_BYTES = 10 * 1024 * 1024  # a plan in Word or PDF, a scan, a photo of a work day
SHEET_BYTES = 5 * 1024 * 1024  # an Excel table of at most sheets.MAX_ROWS rows
CSV_BYTES = 1024 * 1024  # a commune's list of villages
PHOTO_PIXELS = 50_000_000  # a 48-megapixel phone photo; a 13000 × 13000 "photo" is a bomb


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise PydanticCustomError("string_nul", "text contains a NUL character")
    return text


def _labelled(label: str, **context: str) -> WrapValidator:
    """Each refusal of the field carries its Vietnamese name (and, for a choice, the
    choices with their names), for the API's message."""

    def validate(value: Any, handler: Callable[[Any], Any]) -> Any:
        try:
            return handler(value)
        except PydanticValidationError as exc:
            first = exc.errors()[0]
            raise PydanticCustomError(
                first["type"], first["msg"], {**first.get("ctx", {}), "label": label, **context}
            ) from exc

    return WrapValidator(validate)


def text(max_length: int, label: str = "") -> Any:
    """Text no longer than `max_length`, without NUL characters (for what is not one column)."""
    return Annotated[
        str, StringConstraints(max_length=max_length), AfterValidator(_no_nul), *([_labelled(label)] if label else [])
    ]


Id = Annotated[int, Field(ge=1, le=ID_MAX)]
Page = Annotated[int, Field(ge=1, le=100_000)]
Year = Annotated[int, Field(ge=EARLIEST.year, le=LATEST.year)]


def _written_day(value: Any) -> Any:
    """A day is written 2024-07-01 (or is a date already): pydantic alone would take "0"
    or 1700000000 as a count of seconds since 1970, which no official means."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value.strip()):
        raise PydanticCustomError("date_format", "a day is written YYYY-MM-DD")
    return value


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Day = Annotated[dt.date, BeforeValidator(_written_day), Field(ge=EARLIEST, le=LATEST)]
SearchText = text(200)
Text = text(TEXT_MAX)


def _integer_range(field: models.Field) -> tuple[int | None, int | None]:
    low = high = None
    for validator in field.validators:
        limit = getattr(validator, "limit_value", None)
        if not isinstance(limit, int):
            continue
        if validator.code == "min_value":
            low = limit if low is None else max(low, limit)
        elif validator.code == "max_value":
            high = limit if high is None else min(high, limit)
    return low, high


def column(model: type[models.Model], name: str) -> Any:
    """The pydantic type of what may be stored in `model.name`."""
    field = model._meta.get_field(name)
    label = _labelled(str(field.verbose_name).capitalize())
    if field.choices:
        named = ", ".join(f"{value} ({text})" for value, text in field.flatchoices)
        return Annotated[
            Literal[tuple(value for value, _text in field.flatchoices)],
            _labelled(str(field.verbose_name).capitalize(), expected=named),
        ]
    if isinstance(field, models.DecimalField):
        low, high = _integer_range(field)
        return Annotated[
            Decimal,
            Field(
                max_digits=field.max_digits, decimal_places=field.decimal_places, allow_inf_nan=False, ge=low, le=high
            ),
            label,
        ]
    if isinstance(field, models.IntegerField):
        low, high = _integer_range(field)
        return Annotated[int, Field(ge=low, le=high), label]
    if isinstance(field, models.DateField):
        return Annotated[Day, label]
    if isinstance(field, models.BooleanField):
        return bool
    if isinstance(field, (models.CharField, models.TextField)):
        limit = field.max_length or TEXT_MAX
        return Annotated[str, StringConstraints(max_length=limit), AfterValidator(_no_nul), label]
    raise TypeError(f"no bound for {model.__name__}.{name} ({type(field).__name__})")


def checked(instance: ModelT, *, exclude: tuple[str, ...] = ()) -> ModelT:
    """Refuse, before saving, what the columns and check constraints of the instance's
    model would refuse. Relations are not looked up again (the service fetched them)."""
    skipped = {f.name for f in instance._meta.get_fields() if f.is_relation} | set(exclude)
    _exact_places(instance)
    try:
        instance.full_clean(exclude=skipped, validate_unique=False, validate_constraints=True)
    except ValidationError as exc:
        named: dict[str, list[str]] = {}
        for name, messages in exc.message_dict.items():
            label = _label(instance, name)
            named[name] = [f"{label}: {message}" if label else message for message in messages]
        raise ValidationError(named) from exc
    return instance


def _exact_places(instance: models.Model) -> None:
    """134000000.0000 fits a column of whole đồng: trailing zeros are not digits of
    precision (Django's validator counts them); a value that needs more places is left
    for the validator to refuse."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if isinstance(field, models.DecimalField) and isinstance(value, Decimal) and value.is_finite():
            fits = value.adjusted() + field.decimal_places < 28  # within the default context's precision
            exact = value.quantize(Decimal(1).scaleb(-field.decimal_places)) if fits else value
            if exact == value:
                setattr(instance, field.attname, exact)


def _label(instance: models.Model, name: str) -> str:
    if name == "__all__" or LOOKUP_SEP in name:
        return ""
    try:
        return str(instance._meta.get_field(name).verbose_name).capitalize()
    except FieldDoesNotExist:  # a constraint may name something that is not a field
        return ""


MAX_QUANTITY = Decimal(100_000)  # more people, cuốc or m³ than this on one Saturday is a typing slip
