"""Who is asking: a session (pages, and the API from the pages with CSRF) or a personal
API token (`Authorization: Bearer pt_…`)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import APIKeyHeader, SessionAuth

from phongtrao.accounts.models import ApiToken, User


class BearerToken(APIKeyHeader):
    param_name = "Authorization"

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        if not key:
            return None
        # A caller who sends credentials means to be someone: a wrong or revoked token
        # is refused with 401, never served as an anonymous visitor.
        if not key.startswith("Bearer "):
            raise AuthenticationError
        token = ApiToken.objects.find(key.removeprefix("Bearer ").strip())
        if token is None:
            raise AuthenticationError
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        request.user = token.user
        return token.user


class Anonymous:
    """Lets a request through without credentials; for endpoints that serve public data
    to everyone and more to permitted users."""

    def __call__(self, request: HttpRequest) -> AnonymousUser | User:
        return request.user if request.user.is_authenticated else AnonymousUser()


WRITE_AUTH = [BearerToken(), SessionAuth()]
READ_AUTH = [BearerToken(), SessionAuth(), Anonymous()]

# A read anyone may make (public records, and more for those signed in): the schema says
# that credentials are optional there (the empty requirement), not required.
PUBLIC = {"auth": READ_AUTH, "openapi_extra": {"security": [{"BearerToken": []}, {"SessionAuth": []}, {}]}}
