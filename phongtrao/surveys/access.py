"""Fetching a survey for a user: 404 out of sight, 403 when seen but not allowed."""

from __future__ import annotations

from django.http import Http404

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.surveys.models import Survey


def get_survey_for_user(user: Someone, pk: int, *, action: str | None = None) -> Survey:
    """Open and closed surveys of published plans are public; drafts need a role over the
    survey's unit. `action` None means read."""
    survey = Survey.objects.select_related("plan", "plan__unit", "unit", "target").filter(pk=pk).first()
    if survey is None:
        raise Http404
    permissions.require_sight(user, survey.unit, public=survey.is_public, action=action)
    return survey
