import datetime as dt
from decimal import Decimal

from phongtrao.ui.templatetags.vn import vn_number, vnd, vndate


def test_money_dates_and_decimals_are_written_the_vietnamese_way():
    assert vnd(Decimal("1000000")) == "1.000.000 đ"
    assert vnd(134000000) == "134.000.000 đ"
    assert vn_number(Decimal("61.5000")) == "61,5"
    assert vn_number(Decimal("-1234.25")) == "-1.234,25"
    assert vn_number(None) == ""
    assert vndate(dt.date(2023, 4, 7)) == "07/04/2023"
