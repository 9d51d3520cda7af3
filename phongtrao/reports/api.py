from __future__ import annotations

import datetime as dt
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from phongtrao.accounts.auth import PUBLIC, WRITE_AUTH
from phongtrao.apitypes import CONFLICT, FORBIDDEN, NOT_FOUND, DecimalText, answers
from phongtrao.bounds import Id, column
from phongtrao.plans.access import get_plan_for_user
from phongtrao.reports import selectors as reports_selectors
from phongtrao.reports import services as reports_services
from phongtrao.reports.access import get_report_for_user, report_visible
from phongtrao.reports.models import Report, ReportComment, ReportSection
from phongtrao.ui.forms import VERSION_MAX

reports_router = Router(tags=["reports"])


class ReportSectionOut(Schema):
    id: int
    heading: str
    text: str
    comments: list[str]

    @staticmethod
    def resolve_comments(obj: ReportSection) -> list[str]:
        return [c.text for c in obj.comments.all()]


class FigureOut(Schema):
    label: str
    value: DecimalText | None
    source: str


class ReportOut(Schema):
    id: int
    plan: int = Field(validation_alias="plan_id")
    unit: int = Field(validation_alias="unit_id")
    unit_name: str
    kind: str
    title: str
    period_start: dt.date
    period_end: dt.date
    due_date: dt.date
    status: str
    version: int
    submitted_at: dt.datetime | None
    on_time: bool | None
    missing: bool
    reason: str

    @staticmethod
    def resolve_unit_name(obj: Report) -> str:
        return str(obj.unit)

    @staticmethod
    def resolve_missing(obj: Report) -> bool:
        return obj.due_date < timezone.localdate() and obj.submitted_at is None


class ReportDetailOut(ReportOut):
    sections: list[ReportSectionOut]
    figures: list[FigureOut]

    @staticmethod
    def resolve_sections(obj: Report) -> list[ReportSection]:
        return list(obj.sections.prefetch_related("comments"))

    @staticmethod
    def resolve_figures(obj: Report) -> list:
        return list(obj.figures.all())


@reports_router.get("", **PUBLIC, response=answers(list[ReportOut], NOT_FOUND))
def list_reports(request, plan: Id) -> list[Report]:
    """The plan's reports the caller writes or receives, with completeness and timeliness."""
    overview = reports_selectors.overview(get_plan_for_user(request.user, plan))
    return [r for r in overview.reports if report_visible(request.user, r)]


@reports_router.get("/{pk}", **PUBLIC, response=answers(ReportDetailOut, NOT_FOUND))
def get_report(request, pk: Id) -> Report:
    return get_report_for_user(request.user, pk)


class SectionIn(Schema):
    heading: column(ReportSection, "heading")
    text: column(ReportSection, "text") = ""


class ReportWriteIn(Schema):
    sections: list[SectionIn] = Field(max_length=200)


@reports_router.post("/{pk}/write", auth=WRITE_AUTH, response=answers(ReportDetailOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def write_report(request, pk: Id, payload: ReportWriteIn) -> Report:
    return reports_services.report_write(
        user=request.user,
        report=get_report_for_user(request.user, pk),
        sections=[s.dict() for s in payload.sections],
    )


@reports_router.post("/{pk}/submit", auth=WRITE_AUTH, response=answers(ReportOut, FORBIDDEN, NOT_FOUND, CONFLICT))
def submit_report(request, pk: Id) -> Report:
    return reports_services.report_submit(user=request.user, report=get_report_for_user(request.user, pk))


class RemarkIn(Schema):
    section: Id
    text: column(ReportComment, "text")


class DecisionIn(Schema):
    action: Literal["accept", "return"]
    version: int = Field(ge=1, le=VERSION_MAX)  # the version read: refused with 409 if it changed since
    reason: column(Report, "reason") = ""
    remarks: list[RemarkIn] = Field(default=[], max_length=200)


@reports_router.post(
    "/{pk}/decision", auth=WRITE_AUTH, response=answers(ReportDetailOut, FORBIDDEN, NOT_FOUND, CONFLICT)
)
def decide_report(request, pk: Id, payload: DecisionIn) -> Report:
    """Accept, or return with a reason and remarks on single sections."""
    report = get_report_for_user(request.user, pk)
    if payload.action == "accept":
        return reports_services.report_accept(user=request.user, report=report, version=payload.version)
    sections = {s.pk: s for s in report.sections.all()}
    if any(remark.section not in sections for remark in payload.remarks):
        raise ValidationError({"remarks": _("Nhận xét phải gắn với một mục của chính báo cáo này.")})
    return reports_services.report_return(
        user=request.user,
        report=report,
        version=payload.version,
        reason=payload.reason,
        comments=[{"section": sections[remark.section], "text": remark.text} for remark in payload.remarks],
    )
