"""The page's queries do not grow with the number of items."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phongtrao.testing import register


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("mywork:index")).status_code == 200
    return len(captured.captured_queries)


def test_few_or_many_items_take_the_same_queries(people, running_plan):
    head, officer = people.client(people.village_head), people.client(people.commune_officer)
    register(people, running_plan)
    few = _queries(head), _queries(officer)
    for n in range(6):
        register(people, running_plan, content=f"Phần việc {n}")
        register(people, running_plan, village=people.other_village, head=people.other_village_head)
    assert (_queries(head), _queries(officer)) == few
