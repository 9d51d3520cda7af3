"""Seed 004: the "Vì người nghèo" fund toward 134 million đồng; a ledger of money, goods,
labour days and land, corrected only by reversing lines."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phongtrao.contributions import ledger
from phongtrao.contributions import services as contributions_services
from phongtrao.contributions.models import Contribution
from phongtrao.registrations import services as registrations_services

D = dt.date


@pytest.fixture
def fund(people):
    return contributions_services.fund_create(
        user=people.district_officer, unit=people.district, name="Quỹ Vì người nghèo", target=Decimal(134_000_000)
    )


def give(people, **changes):
    data = {
        "user": people.village_head,
        "unit": people.village,
        "contributor_kind": "household",
        "contributor_name": "Hộ ông Nguyễn Văn Tư",
        "kind": "money",
        "amount": Decimal(2_000_000),
        "date": D(2020, 5, 3),
    }
    data.update(changes)
    return contributions_services.contribution_record(**data)


def test_totals_by_kind_and_fund_progress(people, fund):
    give(people, fund=fund, receipt_number="BN-001")
    give(
        people,
        fund=fund,
        contributor_kind="enterprise",
        contributor_name="Công ty Chè Tam Đường",
        amount=Decimal(65_000_000),
        receipt_number="BN-002",
    )
    give(people, kind="goods", amount=Decimal(5), description="5 tấn xi măng", value=Decimal(8_500_000))
    give(people, kind="labour", amount=Decimal("12.5"), contributor_name="Nhân dân thôn Đông")
    give(people, kind="land", amount=Decimal("120.5"), contributor_name="Hộ bà Lò Thị Ban")
    totals = ledger.totals(Contribution.objects.of_area(people.commune))
    assert totals.of("money") == Decimal(67_000_000) and totals.of("labour") == Decimal("12.5")
    assert totals.of("land") == Decimal("120.5") and totals.value == Decimal(75_500_000)
    given, share = ledger.fund_progress(fund)
    assert given == Decimal(67_000_000) and share == Decimal("50.0")


def test_corrections_are_reversing_lines_never_edits(people, fund):
    wrong = give(people, fund=fund, amount=Decimal(20_000_000))
    with pytest.raises(PermissionDenied):
        contributions_services.contribution_reverse(user=people.village_head, contribution=wrong, reason="Ghi nhầm")
    reversal = contributions_services.contribution_reverse(
        user=people.commune_officer, contribution=wrong, reason="Ghi nhầm số tiền"
    )
    assert reversal.amount == Decimal(-20_000_000) and reversal.reverses == wrong
    assert ledger.fund_progress(fund)[0] == 0
    with pytest.raises(ValidationError, match="đã được điều chỉnh"):
        contributions_services.contribution_reverse(user=people.commune_officer, contribution=wrong, reason="lần hai")
    assert Contribution.objects.count() == 2  # both lines stay on record


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount": Decimal(-5)}, "amount"),
        ({"amount": Decimal("1000.5")}, "amount"),
        ({"amount": Decimal(10) ** 15}, "amount"),
        ({"kind": "goods", "description": ""}, "description"),
        ({"date": D(2099, 1, 1)}, "date"),
        ({"contributor_name": " "}, "contributor_name"),
    ],
)
def test_bad_entries_are_refused_naming_the_field(people, changes, field):
    with pytest.raises(ValidationError) as caught:
        give(people, **changes)
    assert field in caught.value.message_dict
    assert not Contribution.objects.exists()


def test_a_receipt_number_is_used_once_per_unit(people):
    give(people, receipt_number="BN-7")
    with pytest.raises(ValidationError, match="BN-7"):
        give(people, receipt_number="BN-7")
    give(people, user=people.outsider, unit=people.other_commune, receipt_number="BN-7")  # another commune's book


def test_the_ledger_is_internal_and_the_disclosure_is_public(people, fund):
    give(people, fund=fund, contributor_name="Hộ ông Nguyễn Văn Tư", public=True)
    give(people, fund=fund, contributor_name="Bà Hoàng Thị Mơ", public=False)
    ledger_url = f"/contributions/units/{people.commune.pk}/"
    assert people.client(people.outsider).get(ledger_url).status_code == 404
    assert people.client(None).get(ledger_url).status_code == 404
    page = people.client(people.commune_viewer).get(ledger_url).content.decode()
    assert "Bà Hoàng Thị Mơ" in page and "4.000.000 đ" in page
    public = people.client(None).get(f"/contributions/units/{people.commune.pk}/public/").content.decode()
    assert "Hộ ông Nguyễn Văn Tư" in public and "Bà Hoàng Thị Mơ" not in public and "không nêu tên" in public
    district = people.client(None).get(f"/contributions/units/{people.district.pk}/public/").content.decode()
    assert "Quỹ Vì người nghèo" in district and "134.000.000 đ" in district


def test_the_page_records_and_reverses(people):
    client = people.client(people.commune_officer)
    url = f"/contributions/units/{people.commune.pk}/"
    response = client.post(
        url,
        {
            "contributor_kind": "person",
            "contributor_name": "Ông Lê Văn Hùng",
            "kind": "money",
            "amount": "1.500.000",
            "date": "03/05/2020",
            "receipt_number": "",
            "public": "on",
        },
    )
    assert response.status_code == 302
    entry = Contribution.objects.get()
    assert entry.amount == Decimal(1_500_000)
    duplicate = client.post(
        url,
        {"contributor_kind": "person", "contributor_name": "x", "kind": "money", "amount": "-3", "date": "03/05/2020"},
    )
    assert "lớn hơn 0" in duplicate.content.decode()
    assert (
        people.client(people.commune_viewer).post(f"/contributions/{entry.pk}/reverse/", {"reason": "x"}).status_code
        == 403
    )
    client.post(f"/contributions/{entry.pk}/reverse/", {"reason": "Trùng biên nhận"})
    assert Contribution.objects.filter(reverses=entry).exists()


def test_the_api_records_lists_and_shows_funds(people, fund):
    client = people.client(people.village_head)
    created = client.post(
        "/api/contributions",
        {
            "unit": people.village.pk,
            "contributor_kind": "household",
            "contributor_name": "Hộ ông Tư",
            "kind": "money",
            "amount": "3000000",
            "date": "2020-05-03",
            "fund": fund.pk,
        },
        content_type="application/json",
    )
    assert created.status_code == 200, created.content
    listed = client.get(f"/api/contributions?unit={people.village.pk}").json()
    assert listed["totals"]["money"] == "3000000" and len(listed["results"]) == 1
    assert (
        people.client(people.other_village_head).get(f"/api/contributions?unit={people.village.pk}").status_code == 404
    )
    funds = people.client(None).get(f"/api/funds?unit={people.district.pk}").json()
    assert funds[0]["target"] == "134000000" and funds[0]["share_percent"] == "2.2"


def test_a_date_outside_the_plan_and_a_work_elsewhere_are_refused(people, saturday_call):
    plan = saturday_call.plan  # 01/03/2023 – 31/12/2023
    with pytest.raises(ValidationError) as caught:
        give(people, plan=plan, date=D(2022, 12, 1))
    assert "nằm ngoài thời gian" in caught.value.message_dict["date"][0]
    work = registrations_services.registration_submit(
        user=people.other_village_head,
        call=saturday_call,
        unit=people.other_village,
        content="Đường thôn Tây",
        place="Thôn Tây",
    )
    with pytest.raises(ValidationError) as caught:
        give(people, registration=work)
    assert "registration" in caught.value.message_dict
    entry = give(
        people,
        user=people.other_village_head,
        unit=people.other_village,
        registration=work,
        plan=plan,
        date=D(2023, 5, 6),
    )
    assert entry.registration == work and work.contributions.count() == 1
