"""Fetching work days and their photos for a user: 404 out of sight, 403 read-only."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts.permissions import Someone
from phongtrao.plans.access import get_plan_for_user
from phongtrao.workdays.models import WorkDay, WorkDayPhoto


def get_work_day_for_user(user: Someone, pk: int) -> WorkDay:
    """A work day is seen by whoever sees its plan."""
    work_day = WorkDay.objects.select_related("plan", "plan__unit", "unit").filter(pk=pk).first()
    if work_day is None:
        raise Http404
    get_plan_for_user(user, work_day.plan_id)
    return work_day


def get_work_day_photo_for_user(user: Someone, pk: int) -> WorkDayPhoto:
    photo = WorkDayPhoto.objects.filter(pk=pk).first()
    if photo is None:
        raise Http404
    get_work_day_for_user(user, photo.work_day_id)
    return photo
