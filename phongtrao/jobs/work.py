"""Work a job may run, named in the job's arguments. A job's arguments are stored (in the
database or Redis) and name code, so only functions marked here may be run by name."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.apps import apps
from django.db.models import Model
from django.utils.module_loading import import_string

Work = TypeVar("Work", bound=Callable[..., Any])
# How a file builder tells a job how far it got: (done, total or None).
Progress = Callable[[int, int | None], None]


def may_run_as_job(function: Work) -> Work:
    """Marks an import service or a file builder that a job may call by its name."""
    function.may_run_as_job = True  # type: ignore[attr-defined]
    return function


def path_of(function: Callable[..., Any]) -> str:
    if not getattr(function, "may_run_as_job", False):
        raise ValueError(f"{function.__qualname__} is not marked may_run_as_job")
    return f"{function.__module__}.{function.__qualname__}"


def resolve(path: str) -> Callable[..., Any]:
    function: Callable[..., Any] = import_string(path)
    if not getattr(function, "may_run_as_job", False):
        raise ValueError(f"not work a job may run: {path}")
    return function


def references(objects: Mapping[str, Model | None]) -> dict[str, list[Any]]:
    """Records passed to a job: by model and key (read again when the job runs)."""
    return {name: [obj._meta.label, obj.pk] for name, obj in objects.items() if obj is not None}


def records(references: dict[str, list[Any]]) -> dict[str, Model]:
    return {name: apps.get_model(label)._default_manager.get(pk=pk) for name, (label, pk) in references.items()}


def takes_progress(function: Callable[..., Any]) -> bool:
    return "progress" in inspect.signature(function).parameters
