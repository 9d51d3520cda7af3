from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from phongtrao.mywork.selectors import my_work
from phongtrao.plans.access import get_plan_for_user


@login_required
def my_work_page(request):
    """Where each person lands after logging in: only their own work, so there is
    nothing here to hide from anyone else."""
    work = my_work(request.user, timezone.localdate())
    return render(request, "mywork/index.html", {"work": work})


def plan_actions(request, plan_pk: int):
    """The top of a plan's page: what the reader has to do on it (register, report,
    record a Saturday), asked for by the page itself (plans sits below the rooms that
    know these things)."""
    plan = get_plan_for_user(request.user, plan_pk)
    items = my_work(request.user, timezone.localdate()).on_plan(plan.pk) if request.user.is_authenticated else []
    return render(request, "mywork/_plan_actions_partial.html", {"items": items})
