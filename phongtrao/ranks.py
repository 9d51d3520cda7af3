"""Ranking as officials read it: equal figures share a rank, the next one skips
(1, 2, 2, 4), and those with no figure come last, unranked."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def ranked(items: Iterable[T], key: Callable[[T], object], *, highest_first: bool = True) -> list[T]:
    """The items in rank order, each given `.rank`; those whose key is None keep rank None."""
    items = list(items)
    scored = sorted((i for i in items if key(i) is not None), key=key, reverse=highest_first)
    for position, item in enumerate(scored, start=1):
        before = scored[position - 2] if position > 1 else None
        item.rank = before.rank if before is not None and key(before) == key(item) else position
    return scored + [i for i in items if key(i) is None]
