from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.activities.models import (
    CallKind,
    ContributionKind,
    ContributorKind,
    Fund,
    LineKind,
    Registrants,
    WorkDayStatus,
)
from phongtrao.bounds import DOCUMENT_BYTES, ID_MAX
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.ui.fields import MultipleUploadField, VietnameseDecimalField

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]


class CallForm(forms.Form):
    title = forms.CharField(label=_("Tên mẫu đăng ký"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại đăng ký"), choices=CallKind.choices)
    registrants = forms.ChoiceField(label=_("Ai đăng ký"), choices=Registrants.choices)
    deadline = forms.DateField(label=_("Hạn đăng ký"), required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    min_per_registrant = forms.IntegerField(label=_("Tối thiểu mỗi đơn vị"), min_value=0, max_value=20, initial=1)
    max_per_registrant = forms.IntegerField(label=_("Tối đa mỗi đơn vị"), min_value=1, max_value=20, required=False)


class RegistrationForm(forms.Form):
    """The seed 000 table, one row per form, sized for a phone."""

    unit = forms.ModelChoiceField(label=_("Thôn / đơn vị"), queryset=AdminUnit.objects.none())
    organization = forms.ModelChoiceField(
        label=_("Cơ quan, đoàn thể"), queryset=Organization.objects.none(), required=False
    )
    content = forms.CharField(label=_("Nội dung công việc đăng ký thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    place = forms.CharField(label=_("Địa điểm thực hiện"), max_length=255)
    planned_date = forms.DateField(
        label=_("Ngày thứ Bảy dự kiến"), required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS
    )
    people = forms.IntegerField(
        label=_("Số người tham gia"),
        min_value=0,
        max_value=100000,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    support_requested = forms.CharField(
        label=_("Đề xuất hỗ trợ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units=None, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["organization"].queryset = organizations
        if organizations is None or not organizations.exists():
            del self.fields["organization"]


class LineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=[c for c in LineKind.choices if c[0] != "people"])
    description = forms.CharField(label=_("Vật tư, dụng cụ"), max_length=200, required=False)
    quantity = VietnameseDecimalField(
        label=_("Số lượng"),
        required=False,
        max_digits=12,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    unit_of_measure = forms.CharField(label=_("Đơn vị tính"), max_length=30, required=False)


LineFormSet = forms.formset_factory(LineForm, extra=3)


class GenerateForm(forms.Form):
    start = forms.DateField(label=_("Từ ngày"), required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    end = forms.DateField(label=_("Đến ngày"), required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    week = forms.TypedChoiceField(
        label=_("Thứ Bảy tuần thứ"), coerce=int, initial=1, choices=[(1, "1"), (2, "2"), (3, "3"), (4, "4")]
    )


class MoveForm(forms.Form):
    date = forms.DateField(label=_("Ngày"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    unit = forms.ModelChoiceField(label=_("Thôn"), queryset=AdminUnit.objects.none())

    def __init__(self, *args, villages=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = villages
        self.fields["unit"].choices = [(v.pk, v.name) for v in villages.in_reading_order()]


class RecordForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng"), choices=WorkDayStatus.choices)
    no_shows = forms.IntegerField(label=_("Số người vắng mặt (không có lý do)"), min_value=0, initial=0)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AttendanceForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Cơ quan, lực lượng"), queryset=Organization.objects.none(), required=False
    )
    group = forms.CharField(label=_("hoặc nhóm"), max_length=150, required=False)
    expected = forms.IntegerField(label=_("Phân công (người)"), min_value=0, required=False)
    present = forms.IntegerField(label=_("Có mặt (người)"), min_value=0, required=False)
    names = forms.CharField(label=_("Danh sách"), required=False, widget=forms.Textarea(attrs={"rows": 1}))

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class ResultForm(forms.Form):
    description = forms.CharField(label=_("Kết quả"), max_length=200, required=False)
    quantity = VietnameseDecimalField(
        label=_("Khối lượng"),
        required=False,
        max_digits=12,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    unit_of_measure = forms.CharField(label=_("Đơn vị tính"), max_length=30, required=False)


AttendanceFormSet = forms.formset_factory(AttendanceForm, extra=2)
ResultFormSet = forms.formset_factory(ResultForm, extra=2)


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Ngày"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    percent = forms.IntegerField(
        label=_("Hoàn thành (%)"), min_value=0, max_value=100, widget=forms.NumberInput(attrs={"inputmode": "numeric"})
    )
    note = forms.CharField(label=_("Nội dung đã làm"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence = MultipleUploadField(
        max_bytes=DOCUMENT_BYTES,
        label=_("Ảnh, tài liệu minh chứng"),
        required=False,
        help_text=_("Ảnh, PDF, Word hoặc Excel; mỗi tệp tối đa 10 MB; ảnh được thu nhỏ."),
    )


class ContributionForm(forms.Form):
    contributor_kind = forms.ChoiceField(label=_("Người đóng góp là"), choices=ContributorKind.choices)
    contributor_name = forms.CharField(label=_("Tên người, đơn vị đóng góp"), max_length=200)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=ContributionKind.choices)
    amount = VietnameseDecimalField(label=_("Số lượng (đồng, ngày công, m²)"), max_digits=16, decimal_places=2)
    description = forms.CharField(label=_("Mô tả hiện vật"), max_length=255, required=False)
    value = VietnameseDecimalField(label=_("Giá trị quy đổi (đồng)"), max_digits=16, decimal_places=0, required=False)
    date = forms.DateField(label=_("Ngày"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    receipt_number = forms.CharField(label=_("Số biên nhận"), max_length=40, required=False)
    fund = forms.ModelChoiceField(label=_("Vào quỹ"), queryset=Fund.objects.none(), required=False)
    public = forms.BooleanField(label=_("Công khai tên người đóng góp"), required=False, initial=True)

    def __init__(self, *args, funds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Lý do điều chỉnh"), max_length=255)


class PhotoForm(forms.Form):
    photos = MultipleUploadField(
        max_bytes=DOCUMENT_BYTES, label=_("Ảnh"), help_text=_("Ảnh JPEG, PNG; mỗi ảnh tối đa 10 MB; ảnh được thu nhỏ.")
    )
    caption = forms.CharField(label=_("Chú thích"), max_length=200, required=False)


class DutyFilterForm(forms.Form):
    """Duties of one organisation (?org=) or one village (?unit=)."""

    org = forms.IntegerField(required=False, min_value=1, max_value=ID_MAX)
    unit = forms.IntegerField(required=False, min_value=1, max_value=ID_MAX)
