"""Form fields for numbers as Vietnamese write them."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

_GROUPED = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?")


class VietnameseDecimalField(forms.DecimalField):
    """Accepts "1.500.000", "1.500.000 đ", "61,5" and "61.5": grouping dots are dropped, a
    decimal comma is a decimal point. (Django only drops grouping when every number on the
    site is printed grouped, which would also group ids in links.)"""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("localize", True)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            text = value.strip().removesuffix("đ").removesuffix("đồng").strip().replace(" ", "")
            if _GROUPED.fullmatch(text):
                text = text.replace(".", "").replace(",", ".")
            value = text
        return super().to_python(value)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


class UploadField(forms.FileField):
    """A file no larger than `max_bytes`, refused by its declared size before anything
    reads it (a phone's photo, a Word plan, an Excel table: each has its own limit)."""

    def __init__(self, *args, max_bytes: int, **kwargs):
        self.max_bytes = max_bytes
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload.size > self.max_bytes:
            raise forms.ValidationError(
                _("Tệp “%(name)s” quá lớn (%(size)s MB, tối đa %(max)s MB).")
                % {"name": upload.name, "size": _megabytes(upload.size), "max": _megabytes(self.max_bytes)}
            )
        return upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleUploadField(UploadField):
    """Several files at once, as a phone's gallery picker gives them, each within the limit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,.pdf,.docx,.xlsx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class DayField(forms.DateField):
    """A day: the phone's own date picker (it sends 2023-04-07), and 07/04/2023 as
    officials type or paste it."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
