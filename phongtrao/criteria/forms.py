from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.bounds import DOCUMENT_BYTES, SHEET_BYTES
from phongtrao.criteria.models import (
    CommuneGroup,
    CriteriaSet,
    Criterion,
    CriterionIndicator,
    CriterionState,
    SetLevel,
)
from phongtrao.geo.models import AdminUnit
from phongtrao.ui.fields import DayField, MultipleUploadField, UploadField, VietnameseDecimalField


class StatusForm(forms.Form):
    """A criterion's state, or one indicator's result: a result held against a level in
    numbers sets the state by the level of the commune's group."""

    indicator = forms.ModelChoiceField(
        label=_("Chỉ tiêu"),
        queryset=CriterionIndicator.objects.none(),
        required=False,
        empty_label=_("(cả tiêu chí)"),
    )
    value = VietnameseDecimalField(
        label=_("Kết quả đạt được"),
        max_digits=20,
        decimal_places=4,
        required=False,
        help_text=_("Với chỉ tiêu có mức đạt bằng số, tình trạng được xác định theo mức của nhóm xã."),
    )
    state = forms.ChoiceField(label=_("Tình trạng"), choices=CriterionState.choices)
    date = DayField(label=_("Ngày đánh giá"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    files = MultipleUploadField(max_bytes=DOCUMENT_BYTES, label=_("Hồ sơ minh chứng"), required=False)

    def __init__(self, *args, criterion: Criterion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = criterion.indicators.all()
        self.fields["indicator"].label_from_instance = lambda indicator: f"{indicator.code} {indicator.name}"[:120]
        if not criterion.indicators.exists():
            del self.fields["indicator"], self.fields["value"]


class IndicatorForm(forms.Form):
    """An indicator typed from the decision, with its level for each commune group."""

    code = forms.CharField(label=_("Mã chỉ tiêu"), max_length=10, help_text=_("Ví dụ: 2.1"))
    name = forms.CharField(label=_("Nội dung chỉ tiêu"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    unit_of_measure = forms.CharField(label=_("Đơn vị tính"), max_length=20, required=False)

    def __init__(self, *args, groups: list[CommuneGroup], **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups or [None]
        for n, group in enumerate(self.groups):
            self.fields[f"level_{n}"] = forms.CharField(
                label=_("Mức đạt: %(group)s") % {"group": group} if group else _("Mức đạt"),
                max_length=300,
                required=False,
                help_text=_("Ví dụ: ≥ 70%, ≤ 13%, Đạt") if n == 0 else "",
            )

    def levels(self) -> dict[CommuneGroup | None, str]:
        return {group: self.cleaned_data[f"level_{n}"] for n, group in enumerate(self.groups)}


class GroupingForm(forms.Form):
    """One select per commune of the area: its group under the set (empty: not placed)."""

    basis = forms.CharField(
        label=_("Căn cứ xếp nhóm"),
        max_length=300,
        required=False,
        help_text=_("Số, ngày văn bản của tỉnh, ví dụ: Quyết định số 123/QĐ-UBND ngày 01/3/2026"),
    )

    def __init__(self, *args, communes: list[AdminUnit], groups: list[CommuneGroup], placed: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.communes = communes
        for unit in communes:
            self.fields[f"unit_{unit.pk}"] = forms.ModelChoiceField(
                label=str(unit),
                queryset=CommuneGroup.objects.filter(pk__in=[group.pk for group in groups]),
                required=False,
                empty_label=_("Chưa xếp nhóm"),
                initial=placed.get(unit.pk),
            )

    def chosen(self) -> dict[AdminUnit, CommuneGroup | None]:
        return {unit: self.cleaned_data[f"unit_{unit.pk}"] for unit in self.communes}


class LevelsFileForm(forms.Form):
    file = UploadField(max_bytes=SHEET_BYTES, label=_("Bảng chỉ tiêu và mức đạt (.xlsx)"))


class CriteriaFileForm(forms.Form):
    """The set's name and scope are typed here for an Excel sheet; a JSON file carries its own."""

    code = forms.SlugField(
        label=_("Mã bộ tiêu chí"), required=False, max_length=60, help_text=_("Ví dụ: khu-dan-cu-kieu-mau-2022")
    )
    name = forms.CharField(label=_("Tên bộ tiêu chí"), required=False, max_length=300)
    level = forms.ChoiceField(label=_("Áp dụng cho"), required=False, choices=SetLevel.choices)
    source = forms.CharField(label=_("Căn cứ (số, ngày văn bản)"), required=False, max_length=300)
    valid_from = DayField(label=_("Hiệu lực từ"), required=False)
    valid_until = DayField(label=_("Hiệu lực đến"), required=False)
    file = UploadField(max_bytes=SHEET_BYTES, label=_("Bảng tiêu chí (.xlsx) hoặc tệp .json"))


class GardenForm(forms.Form):
    village = forms.ModelChoiceField(label=_("Thôn"), queryset=AdminUnit.objects.none())
    name = forms.CharField(label=_("Tên vườn"), max_length=200, help_text=_("Ví dụ: Vườn mẫu hộ ông Nguyễn Văn An"))
    keeper = forms.CharField(label=_("Hộ, tổ chức phụ trách"), max_length=200, required=False)
    criteria_set = forms.ModelChoiceField(
        label=_("Đánh giá theo bộ tiêu chí"), queryset=CriteriaSet.objects.filter(level=SetLevel.GARDEN)
    )

    def __init__(self, *args, villages: list[AdminUnit], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = AdminUnit.objects.filter(pk__in=[v.pk for v in villages])
