"""A merger recorded by the official lists' loader moves the roll-ups like one made on a
page (the same service), and `manage.py rollups_rebuild` repairs cells gone wrong."""

import datetime as dt
import io
from decimal import Decimal

from django.core.management import call_command

from phongtrao.geo.models import Kind, UnitSuccession
from phongtrao.geo.services import unit_create
from phongtrao.indicators import services
from phongtrao.indicators.models import Indicator, Rollup

JAN = dt.date(2023, 1, 1)


def _hours(people):
    hours = Indicator.objects.create(code="ngay-cong", name="Ngày công", value_type="number", aggregation="sum")
    services.value_record(
        user=people.district_officer,
        indicator=hours,
        unit=people.village,
        period_kind="month",
        day=JAN,
        value=Decimal(7),
    )
    return hours


def _cell(hours, unit):
    return Rollup.objects.filter(indicator=hours, unit=unit, period_kind="month", period_start=JAN).first()


def test_a_merger_from_the_official_lists_carries_the_old_communes_figures(people):
    hours = _hours(people)
    new = unit_create(name="Xã Tân Văn", kind=Kind.COMMUNE, parent=people.district, code="90301")
    created = services.successions_record(
        links=[UnitSuccession(predecessor=people.commune, successor=new, effective_date=dt.date(2025, 7, 1))]
    )
    assert created == 1
    assert _cell(hours, new).value_sum == Decimal(7)
    # the same lists loaded again record nothing and count nothing twice
    again = services.successions_record(
        links=[UnitSuccession(predecessor=people.commune, successor=new, effective_date=dt.date(2025, 7, 1))]
    )
    assert again == 0 and _cell(hours, new).value_sum == Decimal(7)
    people.commune.refresh_from_db()
    assert people.commune.valid_until == dt.date(2025, 6, 30)


def test_a_new_primary_successor_takes_the_figures_from_the_one_before(people):
    hours = _hours(people)
    first = unit_create(name="Xã Thứ Nhất", kind=Kind.COMMUNE, parent=people.district, code="90302")
    second = unit_create(name="Xã Thứ Hai", kind=Kind.COMMUNE, parent=people.district, code="90303")
    services.successions_record(
        links=[UnitSuccession(predecessor=people.commune, successor=first, effective_date=dt.date(2025, 7, 1))]
    )
    services.successions_record(
        links=[UnitSuccession(predecessor=people.commune, successor=second, effective_date=dt.date(2025, 7, 1))]
    )
    assert _cell(hours, second).value_sum == Decimal(7)
    assert _cell(hours, first).value_sum == 0 and _cell(hours, first).count == 0
    assert list(UnitSuccession.objects.filter(predecessor=people.commune, primary=True)) == [
        UnitSuccession.objects.get(predecessor=people.commune, successor=second)
    ]


def test_the_rebuild_command_repairs_a_cell_gone_wrong(people):
    hours = _hours(people)
    Rollup.objects.filter(indicator=hours, unit=people.district).update(value_sum=Decimal(999))
    call_command("rollups_rebuild", "--indicator", "ngay-cong", stdout=io.StringIO())
    assert _cell(hours, people.district).value_sum == Decimal(7)
    assert _cell(hours, people.village).value_sum == Decimal(7)
