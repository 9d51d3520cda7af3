from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from phongtrao.mywork.selectors import my_work


@login_required
def my_work_page(request):
    """Where each person lands after logging in: only their own work, so there is
    nothing here to hide from anyone else."""
    work = my_work(request.user, timezone.localdate())
    return render(request, "mywork/index.html", {"work": work})
