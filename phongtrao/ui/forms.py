"""Putting a service's refusal back on the form that asked for it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

VERSION_MAX = 2**31 - 1  # PositiveIntegerField


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


class DecisionForm(forms.Form):
    """What a decision button sends: the version of the record the person saw (so that of
    two people deciding at once, the second is told), and a reason when returning it."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=VERSION_MAX)
    reason = forms.CharField(
        label=_("Lý do trả lại"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


def seen_version(request) -> int:
    """The version a decision button was pressed on; a page too old (or tampered with)
    is refused with a message rather than a server error."""
    form = DecisionForm(request.POST)
    if not form.is_valid() or form.cleaned_data.get("version") is None:
        raise ValidationError({"version": _("Trang này đã cũ; hãy tải lại trang rồi làm lại.")})
    return form.cleaned_data["version"]


def posted_version(request) -> int | None:
    """The version a button was pressed on, if the page sent a valid one; the service
    then also refuses a change made since (it holds the row either way)."""
    form = DecisionForm(request.POST)
    return form.cleaned_data["version"] if form.is_valid() else None
