"""An issued plan's document never changes (it is cancelled and replaced, not edited), so
its full text (asked for by its page) keeps the document's fixed parts rendered and reads only what moves (duties,
registration calls): fewer queries, the same page. A draft is always read afresh; a
cancellation, another language or a reader who may hand targets down each get their own."""

import datetime as dt
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from phongtrao.plans import services
from phongtrao.testing import make_plan


def _view(client, plan) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/plans/{plan.pk}/document/")
    assert page.status_code == 200
    # the CSRF tokens differ from one answer to the next
    return re.sub(r"[A-Za-z0-9]{64}", "", page.content.decode()), len(queries)


def test_the_second_view_reads_less_and_shows_the_same(people):
    plan = make_plan(people, issued=True, title="Kế hoạch xây dựng đường giao thông")
    client = people.client(people.commune_officer)
    first, read_first = _view(client, plan)
    second, read_second = _view(client, plan)
    assert second == first and "Kế hoạch xây dựng đường giao thông" in second
    assert read_second <= read_first - 9  # the document's ten parts are not read again

    services.plan_cancel(user=people.commune_approver, plan=plan, reason="Thay bằng kế hoạch mới")
    cancelled, _read = _view(client, plan)
    assert "Kế hoạch xây dựng đường giao thông" in cancelled
    assert "Đã hủy" in client.get(f"/plans/{plan.pk}/").content.decode()


def test_each_language_and_each_kind_of_reader_gets_its_own(people):
    plan = make_plan(people)
    services.plan_set_parts(
        user=people.commune_officer,
        plan=plan,
        parts={"targets": [{"text": "Đường bê tông", "value": "5", "unit_of_measure": "km"}]},
    )
    services.plan_update(user=people.commune_approver, plan=plan, signer_name="A", issue_date=dt.date(2023, 2, 20))
    services.plan_issue(user=people.commune_approver, plan=plan)
    approver, visitor = people.client(people.commune_approver), people.client(None)
    assert "Giao cho cấp dưới" not in _view(visitor, plan)[0]
    assert "Giao cho cấp dưới" in _view(approver, plan)[0]  # not the visitor's copy
    assert "Giao cho cấp dưới" not in _view(visitor, plan)[0]
    visitor.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = _view(visitor, plan)[0]
    assert "<h2>Period</h2>" in english and "Thời gian thực hiện" not in english


def test_a_draft_is_read_afresh(people):
    plan = make_plan(people)
    client = people.client(people.commune_officer)
    _page, read_first = _view(client, plan)
    _page, read_second = _view(client, plan)
    assert read_second == read_first
