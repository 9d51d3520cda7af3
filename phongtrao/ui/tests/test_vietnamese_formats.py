import datetime as dt
from decimal import Decimal

from phongtrao.ui.formatting import number_text
from phongtrao.ui.templatetags.vn import vnd, vndate


def test_money_dates_and_decimals_are_written_the_vietnamese_way():
    assert vnd(Decimal("1000000")) == "1.000.000 đ"
    assert vnd(134000000) == "134.000.000 đ"
    assert number_text(Decimal("61.5000")) == "61,5"
    assert number_text(Decimal("-1234.25")) == "-1.234,25"
    assert number_text(None) == ""
    assert vndate(dt.date(2023, 4, 7)) == "07/04/2023"


def test_the_interface_is_vietnamese_whatever_the_browser_says(client, db):
    page = client.get("/plans/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Kế hoạch, phong trào, cuộc vận động" in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/plans/"})
    assert "Plans, movements and campaigns" in client.get("/plans/").content.decode()
