"""The JSON API: one NinjaAPI with a router per app, schema at /api/openapi.json.

Every refusal has the one shape of `apitypes.ErrorOut`: 401 without valid credentials,
403 for an action the caller's role does not allow, 404 out of sight, 409 when someone
else changed it first (or a duplicate), 422 for input refused field by field."""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from phongtrao.apitypes import CONFLICT, FORBIDDEN, INVALID, NOT_FOUND, UNAUTHENTICATED
from phongtrao.concurrency import Conflict
from phongtrao.contributions.api import contributions_router, funds_router
from phongtrao.criteria.api import criteria_router
from phongtrao.indicators.api import indicators_router, values_router
from phongtrao.jobs.api import jobs_router
from phongtrao.mywork.api import my_work_router
from phongtrao.notifications.api import notifications_router
from phongtrao.plans.api import duties_router, parse_router, rollup_router
from phongtrao.plans.api import router as plans_router
from phongtrao.plans.services import PARTS
from phongtrao.registrations.api import router as registrations_router
from phongtrao.reports.api import reports_router
from phongtrao.rewards.api import evaluations_router, nominations_router, pledges_router, rewards_router
from phongtrao.surveys.api import router as surveys_router
from phongtrao.units.api import reviews_router
from phongtrao.units.api import router as units_router
from phongtrao.workdays.api import workdays_router

logger = logging.getLogger(__name__)


api = NinjaAPI(
    title="phongtrao API",
    version="1",
    description=_("Kế hoạch, phong trào thi đua và cuộc vận động xây dựng nông thôn mới."),
    urls_namespace="api",
)
api.add_router("/units", units_router)
api.add_router("/plans", plans_router)
api.add_router("/parse", parse_router)
api.add_router("/registrations", registrations_router)
api.add_router("/contributions", contributions_router)
api.add_router("/funds", funds_router)
api.add_router("/duties", duties_router)
api.add_router("/workdays", workdays_router)
api.add_router("/indicators", indicators_router)
api.add_router("/values", values_router)
api.add_router("/rollup", rollup_router)
api.add_router("/criteria", criteria_router)
api.add_router("/reports", reports_router)
api.add_router("/reviews", reviews_router)
api.add_router("/pledges", pledges_router)
api.add_router("/evaluations", evaluations_router)
api.add_router("/nominations", nominations_router)
api.add_router("/rewards", rewards_router)
api.add_router("/surveys", surveys_router)
api.add_router("/jobs", jobs_router)
api.add_router("/my-work", my_work_router)
api.add_router("/notifications", notifications_router)

_FIELD_NAMES = {
    "issue_date": "Ngày ban hành",
    "period_start": "Thực hiện từ ngày",
    "period_end": "Đến ngày",
    "title": "Trích yếu",
    "number": "Số",
    "unit": "Đơn vị",
    "value": "Giá trị",
    "amount": "Số lượng",
    "start": "Từ ngày",
    "end": "Đến ngày",
    "date": "Ngày",
    "deadline": "Thời hạn",
    "opens_on": "Từ ngày",
    "closes_on": "Đến ngày",
    "target_rate": "Tỷ lệ hài lòng cần đạt",
    "answers": "Câu trả lời",
    "page": "Trang",
    "year": "Năm",
    "kind": "Loại",
    "weight": "Trọng số",
    "quantity": "Số lượng",
}


_LIST_NAMES = {part: str(label) for part, (_model, _fields, label) in PARTS.items()} | {
    "lines": "Nguồn lực huy động",
    "sections": "Mục",
    "remarks": "Nhận xét",
    "questions": "Nội dung",
}


def refused(request, status: int, detail: str, errors: dict[str, list[str]] | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or {}}, status=status)


