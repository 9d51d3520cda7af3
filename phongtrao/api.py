"""The JSON API: one NinjaAPI with a router per app, schema at /api/openapi.json."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from phongtrao.activities.api import contributions_router, duties_router, funds_router, workdays_router
from phongtrao.activities.api import router as registrations_router
from phongtrao.geo.api import router as geo_router
from phongtrao.monitoring.api import criteria_router, indicators_router, reports_router, rollup_router, values_router
from phongtrao.plans.api import parse_router
from phongtrao.plans.api import router as plans_router
from phongtrao.rewards.api import evaluations_router, nominations_router, pledges_router, rewards_router
from phongtrao.surveys.api import router as surveys_router

api = NinjaAPI(
    title="phongtrao API",
    version="1",
    description=_("Kế hoạch, phong trào thi đua và cuộc vận động xây dựng nông thôn mới."),
    urls_namespace="api",
)
api.add_router("/units", geo_router)
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
api.add_router("/pledges", pledges_router)
api.add_router("/evaluations", evaluations_router)
api.add_router("/nominations", nominations_router)
api.add_router("/rewards", rewards_router)
api.add_router("/surveys", surveys_router)

_FIELD_NAMES = {
    "issue_date": "Ngày ban hành",
    "period_start": "Thực hiện từ ngày",
    "period_end": "Đến ngày",
    "title": "Trích yếu",
    "number": "Số",
    "unit": "Đơn vị",
    "value": "Giá trị",
    "start": "Từ ngày",
    "end": "Đến ngày",
    "date": "Ngày",
    "deadline": "Thời hạn",
    "opens_on": "Từ ngày",
    "closes_on": "Đến ngày",
    "target_rate": "Tỷ lệ hài lòng cần đạt",
    "answers": "Câu trả lời",
}


@api.exception_handler(NinjaValidationError)
def invalid_input(request, exc):
    """Pydantic's English messages become one Vietnamese message per field."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(p) for p in error.get("loc", []) if p not in ("body", "payload", "query", "path")]
        name = loc[-1] if loc else "__all__"
        where = " › ".join(loc) if loc else _("dữ liệu gửi lên")
        label = _FIELD_NAMES.get(name, where)
        kind = error.get("type", "")
        if "date" in kind:
            message = _("%(f)s: ngày không hợp lệ (dùng dạng YYYY-MM-DD, ví dụ 2023-04-07).") % {"f": label}
        elif kind == "missing":
            message = _("%(f)s: bắt buộc phải có.") % {"f": label}
        elif "decimal" in kind or "float" in kind or "int" in kind:
            message = _("%(f)s: phải là một số.") % {"f": label}
        else:
            message = _("%(f)s: giá trị không hợp lệ.") % {"f": label}
        errors.setdefault(name, []).append(message)
    return api.create_response(request, {"errors": errors}, status=422)


@api.exception_handler(DjangoValidationError)
def rejected(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"errors": errors}, status=422)


@api.exception_handler(PermissionError)
@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(request, {"detail": str(exc) or _("Không có quyền.")}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Không tìm thấy.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"detail": _("Cần đăng nhập hoặc khóa API.")}, status=401)
