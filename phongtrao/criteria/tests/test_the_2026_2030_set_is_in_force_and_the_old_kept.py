"""From 15/02/2026 communes are assessed against 51/2025/QĐ-TTg; the 2021–2025 sets stay
for the history of what was recognised under them; the data files carry the official
wording the sources give."""

import datetime as dt

from phongtrao.criteria.models import CriteriaSet, IndicatorLevel


def test_the_2026_2030_set_has_ten_criteria_and_three_commune_groups(current_set):
    assert current_set.criteria.count() == 10 and current_set.valid_from == dt.date(2026, 2, 15)
    assert [g.name for g in current_set.groups.all()] == ["Xã nhóm 1", "Xã nhóm 2", "Xã nhóm 3"]
    assert "vùng đồng bào dân tộc thiểu số" in current_set.groups.get(number=3).definition
    assert current_set.criteria.get(number=7).name == "Khoa học công nghệ và chuyển đổi số"


def test_the_set_in_force_depends_on_the_day(current_set):
    def in_force(day):
        return set(CriteriaSet.objects.in_force_on(day).filter(level="commune").values_list("code", flat=True))

    assert "ntm-xa-2026-2030" in in_force(dt.date(2026, 3, 1))
    assert "ntm-xa-2021-2025" not in in_force(dt.date(2026, 3, 1))
    assert "ntm-xa-2021-2025" in in_force(dt.date(2026, 2, 14))
    assert "ntm-xa-2026-2030" not in in_force(dt.date(2026, 2, 14))


def test_the_old_files_are_corrected_from_their_sources(current_set):
    model = CriteriaSet.objects.get(code="ntm-xa-kieu-mau-2021-2025")
    assert model.source.startswith("Quyết định số 319/QĐ-TTg")
    old = CriteriaSet.objects.get(code="ntm-xa-2021-2025")
    health = {i.code: i.name for i in old.criteria.get(number=15).indicators.all()}
    assert (
        health["15.3"].endswith("(chiều cao theo tuổi)")
        and health["15.4"] == "Tỷ lệ dân số có sổ khám chữa bệnh điện tử"
    )
    labour = {i.code: i.name for i in old.criteria.get(number=12).indicators.all()}
    assert labour["12.2"] == "Tỷ lệ lao động qua đào tạo (áp dụng đạt cho cả nam và nữ)"


def test_a_garden_set_loads_with_its_levels_for_every_garden(current_set):
    garden = CriteriaSet.objects.get(code="ha-tinh-vuon-mau")
    assert garden.level == "garden" and not garden.groups.exists()
    first = garden.criteria.get(number=1).indicators.get(code="1.1")
    level = IndicatorLevel.objects.get(indicator=first)
    assert (level.group, level.text, level.comparator, level.amount) == (None, "Đạt", "", None)
