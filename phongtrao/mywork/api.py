from __future__ import annotations

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema

from phongtrao.accounts.auth import WRITE_AUTH
from phongtrao.apitypes import answers
from phongtrao.mywork.selectors import MyWork, my_work

my_work_router = Router(tags=["my work"])


class WorkItemOut(Schema):
    title: str
    detail: str
    url: str
    action: str
    due: dt.date | None
    late: bool
    reason: str
    plan_id: int | None


class WorkSectionOut(Schema):
    key: str
    title: str
    count: int
    items: list[WorkItemOut]


class MyWorkOut(Schema):
    """What the page "Việc của tôi" shows, section by section; `count` is the number of items."""

    count: int
    sections: list[WorkSectionOut]


@my_work_router.get("", auth=WRITE_AUTH, response=answers(MyWorkOut))
def get_my_work(request) -> MyWork:
    return my_work(request.user, timezone.localdate())
