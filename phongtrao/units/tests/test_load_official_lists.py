import pytest
from django.conf import settings

from phongtrao.geo.models import AdminUnit, Level, Listing, UnitSuccession, rollup_paths
from phongtrao.units.services import units_load_official


@pytest.mark.django_db
def test_it_loads_both_lists_and_the_conversion_idempotently(client):
    report = units_load_official(data_dir=settings.DATA_DIR)
    current = AdminUnit.objects.filter(listing=Listing.CURRENT)
    old = AdminUnit.objects.filter(listing=Listing.PRE_2025)
    assert current.filter(level=Level.PROVINCE).count() == 34
    assert current.filter(level=Level.COMMUNE).count() == 3321
    assert old.filter(level=Level.PROVINCE).count() == 63
    assert old.filter(level=Level.DISTRICT).count() == 696
    assert old.filter(level=Level.COMMUNE).count() == 10051
    assert report.successions > 10000

    # xã Hồng Thái (Bình Gia, Lạng Sơn) went into Xã Tân Văn; it is valid until the reform.
    hong_thai = old.get(level=Level.COMMUNE, code="6115")
    assert hong_thai.name == "Xã Hồng Thái"
    assert hong_thai.full_name() == "Xã Hồng Thái, Huyện Bình Gia, Tỉnh Lạng Sơn"
    assert [u.name for u in hong_thai.successors.all()] == ["Xã Tân Văn"]
    assert str(hong_thai.valid_until) == "2025-06-30"

    # thị trấn Hà Trung was split; its primary successor is the commune keeping its code.
    ha_trung = old.get(level=Level.COMMUNE, code="15271")
    links = {
        s.successor.code: s for s in UnitSuccession.objects.filter(predecessor=ha_trung).select_related("successor")
    }
    assert set(links) == {"15271", "15286"}
    assert links["15271"].primary and links["15271"].partial
    assert not links["15286"].primary

    # a subtree is a path prefix
    binh_gia = hong_thai.parent
    assert AdminUnit.objects.in_subtree(binh_gia).filter(level=Level.COMMUNE).count() == binh_gia.children.count()

    # the new province inherits every old unit that went into it, with a short list of path prefixes
    lang_son = current.get(level=Level.PROVINCE, name="Tỉnh Lạng Sơn")
    paths = rollup_paths(lang_son)
    assert len(paths) < 60
    assert AdminUnit.objects.rolling_into(lang_son).filter(pk=hong_thai.pk).exists()
    assert client.get(f"/units/{lang_son.pk}/").status_code == 200
    assert client.get(f"/plans/?unit={lang_son.pk}").status_code == 200

    again = units_load_official(data_dir=settings.DATA_DIR)
    assert sum(again.created.values()) == 0 and again.successions == 0
    assert AdminUnit.objects.count() == 34 + 3321 + 63 + 696 + 10051
