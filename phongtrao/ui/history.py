"""A record's history as people read it: each change named by the field's label, with
the values as the pages show them ("Trạng thái: Dự thảo → Đã ban hành", "Kế hoạch cấp
trên: — → Kế hoạch 42/KH-UBND …"), never the stored codes or ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models

from phongtrao.ui.formatting import day_text, moment_text, number_text


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    record: object  # a historical record: who, when, what kind of change
    changes: list[Change]


def _shown(field: models.Field, value, related: dict) -> str:
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        return str(related.get((field.related_model, value), "—"))
    if isinstance(value, dt.datetime):
        return moment_text(value)
    if isinstance(value, dt.date):
        return day_text(value)
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, Decimal | int | float):
        return number_text(value)
    return str(value)


def readable_history(records: list, *, hidden: tuple[str, ...] = ()) -> list[Entry]:
    """Newest first, as `records` (a model's historical records, newest first) are; each
    with its changes against the record before it. Related objects in one query each."""
    pairs = list(zip(records, [*records[1:], None], strict=True))
    deltas = [(newer, newer.diff_against(older).changes if older is not None else []) for newer, older in pairs]
    model = records[0].instance_type if records else None
    wanted: dict[type, set] = {}
    for _newer, delta in deltas:
        for change in delta:
            field = model._meta.get_field(change.field)
            if field.is_relation:
                wanted.setdefault(field.related_model, set()).update(v for v in (change.old, change.new) if v)
    related = {
        (target, obj.pk): obj for target, ids in wanted.items() for obj in target._default_manager.filter(pk__in=ids)
    }
    entries = []
    for newer, delta in deltas:
        changes = []
        for change in delta:
            if change.field in hidden:
                continue
            field = model._meta.get_field(change.field)
            label = str(field.verbose_name).capitalize()
            changes.append(Change(label, _shown(field, change.old, related), _shown(field, change.new, related)))
        entries.append(Entry(newer, changes))
    return entries


def attributed(instance: models.Model, user: AbstractBaseUser | None) -> None:
    """The history record the next save of `instance` writes names `user` as its author
    (django-simple-history reads this attribute; outside a request nothing else tells it)."""
    instance._history_user = user  # type: ignore[attr-defined]
