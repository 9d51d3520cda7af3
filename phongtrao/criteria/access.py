"""Fetching criteria and dossier files: sets and criteria are public, dossiers are not."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from phongtrao.accounts import permissions
from phongtrao.accounts.permissions import Someone
from phongtrao.criteria.models import CriteriaSet, Criterion, CriterionIndicator, DossierFile, Garden


def get_dossier_file_for_user(user: Someone, pk: int) -> DossierFile:
    """A criterion's dossier is internal to those with a role over the unit (see the
    permission module's public and internal rule)."""
    dossier = DossierFile.objects.select_related("unit").filter(pk=pk).first()
    if dossier is None:
        raise Http404
    permissions.require_sight(user, dossier.unit, public=False)
    return dossier


def get_criteria_set(pk: int) -> CriteriaSet:
    return get_object_or_404(CriteriaSet, pk=pk)


def get_criterion(pk: int) -> Criterion:
    return get_object_or_404(Criterion.objects.select_related("criteria_set"), pk=pk)


def get_indicator(pk: int) -> CriterionIndicator:
    return get_object_or_404(CriterionIndicator.objects.select_related("criterion__criteria_set"), pk=pk)


def get_garden(pk: int) -> Garden:
    """Model gardens are public, like the units they are in."""
    return get_object_or_404(Garden.objects.select_related("unit", "criteria_set"), pk=pk)
