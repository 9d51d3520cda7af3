"""Writes of indicator values, and the roll-ups they keep current."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from phongtrao.accounts import permissions
from phongtrao.accounts.models import User
from phongtrao.bounds import checked
from phongtrao.concurrency import first_one_wins
from phongtrao.geo.models import AdminUnit, UnitSuccession
from phongtrao.geo.services import unit_successions_add
from phongtrao.indicators import periods
from phongtrao.indicators.excel import NUMBER_COLUMNS, VALUE_COLUMNS, _units_in
from phongtrao.indicators.models import Indicator, IndicatorValue, PeriodKind, Rollup, ValueType
from phongtrao.jobs.work import may_run_as_job
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
from phongtrao.ui.formatting import number_text
from phongtrao.ui.history import attributed

ZERO = Decimal(0)

# A roll-up cell's sums, and where it sits: (indicator, unit, period kind, period start).
Cell = dict[str, Decimal | int]
CellKey = tuple[int, int, str, dt.date]


def rollup_targets(unit: AdminUnit) -> list[int]:
    """The unit, its ancestors, and through mergers of any of them their primary
    successors and theirs: an old commune's figures count in the new commune, a village
    of a merged province in the new province, and so up to the country."""
    found: list[int] = []
    frontier = [unit]
    while frontier:
        current = frontier.pop()
        chain = [pk for pk in [current.pk, *current.ancestor_ids] if pk not in found]
        found.extend(chain)
        successors = AdminUnit.objects.filter(
            pk__in=UnitSuccession.objects.filter(predecessor_id__in=chain, primary=True).values("successor_id")
        )
        frontier.extend(s for s in successors if s.pk not in found)
    return found


def _contribution(indicator: Indicator, value: IndicatorValue | None) -> dict[str, Decimal | int]:
    """What one value adds to every roll-up cell above it."""
    if value is None:
        return {
            "count": 0,
            "value_sum": ZERO,
            "numerator_sum": ZERO,
            "denominator_sum": ZERO,
            "weight_sum": ZERO,
            "weighted_sum": ZERO,
            "achieving": 0,
        }
    achieving = int(indicator.achieving_threshold is not None and value.value >= indicator.achieving_threshold)
    return {
        "count": 1,
        "value_sum": value.value,
        "numerator_sum": value.numerator or ZERO,
        "denominator_sum": value.denominator or ZERO,
        "weight_sum": value.weight,
        "weighted_sum": value.value * value.weight,
        "achieving": achieving,
    }


def _add_moves(
    moves: dict[CellKey, Cell],
    indicator: Indicator,
    targets: list[int],
    key: tuple[str, dt.date],
    before: Cell,
    after: Cell,
) -> None:
    """Adds what one value's change moves in every cell above it."""
    for target in targets:
        cell = moves.setdefault((indicator.pk, target, *key), _contribution(indicator, None))
        for name, amount in after.items():
            cell[name] += amount - before[name]


def _move_cells(moves: dict[CellKey, Cell]) -> None:
    """Every cell moved once, in one order (of its key) whoever writes: two writers of the
    same commune or province never wait on each other in a circle, and hold the shared
    cells only for these last statements of their transaction."""
    moving = {key: delta for key, delta in sorted(moves.items()) if any(delta.values())}
    Rollup.objects.bulk_create(
        [
            Rollup(indicator_id=indicator, unit_id=unit, period_kind=kind, period_start=start)
            for indicator, unit, kind, start in moving
        ],
        ignore_conflicts=True,
    )
    for (indicator, unit, kind, start), delta in moving.items():
        Rollup.objects.filter(indicator_id=indicator, unit_id=unit, period_kind=kind, period_start=start).update(
            **{name: F(name) + change for name, change in delta.items() if change}
        )


