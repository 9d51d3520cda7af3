from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.bounds import DOCUMENT_BYTES, SHEET_BYTES
from phongtrao.criteria.models import CriterionState
from phongtrao.ui.fields import DayField, MultipleUploadField, UploadField


class StatusForm(forms.Form):
    state = forms.ChoiceField(label=_("Tình trạng"), choices=CriterionState.choices)
    date = DayField(label=_("Ngày đánh giá"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    files = MultipleUploadField(max_bytes=DOCUMENT_BYTES, label=_("Hồ sơ minh chứng"), required=False)


class CriteriaFileForm(forms.Form):
    """The set's name and scope are typed here for an Excel sheet; a JSON file carries its own."""

    code = forms.SlugField(
        label=_("Mã bộ tiêu chí"), required=False, max_length=60, help_text=_("Ví dụ: khu-dan-cu-kieu-mau-2022")
    )
    name = forms.CharField(label=_("Tên bộ tiêu chí"), required=False, max_length=300)
    level = forms.ChoiceField(
        label=_("Áp dụng cho cấp"), required=False, choices=[("commune", _("Xã")), ("village", _("Thôn"))]
    )
    source = forms.CharField(label=_("Căn cứ (số, ngày văn bản)"), required=False, max_length=300)
    valid_from = DayField(label=_("Hiệu lực từ"), required=False)
    valid_until = DayField(label=_("Hiệu lực đến"), required=False)
    file = UploadField(max_bytes=SHEET_BYTES, label=_("Bảng tiêu chí (.xlsx) hoặc tệp .json"))
