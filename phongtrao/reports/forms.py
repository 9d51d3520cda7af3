from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phongtrao.reports.models import ReportStatus
from phongtrao.ui.fields import DayField


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại"), choices=[("interim_review", _("Sơ kết")), ("final_review", _("Tổng kết"))]
    )
    period_start = DayField(label=_("Từ ngày"))
    period_end = DayField(label=_("Đến ngày"))
    due_date = DayField(label=_("Hạn hoàn thành"))


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
