from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.accounts.models import User
from phongtrao.bounds import DOCUMENT_BYTES
from phongtrao.orgs.models import Organization
from phongtrao.plans.models import Plan, SubjectKind
from phongtrao.rewards.models import ExemplarKind, Nomination, Pledge, RewardDecision, RewardForm, ScoringScope
from phongtrao.ui.fields import (
    DayField,
    MultipleFileInput,
    MultipleUploadField,
    UploadField,
    VietnameseDecimalField,
)
from phongtrao.ui.formatting import number_text


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


class SheetLineForm(forms.Form):
    """One line of the scoring sheet: what is scored, out of how many points, for whom."""

    text = forms.CharField(label=_("Nội dung chấm điểm"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    max_points = VietnameseDecimalField(label=_("Điểm tối đa"), min_value=0, max_digits=6, decimal_places=2)
    applies_to = forms.ChoiceField(label=_("Áp dụng cho"), choices=ScoringScope.choices, initial=ScoringScope.ALL)


class BaseSheetFormSet(forms.BaseFormSet):
    def items(self) -> list[dict]:
        """The lines filled in, in order; blank and deleted ones left out."""
        return [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


SheetFormSet = forms.formset_factory(SheetLineForm, formset=BaseSheetFormSet, extra=2, can_delete=True, max_num=100)


class AppointForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Thành viên"), queryset=User.objects.none(), to_field_name="username")
    title = forms.CharField(label=_("Chức danh trong hội đồng"), max_length=150, required=False)

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["member"].queryset = candidates


class ScoreForm(forms.Form):
    note = forms.CharField(label=_("Nhận xét"), max_length=255, required=False)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.DecimalField(
                label=f"{item.text} ({_('tối đa')} {number_text(item.max_points)})",
                max_digits=6,
                decimal_places=2,
            )
        self.order_fields([f"item_{item.pk}" for item in items] + ["note"])


class ConflictForm(forms.Form):
    reason = forms.CharField(label=_("Lý do không chấm"), max_length=255)


def _pledge_label(pledge: Pledge) -> str:
    """ "Hộ ông Tư – Thôn Đông"; a village that pledged as itself, named once."""
    same = pledge.subject_name.casefold() == pledge.unit.name.casefold()
    return pledge.subject_name if same else f"{pledge.subject_name} – {pledge.unit.name}"


class NominationForm(forms.Form):
    pledge = forms.ModelChoiceField(label=_("Tập thể, cá nhân"), queryset=Pledge.objects.none())
    reward_form = forms.ModelChoiceField(label=_("Hình thức khen thưởng"), queryset=RewardForm.objects.all())
    summary = forms.CharField(
        label=_("Tóm tắt thành tích"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Để trống: hệ thống soạn từ kết quả đã ghi nhận (đăng ký, ngày thứ Bảy, đóng góp, điểm thi đua)."),
    )

    def __init__(self, *args, pledges=None, **kwargs):
        super().__init__(*args, **kwargs)
        if pledges is not None:
            self.fields["pledge"].queryset = pledges.select_related("unit").order_by("unit__name", "subject_name")
            self.fields["pledge"].label_from_instance = _pledge_label


class DecisionForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Tập thể, cá nhân được khen thưởng"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    number = forms.CharField(label=_("Số quyết định"), max_length=20)
    date = DayField(label=_("Ngày ký"))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=100, initial="CHỦ TỊCH")
    signer_name = forms.CharField(label=_("Người ký"), max_length=100)
    amount = forms.DecimalField(
        label=_("Tiền thưởng mỗi tập thể, cá nhân (đồng)"), max_digits=14, decimal_places=0, min_value=0
    )
    corrects = forms.ModelChoiceField(
        label=_("Đính chính quyết định"), queryset=RewardDecision.objects.none(), required=False
    )

    def __init__(self, *args, nominations=None, decisions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if nominations is not None:
            self.fields["nominations"].queryset = nominations
        if decisions is not None:
            self.fields["corrects"].queryset = decisions


class CommentForm(forms.Form):
    nomination = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Họ tên"), max_length=100)
    text = forms.CharField(label=_("Ý kiến"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ExemplarForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=ExemplarKind.choices)
    title = forms.CharField(label=_("Tên điển hình, mô hình"), max_length=200)
    story = forms.CharField(
        label=_("Câu chuyện, cách làm"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Làm gì, làm thế nào, kết quả ra sao, nơi khác học tập được gì."),
    )
    plan = forms.ModelChoiceField(label=_("Thuộc phong trào, kế hoạch"), queryset=Plan.objects.none(), required=False)
    photos = MultipleUploadField(
        max_bytes=DOCUMENT_BYTES,
        label=_("Ảnh"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Tối đa 12 ảnh, mỗi ảnh tối đa 10 MB; ảnh được thu nhỏ."),
    )

    def __init__(self, *args, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plans is not None:
            self.fields["plan"].queryset = plans


class PhotoForm(forms.Form):
    photo = UploadField(
        max_bytes=DOCUMENT_BYTES, label=_("Thêm ảnh"), widget=forms.ClearableFileInput(attrs={"accept": "image/*"})
    )
    caption = forms.CharField(label=_("Chú thích"), max_length=200, required=False)
