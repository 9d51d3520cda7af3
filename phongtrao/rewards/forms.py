from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.orgs.models import Organization
from phongtrao.plans.models import SubjectKind


class PledgeForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Thuộc đơn vị"), coerce=int)
    subject_kind = forms.ChoiceField(label=_("Đối tượng"), choices=SubjectKind.choices, initial=SubjectKind.COLLECTIVE)
    organization = forms.ModelChoiceField(
        label=_("Cơ quan, đoàn thể (nếu là tập thể của một đoàn thể)"),
        queryset=Organization.objects.none(),
        required=False,
    )
    subject_name = forms.CharField(
        label=_("Tên tập thể hoặc họ tên cá nhân"),
        max_length=200,
        required=False,
        help_text=_("Để trống với tập thể: lấy tên đơn vị hoặc đoàn thể."),
    )
    commitments = forms.CharField(label=_("Nội dung đăng ký thi đua"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(unit.pk, unit.name) for unit in units]
        self.fields["organization"].queryset = Organization.objects.filter(unit__in=units).order_by("name")


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Lý do rút đăng ký"), max_length=255)
