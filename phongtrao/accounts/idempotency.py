"""`Idempotency-Key` on a signed-in person's POST: the first copy is handled and its
answer kept (a form's redirect, or the API's JSON); a later copy with the same key gets
that answer without being handled again; a copy arriving while the first is still
handled is told so (409). A refusal (a form shown again with its errors, a 4xx, a 5xx)
keeps nothing: the key may be sent again once corrected."""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from phongtrao.accounts.models import SentRequest

KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KEPT_BODY = 64 * 1024


class IdempotencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request.headers.get("Idempotency-Key", "")
        if request.method != "POST" or not key or not request.user.is_authenticated:
            return self.get_response(request)
        if not KEY.match(key):
            return HttpResponse(_("Mã chống gửi trùng không hợp lệ."), status=400, content_type="text/plain")
        try:
            with transaction.atomic():
                sent = SentRequest.objects.create(user=request.user, key=key, path=request.path[:300])
        except IntegrityError:
            return self._first_answer(request, key)
        try:
            response = self.get_response(request)
        except BaseException:
            SentRequest.objects.filter(pk=sent.pk).delete()
            raise
        content_type = response.get("Content-Type", "")
        done = response.status_code in (301, 302, 303) or (
            200 <= response.status_code < 300
            and content_type.startswith("application/json")
            and len(response.content) <= KEPT_BODY
        )
        if done:
            SentRequest.objects.filter(pk=sent.pk).update(
                status=response.status_code,
                location=response.get("Location", "")[:500],
                content_type=content_type[:100] if response.status_code < 300 else "",
                body=response.content.decode() if response.status_code < 300 else "",
            )
        else:
            SentRequest.objects.filter(pk=sent.pk).delete()
        return response

    def _first_answer(self, request, key: str):
        first = SentRequest.objects.get(user=request.user, key=key)
        if first.status is None:
            response = render(
                request,
                "409.html",
                {"detail": _("Bản gửi trước vẫn đang được xử lý; hãy chờ giây lát rồi tải lại.")},
                status=409,
            )
        elif first.location:
            response = HttpResponseRedirect(first.location)
        else:
            response = HttpResponse(first.body, status=first.status, content_type=first.content_type or None)
        response["Idempotent-Replayed"] = "true"
        return response