def _validate(
    indicator: Indicator, value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None, confirm: bool
) -> Decimal:
    errors: dict[str, str] = {}
    if indicator.value_type == ValueType.RATIO:
        if numerator is None or denominator is None:
            errors["numerator"] = _("Chỉ số tỷ lệ cần cả tử số và mẫu số.")
        elif denominator <= 0:
            errors["denominator"] = _("Mẫu số phải lớn hơn 0.")
        elif numerator < 0 or numerator > denominator:
            errors["numerator"] = _("Tử số %(n)s lớn hơn mẫu số %(d)s: tỷ lệ không thể vượt 100%%.") % {
                "n": numerator,
                "d": denominator,
            }
        else:
            value = (numerator * 100 / denominator).quantize(Decimal("0.0001"))
    elif value is None:
        errors["value"] = _("Cần nhập giá trị.")
    elif indicator.value_type == ValueType.PERCENT and not ZERO <= value <= 100:
        errors["value"] = _("Tỷ lệ phải từ 0 đến 100%.")
    elif indicator.value_type == ValueType.BOOLEAN and value not in (0, 1):
        errors["value"] = _("Chỉ số có/không nhận 1 (có) hoặc 0 (không).")
    elif indicator.value_type == ValueType.COUNT and (value < 0 or value != value.to_integral_value()):
        errors["value"] = _("Số đếm phải là số nguyên không âm.")
    if errors or value is None:  # a ratio without its parts has its error above
        raise ValidationError(errors)
    low, high = indicator.plausible_min, indicator.plausible_max
    if not confirm and ((low is not None and value < low) or (high is not None and value > high)):
        raise ValidationError(
            {
                "confirm": _(
                    "Giá trị %(v)s nằm ngoài khoảng hợp lý (%(low)s – %(high)s); hãy kiểm tra rồi xác nhận để lưu."
                )
                % {"v": value, "low": low if low is not None else "…", "high": high if high is not None else "…"}
            }
        )
    return value


# A value weighs at most a province's households: more is a typing slip, and the weighted
# roll-ups over a million values must stay within their columns.
MAX_WEIGHT = Decimal(1_000_000_000)


@dataclass(frozen=True)
class ValueEntry:
    """One value of a batch, as `value_record` takes one."""

    indicator: Indicator
    unit: AdminUnit
    period_kind: str
    day: dt.date
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    weight: Decimal = Decimal(1)
    note: str = ""
    confirm: bool = False


def _checked_entry(entry: ValueEntry) -> tuple[dt.date, Decimal]:
    """(the period's start, the value) of an entry every check accepts."""
    start = periods.period_start(entry.period_kind, entry.day)
    if start > timezone.localdate():
        raise ValidationError(
            {"period_start": _("Kỳ %(p)s chưa bắt đầu.") % {"p": periods.label(entry.period_kind, start)}}
        )
    if entry.weight <= 0 or entry.weight > MAX_WEIGHT:
        raise ValidationError(
            {"weight": _("Trọng số phải lớn hơn 0 và không quá %(max)s.") % {"max": number_text(MAX_WEIGHT)}}
        )
    return start, _validate(entry.indicator, entry.value, entry.numerator, entry.denominator, entry.confirm)


@transaction.atomic
def value_record(
    *,
    user: User,
    indicator: Indicator,
    unit: AdminUnit,
    period_kind: str,
    day: dt.date,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    weight: Decimal = Decimal(1),
    note: str = "",
    confirm: bool = False,
) -> IndicatorValue:
    """Enter or correct one value; every roll-up above sees it before the transaction ends."""
    entry = ValueEntry(indicator, unit, period_kind, day, value, numerator, denominator, weight, note, confirm)
    permissions.demand(user, permissions.REPORT, unit)
    start, checked_value = _checked_entry(entry)
    return _store(user, [(entry, start, checked_value)])[0]


# A batch holds at most this many values (a district's month: its villages × indicators).
BATCH_MAX = 1000


@transaction.atomic
def values_record(*, user: User, entries: Sequence[ValueEntry]) -> list[IndicatorValue]:
    """Many values at once (a district's software at month's end): all or none, each
    checked as `value_record` checks one, the refused ones named by their line; the
    roll-ups above them moved once per cell."""
    if len(entries) > BATCH_MAX:
        raise ValidationError({"values": _("Tối đa %(n)s số liệu một lần.") % {"n": BATCH_MAX}})
    for unit in {entry.unit.pk: entry.unit for entry in entries}.values():
        permissions.demand(user, permissions.REPORT, unit)
    errors, accepted, seen = [], [], set()
    for line, entry in enumerate(entries, start=1):
        try:
            start, checked_value = _checked_entry(entry)
        except ValidationError as exc:
            errors.append(_("Dòng %(n)s: %(e)s") % {"n": line, "e": " ".join(exc.messages)})
            continue
        key = (entry.indicator.pk, entry.unit.pk, entry.period_kind, start)
        if key in seen:
            errors.append(_("Dòng %(n)s: trùng một dòng trước (cùng chỉ số, đơn vị và kỳ).") % {"n": line})
            continue
        seen.add(key)
        accepted.append((entry, start, checked_value))
    if errors:
        raise ValidationError({"values": errors})
    return _store(user, accepted)


