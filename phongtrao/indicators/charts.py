"""Charts drawn on the server as SVG shapes: no script, no network, light on a cheap phone."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Bar:
    label: str
    value: Decimal
    width: int  # of 300 px


@dataclass
class Column:
    label: str
    value: Decimal | None  # None: nothing reported for that period
    x: int
    y: int
    height: int  # of 100 px


def largest_of(*series: list[Decimal | None]) -> Decimal:
    return max((value for values in series for value in values if value is not None), default=Decimal(0))


def columns(rows: list[tuple[str, Decimal | None]], *, largest: Decimal | None = None) -> list[Column]:
    """Columns over time; a period with no figure keeps its place with no column. Scaled
    to their own largest value unless a line drawn over them needs a common `largest`."""
    if largest is None:
        largest = largest_of([value for _label, value in rows])
    out = []
    for n, (label, value) in enumerate(rows):
        height = int(max(value, 0) / largest * 100) if largest > 0 and value is not None else 0
        out.append(Column(label, value, n * 38, 100 - height, height))
    return out


def line(values: list[Decimal | None], *, largest: Decimal) -> str:
    """The points of a line over the columns' middles, on their scale (an SVG polyline's
    `points`); a period without a value is left out of the line."""
    return " ".join(
        f"{n * 38 + 15},{100 - (int(max(value, 0) / largest * 100) if largest > 0 else 0)}"
        for n, value in enumerate(values)
        if value is not None
    )


def bars(rows: list[tuple[str, Decimal]]) -> list[Bar]:
    largest = max((value for _label, value in rows), default=Decimal(0))
    return [Bar(label, value, int(value / largest * 300) if largest else 0) for label, value in rows]
