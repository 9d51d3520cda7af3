"""The survey's results and its slips of codes as Excel workbooks."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.sheets import Table, exported_on, new_sheet, save_workbook
from phongtrao.surveys.models import Survey
from phongtrao.surveys.results import SurveyResults


def _verdict(meets: bool | None) -> str:
    return "" if meets is None else (_("Đạt") if meets else _("Chưa đạt"))


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def results_xlsx(results: SurveyResults) -> bytes:
    """A sheet of the contents over the whole area, one of each unit under it and content."""
    survey = results.survey
    workbook, sheet = new_sheet(
        _("Kết quả"),
        [
            _("STT"),
            _("Nội dung"),
            _("Số phiếu"),
            _("Hài lòng"),
            _("Chưa hài lòng"),
            _("Không có ý kiến"),
            _("Tỷ lệ hài lòng (%)"),
            _("Cần đạt (%)"),
            _("Kết quả"),
        ],
        heading=exported_on(survey.title, survey.unit),
        widths=[6, 40, 10, 10, 12, 14, 14, 12, 10],
    )
    for number, row in enumerate(results.contents, start=1):
        tally = row.tally
        sheet.append(
            [
                number,
                row.question.text,
                tally.total,
                tally.satisfied,
                tally.unsatisfied,
                tally.no_opinion,
                tally.rate,
                survey.target_rate,
                _verdict(row.meets),
            ]
        )
    by_unit = Table(
        workbook,
        _("Theo đơn vị"),
        [
            _("Đơn vị"),
            _("Số hộ"),
            _("Số phiếu"),
            _("Nội dung"),
            _("Hài lòng"),
            _("Chưa hài lòng"),
            _("Không có ý kiến"),
            _("Tỷ lệ hài lòng (%)"),
        ],
        heading=exported_on(survey.title, survey.unit),
        widths=[20, 8, 10, 40, 10, 12, 14, 14],
    )
    for row in results.units:
        for content in results.contents:
            tally = row.tallies.get(content.question.pk)
            if tally is None:
                continue
            by_unit.append(
                [
                    row.unit.name,
                    row.households,
                    row.responses,
                    content.question.text,
                    tally.satisfied,
                    tally.unsatisfied,
                    tally.no_opinion,
                    tally.rate,
                ]
            )
    return save_workbook(workbook)


@translation.override("vi")  # stored or printed: in Vietnamese, whatever the reader's language
def codes_xlsx(survey: Survey, codes) -> bytes:
    workbook, sheet = new_sheet(
        _("Mã phiếu"),
        [_("Thôn"), _("Mã phiếu"), _("Khảo sát")],
        heading=exported_on(_("Mã phiếu khảo sát chưa dùng"), survey.unit),
        widths=[20, 14, 50],
    )
    for code in codes.order_by("unit__name", "code"):
        sheet.append([code.unit.name, code.code, survey.title])
    return save_workbook(workbook)
