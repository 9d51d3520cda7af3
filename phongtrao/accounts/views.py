from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phongtrao.accounts import permissions
from phongtrao.accounts.models import ApiToken, Membership
from phongtrao.accounts.services import AccountError, api_token_create, api_token_revoke


@login_required
def me(request):
    return render(
        request,
        "accounts/me.html",
        {
            "memberships": Membership.objects.active().filter(user=request.user).order_by("unit__depth"),
            "may_hold_tokens": permissions.may_hold_api_tokens(request.user),
            "tokens": ApiToken.objects.filter(user=request.user, revoked_at__isnull=True).order_by("-created_at"),
        },
    )


@login_required
@require_POST
def token_create(request):
    if not permissions.may_hold_api_tokens(request.user):
        raise PermissionDenied
    try:
        token, secret = api_token_create(user=request.user, name=request.POST.get("name", ""))
    except AccountError as exc:
        messages.error(request, str(exc))
        return redirect("accounts:me")
    messages.success(
        request,
        _("Khóa API “%(name)s”: %(secret)s — hãy lưu lại, khóa chỉ hiện một lần.")
        % {"name": token.name, "secret": secret},
    )
    return redirect("accounts:me")


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = ApiToken.objects.filter(pk=pk, user=request.user).first()
    if token is None:
        raise Http404
    api_token_revoke(token=token)
    messages.success(request, _("Đã thu hồi khóa “%(name)s”.") % {"name": token.name})
    return redirect("accounts:me")
