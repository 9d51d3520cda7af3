"""A commune official draws up a survey of the plan's contents (typed, or one per
criterion of a criteria set), the plan's satisfaction target sets the rate to reach, and
once opened its contents no longer change."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from phongtrao.criteria.models import CriteriaSet, Criterion
from phongtrao.surveys import services
from phongtrao.surveys.models import Survey, SurveyStatus
from phongtrao.testing import make_plan


def _create(people, plan, **changes):
    values = {
        "user": people.commune_officer,
        "plan": plan,
        "unit": people.commune,
        "title": "Khảo sát",
        "opens_on": dt.date(2026, 11, 1),
        "closes_on": dt.date(2026, 11, 30),
        "questions": [("Giao thông", None)],
    }
    values.update(changes)
    return services.survey_create(**values)


def test_the_plans_satisfaction_target_sets_the_rate(people, plan):
    survey = _create(people, plan)
    assert survey.target_rate == Decimal(85)
    assert survey.target.text.startswith("tỷ lệ hài lòng")
    assert _create(people, plan, target_rate=Decimal(90)).target_rate == Decimal(90)


def test_it_refuses_bad_input_naming_the_field(people, plan):
    with pytest.raises(ValidationError) as caught:
        _create(
            people,
            plan,
            title=" ",
            closes_on=dt.date(2026, 10, 1),
            target_rate=Decimal(120),
            questions=[(" ", None)],
        )
    assert set(caught.value.message_dict) == {"title", "closes_on", "target_rate", "questions"}
    with pytest.raises(ValidationError, match="không thuộc Thôn Đông"):
        _create(people, make_plan(people, unit=people.village))
    with pytest.raises(ValidationError, match="ít nhất một nội dung"):
        _create(people, plan, questions=[])
    assert not Survey.objects.exists()


def test_it_refuses_those_without_the_right_to_edit(people, plan):
    for user in (people.commune_viewer, people.village_head, people.outsider):
        with pytest.raises(PermissionDenied):
            _create(people, plan, user=user)


def test_contents_are_fixed_once_open(people, plan):
    survey = _create(people, plan)
    services.survey_questions_set(
        user=people.commune_officer, survey=survey, questions=[("Giao thông", None), ("Y tế", None)]
    )
    assert [q.text for q in survey.questions.all()] == ["Giao thông", "Y tế"]
    services.survey_open(user=people.commune_officer, survey=survey)
    with pytest.raises(ValidationError, match="không sửa nội dung"):
        services.survey_questions_set(user=people.commune_officer, survey=survey, questions=[("Khác", None)])
    services.survey_close(user=people.commune_officer, survey=survey)
    assert survey.status == SurveyStatus.CLOSED
    assert survey.history.count() == 3


def test_a_draft_plan_cannot_open_a_survey(people):
    survey = _create(people, make_plan(people))
    with pytest.raises(ValidationError, match="chưa ban hành"):
        services.survey_open(user=people.commune_officer, survey=survey)


def test_the_page_draws_up_one_content_per_criterion(people, plan):
    criteria_set = CriteriaSet.objects.create(code="ntm-thu", name="Bộ tiêu chí thử", level="commune")
    Criterion.objects.create(criteria_set=criteria_set, number=1, name="Quy hoạch")
    Criterion.objects.create(criteria_set=criteria_set, number=2, name="Giao thông")
    today = timezone.localdate()
    page = people.client(people.commune_officer).post(
        reverse("surveys:plan_surveys", args=[plan.pk]),
        {
            "title": "Khảo sát cuối năm",
            "unit": people.commune.pk,
            "opens_on": today.strftime("%d/%m/%Y"),
            "closes_on": (today + dt.timedelta(days=7)).strftime("%d/%m/%Y"),
            "identification": "household",
            "criteria_set": criteria_set.pk,
            "questions": "Sự tham gia của người dân\n\n",
        },
    )
    survey = Survey.objects.get()
    assert page.status_code == 302 and page["Location"] == reverse("surveys:detail", args=[survey.pk])
    assert [q.text for q in survey.questions.all()] == ["Quy hoạch", "Giao thông", "Sự tham gia của người dân"]
    assert survey.questions.first().criterion.name == "Quy hoạch"
    opened = people.client(people.commune_officer).post(reverse("surveys:open", args=[survey.pk]))
    assert opened.status_code == 302
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN


def test_the_page_shows_refusals_by_field(people, plan):
    page = people.client(people.commune_officer).post(
        reverse("surveys:plan_surveys", args=[plan.pk]),
        {
            "title": "Khảo sát",
            "unit": people.commune.pk,
            "opens_on": "2026-11-10",
            "closes_on": "2026-11-01",
            "identification": "household",
        },
    )
    assert page.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu" in page.content.decode()
    assert "ít nhất một nội dung" in page.content.decode()


def test_outsiders_do_not_see_a_draft_and_viewers_cannot_open_it(people, plan):
    survey = _create(people, plan)
    assert people.client(people.outsider).get(reverse("surveys:detail", args=[survey.pk])).status_code == 404
    assert people.client(None).get(reverse("surveys:detail", args=[survey.pk])).status_code == 404
    assert people.client(people.commune_viewer).get(reverse("surveys:detail", args=[survey.pk])).status_code == 200
    refused = people.client(people.commune_viewer).post(reverse("surveys:open", args=[survey.pk]))
    assert refused.status_code == 403
    assert people.client(people.outsider).post(reverse("surveys:open", args=[survey.pk])).status_code == 404
    refused = people.client(people.commune_viewer).get(reverse("surveys:results_xlsx", args=[survey.pk]))
    assert refused.status_code == 200  # viewers read the full results
    assert people.client(people.outsider).get(reverse("surveys:results_xlsx", args=[survey.pk])).status_code == 404


@pytest.mark.parametrize(
    "name", ["surveys:open", "surveys:close", "surveys:delete", "surveys:questions", "surveys:codes_issue"]
)
def test_each_change_refuses_outsiders_and_read_only_users(people, plan, name):
    survey = _create(people, plan)
    url = reverse(name, args=[survey.pk])
    assert people.client(people.outsider).post(url).status_code == 404  # a draft is out of their sight
    assert people.client(people.commune_viewer).post(url).status_code == 403
    assert (
        people.client(people.village_head).post(url).status_code == 404
    )  # the village does not see the commune's draft
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.DRAFT and survey.questions.count() == 1


def test_editing_the_contents_keeps_the_criteria_of_lines_left_as_they_were(people, plan):
    criteria_set = CriteriaSet.objects.create(code="ntm-sua", name="Bộ tiêu chí", level="commune")
    traffic = Criterion.objects.create(criteria_set=criteria_set, number=2, name="Giao thông")
    survey = _create(people, plan, questions=[("2. Giao thông", traffic)])
    page = people.client(people.commune_officer).post(
        reverse("surveys:questions", args=[survey.pk]), {"questions": "2. Giao thông\nSự tham gia của người dân"}
    )
    assert page.status_code == 302
    assert [(q.text, q.criterion) for q in survey.questions.all()] == [
        ("2. Giao thông", traffic),
        ("Sự tham gia của người dân", None),
    ]


def test_the_survey_pages_refuse_those_out_of_reach(people, plan, open_survey):
    draft = _create(people, plan)
    list_url = reverse("surveys:plan_surveys", args=[plan.pk])
    refused = people.client(people.commune_viewer).post(list_url, {"title": "X"})
    assert refused.status_code == 403
    assert people.client(people.outsider).get(reverse("surveys:answer", args=[draft.pk])).status_code == 404
    assert (
        people.client(people.outsider).get(reverse("surveys:plan_surveys", args=[make_plan(people).pk])).status_code
        == 404
    )
    results = reverse("surveys:results_xlsx", args=[open_survey.pk])
    assert people.client(people.village_head).get(results).status_code == 403  # public results, not the full sheet
    assert Survey.objects.count() == 2


def test_a_draft_can_be_deleted_an_open_survey_only_closed(people, plan):
    draft, opened = _create(people, plan), _create(people, plan, title="Đã mở")
    services.survey_open(user=people.commune_officer, survey=opened)
    client = people.client(people.commune_officer)
    assert client.post(reverse("surveys:delete", args=[draft.pk])).status_code == 302
    refused = client.post(reverse("surveys:delete", args=[opened.pk]), follow=True)
    assert "chỉ kết thúc được, không xóa" in refused.content.decode()
    assert list(Survey.objects.values_list("title", flat=True)) == ["Đã mở"]


def test_an_open_survey_past_its_last_day_says_so(people, plan):
    survey = _create(people, plan, opens_on=dt.date(2020, 1, 1), closes_on=dt.date(2020, 1, 31))
    services.survey_open(user=people.commune_officer, survey=survey)
    assert survey.phase_label == "Đã hết hạn trả lời"
    assert "Đã hết hạn trả lời" in people.client(None).get(reverse("surveys:detail", args=[survey.pk])).content.decode()


def test_the_plan_page_leads_to_its_surveys_and_its_public_page(people):
    plan = make_plan(people, issued=True)  # no targets: the link is not only beside them
    page = people.client(None).get(reverse("plans:document", args=[plan.pk])).content.decode()
    assert reverse("surveys:plan_surveys", args=[plan.pk]) in page
    assert reverse("portal:plan", args=[plan.pk]) in page
