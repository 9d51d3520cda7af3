from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.bounds import DOCUMENT_BYTES
from phongtrao.geo.models import AdminUnit
from phongtrao.orgs.models import Organization
from phongtrao.ui.fields import DayField, MultipleUploadField, VietnameseDecimalField
from phongtrao.workdays.models import WorkDayStatus


class GenerateForm(forms.Form):
    start = DayField(label=_("Từ ngày"), required=False)
    end = DayField(label=_("Đến ngày"), required=False)
    week = forms.TypedChoiceField(
        label=_("Thứ Bảy tuần thứ"), coerce=int, initial=1, choices=[(1, "1"), (2, "2"), (3, "3"), (4, "4")]
    )


class MoveForm(forms.Form):
    date = DayField(label=_("Ngày"))
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
    )
    unit_of_measure = forms.CharField(label=_("Đơn vị tính"), max_length=30, required=False)


AttendanceFormSet = forms.formset_factory(AttendanceForm, extra=2)


ResultFormSet = forms.formset_factory(ResultForm, extra=2)


class PhotoForm(forms.Form):
    photos = MultipleUploadField(
        max_bytes=DOCUMENT_BYTES, label=_("Ảnh"), help_text=_("Ảnh JPEG, PNG; mỗi ảnh tối đa 10 MB; ảnh được thu nhỏ.")
    )
    caption = forms.CharField(label=_("Chú thích"), max_length=200, required=False)
