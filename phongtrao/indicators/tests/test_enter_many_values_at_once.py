"""A district's software enters its villages' values in one request at month's end: all or
none, a refused line named by its number, every roll-up cell moved once and equal to its
recomputation; batches sent at the same moment over the same commune cells neither lose
an increment nor deadlock."""

from __future__ import annotations

from decimal import Decimal

import pytest

from phongtrao.geo.models import Kind
from phongtrao.geo.services import unit_create
from phongtrao.indicators.models import Indicator, IndicatorValue, Rollup
from phongtrao.indicators.services import compute_rollups
from phongtrao.testing import send_at_once


def _labour() -> Indicator:
    return Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")


def _line(unit, value, month=5, indicator="ngay-cong") -> dict:
    return {"indicator": indicator, "unit": unit.pk, "period": "month", "date": f"2023-{month:02d}-15", "value": value}


def _equal_to_recomputation() -> bool:
    expected = compute_rollups(IndicatorValue.objects.select_related("indicator", "unit"))
    kept = {(c.indicator_id, c.unit_id, c.period_kind, c.period_start): c for c in Rollup.objects.all()}
    return set(expected) <= set(kept) and all(
        getattr(kept[key], name) == amount for key, cell in expected.items() for name, amount in cell.items()
    )


def test_a_batch_is_entered_and_rolled_up_once(people):
    _labour()
    client = people.client(people.commune_officer)
    sent = [_line(people.village, "40"), _line(people.other_village, "25"), _line(people.village, "7", month=6)]
    answer = client.post("/api/values/batch", {"values": sent}, content_type="application/json")
    assert answer.status_code == 200 and answer.json() == {"recorded": 3}
    may = Rollup.objects.get(unit=people.commune, period_kind="month", period_start__month=5)
    assert (may.value_sum, may.count) == (Decimal(65), 2)
    corrected = client.post(
        "/api/values/batch", {"values": [_line(people.village, "10")]}, content_type="application/json"
    )
    assert corrected.status_code == 200
    may.refresh_from_db()
    assert (may.value_sum, may.count) == (Decimal(35), 2)  # corrected, not added
    assert IndicatorValue.objects.get(unit=people.village, period_start__month=5).history.count() == 2
    assert _equal_to_recomputation()


def test_it_refuses_the_whole_batch_naming_each_bad_line(people):
    _labour()
    client = people.client(people.commune_officer)
    sent = [
        _line(people.village, "40"),
        _line(people.village, "-"),
        _line(people.village, "41"),
        _line(people.village, "1", indicator="khong-co"),
    ]
    answer = client.post("/api/values/batch", {"values": sent[:1] + sent[2:3]}, content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["errors"]["values"] == ["Dòng 2: trùng một dòng trước (cùng chỉ số, đơn vị và kỳ)."]
    unknown = client.post("/api/values/batch", {"values": [sent[0], sent[3]]}, content_type="application/json")
    assert unknown.status_code == 422 and unknown.json()["errors"]["values"][0].startswith("Dòng 2: không có chỉ số")
    future = client.post(
        "/api/values/batch",
        {"values": [sent[0], _line(people.village, "3") | {"date": "2099-01-01"}]},
        content_type="application/json",
    )
    assert future.status_code == 422 and future.json()["errors"]["values"][0].startswith("Dòng 2: Kỳ ")
    assert not IndicatorValue.objects.exists() and not Rollup.objects.exists()


def test_it_refuses_a_batch_naming_a_unit_out_of_reach(people):
    _labour()
    answer = people.client(people.outsider).post(
        "/api/values/batch", {"values": [_line(people.village, "40")]}, content_type="application/json"
    )
    assert answer.status_code in (403, 404)
    assert not IndicatorValue.objects.exists()
    viewer = people.client(people.commune_viewer).post(
        "/api/values/batch", {"values": [_line(people.village, "40")]}, content_type="application/json"
    )
    assert viewer.status_code == 403 and not IndicatorValue.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_batches_sent_at_once_over_the_same_commune_lose_no_increment(live_server, people):
    _labour()
    villages = [people.village, people.other_village] + [
        unit_create(name=f"Thôn Mới {n}", kind=Kind.HAMLET, parent=people.commune) for n in range(2)
    ]
    token = people.token(people.commune_officer)
    batches = [
        [_line(village, str(10 * n + month), month=month) for month in range(1, 7)]
        for n, village in enumerate(villages)
    ]
    sent = send_at_once(live_server.url, [("POST", "/api/values/batch", {"values": b}, token) for b in batches])
    assert [status for status, _answer in sent] == [200] * 4, sent
    may = Rollup.objects.get(unit=people.commune, period_kind="month", period_start__month=5)
    assert (may.count, may.value_sum) == (4, Decimal(5 + 15 + 25 + 35))
    assert _equal_to_recomputation()
