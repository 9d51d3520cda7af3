"""A measured target's trend as the leader takes it to a meeting."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.indicators import periods
from phongtrao.indicators.models import PeriodKind
from phongtrao.plans.models import Target
from phongtrao.plans.target_progress import TrendMonth
from phongtrao.sheets import exported_on, new_sheet, save_workbook


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def target_trend_sheet(target: Target, months: list[TrendMonth]) -> bytes:
    columns = [_("Tháng"), _("Cần đạt theo kế hoạch"), _("Đã đạt"), _("Số đơn vị báo cáo")]
    heading = exported_on(f"{target.text} ({target.unit_of_measure})".strip(), target.plan.unit)
    workbook, sheet = new_sheet(_("Diễn biến chỉ tiêu"), columns, heading=heading, widths=[14, 22, 16, 18])
    for month in months:
        sheet.append([periods.label(PeriodKind.MONTH, month.month), month.expected, month.actual, month.count])
    return save_workbook(workbook)
