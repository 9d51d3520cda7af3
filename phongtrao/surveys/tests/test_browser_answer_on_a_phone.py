"""In a real browser on a phone-sized screen, a citizen without an account goes from the
portal to the survey, answers for the household, and cannot answer twice."""

import pytest

from phongtrao.surveys.models import Ballot, Response
from phongtrao.testing import BROWSER_TEST

pytestmark = BROWSER_TEST


@pytest.mark.django_db(transaction=True)
def test_a_household_answers_from_the_portal_on_a_phone(browser, live_server, people, open_survey):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(f"{live_server.url}/portal/units/{people.village.pk}/")
    page.click("text=Gia đình trả lời khảo sát")
    page.wait_for_selector("#id_household_code")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the form fits the phone's width"
    _answer(page, people.village, "d03", open_survey.questions.all(), "satisfied")
    page.wait_for_selector("text=Cảm ơn gia đình đã trả lời")

    page.go_back()
    page.reload()
    _answer(page, people.village, "D03", open_survey.questions.all(), "unsatisfied")
    page.wait_for_selector("text=đã được dùng để trả lời")
    phone.close()
    assert Response.objects.count() == Ballot.objects.count() == 1
    assert set(Response.objects.get().answers.values()) == {"satisfied"}


def _answer(page, village, code, questions, choice):
    page.select_option("#id_village", str(village.pk))
    page.fill("#id_household_code", code)
    for question in questions:
        page.locator(f"input[name=q{question.pk}][value={choice}]").check()
    page.click("form.survey button[type=submit]")
