"""Grouped figures. Django adds the columns of a query's ORDER BY to its GROUP BY, so a
total grouped from an ordered queryset (a ledger sorted by date) silently splits into one
row per date and keeps only one of them. Every grouped read starts here, with the order
cleared; a structure test refuses `.values(…).annotate(…)` anywhere else."""

from __future__ import annotations

from django.db.models import QuerySet


def grouped(queryset: QuerySet, *fields: str) -> QuerySet:
    """`queryset` grouped by `fields`: annotate the figures on what this returns."""
    return queryset.order_by().values(*fields)
