"""The survey's results and its slips of codes as Excel workbooks."""

from __future__ import annotations

from django.utils.translation import gettext as _

from phongtrao.sheets import new_sheet, save_workbook
from phongtrao.surveys.models import Survey
from phongtrao.surveys.results import SurveyResults


def _verdict(meets: bool | None) -> str:
    return "" if meets is None else (_("Đạt") if meets else _("Chưa đạt"))


def results_xlsx(results: SurveyResults) -> bytes:
    """A sheet of the contents over the whole area, one of each unit under it and content."""
    survey = results.survey
    workbook, sheet = new_sheet(
        _("Kết quả"),
        [
            _("Nội dung"),
            _("Số phiếu"),
            _("Hài lòng"),
            _("Chưa hài lòng"),
            _("Không có ý kiến"),
            _("Tỷ lệ hài lòng (%)"),
            _("Cần đạt (%)"),
            _("Kết quả"),
        ],
    )
    for row in results.contents:
        tally = row.tally
        sheet.append(
            [
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
    by_unit = workbook.create_sheet(_("Theo đơn vị"))
    by_unit.append(
        [
            _("Đơn vị"),
            _("Số hộ"),
            _("Số phiếu"),
            _("Nội dung"),
            _("Hài lòng"),
            _("Chưa hài lòng"),
            _("Không có ý kiến"),
            _("Tỷ lệ hài lòng (%)"),
        ]
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


def codes_xlsx(survey: Survey, codes) -> bytes:
    workbook, sheet = new_sheet(_("Mã phiếu"), [_("Thôn"), _("Mã phiếu"), _("Khảo sát")])
    for code in codes.order_by("unit__name", "code"):
        sheet.append([code.unit.name, code.code, survey.title])
    return save_workbook(workbook)
