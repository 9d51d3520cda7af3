"""Form fields for numbers as Vietnamese write them."""

import re

from django import forms

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
