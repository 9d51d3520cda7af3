"""The one permission module. Every page and API endpoint asks here.

A membership gives a role over a unit and its subtree; a superuser holds the admin role
over every unit. Through mergers, a member of a
new commune also holds that role over the communes that went into it (their plans and
figures now belong to the successor). Published documents are public; everything else
needs a role over the unit the object belongs to.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from phongtrao.accounts.models import ROLE_RANK, Membership, Role, User
from phongtrao.geo.models import AdminUnit, Level, rollup_paths

# Whoever asks: a signed-in user or a visitor.
Someone = User | AnonymousUser

# What each action needs, at least.
VIEW = "view"  # drafts and internal records of a unit
REPORT = "report"  # enter figures and progress
EDIT = "edit"  # write plans and their parts
APPROVE = "approve"  # issue, cancel, confirm
ADMINISTER = "administer"  # memberships, units, imports of the tree

REQUIRED_ROLE = {
    VIEW: Role.VIEWER,
    REPORT: Role.REPORTER,
    EDIT: Role.OFFICER,
    APPROVE: Role.APPROVER,
    ADMINISTER: Role.ADMIN,
}


def _scopes(user: Someone) -> list[tuple[str, str]]:
    """(path prefix, role) pairs the user holds, cached on the user object per request."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_phongtrao_scopes", None)
    if cached is None and user.is_superuser:
        cached = [("/", Role.ADMIN)]  # every unit path starts with "/"
    if cached is None:
        cached = []
        for membership in Membership.objects.active().filter(user=user):
            for path in rollup_paths(membership.unit):
                cached.append((path, membership.role))
        user._phongtrao_scopes = cached
    return cached


def role_over(user: Someone, unit: AdminUnit) -> str | None:
    """The highest role the user holds over `unit`, or None."""
    best = None
    for path, role in _scopes(user):
        if unit.path.startswith(path) and (best is None or ROLE_RANK[role] > ROLE_RANK[best]):
            best = role
    return best


def can(user: Someone, action: str, unit: AdminUnit) -> bool:
    role = role_over(user, unit)
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[REQUIRED_ROLE[action]]


def demand(user: Someone, action: str, unit: AdminUnit) -> None:
    """For services: refuse with PermissionDenied, which pages and the API answer with 403."""
    if not can(user, action, unit):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này ở %(unit)s.") % {"unit": unit})


def require(user: Someone, action: str, unit: AdminUnit, *, visible: bool) -> None:
    """Refuse: 404 when the object is out of the user's sight, 403 when it is seen but
    the action is not allowed (healthchecks' _get_rw_check_for_user pattern)."""
    if can(user, action, unit):
        return
    if not visible:
        raise Http404
    raise PermissionDenied


def require_sight(user: Someone, unit: AdminUnit, *, public: bool, action: str | None = None) -> None:
    """For access helpers: an object is seen when it is public or the user may view its
    unit (404 otherwise); an action then needs its role (403 when seen but not allowed)."""
    visible = public or can(user, VIEW, unit)
    if not visible:
        raise Http404
    if action is not None:
        require(user, action, unit, visible=True)


# What is public and what is internal, decided here once.
#
# Public, to anyone: issued plans and what they set out (phases, targets and their
# progress, duties); figures of a unit (indicator values and their roll-ups, ledger
# totals, the criteria a commune has achieved, survey results in groups); reward
# decisions and their awards; published exemplary models; the files of published things.
# Internal, to those with a role over the unit (`sees_internal`): drafts; who entered,
# assessed or decided what, and their notes and reasons; criterion dossiers; evidence
# and photos of plans not yet issued; households; the ledger's lines with their names
# withheld; refused ballots.


def may_hold_api_tokens(user: Someone) -> bool:
    """Personal API tokens serve integrations (a district's reporting software): officers
    and above; a village head works on the pages and is not offered them."""
    return any(ROLE_RANK[role] >= ROLE_RANK[Role.OFFICER] for _path, role in _scopes(user))


def sees_personal(user: Someone, owner_id: int | None) -> bool:
    """Records of one person's own (a job they started, its file): theirs; administrators
    (superusers) may read them, to help, and see the system's own (no owner)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.pk == owner_id or user.is_superuser


def owns(user: Someone, owner_id: int | None) -> bool:
    return user.is_authenticated and user.is_active and owner_id is not None and user.pk == owner_id


def sees_operations(user: Someone) -> bool:
    """The queue's backlog and others' failures: administrators of the whole system."""
    return user.is_authenticated and user.is_active and user.is_superuser


def keeps_national_criteria(user: Someone) -> bool:
    """Whether the user enters the national criteria's indicators and levels from the
    decision's text: an administrator of a province (the sets are the same everywhere;
    a commune or district does not write them)."""
    return units_for(user, ADMINISTER).filter(level=Level.PROVINCE).exists()


def sees_internal(user: Someone, unit: AdminUnit) -> bool:
    """Whether the user may read a unit's internal records (see the rule above)."""
    return can(user, VIEW, unit)


def scope_filter(user: Someone, action: str, field: str = "unit") -> Q:
    """A filter for objects (through `field`, a foreign key to AdminUnit, or "" for
    units themselves) on which the user may do `action`; matches nothing for a user
    with no role."""
    needed = ROLE_RANK[REQUIRED_ROLE[action]]
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    condition = Q(pk__in=[])
    for path, role in _scopes(user):
        if ROLE_RANK[role] >= needed:
            condition |= Q(**{lookup: path})
    return condition


def units_for(user: Someone, action: str):
    """Units on which the user may do `action` (for choosing where to create)."""
    return AdminUnit.objects.filter(scope_filter(user, action, field=""))


def home_units(user: Someone) -> list[AdminUnit]:
    """The units the user's memberships are on: where their pages start."""
    if not user.is_authenticated:
        return []
    return [m.unit for m in Membership.objects.active().filter(user=user).order_by("unit__depth", "unit__name")]


def acting_units(user: Someone, action: str) -> list[AdminUnit]:
    """The units the user acts for with `action`: their memberships' own units where the
    role suffices (a village head reports for the village; a commune officer decides for
    the commune, not for every commune a district officer's role happens to reach)."""
    if not user.is_authenticated:
        return []
    needed = ROLE_RANK[REQUIRED_ROLE[action]]
    memberships = getattr(user, "_phongtrao_memberships", None)
    if memberships is None:  # read once per request, whatever the number of questions
        memberships = list(Membership.objects.active().filter(user=user).order_by("unit__depth", "unit__name"))
        user._phongtrao_memberships = memberships
    return list(dict.fromkeys(m.unit for m in memberships if ROLE_RANK[m.role] >= needed))


def concerning_filter(user: Someone, field: str = "unit") -> Q:
    """Objects that concern the user's units: on the units themselves, below them, or
    on a unit above them (a district plan concerns every village of the district)."""
    condition = Q(pk__in=[])
    for unit in home_units(user):
        condition |= Q(**{f"{field}__path__startswith": unit.path}) | Q(**{f"{field}_id__in": unit.ancestor_ids})
    return condition
