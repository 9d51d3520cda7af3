from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.criteria.models import CriteriaSet
from phongtrao.surveys.models import Choice, Identification, Survey
from phongtrao.ui.fields import DayField


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Tên cuộc khảo sát"), max_length=255)
    unit = forms.TypedChoiceField(label=_("Đơn vị khảo sát (hộ gia đình của đơn vị này trả lời)"), coerce=int)
    opens_on = DayField(label=_("Từ ngày"))
    closes_on = DayField(label=_("Đến ngày"))
    identification = forms.ChoiceField(
        label=_("Mỗi hộ trả lời một lần, nhận biết bằng"),
        choices=Identification.choices,
        initial=Identification.HOUSEHOLD,
    )
    target_rate = forms.DecimalField(
        label=_("Tỷ lệ hài lòng cần đạt (%)"),
        required=False,
        max_digits=5,
        decimal_places=2,
        help_text=_("Để trống: lấy theo chỉ tiêu hài lòng của kế hoạch (80% nếu kế hoạch không ghi)."),
    )
    introduction = forms.CharField(label=_("Lời giới thiệu"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    criteria_set = forms.ModelChoiceField(
        label=_("Lấy nội dung theo bộ tiêu chí"),
        queryset=CriteriaSet.objects.order_by("name"),
        required=False,
        help_text=_("Mỗi tiêu chí của bộ thành một nội dung để người dân đánh giá."),
    )
    questions = forms.CharField(
        label=_("Các nội dung khác (mỗi dòng một nội dung)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(unit.pk, unit.name) for unit in units]


class QuestionsForm(forms.Form):
    questions = forms.CharField(label=_("Nội dung (mỗi dòng một nội dung)"), widget=forms.Textarea(attrs={"rows": 10}))


class CodesForm(forms.Form):
    village = forms.TypedChoiceField(label=_("Thôn"), coerce=int)
    count = forms.IntegerField(label=_("Số mã phiếu"), min_value=1, max_value=2000)

    def __init__(self, *args, villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].choices = [(unit.pk, unit.name) for unit in villages]


class AnswerForm(forms.Form):
    """The phone form: who answers (a village and a household code, or a slip's code),
    then one choice per content."""

    village = forms.TypedChoiceField(label=_("Thôn, tổ dân phố của gia đình"), coerce=int, required=False)
    household_code = forms.CharField(
        label=_("Mã hộ gia đình"),
        max_length=32,
        required=False,
        help_text=_("Ghi trên phiếu thôn phát hoặc hỏi trưởng thôn."),
    )
    access_code = forms.CharField(
        label=_("Mã phiếu được phát"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )

    def __init__(self, *args, survey: Survey, questions=(), villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        if survey.identification == Identification.HOUSEHOLD:
            del self.fields["access_code"]
            self.fields["village"].choices = [("", "—"), *((unit.pk, unit.name) for unit in villages)]
        else:
            del self.fields["village"], self.fields["household_code"]
        for number, question in enumerate(questions, start=1):
            self.fields[f"q{question.pk}"] = forms.ChoiceField(
                label=f"{number}. {question.text}", choices=Choice.choices, widget=forms.RadioSelect, required=False
            )

    def identity_fields(self) -> list:
        return [self[name] for name in self.fields if not name.startswith("q")]

    def question_fields(self) -> list:
        return [self[name] for name in self.fields if name.startswith("q")]

    def choices(self, questions) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") or "" for q in questions}
