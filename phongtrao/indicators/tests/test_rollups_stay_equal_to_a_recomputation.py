"""Maintained roll-ups equal a recomputation from the raw values after any sequence of
writes, corrections and mergers of units (property test)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phongtrao.accounts.models import User
from phongtrao.geo.models import AdminUnit, Kind, UnitSuccession
from phongtrao.geo.services import unit_create
from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator, IndicatorValue, Rollup

D = dt.date
FIELDS = ["count", "value_sum", "numerator_sum", "denominator_sum", "weight_sum", "weighted_sum", "achieving"]


def maintained() -> dict:
    return {
        (r.indicator_id, r.unit_id, r.period_kind, r.period_start): {f: getattr(r, f) for f in FIELDS}
        for r in Rollup.objects.all()
        if r.count
    }


def recomputed() -> dict:
    """Every unit's cells from the values of the units that roll into it (the geo app's
    own reading of mergers), independent of the write path's `rollup_targets`."""
    totals = {}
    for unit in AdminUnit.objects.all():
        for value in IndicatorValue.objects.filter(unit__in=AdminUnit.objects.rolling_into(unit)).select_related(
            "indicator"
        ):
            key = (value.indicator_id, unit.pk, value.period_kind, value.period_start)
            cell = totals.setdefault(key, dict.fromkeys(FIELDS, 0))
            threshold = value.indicator.achieving_threshold
            added = {
                "count": 1,
                "value_sum": value.value,
                "numerator_sum": value.numerator or 0,
                "denominator_sum": value.denominator or 0,
                "weight_sum": value.weight,
                "weighted_sum": value.value * value.weight,
                "achieving": int(threshold is not None and value.value >= threshold),
            }
            for name in FIELDS:
                cell[name] += added[name]
    return {key: cell for key, cell in totals.items() if cell["count"]}


OPS = st.lists(
    st.tuples(
        st.sampled_from(["write", "write", "write", "merge"]),
        st.integers(0, 4),  # which village (or, for a merger, a commune or the district)
        st.integers(0, 2),  # which month
        st.integers(0, 200),  # the amount
    ),
    min_size=1,
    max_size=25,
)


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(ops=OPS)
def test_maintained_rollups_equal_a_recomputation(people, ops):
    IndicatorValue.objects.all().delete()
    Rollup.objects.all().delete()
    UnitSuccession.objects.all().delete()
    AdminUnit.objects.filter(name__contains="Hợp Nhất").delete()
    hours, households = (
        Indicator.objects.get_or_create(
            code="ngay-cong", defaults={"name": "Ngày công", "value_type": "number", "aggregation": "sum"}
        )[0],
        Indicator.objects.get_or_create(
            code="ho-dat-chuan",
            defaults={"name": "Tỷ lệ hộ đạt chuẩn", "value_type": "ratio", "aggregation": "ratio_of_sums"},
        )[0],
    )
    villages = list(AdminUnit.objects.filter(level="village").order_by("pk"))
    admin = User.objects.filter(username="admin").first() or User.objects.create_superuser("admin", "", "x" * 12)
    communes = [people.commune, people.other_commune]
    for op, which, month, amount in ops:
        if op == "write":
            village = villages[which % len(villages)]
            day = D(2023, month + 1, 10)
            services.value_record(
                user=people.district_officer,
                indicator=hours,
                unit=village,
                period_kind="month",
                day=day,
                value=Decimal(amount),
            )
            services.value_record(
                user=people.district_officer,
                indicator=households,
                unit=village,
                period_kind="year",
                day=day,
                numerator=Decimal(amount % 50),
                denominator=Decimal(50),
            )
        else:
            old = [*communes, people.district][which % 3]
            # a second merger of the same unit moves its figures again: the new primary
            # successor gains them and the one before loses them
            earlier = UnitSuccession.objects.filter(predecessor=old).count()
            if earlier < 2:
                if old.level == "district":
                    new = unit_create(
                        name=f"Huyện Hợp Nhất {earlier}",
                        kind=Kind.DISTRICT,
                        parent=people.province,
                        code=f"90{earlier}9",
                    )
                else:
                    new = unit_create(
                        name=f"Xã Hợp Nhất {which}{earlier}",
                        kind=Kind.COMMUNE,
                        parent=people.district,
                        code=f"9{which}{earlier}9",
                    )
                services.units_merge(user=admin, predecessor=old, successor=new, effective_date=D(2025, 7, 1))
        assert maintained() == recomputed()
