from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.activities.forms import DATE_INPUTS, DATE_WIDGET, MultipleFileField
from phongtrao.monitoring.models import CriterionState, Indicator, PeriodKind


class StatusForm(forms.Form):
    state = forms.ChoiceField(label=_("Tình trạng"), choices=CriterionState.choices)
    date = forms.DateField(label=_("Ngày đánh giá"), widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    files = MultipleFileField(label=_("Hồ sơ minh chứng"), required=False)


class CriteriaFileForm(forms.Form):
    file = forms.FileField(label=_("Tệp bộ tiêu chí (.json)"))


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
