from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.contributions.models import ContributionKind, ContributorKind, Fund
from phongtrao.ui.fields import DayField, VietnameseDecimalField


class ContributionForm(forms.Form):
    contributor_kind = forms.ChoiceField(label=_("Người đóng góp là"), choices=ContributorKind.choices)
    contributor_name = forms.CharField(label=_("Tên người, đơn vị đóng góp"), max_length=200)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=ContributionKind.choices)
    amount = VietnameseDecimalField(label=_("Số lượng (đồng, ngày công, m²)"), max_digits=16, decimal_places=2)
    description = forms.CharField(label=_("Mô tả hiện vật"), max_length=255, required=False)
    value = VietnameseDecimalField(label=_("Giá trị quy đổi (đồng)"), max_digits=16, decimal_places=0, required=False)
    date = DayField(label=_("Ngày"))
    receipt_number = forms.CharField(label=_("Số biên nhận"), max_length=40, required=False)
    fund = forms.ModelChoiceField(label=_("Vào quỹ"), queryset=Fund.objects.none(), required=False)
    public = forms.BooleanField(label=_("Công khai tên người đóng góp"), required=False, initial=True)

    def __init__(self, *args, funds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = funds


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Lý do điều chỉnh"), max_length=255)
