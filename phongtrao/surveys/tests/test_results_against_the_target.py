"""Results per content and village against the target rate; in public a village with
few answers is hidden (and a second one when the first could be worked out from the
total); officials see and export everything."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from phongtrao.surveys import services
from phongtrao.surveys.results import survey_results
from phongtrao.surveys.tests.conftest import answer
from phongtrao.testing import make_plan, table_rows


def _fill(people, survey):
    # Thôn Đông: 6 households; traffic 5 satisfied of 6, environment 6 of 6.
    for n in range(1, 7):
        answer(
            survey, people.village, f"D{n:02d}", "unsatisfied" if n == 1 else "satisfied", "satisfied", address=str(n)
        )
    # Thôn Tây: 2 households, too few to show in public.
    answer(survey, people.other_village, "T01", "satisfied", "no_opinion", address="a")
    answer(survey, people.other_village, "T02", "satisfied", "unsatisfied", address="b")


def test_rates_per_content_against_the_target(people, open_survey, settings):
    settings.SURVEY_MIN_PUBLIC_GROUP = 2
    _fill(people, open_survey)
    results = survey_results(open_survey, public=False)
    traffic, environment = results.contents
    assert (traffic.tally.satisfied, traffic.tally.total, str(traffic.tally.rate)) == (7, 8, "87.5")
    assert traffic.meets is True  # the plan's target is 85%
    assert (environment.tally.no_opinion, str(environment.tally.rate)) == (1, "75.0")
    assert environment.meets is False
    assert results.meets_target is False
    east = next(v for v in results.units if v.unit == people.village)
    assert (east.responses, east.households, str(east.participation)) == (6, 10, "60.0")
    assert [str(t.rate) for t in east.cells] == ["83.3", "100.0"]


def test_small_villages_are_hidden_in_public(people, open_survey, settings):
    settings.SURVEY_MIN_PUBLIC_GROUP = 3
    _fill(people, open_survey)
    services.survey_close(user=people.commune_officer, survey=open_survey)  # every answer published
    public = survey_results(open_survey, public=True)
    hidden = {v.unit.name: v.hidden for v in public.units}
    # Thôn Tây (2 answers) is hidden; Thôn Đông would then give it away by subtraction.
    assert hidden == {"Thôn Đông": True, "Thôn Tây": True}
    assert all(v.cells == [None, None] for v in public.units)
    assert public.contents[0].tally.total == 8  # the commune's total is large enough
    insider = survey_results(open_survey, public=False)
    assert not any(v.hidden for v in insider.units)

    assert [(v.unit.name, v.shields) for v in public.units] == [("Thôn Đông", True), ("Thôn Tây", False)]

    page = people.client(None).get(reverse("surveys:detail", args=[open_survey.pk])).content.decode()
    # Thôn Tây is hidden for its few answers; Thôn Đông (6 answers) is not said to have few.
    assert page.count("Ít phiếu: không công bố") == 1
    assert page.count("Không công bố: để không suy ra được ý kiến của đơn vị ít phiếu") == 1
    page = people.client(people.commune_viewer).get(reverse("surveys:detail", args=[open_survey.pk]))
    assert "Ít phiếu: không công bố" not in page.content.decode()


def test_a_survey_with_few_answers_shows_nothing_in_public(people, open_survey, settings):
    settings.SURVEY_MIN_PUBLIC_GROUP = 5
    answer(open_survey, people.village, "D01", "satisfied", "satisfied")
    public = survey_results(open_survey, public=True)
    assert public.total_hidden and public.contents[0].tally.total == 0 and public.meets_target is None
    page = people.client(None).get(reverse("surveys:detail", args=[open_survey.pk]))
    assert "chưa công bố" in page.content.decode()


def test_the_results_export_reopens(people, open_survey, settings):
    _fill(people, open_survey)
    sheet = people.client(people.commune_officer).get(reverse("surveys:results_xlsx", args=[open_survey.pk]))
    summary = table_rows(sheet.content, "Kết quả")
    assert summary[1][:3] == (1, "Giao thông", 8) and summary[1][6] == 87.5 and summary[1][8] == "Đạt"
    assert summary[2][8] == "Chưa đạt"
    villages = table_rows(sheet.content, "Theo đơn vị")
    assert ("Thôn Tây", 3, 2, "Môi trường", 0, 1, 1, 0) in villages


def test_the_plans_survey_list_keeps_its_queries(people, plan, open_survey, django_assert_max_num_queries):
    client = people.client(people.commune_officer)
    url = reverse("surveys:plan_surveys", args=[plan.pk])
    client.get(url)
    with django_assert_max_num_queries(12):
        page = client.get(url)
    assert open_survey.title in page.content.decode()


def test_the_results_page_keeps_its_queries(people, open_survey, django_assert_max_num_queries, settings):
    _fill(people, open_survey)
    client = people.client(people.commune_officer)
    url = reverse("surveys:detail", args=[open_survey.pk])
    client.get(url)
    with django_assert_max_num_queries(14):
        page = client.get(url)
    assert "Thôn Tây" in page.content.decode()


def test_a_district_survey_counts_by_commune(people, plan, households, settings):
    settings.SURVEY_MIN_PUBLIC_GROUP = 1
    district_plan = make_plan(people, unit=people.district, issued=True)
    today = timezone.localdate()
    survey = services.survey_create(
        user=people.district_officer,
        plan=district_plan,
        unit=people.district,
        title="Khảo sát toàn huyện",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=1),
        questions=[("Giao thông", None)],
    )
    services.survey_open(user=people.district_officer, survey=survey)
    answer(survey, people.village, "D01", "satisfied", address="1")
    answer(survey, people.other_village, "T01", "unsatisfied", address="2")
    results = survey_results(survey, public=False)
    rows = {
        row.unit.name: (row.responses, row.households, str(row.cells[0].rate)) for row in results.units if row.responses
    }
    assert rows == {people.commune.name: (2, 13, "50.0")}
    assert {row.unit for row in results.units} == {people.commune, people.other_commune}
