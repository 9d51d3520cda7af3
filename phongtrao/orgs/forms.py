from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.orgs.models import OrgKind, Position


class OrganizationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=OrgKind.choices)
    name = forms.CharField(label=_("Tên"), max_length=200)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=50, required=False)


class OfficialForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position = forms.ChoiceField(label=_("Chức danh"), choices=Position.choices)
    position_detail = forms.CharField(label=_("Chức danh cụ thể"), max_length=200, required=False)
    organization = forms.ModelChoiceField(label=_("Cơ quan"), queryset=None, required=False)

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = unit.organizations.order_by("name")