def _store(user: User, accepted: list[tuple[ValueEntry, dt.date, Decimal]]) -> list[IndicatorValue]:
    """Writes checked entries (new ones created, existing ones corrected, each with its
    history) and moves the roll-ups above them."""
    accepted = sorted(accepted, key=lambda item: (item[0].indicator.pk, item[0].unit.pk, item[0].period_kind, item[1]))
    locked = {
        (v.indicator_id, v.unit_id, v.period_kind, v.period_start): v
        for v in IndicatorValue.objects.select_for_update()
        .filter(
            indicator_id__in={entry.indicator.pk for entry, _start, _value in accepted},
            unit_id__in={entry.unit.pk for entry, _start, _value in accepted},
            period_kind__in={entry.period_kind for entry, _start, _value in accepted},
            period_start__in={start for _entry, start, _value in accepted},
        )
        .order_by("indicator_id", "unit_id", "period_kind", "period_start")
    }
    moves: dict[CellKey, Cell] = {}
    targets: dict[int, list[int]] = {}
    records, created = [], []
    for entry, start, value in accepted:
        existing = locked.get((entry.indicator.pk, entry.unit.pk, entry.period_kind, start))
        before = _contribution(entry.indicator, existing)
        record = existing or IndicatorValue(
            indicator=entry.indicator, unit=entry.unit, period_kind=entry.period_kind, period_start=start
        )
        record.value, record.numerator, record.denominator = value, entry.numerator, entry.denominator
        record.weight, record.note, record.entered_by = entry.weight, entry.note.strip(), user
        attributed(record, user)
        checked(record)
        if existing is None:
            created.append(record)
        else:
            record.save()
        if entry.unit.pk not in targets:
            targets[entry.unit.pk] = rollup_targets(entry.unit)
        key = (entry.period_kind, start)
        _add_moves(moves, entry.indicator, targets[entry.unit.pk], key, before, _contribution(entry.indicator, record))
        records.append(record)
    if created:  # of two people entering the same first value at once, the second is told
        first = created[0]
        with first_one_wins(
            _("Vừa có người nhập giá trị kỳ %(p)s cho %(unit)s; hãy tải lại trang rồi sửa nếu cần.")
            % {"p": periods.label(first.period_kind, first.period_start), "unit": first.unit}
        ):
            bulk_create_with_history(created, IndicatorValue, default_user=user)
    _move_cells(moves)
    return records


def compute_rollups(values: Iterable[IndicatorValue]) -> dict[CellKey, Cell]:
    """Roll-up cells computed from scratch: the oracle the maintained ones must equal."""
    targets_of: dict[int, list[int]] = {}
    totals: dict[CellKey, Cell] = {}
    for value in values:
        add = _contribution(value.indicator, value)
        if value.unit_id not in targets_of:
            targets_of[value.unit_id] = rollup_targets(value.unit)
        for target in targets_of[value.unit_id]:
            key = (value.indicator_id, target, value.period_kind, value.period_start)
            cell = totals.setdefault(key, _contribution(value.indicator, None))
            for name, amount in add.items():
                cell[name] += amount
    return totals


@transaction.atomic
def rollups_rebuild(*, indicator: Indicator | None = None) -> int:
    """Recompute the roll-ups from the raw values (a repair, or a check of the maintained ones)."""
    values = IndicatorValue.objects.select_related("indicator", "unit")
    cells = Rollup.objects.all()
    if indicator is not None:
        values, cells = values.filter(indicator=indicator), cells.filter(indicator=indicator)
    cells.delete()
    totals = compute_rollups(values.iterator(chunk_size=2000))
    Rollup.objects.bulk_create(
        [
            Rollup(indicator_id=i, unit_id=u, period_kind=k, period_start=s, **cell)
            for (i, u, k, s), cell in totals.items()
        ],
        batch_size=2000,
    )
    return len(totals)


def _merged_into(unit_ids: set[int]) -> set[int]:
    """The units and, through earlier mergers, every unit whose figures already flow into them."""
    found = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        frontier = (
            set(
                UnitSuccession.objects.filter(successor_id__in=frontier, primary=True).values_list(
                    "predecessor_id", flat=True
                )
            )
            - found
        )
        found |= frontier
    return found


