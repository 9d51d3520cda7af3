from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.activities.forms import DATE_INPUTS, DATE_WIDGET
from phongtrao.bounds import DOCUMENT_BYTES, SHEET_BYTES
from phongtrao.monitoring.models import CriterionState, Indicator, PeriodKind, ReportStatus
from phongtrao.ui.fields import MultipleUploadField, UploadField


class StatusForm(forms.Form):
    state = forms.ChoiceField(label=_("Tình trạng"), choices=CriterionState.choices)
    date = forms.DateField(label=_("Ngày đánh giá"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
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
    valid_from = forms.DateField(label=_("Hiệu lực từ"), required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    valid_until = forms.DateField(
        label=_("Hiệu lực đến"), required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS
    )
    file = UploadField(max_bytes=SHEET_BYTES, label=_("Bảng tiêu chí (.xlsx) hoặc tệp .json"))


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại"), choices=[("interim_review", _("Sơ kết")), ("final_review", _("Tổng kết"))]
    )
    period_start = forms.DateField(label=_("Từ ngày"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    period_end = forms.DateField(label=_("Đến ngày"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    due_date = forms.DateField(label=_("Hạn hoàn thành"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)


class RankingForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"), queryset=Indicator.objects.order_by("name"), to_field_name="code"
    )
    period = forms.ChoiceField(label=_("Kỳ"), choices=PeriodKind.choices, initial=PeriodKind.YEAR)
    date = forms.DateField(label=_("Ngày trong kỳ"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    lowest_first = forms.BooleanField(label=_("Giá trị thấp là tốt (xếp từ thấp lên)"), required=False)


class ValuesExportForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"),
        queryset=Indicator.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Mọi chỉ số"),
    )


class ReportFilterForm(forms.Form):
    """Narrow a plan's reports to one state (or the missing and late ones) and one unit."""

    state = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            *ReportStatus.choices,
            ("missing", _("Chưa gửi (đã đến hạn)")),
            ("late", _("Gửi muộn")),
        ],
    )
    unit = forms.TypedChoiceField(label=_("Đơn vị"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("Mọi đơn vị")), *((u.pk, u.name) for u in units)]


class ValueForm(forms.Form):
    """One figure for one unit and period, as a village head types it on a phone."""

    unit = forms.TypedChoiceField(label=_("Đơn vị"), coerce=int)
    indicator = forms.ModelChoiceField(
        label=_("Chỉ số"), queryset=Indicator.objects.order_by("name"), to_field_name="code"
    )
    period = forms.ChoiceField(label=_("Kỳ"), choices=PeriodKind.choices, initial=PeriodKind.MONTH)
    date = forms.DateField(label=_("Ngày trong kỳ"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    value = forms.DecimalField(label=_("Giá trị"), required=False, max_digits=20, decimal_places=4)
    numerator = forms.DecimalField(label=_("Tử số"), required=False, max_digits=20, decimal_places=4)
    denominator = forms.DecimalField(label=_("Mẫu số"), required=False, max_digits=20, decimal_places=4)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=255)
    confirm = forms.BooleanField(label=_("Tôi đã kiểm tra, giá trị này đúng"), required=False)

    def __init__(self, *args, places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(place.pk, place.name) for place in places]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ"), choices=PeriodKind.choices, initial=PeriodKind.YEAR)
    date = forms.DateField(label=_("Ngày trong kỳ"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
