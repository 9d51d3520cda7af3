"""Communes of a district side by side on one indicator: best first, ties shared, the
silent ones last; a public page with a constant number of queries."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from phongtrao.geo.models import Kind, Listing
from phongtrao.geo.services import unit_create
from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator
from phongtrao.indicators.ranking import communes_ranked


def _ditch_km():
    return Indicator.objects.create(code="kenh-muong-km", name="Kênh mương", value_type="number", aggregation="sum")


def _third_commune(people, n=3):
    return unit_create(
        name=f"Xã Số {n}", kind=Kind.COMMUNE, parent=people.district, code=f"9011{n}", listing=Listing.CURRENT
    )


def _record(user, indicator, unit, km):
    services.value_record(
        user=user, indicator=indicator, unit=unit, period_kind="year", day=dt.date(2023, 12, 31), value=Decimal(km)
    )


def test_communes_are_ranked_best_first_with_ties_and_the_silent_last(people):
    indicator = _ditch_km()
    third = _third_commune(people)
    _record(people.village_head, indicator, people.village, 3)
    _record(people.other_village_head, indicator, people.other_village, 2)
    _record(people.outsider, indicator, people.other_commune, 8)
    ranked = communes_ranked(indicator=indicator, area=people.district, period_kind="year", day=dt.date(2023, 5, 1))
    assert [(p.rank, p.unit, p.value, p.reporting_units) for p in ranked] == [
        (1, people.other_commune, Decimal(8), 1),
        (2, people.commune, Decimal(5), 2),
        (None, third, None, 0),
    ]
    _record(people.outsider, indicator, people.other_commune, 5)  # a correction: now equal
    ranked = communes_ranked(
        indicator=indicator, area=people.district, period_kind="year", day=dt.date(2023, 5, 1), lowest_first=True
    )
    assert [(p.rank, p.value) for p in ranked] == [(1, Decimal(5)), (1, Decimal(5)), (None, None)]


def test_the_page_is_public_and_its_queries_do_not_grow_with_the_communes(people):
    indicator = _ditch_km()
    _record(people.outsider, indicator, people.other_commune, 8)
    url = f"/indicators/units/{people.district.pk}/ranking/"
    query = {"indicator": indicator.code, "period": "year", "date": "31/12/2023"}
    client = people.client(None)
    with CaptureQueriesContext(connection) as few:
        page = client.get(url, query)
    assert [p.unit for p in page.context["places"]][:1] == [people.other_commune]
    for n in range(3, 9):
        _third_commune(people, n)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url, query)
    assert len(page.context["places"]) == 8 and len(many) == len(few)


def test_a_bad_date_is_named_in_vietnamese(people):
    indicator = _ditch_km()
    page = people.client(None).get(
        f"/indicators/units/{people.district.pk}/ranking/",
        {"indicator": indicator.code, "period": "year", "date": "31/02/2023"},
    )
    assert page.status_code == 200 and page.context["places"] is None
    assert page.context["form"].errors["date"] == ["Nhập một ngày hợp lệ."]
    assert "Ngày trong kỳ" in page.content.decode()


def test_an_unknown_area_is_404(people):
    assert people.client(None).get("/indicators/units/999999/ranking/").status_code == 404