def _message(error: dict, label: str) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "string_nul":
        return _("%(f)s: không được chứa ký tự rỗng (NUL).") % {"f": label}
    if kind == "missing":
        return _("%(f)s: bắt buộc phải có.") % {"f": label}
    if kind == "string_too_long":
        return _("%(f)s: dài quá %(n)s ký tự.") % {"f": label, "n": context.get("max_length")}
    if kind in ("less_than_equal", "less_than"):
        return _("%(f)s: phải không lớn hơn %(n)s.") % {"f": label, "n": context.get("le", context.get("lt"))}
    if kind in ("greater_than_equal", "greater_than"):
        return _("%(f)s: phải không nhỏ hơn %(n)s.") % {"f": label, "n": context.get("ge", context.get("gt"))}
    if kind == "decimal_max_digits":
        return _("%(f)s: số quá lớn (tối đa %(n)s chữ số).") % {"f": label, "n": context.get("max_digits")}
    if kind == "decimal_max_places":
        return _("%(f)s: tối đa %(n)s chữ số sau dấu phẩy.") % {"f": label, "n": context.get("decimal_places")}
    if kind in ("literal_error", "enum"):
        return _("%(f)s: phải là một trong: %(v)s.") % {"f": label, "v": context.get("expected", "")}
    if "date" in kind:
        return _("%(f)s: ngày không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2023-04-07).") % {"f": label}
    if "decimal" in kind or "float" in kind or "int" in kind or kind == "finite_number":
        return _("%(f)s: phải là một số.") % {"f": label}
    if kind == "json_invalid":
        return _("Dữ liệu gửi lên không phải JSON hợp lệ.")
    return _("%(f)s: giá trị không hợp lệ.") % {"f": label}


@api.exception_handler(NinjaValidationError)
def invalid_input(request, exc):
    """Pydantic's English messages become one Vietnamese message per field."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(p) for p in error.get("loc", []) if p not in ("body", "payload", "query", "path")]
        loc = [p for p in loc if not p.startswith(("function-", "constrained-", "lax-", "json-"))]
        top = loc[0] if loc else "__all__"
        leaf = next((p for p in reversed(loc) if not p.isdigit()), top)
        label = (error.get("ctx") or {}).get("label") or _FIELD_NAMES.get(leaf) or leaf
        message = _message(error, label)
        rows = [int(p) + 1 for p in loc[1:] if p.isdigit()]
        if rows:  # a row of a list: "Thời hạn, dòng 2: Hạn: …"
            message = _("%(list)s, dòng %(n)s: %(m)s") % {"list": _LIST_NAMES.get(top, top), "n": rows[0], "m": message}
        errors.setdefault(top, []).append(message)
    return refused(request, INVALID, _("Dữ liệu gửi lên chưa hợp lệ."), errors)


@api.exception_handler(HttpError)
def unreadable(request, exc):
    """Ninja's own refusals (a body that is not JSON at all), in the one error shape."""
    if exc.status_code == 400:
        return refused(request, INVALID, _("Dữ liệu gửi lên không đọc được (cần JSON hợp lệ)."))
    return refused(request, exc.status_code, str(exc))


@api.exception_handler(DjangoValidationError)
def rejected(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return refused(request, INVALID, _("Dữ liệu gửi lên chưa hợp lệ."), errors)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return refused(request, FORBIDDEN, str(exc) or _("Bạn không có quyền thực hiện thao tác này."))


@api.exception_handler(Http404)
def not_found(request, exc):
    return refused(request, NOT_FOUND, _("Không tìm thấy."))


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return refused(request, UNAUTHENTICATED, _("Cần đăng nhập hoặc khóa API còn hiệu lực."))


@api.exception_handler(Conflict)
def conflict(request, exc):
    return refused(request, CONFLICT, exc.message)


@api.exception_handler(IntegrityError)
def collided(request, exc):
    """A uniqueness the database enforced against an insert no check foresaw: the other
    request won. Logged, since a service should have named it."""
    logger.warning("integrity error on %s: %s", request.path, exc)
    return refused(request, CONFLICT, Conflict().message)


@api.exception_handler(DataError)
def out_of_range(request, exc):
    """A value the database refused (too long, too large) that no bound caught: logged."""
    logger.warning("data error on %s: %s", request.path, exc)
    return refused(request, INVALID, _("Có giá trị quá lớn hoặc quá dài so với quy định."))
