import datetime as dt

from phongtrao.geo.models import AdminUnit, Kind, UnitSuccession
from phongtrao.geo.services import unit_create, unit_successions_add


def _merge(predecessor, successor, primary=True):
    link = UnitSuccession(
        predecessor=predecessor, successor=successor, effective_date=dt.date(2025, 7, 1), primary=primary
    )
    return unit_successions_add(links=[link])


def test_a_merged_commune_rolls_into_its_successor(people):
    merged = unit_create(name="Xã Mới", kind=Kind.COMMUNE, parent=people.district, code="90199")
    _merge(people.commune, merged)
    people.commune.refresh_from_db()
    assert people.commune.valid_until == dt.date(2025, 6, 30)
    covered = set(AdminUnit.objects.rolling_into(merged).values_list("name", flat=True))
    assert covered == {"Xã Mới", "Xã Hồng Phong", "Thôn Đông", "Thôn Tây"}
    # a split: the secondary successor does not count the old commune's figures again
    second = unit_create(name="Xã Phụ", kind=Kind.COMMUNE, parent=people.district, code="90198")
    _merge(people.commune, second, primary=False)
    assert set(AdminUnit.objects.rolling_into(second).values_list("name", flat=True)) == {"Xã Phụ"}
    assert AdminUnit.objects.rolling_into(people.district).filter(name="Xã Hồng Phong").count() == 1
