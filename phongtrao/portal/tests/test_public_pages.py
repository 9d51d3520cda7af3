"""The portal shows citizens, without an account, the running campaigns and their
progress, published exemplars, rewards, contributions and surveys; nothing in draft."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from phongtrao.accounts.models import User
from phongtrao.contributions import services as activity_services
from phongtrao.indicators import services as indicator_services
from phongtrao.rewards import services as exemplars
from phongtrao.surveys import services as survey_services
from phongtrao.testing import make_plan


def _page(people, name, *args, **query):
    page = people.client(None).get(reverse(name, args=args), query)
    assert page.status_code == 200
    return page.content.decode()


def test_a_citizen_finds_the_commune_and_its_campaigns(people):
    plan = make_plan(people, unit=people.district, issued=True, title="Phong trào cả huyện chung sức")
    make_plan(people, title="Dự thảo chưa ban hành")
    home = _page(people, "portal:index", q="Hồng Phong")
    assert "Phong trào cả huyện chung sức" in home and "Dự thảo" not in home
    assert reverse("portal:unit", args=[people.commune.pk]) in home
    commune = _page(people, "portal:unit", people.commune.pk)
    assert "Phong trào cả huyện chung sức" in commune  # a plan of the district concerns the commune
    assert reverse("portal:plan", args=[plan.pk]) in commune
    assert "Thôn Đông" in commune  # the villages under it
    draft = make_plan(people, title="Nháp")
    assert people.client(None).get(reverse("portal:plan", args=[draft.pk])).status_code == 404
    assert "Phong trào cả huyện chung sức" in _page(people, "portal:plan", plan.pk)


def test_only_published_exemplars_are_shown(people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    shown = exemplars.exemplar_create(
        user=people.village_head, unit=people.village, kind="practice", title="Đường hoa", story="Trồng hoa"
    )
    hidden = exemplars.exemplar_create(
        user=people.village_head, unit=people.village, kind="practice", title="Bản nháp", story="Chưa duyệt"
    )
    exemplars.exemplar_publish(user=people.commune_officer, exemplar=shown)
    home = _page(people, "portal:index")
    assert "Đường hoa" in home and "Bản nháp" not in home
    assert "Trồng hoa" in _page(people, "portal:exemplar", shown.pk)
    assert people.client(None).get(reverse("portal:exemplar", args=[hidden.pk])).status_code == 404


def test_contributions_and_surveys_of_the_unit(people):
    plan = make_plan(people, issued=True)
    activity_services.contribution_record(
        user=people.village_head,
        unit=people.village,
        contributor_kind="household",
        contributor_name="Hộ ông Lâm",
        kind="money",
        amount=Decimal(2_500_000),
        date=dt.date(2023, 5, 1),
    )
    today = timezone.localdate()
    survey = survey_services.survey_create(
        user=people.commune_officer,
        plan=plan,
        unit=people.commune,
        title="Khảo sát sự hài lòng năm nay",
        opens_on=today,
        closes_on=today,
        questions=[("Giao thông", None)],
    )
    survey_services.survey_open(user=people.commune_officer, survey=survey)
    village = _page(people, "portal:unit", people.village.pk)
    assert "2.500.000 đ" in village
    assert "Khảo sát sự hài lòng năm nay" in village
    assert reverse("surveys:answer", args=[survey.pk]) in village


def test_the_unit_page_keeps_its_queries(people, django_assert_max_num_queries):
    for n in range(4):
        make_plan(people, unit=people.village, issued=True, title=f"Kế hoạch thôn {n}")
    with django_assert_max_num_queries(16):
        _page(people, "portal:unit", people.village.pk)


def test_a_merged_commune_shows_what_its_old_communes_did(people):
    admin = User.objects.create_superuser("root", "root@example.invalid", "x" * 12)
    plan = make_plan(people, unit=people.other_commune, issued=True, title="Kế hoạch của xã cũ")
    indicator_services.units_merge(
        user=admin, predecessor=people.other_commune, successor=people.commune, effective_date=dt.date(2025, 7, 1)
    )
    people.other_commune.valid_until = dt.date(2025, 6, 30)
    people.other_commune.save()
    assert reverse("portal:plan", args=[plan.pk]) in _page(people, "portal:unit", people.commune.pk)
    found = _page(people, "portal:index", q=people.other_commune.name)
    assert reverse("portal:unit", args=[people.other_commune.pk]) in found and "đến 30/06/2025" in found
