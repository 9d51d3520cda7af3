"""The upload page every Excel import shares: a file in, all rows or none, then back with
a count or the errors row by row."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from phongtrao.bounds import SHEET_BYTES
from phongtrao.sheets import ImportReport
from phongtrao.ui.fields import UploadField


class ImportFileForm(forms.Form):
    file = UploadField(max_bytes=SHEET_BYTES, label=_("Tệp Excel (.xlsx)"))


def import_page(
    request,
    *,
    run: Callable[[bytes], ImportReport],
    done_message: str,
    done_url: str,
    template: str,
    context: dict,
):
    """`done_message` carries %(n)s for the number of rows entered."""
    form = ImportFileForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = run(form.cleaned_data["file"].read())
        except ValidationError as exc:
            form.add_error("file", " ".join(exc.messages))
        else:
            if not report.errors:
                messages.success(request, done_message % {"n": report.created})
                return redirect(done_url)
    return render(request, template, {**context, "form": form, "report": report})
