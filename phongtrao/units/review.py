"""What an interim or final review (sơ kết, tổng kết) of a plan says of its period, read
from what the system holds through the same selectors as the unit's dashboard, and the
review's body drafted from it as editable sections (in Vietnamese, whatever the reader's
language: the text goes into a signed document)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import translation
from django.utils.translation import gettext as _

from phongtrao.contributions import ledger
from phongtrao.contributions.models import ContributionKind
from phongtrao.grouping import grouped
from phongtrao.plans.selectors import DutyGrid, duty_grid
from phongtrao.plans.target_progress import ExpectedProgress, expected_progress
from phongtrao.registrations.models import CallKind, Registration, RegistrationStatus
from phongtrao.reports.models import Report
from phongtrao.rewards.models import Award, Exemplar
from phongtrao.ui.formatting import day_text, money_text, number_text
from phongtrao.workdays.models import WorkDay, WorkDayStatus, WorkResult


@dataclass
class ReviewFigures:
    report: Report
    targets: list[ExpectedProgress]
    duties: DutyGrid
    work_days: dict[str, int]
    results: list[dict]  # what the Saturdays held did, summed by what and its unit of measure
    given: ledger.Totals
    registrations: dict[str, int]
    exemplars: list[Exemplar]
    awards: list[Award]

    @property
    def start(self) -> dt.date:
        return self.report.period_start

    @property
    def end(self) -> dt.date:
        return self.report.period_end


def review_figures(report: Report) -> ReviewFigures:
    """The review's figures for its unit, plan and period: the targets as the dashboard
    shows them on the period's last day, the Saturdays' tally and the ledger's totals
    over the period."""
    plan, unit, start, end = report.plan, report.unit, report.period_start, report.period_end
    days = WorkDay.objects.within([unit]).filter(plan=plan, date__range=(start, end))
    held = WorkResult.objects.filter(work_day__in=days.filter(status=WorkDayStatus.DONE))
    results = (
        grouped(held, "description", "unit_of_measure")
        .annotate(quantity=Sum("quantity"))
        .order_by("-quantity", "description")
    )
    registered = Registration.objects.filter(call__plan=plan, unit__path__startswith=unit.path).filter(
        Q(submitted_at__date__lte=end)
    )
    confirmed = Q(status=RegistrationStatus.CONFIRMED)
    registrations = registered.aggregate(
        sent=Count("pk", distinct=True),
        confirmed=Count("pk", filter=confirmed, distinct=True),
        works=Count("pk", filter=confirmed & Q(call__kind=CallKind.WORK), distinct=True),
        carried_out=Count(
            "pk",
            filter=confirmed & Q(work_days__status=WorkDayStatus.DONE, work_days__date__lte=end),
            distinct=True,
        ),
    )
    return ReviewFigures(
        report=report,
        targets=expected_progress([plan], end),
        duties=duty_grid(plan, visible=unit.contains, today=end),
        work_days=days.tally(),
        results=list(results[:8]),
        given=ledger.area_totals(unit, start, end),
        registrations=registrations,
        exemplars=list(
            Exemplar.objects.in_subtree(unit)
            .filter(Q(plan=plan) | Q(plan__isnull=True), created_at__date__range=(start, end), withdrawn_reason="")
            .select_related("unit")
            .order_by("unit__path", "title")
        ),
        awards=list(
            Award.objects.filter(
                unit__path__startswith=unit.path,
                decision__plan=plan,
                decision__corrected_by__isnull=True,
                decision__date__range=(start, end),
            )
            .select_related("decision__reward_form")
            .order_by("decision__date", "subject_name")
        ),
    )


def _with_unit(amount: Decimal | int | None, unit_of_measure: str) -> str:
    shown = number_text(amount) if amount is not None else "—"
    return f"{shown} {unit_of_measure}".strip()


def _targets_text(figures: ReviewFigures) -> str:
    if not figures.targets:
        return _("Kế hoạch chưa có chỉ tiêu nào được đo bằng chỉ số nên chưa tổng hợp được kết quả.")
    lines = []
    for row in figures.targets:
        target, progress = row.target, row.progress
        line = _("- %(text)s: mục tiêu %(goal)s; đạt %(actual)s") % {
            "text": target.text.rstrip(".;"),
            "goal": _with_unit(progress.goal, target.unit_of_measure),
            "actual": _with_unit(progress.actual, target.unit_of_measure),
        }
        if progress.percent is not None:
            line += _(" (%(p)s%% mục tiêu)") % {"p": progress.percent}
        if row.expected is None:
            line += _("; kế hoạch không nêu thời gian thực hiện nên không tính được tiến độ cần đạt")
        else:
            line += _("; theo tiến độ đến %(d)s cần đạt %(e)s%%") % {"d": day_text(figures.end), "e": row.expected}
        if row.behind:
            line += _(". Chậm so với tiến độ: %(units)s") % {
                "units": "; ".join(
                    _("%(u)s (đạt %(p)s%%, chậm %(g)s điểm)") % {"u": b.unit, "p": b.progress.percent, "g": b.gap}
                    for b in row.behind
                )
            }
        if row.silent:
            line += _(". Chưa có số liệu: %(units)s") % {"units": ", ".join(str(u) for u in row.silent)}
        lines.append(line + ".")
    return "\n".join(lines)


def _duties_text(figures: ReviewFigures) -> str:
    grid = figures.duties
    given = sum(1 for row in grid.rows for cell in row.cells if cell is not None)
    if not given:
        return _("Chưa có nhiệm vụ nào của kế hoạch được giao đến từng đơn vị, tổ chức.")
    done = sum(row.done for row in grid.rows)
    late = sum(row.late for row in grid.rows)
    text = _(
        "Kế hoạch giao %(n)s phần việc cho %(r)s đơn vị, tổ chức; đến %(d)s đã hoàn thành %(done)s, quá hạn %(late)s."
    ) % {"n": given, "r": len(grid.rows), "d": day_text(figures.end), "done": done, "late": late}
    behind = [row for row in grid.rows if row.late]
    if behind:
        text += "\n" + _("Các đơn vị còn nhiệm vụ quá hạn: %(list)s.") % {
            "list": "; ".join(f"{row.assignee} ({row.late})" for row in behind)
        }
    return text


def _work_days_text(figures: ReviewFigures) -> str:
    days = figures.work_days
    if not days["planned"]:
        return _("Trong kỳ không có ngày thứ Bảy nào theo lịch của kế hoạch.")
    text = _("Trong kỳ đã tổ chức %(held)s/%(planned)s ngày thứ Bảy theo lịch") % days
    if days["held"]:
        text += _("; %(present)s/%(expected)s người được phân công có mặt") % {
            "present": number_text(days["present"]),
            "expected": number_text(days["expected"]),
        }
    text += "."
    if figures.results:
        text += "\n" + _("Kết quả: %(list)s.") % {
            "list": "; ".join(
                f"{_with_unit(r['quantity'], r['unit_of_measure'])} {r['description']}" for r in figures.results
            )
        }
    return text


def _given_text(figures: ReviewFigures) -> str:
    given = figures.given
    if not any(given.by_kind.values()):
        return _("Trong kỳ chưa ghi nhận khoản đóng góp nào.")
    parts = [
        (_("tiền mặt %(v)s"), money_text(given.of(ContributionKind.MONEY))),
        (_("hiện vật quy đổi %(v)s"), money_text(given.value_by_kind[ContributionKind.GOODS])),
        (_("%(v)s ngày công"), number_text(given.of(ContributionKind.LABOUR))),
        (_("%(v)s m² đất hiến"), number_text(given.of(ContributionKind.LAND))),
    ]
    amounts = [given.of(ContributionKind.MONEY), given.value_by_kind[ContributionKind.GOODS]]
    amounts += [given.of(ContributionKind.LABOUR), given.of(ContributionKind.LAND)]
    listed = "; ".join(text % {"v": value} for (text, value), amount in zip(parts, amounts, strict=True) if amount)
    return _("Từ %(s)s đến %(e)s, nhân dân và các tổ chức đã đóng góp: %(list)s; tổng giá trị quy đổi %(total)s.") % {
        "s": day_text(figures.start),
        "e": day_text(figures.end),
        "list": listed,
        "total": money_text(given.value),
    }


def _registrations_text(figures: ReviewFigures) -> str:
    counted = figures.registrations
    if not counted["sent"]:
        return _("Chưa có đơn vị, tổ chức nào đăng ký thực hiện.")
    return (
        _(
            "Các đơn vị, tổ chức đã gửi %(sent)s đăng ký, được xác nhận %(confirmed)s (trong đó %(works)s công trình, "
            "phần việc); %(carried_out)s đăng ký đã được thực hiện vào các ngày thứ Bảy."
        )
        % counted
    )


def _exemplars_text(figures: ReviewFigures) -> str:
    lines = [f"- {e.title} ({e.unit})" for e in figures.exemplars]
    lines += [
        _("- %(who)s: %(form)s theo Quyết định số %(decision)s")
        % {"who": a.subject_name, "form": a.decision.reward_form, "decision": a.decision}
        for a in figures.awards
    ]
    return "\n".join(lines) or _("Trong kỳ chưa ghi nhận điển hình tiên tiến và chưa có quyết định khen thưởng.")


@translation.override("vi")
def review_sections(figures: ReviewFigures) -> list[dict[str, str]]:
    """The review's body as the sections a commune edits before signing."""
    return [
        {"heading": _("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), "text": _targets_text(figures)},
        {"heading": _("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), "text": _duties_text(figures)},
        {"heading": _("III. NGÀY THỨ BẢY ĐI CƠ SỞ"), "text": _work_days_text(figures)},
        {"heading": _("IV. HUY ĐỘNG NGUỒN LỰC"), "text": _given_text(figures)},
        {"heading": _("V. ĐĂNG KÝ THỰC HIỆN CÔNG TRÌNH, PHẦN VIỆC"), "text": _registrations_text(figures)},
        {"heading": _("VI. ĐIỂN HÌNH TIÊN TIẾN VÀ KHEN THƯỞNG"), "text": _exemplars_text(figures)},
        {
            "heading": _("VII. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"),
            "text": _("(Đơn vị bổ sung: những việc chưa làm được, nguyên nhân chủ quan và khách quan.)"),
        },
        {
            "heading": _("VIII. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
            "text": _("(Đơn vị bổ sung: nhiệm vụ trọng tâm, giải pháp và đề xuất, kiến nghị.)"),
        },
    ]
