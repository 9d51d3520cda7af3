"""What a village or a citizen typed never runs in an official's Excel: text starting
with "=", "+", "-" or "@" is written to every export as text, not as a formula."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from phongtrao.registrations import services
from phongtrao.sheets import new_sheet, save_workbook
from phongtrao.surveys import services as surveys

TYPED = ['=HYPERLINK("http://evil.example","Bấm")', "+84 912 345 678", "-2+3", "@SUM(A1:A9)"]


@pytest.mark.parametrize("text", TYPED)
def test_the_writer_keeps_formula_like_text_as_text(text):
    workbook, sheet = new_sheet("Thử", ["Nội dung", "Số"])
    sheet.append([text, 5])
    cell = load_workbook(io.BytesIO(save_workbook(workbook))).active["A2"]
    assert cell.value == text and cell.data_type == "s"


def _cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def test_a_registration_and_a_survey_question_export_as_text(people, saturday_call, open_survey_maker):
    for text in TYPED:
        services.registration_submit(
            user=people.village_head, call=saturday_call, unit=people.village, content=text, place=text
        )
    officer = people.client(people.commune_officer)
    registrations = officer.get(f"/registrations/calls/{saturday_call.pk}/registrations.xlsx").content
    survey = open_survey_maker([(text, None) for text in TYPED])
    results = officer.get(f"/surveys/{survey.pk}/results.xlsx").content
    for content in (registrations, results):
        typed = [cell for cell in _cells(content) if cell.value in TYPED]
        assert len(typed) >= len(TYPED) and all(cell.data_type == "s" for cell in typed)
        assert not any(cell.data_type == "f" for cell in _cells(content))


@pytest.fixture
def open_survey_maker(people):
    from phongtrao.testing import make_plan

    def make(questions):
        plan = make_plan(people, issued=True, title="Kế hoạch có khảo sát")
        return surveys.survey_create(
            user=people.commune_officer,
            plan=plan,
            unit=people.commune,
            title="Khảo sát",
            opens_on=plan.period_start,
            closes_on=plan.period_end,
            questions=questions,
        )

    return make
