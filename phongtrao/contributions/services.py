"""Every write of the ledger: funds, receipts, reversals (an entry is never edited)."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.bounds import MAX_QUANTITY, checked
from phongtrao.concurrency import first_one_wins
from phongtrao.contributions import ledger
from phongtrao.contributions.excel import CONTRIBUTION_COLUMNS
from phongtrao.contributions.models import Contribution, ContributionKind, ContributorKind, Fund, LedgerCell
from phongtrao.geo.models import AdminUnit
from phongtrao.grouping import grouped
from phongtrao.jobs.work import may_run_as_job
from phongtrao.plans.models import Plan
from phongtrao.registrations.models import (
    Registration,
)
from phongtrao.sheets import (
    ImportReport,
    cell_reader,
    parse_choice,
    parse_date,
    parse_number,
    read_rows,
    write_all,
)
from phongtrao.text import fold
from phongtrao.ui.formatting import day_text, number_text
from phongtrao.ui.history import attributed
from phongtrao.workdays.models import WorkDay

MAX_MONEY = Decimal(1_000_000_000_000)  # a thousand billion đồng on one receipt is a typing slip


@transaction.atomic
def fund_create(
    *, user: User, unit: AdminUnit, name: str, target: Decimal | None = None, plan: Plan | None = None
) -> Fund:
    permissions.demand(user, permissions.EDIT, unit)
    if target is not None and target <= 0:
        raise ValidationError({"target": _("Mục tiêu của quỹ phải lớn hơn 0.")})
    if Fund.objects.filter(unit=unit, name__iexact=name.strip()).exists():
        raise ValidationError({"name": _("%(unit)s đã có quỹ “%(name)s”.") % {"unit": unit, "name": name}})
    fund = Fund(unit=unit, name=name.strip(), target=target, plan=plan)
    attributed(fund, user)
    with first_one_wins(_("%(unit)s đã có quỹ “%(name)s”.") % {"unit": unit, "name": name}):
        checked(fund).save()
    return fund


@transaction.atomic
def contribution_record(
    *,
    user: User,
    unit: AdminUnit,
    contributor_kind: str,
    contributor_name: str,
    kind: str,
    amount: Decimal,
    date: dt.date,
    description: str = "",
    value: Decimal | None = None,
    receipt_number: str = "",
    plan: Plan | None = None,
    fund: Fund | None = None,
    work_day: WorkDay | None = None,
    registration: Registration | None = None,
    public: bool = True,
) -> Contribution:
    """A gift of money, goods, labour days or land, in Decimal; a receipt number is used once per unit."""
    permissions.demand(user, permissions.REPORT, unit)
    errors: dict[str, str] = {}
    if not contributor_name.strip():
        errors["contributor_name"] = _("Cần tên người hoặc đơn vị đóng góp.")
    if amount is None or amount <= 0:
        errors["amount"] = _("Số lượng phải lớn hơn 0.")
    elif kind == ContributionKind.MONEY and amount != amount.to_integral_value():
        errors["amount"] = _("Số tiền tính bằng đồng, không có phần lẻ.")
    elif amount > (MAX_MONEY if kind == ContributionKind.MONEY else MAX_QUANTITY * 10):
        errors["amount"] = _("Số lượng %(a)s quá lớn, hãy kiểm tra lại.") % {"a": amount}
    if kind == ContributionKind.GOODS and not description.strip():
        errors["description"] = _("Cần mô tả hiện vật (ví dụ: 5 tấn xi măng).")
    if value is not None and value < 0:
        errors["value"] = _("Giá trị quy đổi không được âm.")
    elif value is not None and value > MAX_MONEY:
        errors["value"] = _("Giá trị quy đổi %(v)s quá lớn, hãy kiểm tra lại.") % {"v": number_text(value)}
    if date > timezone.localdate():
        errors["date"] = _("Ngày %(d)s chưa đến.") % {"d": day_text(date)}
    if plan is not None and not plan.unit.contains(unit) and not unit.contains(plan.unit):
        errors["plan"] = _("Kế hoạch không thuộc địa bàn %(unit)s.") % {"unit": unit}
    elif plan is not None and not plan.period_contains(date, date):
        errors["date"] = _("Ngày %(d)s nằm ngoài thời gian thực hiện kế hoạch (%(start)s – %(end)s).") % {
            "d": day_text(date),
            "start": day_text(plan.period_start),
            "end": day_text(plan.period_end),
        }
    if registration is not None and not unit.contains(registration.unit) and not registration.unit.contains(unit):
        errors["registration"] = _("Công trình “%(r)s” không thuộc địa bàn %(unit)s.") % {
            "r": registration,
            "unit": unit,
        }
    if fund is not None and not fund.unit.contains(unit):
        errors["fund"] = _("Quỹ “%(fund)s” không thuộc địa bàn %(unit)s.") % {"fund": fund, "unit": unit}
    receipt_number = receipt_number.strip()
    if receipt_number and Contribution.objects.filter(unit=unit, receipt_number=receipt_number).exists():
        errors["receipt_number"] = _("Số biên nhận %(n)s đã được dùng ở %(unit)s.") % {
            "n": receipt_number,
            "unit": unit,
        }
    if errors:
        raise ValidationError(errors)
    if kind == ContributionKind.MONEY:
        value = amount
    contribution = Contribution(
        unit=unit,
        plan=plan,
        fund=fund,
        work_day=work_day,
        registration=registration,
        contributor_kind=contributor_kind,
        contributor_name=contributor_name.strip(),
        kind=kind,
        amount=amount,
        description=description.strip(),
        value=value or 0,
        date=date,
        receipt_number=receipt_number,
        public=public,
        recorded_by=user,
    )
    attributed(contribution, user)
    used = _("Số biên nhận %(n)s đã được dùng ở %(unit)s.") % {"n": receipt_number, "unit": unit}
    with first_one_wins(used):  # two people entering one receipt at the same moment
        checked(contribution).save()
    _ledger_cells_add(contribution)
    return contribution


@transaction.atomic
def contribution_reverse(*, user: User, contribution: Contribution, reason: str) -> Contribution:
    """Undo a line by a reversing line: the ledger keeps both, and totals net to zero."""
    permissions.demand(user, permissions.EDIT, contribution.unit)
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do điều chỉnh.")})
    original = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if original.reverses_id or Contribution.objects.filter(reverses=original).exists():
        raise ValidationError({"__all__": _("Dòng này đã được điều chỉnh hoặc là dòng điều chỉnh.")})
    reversal = Contribution(
        unit=original.unit,
        plan=original.plan,
        fund=original.fund,
        work_day=original.work_day,
        contributor_kind=original.contributor_kind,
        contributor_name=original.contributor_name,
        household=original.household,
        kind=original.kind,
        amount=-original.amount,
        description=original.description,
        value=-original.value,
        date=timezone.localdate(),
        public=original.public,
        reverses=original,
        reason=reason.strip(),
        recorded_by=user,
    )
    attributed(reversal, user)
    with first_one_wins(_("Dòng này vừa được người khác điều chỉnh.")):
        checked(reversal).save()
    _ledger_cells_add(reversal)
    return reversal


def _ledger_cells_add(line: Contribution) -> None:
    """The line added to the cells of the units above it, in the line's own transaction and
    last, one cell after another in the order of their units: two people recording in one
    province never wait on each other in a circle, and hold its cells only briefly."""
    month = line.date.replace(day=1)
    units = sorted(ledger.cell_units(line.unit))
    LedgerCell.objects.bulk_create(
        [LedgerCell(unit_id=unit, kind=line.kind, month=month) for unit in units], ignore_conflicts=True
    )
    for unit in units:
        LedgerCell.objects.filter(unit_id=unit, kind=line.kind, month=month).update(
            amount=F("amount") + line.amount, value=F("value") + line.value
        )


@transaction.atomic
def ledger_cells_rebuild() -> int:
    """Recompute every cell from the lines (a repair, and the check of the maintained ones):
    one grouped query per level of the units holding cells."""
    LedgerCell.objects.all().delete()
    sums: dict[tuple[int, str, dt.date], list[Decimal]] = {}
    rows = grouped(Contribution.objects.annotate(month=TruncMonth("date")), "unit_id", "kind", "month").annotate(
        a=Sum("amount"), v=Sum("value")
    )
    recorded_at = AdminUnit.objects.filter(contributions__isnull=False).distinct()
    chains = {unit.pk: ledger.cell_units(unit) for unit in recorded_at}
    for row in rows:
        for unit in chains[row["unit_id"]]:
            cell = sums.setdefault((unit, row["kind"], row["month"]), [Decimal(0), Decimal(0)])
            cell[0] += ledger.exact(row["a"], ledger.AMOUNT_PLACES)
            cell[1] += ledger.exact(row["v"], ledger.VALUE_PLACES)
    LedgerCell.objects.bulk_create(
        [
            LedgerCell(unit_id=unit, kind=kind, month=month, amount=amount, value=value)
            for (unit, kind, month), (amount, value) in sums.items()
        ],
        batch_size=2000,
    )
    return len(sums)


@may_run_as_job
def contributions_import(*, user: User, unit: AdminUnit, data: bytes) -> ImportReport:
    """Every row is checked; one bad row and nothing is saved, with the reason per row."""
    permissions.demand(user, permissions.REPORT, unit)
    report = ImportReport()
    rows = read_rows(data)
    cell = cell_reader(rows[0], CONTRIBUTION_COLUMNS, required=5)
    funds = {fold(f.name): f for f in Fund.objects.filter(unit__in=[unit.pk, *unit.ancestor_ids])}

    prepared = []
    for line, row in rows.body():
        if not any(c not in (None, "") for c in row):
            continue
        problems = []
        day = parse_date(cell(row, "Ngày"))
        if day is None:
            problems.append(_("ngày không hợp lệ"))
        who_kind = parse_choice(cell(row, "Là"), ContributorKind.choices) or ContributorKind.PERSON
        kind = parse_choice(cell(row, "Hình thức"), ContributionKind.choices)
        if kind is None:
            problems.append(_("hình thức phải là tiền, hiện vật, ngày công hoặc hiến đất"))
        amount = parse_number(cell(row, "Số lượng"))
        if amount is None:
            problems.append(_("“Số lượng” không phải là số"))
        value_cell = cell(row, "Giá trị quy đổi (đồng)")
        value = parse_number(value_cell)
        if value_cell not in (None, "") and value is None:
            problems.append(_("“Giá trị quy đổi” không phải là số"))
        fund_name = cell(row, "Quỹ")
        fund = funds.get(fold(str(fund_name))) if fund_name else None
        if fund_name and fund is None:
            problems.append(_("không có quỹ “%(f)s”") % {"f": fund_name})
        if problems:
            report.errors.append(_("Dòng %(n)s: %(p)s.") % {"n": line, "p": "; ".join(problems)})
            continue
        prepared.append(
            (
                line,
                {
                    "contributor_kind": who_kind,
                    "contributor_name": str(cell(row, "Người đóng góp") or ""),
                    "kind": kind,
                    "amount": amount,
                    "date": day,
                    "description": str(cell(row, "Mô tả hiện vật") or ""),
                    "value": value,
                    "receipt_number": str(cell(row, "Số biên nhận") or ""),
                    "fund": fund,
                    "public": fold(str(cell(row, "Công khai tên") or "có")) not in ("khong", "no", "0"),
                },
            )
        )
    return write_all(report, prepared, functools.partial(contribution_record, user=user, unit=unit))
