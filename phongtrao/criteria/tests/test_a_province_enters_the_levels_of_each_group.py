"""The 47 indicators of 51/2025/QĐ-TTg and their levels per commune group are not in any
readable source: a province's administrator types them from the decision, one by one or
in the set's Excel template; a bad sheet saves nothing and names what is wrong."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from phongtrao.criteria.models import CriterionIndicator, IndicatorLevel
from phongtrao.testing import table_rows

LEVELS = {"code": "8.1", "name": "Tỷ lệ hộ được sử dụng nước sạch", "unit_of_measure": "%"}


def test_an_indicator_is_typed_with_a_level_for_each_group(people, current_set, province_admin):
    environment = current_set.criteria.get(number=8)
    client = people.client(province_admin)
    response = client.post(
        f"/criteria/criteria/{environment.pk}/indicators/new/",
        {**LEVELS, "level_0": "≥ 80%", "level_1": "≥ 70%", "level_2": "≥ 60,5%"},
        follow=True,
    )
    assert "Đã lưu chỉ tiêu 8.1." in response.content.decode()
    indicator = CriterionIndicator.objects.get(criterion=environment, code="8.1")
    assert [
        (level.group.name, level.comparator, str(level.amount)) for level in indicator.levels.order_by("group")
    ] == [
        ("Xã nhóm 1", ">=", "80.0000"),
        ("Xã nhóm 2", ">=", "70.0000"),
        ("Xã nhóm 3", ">=", "60.5000"),
    ]
    page = people.client(None).get(f"/criteria/{current_set.pk}/levels/").content.decode()
    assert "≥ 60,5%" in page and "Tỷ lệ hộ được sử dụng nước sạch" in page
    # corrected later: the level of group 3 emptied, the change kept in the history
    client.post(f"/criteria/indicators/{indicator.pk}/edit/", {**LEVELS, "level_0": "≥ 80%", "level_1": "≥ 70%"})
    assert indicator.levels.count() == 2
    assert IndicatorLevel.history.filter(indicator_id=indicator.pk, history_type="-").count() == 1


def test_it_refuses_an_indicator_code_already_in_the_set(people, current_set, province_admin):
    economy, environment = current_set.criteria.get(number=3), current_set.criteria.get(number=8)
    client = people.client(province_admin)
    client.post(f"/criteria/criteria/{environment.pk}/indicators/new/", LEVELS)
    text = client.post(f"/criteria/criteria/{economy.pk}/indicators/new/", LEVELS).content.decode()
    assert "Mã chỉ tiêu “8.1” đã có trong bộ tiêu chí này." in text
    assert CriterionIndicator.objects.filter(criterion__criteria_set=current_set).count() == 1


def test_it_refuses_anyone_but_a_province_administrator(people, current_set):
    environment = current_set.criteria.get(number=8)
    url = f"/criteria/criteria/{environment.pk}/indicators/new/"
    for user in (people.commune_officer, people.district_officer, people.outsider):
        assert people.client(user).post(url, LEVELS).status_code == 403
        assert people.client(user).get(url).status_code == 403
    assert people.client(None).get(url).status_code == 302  # to the login page
    upload = SimpleUploadedFile("muc-dat.xlsx", _template(people, current_set, [["8", None, "8.1", "Nước sạch", "%"]]))
    assert (
        people.client(people.commune_officer).post(f"/criteria/{current_set.pk}/levels/", {"file": upload}).status_code
        == 403
    )
    assert not CriterionIndicator.objects.filter(criterion__criteria_set=current_set).exists()


def _template(people, current_set, rows: list[list]) -> bytes:
    """The set's template as the page gives it, with `rows` typed under its header."""
    sheet = people.client(None).get(f"/criteria/{current_set.pk}/sheet.xlsx").content
    workbook = load_workbook(io.BytesIO(sheet))
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_excel_template_filled_in_loads_every_level(people, current_set, province_admin):
    header = table_rows(people.client(None).get(f"/criteria/{current_set.pk}/sheet.xlsx").content)[0]
    assert list(header[-3:]) == ["Mức đạt: Xã nhóm 1", "Mức đạt: Xã nhóm 2", "Mức đạt: Xã nhóm 3"]
    filled = _template(
        people,
        current_set,
        [
            [8, None, "8.1", "Tỷ lệ hộ được sử dụng nước sạch", "%", "≥ 80%", "≥ 70%", "≥ 60%"],
            [None, None, "8.2", "Tỷ lệ chất thải rắn được thu gom", "%", "≥ 95%", "≥ 90%", None],
            [6, None, "6.1", "Tỷ lệ hộ nghèo đa chiều", "%", "≤ 1%", "≤ 3%", "≤ 10%"],
        ],
    )
    response = people.client(province_admin).post(
        f"/criteria/{current_set.pk}/levels/", {"file": SimpleUploadedFile("muc-dat.xlsx", filled)}, follow=True
    )
    assert "Đã nạp chỉ tiêu và mức đạt." in response.content.decode()
    levels = IndicatorLevel.objects.filter(indicator__criterion__criteria_set=current_set)
    assert levels.count() == 8
    poverty = levels.get(indicator__code="6.1", group__number=3)
    assert (poverty.comparator, poverty.amount, poverty.indicator.unit_of_measure) == ("<=", 10, "%")
    assert current_set.criteria.get(number=8).name == "Môi trường và cảnh quan nông thôn"  # names kept
    again = table_rows(people.client(None).get(f"/criteria/{current_set.pk}/sheet.xlsx").content)
    assert ("8.2", "Tỷ lệ chất thải rắn được thu gom", "%", "≥ 95%", "≥ 90%", None) in [r[2:] for r in again]


def test_a_sheet_with_a_group_the_set_lacks_or_a_repeated_code_saves_nothing(people, current_set, province_admin):
    workbook_bytes = _template(people, current_set, [[8, None, "8.1", "Nước sạch", "%", "≥ 80%", "≥ 70%", "≥ 60%"]])
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    sheet = workbook.active
    header_row = next(row for row in sheet.iter_rows() if row[0].value == "Tiêu chí số")
    header_row[len(header_row) - 1].value = "Mức đạt: Xã nhóm 4"
    out = io.BytesIO()
    workbook.save(out)
    client = people.client(province_admin)
    text = client.post(
        f"/criteria/{current_set.pk}/levels/", {"file": SimpleUploadedFile("muc-dat.xlsx", out.getvalue())}
    ).content.decode()
    assert "Chỉ tiêu 8.1: không có nhóm “Xã nhóm 4” trong bộ tiêu chí" in text
    repeated = _template(
        people,
        current_set,
        [[8, None, "8.1", "Nước sạch", "%", "≥ 80%", None, None], [9, None, "8.1", "Lặp lại", "%", None, None, None]],
    )
    text = client.post(
        f"/criteria/{current_set.pk}/levels/", {"file": SimpleUploadedFile("muc-dat.xlsx", repeated)}
    ).content.decode()
    assert "Mã chỉ tiêu “8.1” bị trùng." in text
    assert not CriterionIndicator.objects.filter(criterion__criteria_set=current_set).exists()
