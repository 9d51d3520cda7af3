"""A unit's page: the facts of the official list, its villages and organisations, and the
plans that roll into it, its merged predecessors' included."""

import datetime as dt

from phongtrao.geo.models import Kind, UnitSuccession
from phongtrao.geo.services import unit_create
from phongtrao.indicators.services import successions_record
from phongtrao.testing import make_plan


def test_unit_page_lists_plans_of_merged_units(people):
    make_plan(people, issued=True, title="Kế hoạch của xã cũ")
    new = unit_create(name="Xã Hợp Nhất", kind=Kind.COMMUNE, parent=people.district, code="90150")
    successions_record(
        links=[UnitSuccession(predecessor=people.commune, successor=new, effective_date=dt.date(2025, 7, 1))]
    )
    page = people.client(None).get(f"/units/{new.pk}/").content.decode()
    assert "Kế hoạch của xã cũ" in page and "Xã Hồng Phong" in page