def _add_to_cell(value: IndicatorValue, target: int, sign: int) -> None:
    key: dict[str, Any] = {
        "indicator": value.indicator,
        "unit_id": target,
        "period_kind": value.period_kind,
        "period_start": value.period_start,
    }
    Rollup.objects.get_or_create(**key)
    change = _contribution(value.indicator, value)
    Rollup.objects.filter(**key).update(**{name: F(name) + sign * amount for name, amount in change.items()})


@transaction.atomic
def successions_record(*, links: list[UnitSuccession]) -> int:
    """Record mergers of units (one from a page, fourteen thousand from the official lists)
    and move the figures at once: the old units' values join their new units' roll-ups
    (and their provinces') and leave those of a successor no longer primary. The one way
    a merger is written. Returns how many links are new."""
    if not links:
        return 0
    reached = _merged_into({link.predecessor_id for link in links})
    with_values = AdminUnit.objects.filter(pk__in=IndicatorValue.objects.values("unit_id"))
    moving = {u.pk: u for u in with_values if reached & {u.pk, *u.ancestor_ids}}
    before = {pk: set(rollup_targets(unit)) for pk, unit in moving.items()}
    created = unit_successions_add(links=links)
    values = list(IndicatorValue.objects.filter(unit_id__in=moving).select_related("indicator", "unit"))
    for pk, unit in moving.items():
        after = set(rollup_targets(unit))
        for value in (v for v in values if v.unit_id == pk):
            for target in after - before[pk]:
                _add_to_cell(value, target, +1)
            for target in before[pk] - after:
                _add_to_cell(value, target, -1)
    return created


def units_merge(
    *, user: User, predecessor: AdminUnit, successor: AdminUnit, effective_date: dt.date, primary: bool = True
) -> None:
    """A merger decided by an administrator of the successor (a page or the admin)."""
    permissions.demand(user, permissions.ADMINISTER, successor)
    successions_record(
        links=[
            UnitSuccession(predecessor=predecessor, successor=successor, effective_date=effective_date, primary=primary)
        ]
    )


@may_run_as_job
def values_import(*, user: User, unit: AdminUnit, data: bytes) -> ImportReport:
    """Rows for the unit and units under it; a row naming a unit elsewhere is an error."""
    permissions.demand(user, permissions.REPORT, unit)
    report = ImportReport()
    rows = read_rows(data)
    cell = cell_reader(rows[0], VALUE_COLUMNS, required=5)
    indicators = {fold(i.code): i for i in Indicator.objects.all()}
    places = _units_in(unit)
    prepared = []
    for line, row in rows.body():
        if not any(c not in (None, "") for c in row):
            continue
        problems = []
        indicator = indicators.get(fold(str(cell(row, "Mã chỉ số") or "")))
        if indicator is None:
            problems.append(_("không có chỉ số mã “%(c)s”") % {"c": cell(row, "Mã chỉ số") or ""})
        named = str(cell(row, "Đơn vị") or "")
        place = places.get(fold(named))
        if fold(named) in places and place is None:
            problems.append(_("có nhiều đơn vị tên “%(u)s”: ghi thêm tên xã, ví dụ “%(u)s, Xã …”") % {"u": named})
        elif place is None:
            problems.append(_("đơn vị “%(u)s” không thuộc %(unit)s") % {"u": named, "unit": unit})
        kind = parse_choice(cell(row, "Kỳ"), PeriodKind.choices)
        if kind is None:
            problems.append(_("kỳ phải là tuần, tháng, quý hoặc năm"))
        day = parse_date(cell(row, "Ngày"))
        if day is None:
            problems.append(_("ngày không hợp lệ"))
        numbers = {}
        for column in NUMBER_COLUMNS:
            raw = cell(row, column)
            numbers[column] = parse_number(raw)
            if raw not in (None, "") and numbers[column] is None:
                problems.append(_("“%(c)s” không phải là số") % {"c": column})
        if problems:
            report.errors.append(_("Dòng %(n)s: %(p)s.") % {"n": line, "p": "; ".join(problems)})
            continue
        prepared.append(
            (
                line,
                {
                    "indicator": indicator,
                    "unit": place,
                    "period_kind": kind,
                    "day": day,
                    "value": numbers["Giá trị"],
                    "numerator": numbers["Tử số"],
                    "denominator": numbers["Mẫu số"],
                    "note": str(cell(row, "Ghi chú") or ""),
                    "confirm": fold(str(cell(row, "Xác nhận") or "")) in ("co", "x", "yes", "1"),
                },
            )
        )
    return write_all(report, prepared, functools.partial(value_record, user=user))
