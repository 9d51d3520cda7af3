"""A village head types this month's figure on a phone; the commune enters its villages'.
Bad figures come back with the field named; an implausible one needs a tick to confirm."""

from decimal import Decimal

from django.utils import timezone

from phongtrao.indicators.models import Indicator, IndicatorValue, Rollup


def _url(unit):
    return f"/indicators/units/{unit.pk}/values/"


def _indicators():
    culture = Indicator.objects.create(
        code="ho-van-hoa", name="Tỷ lệ hộ văn hóa", value_type="ratio", aggregation="ratio_of_sums"
    )
    income = Indicator.objects.create(
        code="thu-nhap",
        name="Thu nhập bình quân",
        value_type="number",
        aggregation="weighted_mean",
        plausible_max=Decimal(200),
    )
    return culture, income


def _form(unit, indicator, **fields):
    return {"unit": unit.pk, "indicator": indicator.code, "period": "month", "date": timezone.localdate(), **fields}


def test_a_village_head_enters_a_ratio_and_the_commune_sees_it_at_once(people):
    culture, _income = _indicators()
    client = people.client(people.village_head)
    page = client.post(_url(people.village), _form(people.village, culture, numerator=45, denominator=50), follow=True)
    assert "Đã ghi Tỷ lệ hộ văn hóa của Thôn Đông" in page.content.decode()
    cell = Rollup.objects.get(indicator=culture, unit=people.commune)
    assert (cell.numerator_sum, cell.denominator_sum) == (Decimal(45), Decimal(50))
    assert [v.value for v in page.context["recent"]] == [Decimal(90)]


def test_bad_figures_come_back_with_the_field_named(people):
    culture, income = _indicators()
    client = people.client(people.commune_officer)
    over = client.post(_url(people.commune), _form(people.village, culture, numerator=60, denominator=50))
    assert "Tử số 60 lớn hơn mẫu số 50" in str(over.context["form"].errors["numerator"])
    future = client.post(
        _url(people.commune), _form(people.village, income, value=50, date=timezone.localdate().replace(year=2099))
    )
    assert "chưa bắt đầu" in str(future.context["form"].errors["date"])
    text = client.post(_url(people.commune), _form(people.village, income, value="năm mươi"))
    assert "value" in text.context["form"].errors
    assert not IndicatorValue.objects.exists()


def test_an_implausible_figure_is_saved_once_confirmed(people):
    _culture, income = _indicators()
    client = people.client(people.commune_officer)
    asked = client.post(_url(people.commune), _form(people.other_village, income, value=900))
    assert "ngoài khoảng hợp lý" in str(asked.context["form"].errors["confirm"])
    assert 'name="confirm"' in asked.content.decode()
    assert not IndicatorValue.objects.exists()
    client.post(_url(people.commune), _form(people.other_village, income, value=900, confirm="on"))
    assert IndicatorValue.objects.get().value == Decimal(900)


def test_only_units_in_reach_are_offered(people):
    culture, _income = _indicators()
    page = people.client(people.village_head).get(_url(people.village))
    assert [pk for pk, _name in page.context["form"].fields["unit"].choices] == [people.village.pk]
    elsewhere = people.client(people.village_head).post(
        _url(people.village), _form(people.other_village, culture, numerator=1, denominator=2)
    )
    assert "unit" in elsewhere.context["form"].errors and not IndicatorValue.objects.exists()


def test_outsiders_get_404_and_viewers_403(people, django_assert_max_num_queries):
    assert people.client(people.outsider).get(_url(people.commune)).status_code == 404
    assert people.client(people.commune_viewer).get(_url(people.commune)).status_code == 403
    client = people.client(people.commune_officer)
    client.get(_url(people.commune))
    with django_assert_max_num_queries(12):
        assert client.get(_url(people.commune)).status_code == 200
