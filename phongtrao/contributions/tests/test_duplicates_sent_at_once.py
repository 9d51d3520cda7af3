"""Two people entering the same thing at the same moment (real parallel requests to a live
server): one receipt number is taken once and a cell's first value once; the other is told
with 409 (or 422 when it arrives after the first is saved), never a 500."""

from __future__ import annotations

from decimal import Decimal

import pytest

from phongtrao.contributions import ledger, services
from phongtrao.contributions.models import Contribution, LedgerCell
from phongtrao.indicators.models import Indicator, IndicatorValue
from phongtrao.testing import send_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_receipt_number_entered_twice_at_once_is_taken_once(live_server, people):
    token = people.token(people.commune_officer)
    gift = {
        "unit": people.village.pk,
        "contributor_kind": "household",
        "contributor_name": "Hộ ông Tư",
        "kind": "money",
        "amount": "500000",
        "date": "2023-05-03",
        "receipt_number": "BN-001",
    }
    sent = send_at_once(live_server.url, [("POST", "/api/contributions", gift, token)] * 2)
    statuses = sorted(status for status, _ in sent)
    assert statuses in ([200, 409], [200, 422]), sent
    assert Contribution.objects.filter(receipt_number="BN-001").count() == 1


def test_a_cells_first_value_entered_twice_at_once_is_kept_once(live_server, people):
    Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")
    token = people.token(people.commune_officer)
    value = {"indicator": "ngay-cong", "unit": people.village.pk, "period": "year", "date": "2023-12-31"}
    sent = send_at_once(
        live_server.url,
        [
            ("POST", "/api/values", value | {"value": "10"}, token),
            ("POST", "/api/values", value | {"value": "12"}, token),
        ],
    )
    statuses = sorted(status for status, _ in sent)
    assert statuses in ([200, 200], [200, 409]), sent  # after the first, the second is a correction
    assert IndicatorValue.objects.count() == 1
    assert all("Vừa có người nhập" in body.get("detail", "") for status, body in sent if status == 409)


def test_gifts_recorded_at_once_in_one_commune_are_all_counted(live_server, people):
    """Eight gifts at the same moment in two villages of one commune move the same commune,
    district and province cells: every one is counted, none waits forever on another."""
    token = people.token(people.commune_officer)
    gifts = [
        {
            "unit": (people.village if n % 2 else people.other_village).pk,
            "contributor_kind": "household",
            "contributor_name": f"Hộ số {n}",
            "kind": "money",
            "amount": str(100_000 * (n + 1)),
            "date": "2023-05-03",
        }
        for n in range(8)
    ]
    sent = send_at_once(live_server.url, [("POST", "/api/contributions", gift, token) for gift in gifts])
    assert [status for status, _ in sent] == [200] * 8, sent
    assert ledger.area_totals(people.province).of("money") == Decimal(3_600_000)
    kept = set(LedgerCell.objects.values_list("unit_id", "kind", "month", "amount"))
    services.ledger_cells_rebuild()
    assert set(LedgerCell.objects.values_list("unit_id", "kind", "month", "amount")) == kept
