"""Putting a service's refusal back on the form that asked for it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.Form, exc: ValidationError, renamed: dict[str, str] | None = None) -> None:
    """Each message beside the field it names (a service's name for it may differ from the
    form's: `renamed`), the rest at the top of the form."""
    for field, errors in exc.message_dict.items():
        field = (renamed or {}).get(field, field)
        form.add_error(field if field in form.fields else None, errors)


def flash_refusal(request, exc: ValidationError) -> None:
    """A refusal of an action taken from a button (no form to show it on): each message
    at the top of the page the browser returns to."""
    for message in exc.messages:
        messages.error(request, message)
