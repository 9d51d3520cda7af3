"""The demo serves the five seed plans through the API as the seeds' gold files expect."""

import importlib.util
import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from phongtrao.accounts.models import User
from phongtrao.demo.loader import seed_plan_ids
from phongtrao.plans.models import Plan

GOLD = settings.DATA_DIR / "seeds" / "gold"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_parse", settings.BASE_DIR / "tools" / "score_parse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db
def test_the_demo_loads_twice_and_scores_the_seed_gold_through_the_api(client, tmp_path):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    plans = Plan.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Plan.objects.count() == plans == 11

    scorer = load_scorer()
    ids = seed_plan_ids()
    assert len(ids) == 5
    scores = []
    for stem, pk in ids.items():
        response = client.get(f"/api/plans/{pk}")  # anonymous: issued plans are public
        assert response.status_code == 200
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        scores.extend(scorer.score_field(field, gold, response.json()) for field in scorer.CORE)
    overall = sum(scores) / len(scores)
    assert overall >= 0.95, overall

    call_command("export_plan_documents", str(tmp_path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == sorted(ids)


@pytest.mark.django_db
def test_the_demo_shows_adoption_and_a_village_heads_view(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    tam_duong = Plan.objects.get(issuer_name="UBND huyện Tam Đường", issue_date__isnull=True)
    adoption = client.get(f"/api/plans/{tam_duong.pk}/adoption").json()
    assert adoption["adopted"] == 1 and adoption["total"] == 13  # Bình Lư issued; Bản Bo's draft is not public
    client.force_login(User.objects.get(username="thon.banhuan"))
    concerning = client.get("/api/plans?concerning=true").json()["results"]
    assert {p["issuer"] for p in concerning} == {"UBND xã Hồng Thái", "UBND huyện Bình Gia"}


@pytest.mark.django_db
def test_hong_thai_has_its_2023_saturdays_rotating_over_six_villages(client):
    from phongtrao.registrations.models import Registration
    from phongtrao.workdays.models import WorkDay

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    days = WorkDay.objects.filter(plan__issuer_name="UBND xã Hồng Thái").order_by("date")
    of_2023 = days.filter(date__year=2023)
    assert of_2023.count() == 9 and of_2023.first().date.isoformat() == "2023-04-08"
    assert of_2023.values("unit").distinct().count() == 6
    today = timezone.localdate()
    coming = days.filter(date__gte=today.replace(day=1))
    assert 5 <= coming.count() <= 7 and coming.values("unit").distinct().count() >= 5  # the loop works today
    assert Registration.objects.filter(status="confirmed").count() == 1


@pytest.mark.django_db
def test_cam_ha_gardens_have_progress_and_tam_duong_fund_shows_its_target(client):
    from decimal import Decimal

    from phongtrao.contributions import ledger
    from phongtrao.contributions.models import Fund
    from phongtrao.plans.models import DutyProgress

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    youth = DutyProgress.objects.filter(duty__assignee_text="Đoàn xã", duty__plan__issuer_name__contains="Cẩm Hà")
    assert [p.percent for p in youth.order_by("date")] == [30, 70, 100]
    fund = Fund.objects.get()
    assert fund.target == Decimal(134_000_000)
    given, share = ledger.fund_progress(fund)
    assert given == Decimal(48_500_000) and share == Decimal("36.2")
    page = client.get(f"/contributions/units/{fund.unit_id}/public/").content.decode()
    assert "134.000.000 đ" in page and "48.500.000 đ" in page


@pytest.mark.django_db
def test_tam_duong_counts_8_of_13_communes_meeting_the_ntm_standard(client):
    from phongtrao.plans.models import Target

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    target = Target.objects.get(text__startswith="Có 61,5%", plan__unit__level="district")
    figure = client.get(
        "/api/rollup", {"target": target.pk, "unit": target.plan.unit_id, "period": "year", "date": "2020-12-31"}
    ).json()
    assert (figure["achieving"], figure["reporting_units"]) == (8, 13)


@pytest.mark.django_db
def test_ha_trung_shows_its_emulation_pledges_in_public(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    ha_trung = Plan.objects.get(pk=seed_plan_ids()["002_c1c5aafbc76b6be8"])
    pledges = client.get("/api/pledges", {"plan": ha_trung.pk}).json()
    assert {p["subject_name"] for p in pledges} == {"Tiểu khu 1", "Tiểu khu 4", "Hội Nông dân thị trấn Hà Trung"}
    client.force_login(User.objects.get(username="tt.hatrung"))
    ranking = client.get("/api/evaluations", {"plan": ha_trung.pk}).json()
    assert [s["subject_name"] for s in ranking["standings"]] == [
        "Tiểu khu 4",
        "Tiểu khu 1",
        "Hội Nông dân thị trấn Hà Trung",
    ]
    assert len(ranking["items"]) == ha_trung.reward_standards.count() > 0
    waiting = {n.pledge.subject_name: (n.at_unit.name, n.status) for n in ha_trung.nominations.all()}
    assert waiting == {
        "Tiểu khu 4": ("Huyện Hà Trung", "pending"),
        "Tiểu khu 1": ("Thị trấn Hà Trung", "awarded"),
    }  # decision 125
    rewards = client.get("/api/rewards", {"plan": ha_trung.pk}).json()
    assert [(d["number"], [a["subject_name"] for a in d["awards"]]) for d in rewards] == [
        ("125/QĐ-UBND", ["Tiểu khu 1"])
    ]


@pytest.mark.django_db
def test_ha_trung_measures_satisfaction_against_its_80_percent_target(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    ha_trung = Plan.objects.get(pk=seed_plan_ids()["002_c1c5aafbc76b6be8"])
    (survey,) = client.get("/api/surveys", {"plan": ha_trung.pk}).json()
    assert survey["status"] == "open" and survey["target_rate"] == "80"
    public = client.get(f"/api/surveys/{survey['id']}").json()["results"]
    assert public["responses"] == 55  # published in groups of five: two answers wait for three more
    client.force_login(User.objects.get(username="tt.hatrung"))
    results = client.get(f"/api/surveys/{survey['id']}").json()["results"]
    assert results["responses"] == 57 and results["meets_target"] is False
    rates = {c["text"]: (c["rate"], c["meets"]) for c in results["contents"]}
    assert rates["Giao thông"] == ("89.5", True)
    assert rates["Y tế"] == ("80.7", True)
    assert rates["Môi trường và an toàn thực phẩm"] == ("59.6", False)
    hidden = sorted(v["unit"]["name"] for v in public["units"] if v["hidden"])
    assert len(hidden) == 2 and "Tiểu khu 10" in hidden  # and one more, or it could be worked out
    client.logout()

    portal = client.get(f"/portal/plans/{ha_trung.pk}/").content.decode()
    assert "Có nội dung chưa đạt 80% hài lòng." in portal
    assert "Nhân dân Tiểu khu 4 hiến đất mở rộng đường giao thông" in portal
    assert "Tiểu khu 1" in portal and "125/QĐ-UBND" in portal


@pytest.mark.django_db
def test_tan_van_is_assessed_against_the_2026_2030_set_with_its_group(client):
    from phongtrao.criteria.models import CriteriaSet
    from phongtrao.geo.models import AdminUnit

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    current = CriteriaSet.objects.get(code="ntm-xa-2026-2030")
    tan_van = AdminUnit.objects.current().get(name="Xã Tân Văn")
    province = tan_van.ancestors().get(level="province")
    board = client.get(f"/criteria/{current.pk}/units/{province.pk}/").content.decode()
    row = board[board.index("Xã Tân Văn") :].split("</tr>")[0]
    assert "<td>3</td>" in row and "5/10" in row
    dashboard = client.get(f"/units/{tan_van.pk}/dashboard/").content.decode()
    assert current.name in dashboard and "đang áp dụng" in dashboard


@pytest.mark.django_db
def test_cam_ha_gardens_are_assessed_against_the_garden_set(client):
    from phongtrao.demo.loader import find_unit

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    cam_ha = find_unit(["Tỉnh Hà Tĩnh", "Huyện Cẩm Xuyên", "Xã Cẩm Hà"])
    page = client.get(f"/criteria/units/{cam_ha.pk}/gardens/").content.decode()
    for name, achieved in (("Vườn mẫu thôn Thành Xuân", "4/4"), ("Vườn mẫu thôn Tiến Thắng", "2/4")):
        row = page[page.index(name) :].split("</tr>")[0]
        assert achieved in row


@pytest.mark.django_db
def test_tam_duongs_2020_target_shows_expected_against_actual_and_the_communes_short_of_it(client):
    from phongtrao.plans.models import Target

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    target = Target.objects.get(text__startswith="Có 61,5%", plan__unit__level="district")
    page = client.get(f"/units/{target.plan.unit_id}/dashboard/")
    row = next(r for r in page.context["targets"] if r.target.pk == target.pk)
    # 2020 is over: all of it was expected, and 8 of 13 communes (61,5 %) reached it
    assert (row.expected, row.progress.actual, row.progress.percent, row.gap) == (100, Decimal("61.5"), 100, 0)
    assert len(row.behind) == 5 and {b.gap for b in row.behind} == {100}
    assert f"?until={row.trend_until:%Y-%m-%d}" in page.content.decode() and row.trend_until.year == 2020
