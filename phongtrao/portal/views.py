"""The public portal: what citizens may see of campaigns, their progress, exemplary models,
rewards, contributions and surveys. No login and nothing that depends on who asks, so
each page is cached on the server and in browsers (PORTAL_CACHE_SECONDS), and light
enough for a cheap phone on a slow line: no script, small photos, a handful of queries."""

from __future__ import annotations

from functools import reduce, wraps
from operator import or_

from django.conf import settings
from django.db.models import Count, F, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, cache_page

from phongtrao.contributions import ledger
from phongtrao.geo.models import AdminUnit, rollup_paths
from phongtrao.plans.models import PUBLISHED, Plan, PlanStatus
from phongtrao.plans.target_progress import targets_progress
from phongtrao.rewards.models import Award, Exemplar, Nomination
from phongtrao.surveys.models import Survey, SurveyStatus
from phongtrao.surveys.results import survey_results

RUNNING = [PlanStatus.ISSUED, PlanStatus.IN_PROGRESS]


def public_page(view):
    """Cached for everyone alike; the language chosen is part of the cache key."""
    seconds = settings.PORTAL_CACHE_SECONDS
    cached = cache_control(public=True, max_age=seconds)(cache_page(seconds)(view))
    return wraps(view)(cached)


def _awards():
    return (
        Award.objects.filter(decision__corrected_by__isnull=True, decision__plan__status__in=PUBLISHED)
        .select_related("unit", "decision", "decision__reward_form", "decision__issuer_unit")
        .order_by("-decision__date", "-pk")
    )


def _surveys():
    return Survey.objects.public().for_list()


@public_page
def index(request):
    query = request.GET.get("q", "").strip()
    units = []
    if query:
        # Units merged away in 2025 are found too: people still say the old names.
        found = AdminUnit.objects.search(query).with_parent()
        units = list(found.order_by(F("valid_until").desc(nulls_first=True), "depth", "name")[:30])
    return render(
        request,
        "portal/index.html",
        {
            "query": query,
            "units": units,
            "provinces": list(AdminUnit.objects.current().filter(level="province").order_by("name")),
            "plans": list(Plan.objects.filter(status__in=RUNNING).for_list()[:8]),
            "exemplars": list(Exemplar.objects.published().for_list()[:6]),
            "awards": list(_awards()[:8]),
            "surveys": list(_surveys().filter(status=SurveyStatus.OPEN)[:8]),
        },
    )


def _subtrees(paths: list[str]) -> Q:
    return reduce(or_, (Q(path__startswith=path) for path in paths))


@public_page
def unit_page(request, pk: int):
    unit = AdminUnit.objects.filter(pk=pk).first()
    if unit is None:
        raise Http404
    # The unit's area is its subtree and those of the units merged into it; the plans
    # and surveys of the units above concern it too. One list of unit ids each, which
    # the database joins by index (an OR of conditions would scan every plan).
    paths = rollup_paths(unit)
    area = AdminUnit.objects.filter(_subtrees(paths))
    concerning = AdminUnit.objects.filter(_subtrees(paths) | Q(pk__in=unit.ancestor_ids))
    plans = list(Plan.objects.filter(status__in=RUNNING, unit__in=concerning).for_list()[:10])
    own_plans = [plan for plan in plans if any(plan.unit.path.startswith(path) for path in paths)]
    surveys = list(_surveys().filter(unit__in=concerning)[:3])
    return render(
        request,
        "portal/unit.html",
        {
            "unit": unit,
            "ancestors": list(unit.ancestors()),
            "children": unit.children.current().in_reading_order()[:300],
            "plans": plans,
            "targets": targets_progress(own_plans, timezone.localdate()),
            "totals": ledger.area_totals(unit),
            "exemplars": list(Exemplar.objects.published().filter(unit__in=area).for_list()[:6]),
            "awards": list(_awards().filter(unit__in=area)[:10]),
            "surveys": [(survey, survey_results(survey, public=True)) for survey in surveys],
        },
    )


@public_page
def plan_page(request, pk: int):
    plan = Plan.objects.published().select_related("unit", "parent").filter(pk=pk).first()
    if plan is None:
        raise Http404
    surveys = list(_surveys().filter(plan=plan)[:5])
    return render(
        request,
        "portal/plan.html",
        {
            "plan": plan,
            "phases": list(plan.phases.all()),
            "targets": targets_progress([plan], timezone.localdate()),
            "adopted": Plan.objects.published().filter(parent=plan).count(),
            "pledges": plan.pledges.live().aggregate(n=Count("pk"))["n"],
            "nominees": Nomination.objects.filter(plan=plan, disclosed_on__isnull=False).count(),
            "awards": list(_awards().filter(decision__plan=plan)[:50]),
            "exemplars": list(Exemplar.objects.published().filter(plan=plan).for_list()[:6]),
            "surveys": [(survey, survey_results(survey, public=True)) for survey in surveys],
        },
    )


@public_page
def exemplar_page(request, pk: int):
    exemplar = Exemplar.objects.published().select_related("unit", "plan").filter(pk=pk).first()
    if exemplar is None:
        raise Http404
    return render(request, "portal/exemplar.html", {"exemplar": exemplar, "photos": list(exemplar.photos.all())})


def language(request, code: str):
    """The language switch of the portal, a plain link: the pages carry no form or token,
    which is what lets them be cached for everyone."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/portal/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
