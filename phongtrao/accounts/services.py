from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts.models import ApiToken, Membership, Role, SentRequest, User
from phongtrao.geo.models import AdminUnit


class AccountError(ValueError):
    pass


@transaction.atomic
def membership_grant(*, user: User, unit: AdminUnit, role: str, title: str = "") -> Membership:
    if role not in Role.values:
        raise AccountError(_("Vai trò “%(role)s” không hợp lệ.") % {"role": role})
    for earlier in Membership.objects.filter(user=user, unit=unit, revoked_at__isnull=True):
        membership_revoke(membership=earlier)
    return Membership.objects.create(user=user, unit=unit, role=role, title=title)


@transaction.atomic
def membership_revoke(*, membership: Membership) -> None:
    """Ended, not deleted: the history keeps who held the role and until when."""
    membership.revoked_at = timezone.now()
    membership.save(update_fields=["revoked_at"])


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Returns the token and its secret, which is shown once and never stored."""
    if not name.strip():
        raise AccountError(_("Tên khóa API không được để trống."))
    secret, digest = ApiToken.new_secret()
    token = ApiToken.objects.create(user=user, name=name.strip(), digest=digest, hint=secret[:8])
    return token, secret


def api_token_revoke(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


# A phone resends a kept form within days, not months: after this its key is forgotten.
SENT_REQUESTS_KEPT = dt.timedelta(days=30)


def sent_requests_forget(*, now: dt.datetime | None = None) -> int:
    """The daily job's housekeeping: idempotency keys older than SENT_REQUESTS_KEPT."""
    now = now or timezone.now()
    return SentRequest.objects.filter(created_at__lt=now - SENT_REQUESTS_KEPT).delete()[0]
