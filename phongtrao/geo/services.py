"""Writes to the unit tree: single units, the official lists, villages from CSV."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from phongtrao.docparse.readers import ReadError, read_text
from phongtrao.geo.models import (
    LEVEL_OF_KIND,
    NAME_PREFIXES,
    PARENT_LEVELS,
    AdminUnit,
    Kind,
    Level,
    Listing,
    UnitSuccession,
)
from phongtrao.text import fold

REFORM_DATE = dt.date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM = dt.date(2025, 6, 30)


class UnitError(ValueError):
    """A unit that cannot be written as asked; the message is for the user."""


def kind_from_name(name: str, level: str) -> str | None:
    for prefix, kind in NAME_PREFIXES:
        if name.startswith(prefix + " "):
            if kind is None:  # "Thành phố": central at province level, else provincial
                return Kind.CENTRAL_CITY if level == Level.PROVINCE else Kind.PROVINCIAL_CITY
            return kind
    return None


def _set_path(unit: AdminUnit) -> None:
    prefix = unit.parent.path if unit.parent is not None else "/"
    unit.path = f"{prefix}{unit.pk}/"
    unit.depth = prefix.count("/") - 1


def unit_create(
    *,
    name: str,
    kind: str,
    parent: AdminUnit | None,
    code: str = "",
    listing: str = Listing.LOCAL,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> AdminUnit:
    level = LEVEL_OF_KIND.get(kind, Level.VILLAGE)
    allowed = PARENT_LEVELS[level]
    if (parent is None) != (not allowed) or (parent is not None and parent.level not in allowed):
        raise UnitError(
            _("Đơn vị cấp “%(level)s” không thể trực thuộc “%(parent)s”.")
            % {"level": Level(level).label, "parent": parent or "—"}
        )
    with transaction.atomic():
        unit = AdminUnit(
            name=name,
            kind=kind,
            level=level,
            parent=parent,
            code=code,
            listing=listing,
            valid_from=valid_from,
            valid_until=valid_until,
            path=f"/new-{uuid.uuid4().hex}/",
        )
        unit.save()
        _set_path(unit)
        unit.save(update_fields=["path", "depth"])
    return unit


def unit_successions_add(*, links: list[UnitSuccession]) -> int:
    """Record that each link's predecessor went into its successor (a predecessor stops
    being valid the day before; a new primary successor demotes the one before it).
    A pair already known has its date and kind brought up to date. Returns how many links
    are new. Called only by indicators.services.successions_record, which moves the
    roll-ups in the same transaction: a merger recorded anywhere else leaves them stale."""
    for link in links:
        if link.predecessor_id == link.successor_id:
            raise UnitError(_("Một đơn vị không thể kế thừa chính nó."))
    with transaction.atomic():
        known = {
            (s.predecessor_id, s.successor_id): s
            for s in UnitSuccession.objects.filter(predecessor_id__in={link.predecessor_id for link in links})
        }
        primaries = {link.predecessor_id: link.successor_id for link in links if link.primary}
        fresh, changed, demoted = [], [], []
        for link in UnitSuccession.objects.filter(predecessor_id__in=primaries, primary=True):
            if primaries[link.predecessor_id] != link.successor_id:
                link.primary = False
                demoted.append(link)
        for link in links:
            existing = known.get((link.predecessor_id, link.successor_id))
            if existing is None:
                fresh.append(link)
            elif (existing.effective_date, existing.partial, existing.primary) != (
                link.effective_date,
                link.partial,
                link.primary,
            ):
                existing.effective_date, existing.partial, existing.primary = (
                    link.effective_date,
                    link.partial,
                    link.primary,
                )
                changed.append(existing)
        # demotions first, alone: the one-primary-successor index holds after every statement
        bulk_update_with_history(demoted, UnitSuccession, ["primary"], batch_size=1000)
        bulk_update_with_history(changed, UnitSuccession, ["effective_date", "partial", "primary"], batch_size=1000)
        bulk_create_with_history(fresh, UnitSuccession, batch_size=1000)
        ends: dict[int, dt.date] = {}
        for link in links:
            end = link.effective_date - dt.timedelta(days=1)
            ends[link.predecessor_id] = min(end, ends.get(link.predecessor_id, end))
        closing = []
        for unit in AdminUnit.objects.filter(pk__in=ends):
            if unit.valid_until is None or unit.valid_until > ends[unit.pk]:
                unit.valid_until = ends[unit.pk]
                closing.append(unit)
        bulk_update_with_history(closing, AdminUnit, ["valid_until"], batch_size=1000)
    return len(fresh)


# --- the official lists ------------------------------------------------------------


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    successions: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        made = ", ".join(f"{level}: {n}" for level, n in sorted(self.created.items())) or "0"
        changed = sum(self.updated.values())
        return _("Tạo mới %(made)s; cập nhật %(changed)s; quan hệ kế thừa %(succ)s; bỏ qua %(skipped)s.") % {
            "made": made,
            "changed": changed,
            "succ": self.successions,
            "skipped": len(self.skipped),
        }


def _read_gz_json(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        found: dict[str, Any] = json.load(handle)
    return found


class _ListingLoader:
    """Upserts one official list level by level with bulk writes (14,000 units load in
    seconds), keyed by (listing, level, code)."""

    def __init__(self, listing: str, report: LoadReport, valid_from: dt.date | None, valid_until: dt.date | None):
        self.listing = listing
        self.report = report
        self.valid_from = valid_from
        self.valid_until = valid_until

    def upsert(self, level: str, rows: Sequence[tuple[str, str, AdminUnit | None]]) -> dict[str, AdminUnit]:
        """rows: (code, name, parent). Returns code → unit for the level."""
        existing = {u.code: u for u in AdminUnit.objects.filter(listing=self.listing, level=level)}
        new_units, changed = [], []
        for code, name, parent in rows:
            kind = (
                kind_from_name(name, level)
                or {
                    Level.PROVINCE.value: Kind.PROVINCE,
                    Level.DISTRICT.value: Kind.DISTRICT,
                    Level.COMMUNE.value: Kind.COMMUNE,
                }[level]
            )
            unit = existing.get(code)
            if unit is None:
                unit = AdminUnit(
                    code=code,
                    name=name,
                    kind=kind,
                    level=level,
                    listing=self.listing,
                    parent=parent,
                    valid_from=self.valid_from,
                    valid_until=self.valid_until,
                    path=f"/tmp-{self.listing}-{level}-{code}/",
                )
                new_units.append(unit)
                existing[code] = unit
            elif (unit.name, unit.kind, unit.parent_id) != (name, kind, parent.pk if parent else None):
                unit.name, unit.kind, unit.parent = name, kind, parent
                _set_path(unit)
                changed.append(unit)
        if new_units:
            AdminUnit.objects.bulk_create(new_units, batch_size=1000)
            if new_units[0].pk is None:  # backends without RETURNING: read the keys back
                ids = dict(AdminUnit.objects.filter(listing=self.listing, level=level).values_list("code", "pk"))
                for unit in new_units:
                    unit.pk = unit.id = ids[unit.code]
            for unit in new_units:
                _set_path(unit)
            AdminUnit.objects.bulk_update(new_units, ["path", "depth"], batch_size=1000)
        if changed:
            AdminUnit.objects.bulk_update(changed, ["name", "kind", "parent", "path", "depth"], batch_size=1000)
            # Children of a moved unit carry its old path prefix: rebuild below it.
            for unit in changed:
                _rebuild_paths_below(unit)
        self.report.created[level] += len(new_units)
        self.report.updated[level] += len(changed)
        return existing


def _rebuild_paths_below(unit: AdminUnit) -> None:
    children = list(AdminUnit.objects.filter(parent=unit))
    for child in children:
        child.parent = unit
        _set_path(child)
    AdminUnit.objects.bulk_update(children, ["path", "depth"])
    for child in children:
        _rebuild_paths_below(child)


def units_load_pre2025(*, path: Path, report: LoadReport) -> None:
    data = _read_gz_json(path)
    loader = _ListingLoader(Listing.PRE_2025, report, None, LAST_DAY_BEFORE_REFORM)
    provinces = loader.upsert(Level.PROVINCE, [(str(p["code"]), p["name"], None) for p in data["provinces"]])
    district_rows, commune_rows = [], []
    for p in data["provinces"]:
        for d in p["districts"]:
            district_rows.append((str(d["code"]), d["name"], provinces[str(p["code"])]))
    districts = loader.upsert(Level.DISTRICT, district_rows)
    for p in data["provinces"]:
        for d in p["districts"]:
            for w in d["wards"]:
                commune_rows.append((str(w["code"]), w["name"], districts[str(d["code"])]))
    loader.upsert(Level.COMMUNE, commune_rows)


def units_load_current(*, path: Path, report: LoadReport) -> None:
    data = _read_gz_json(path)
    loader = _ListingLoader(Listing.CURRENT, report, REFORM_DATE, None)
    provinces = loader.upsert(Level.PROVINCE, [(str(p["code"]), p["name"], None) for p in data["provinces"]])
    rows = [(str(w["code"]), w["name"], provinces[str(p["code"])]) for p in data["provinces"] for w in p["wards"]]
    loader.upsert(Level.COMMUNE, rows)


def units_load_conversion(*, path: Path, report: LoadReport) -> list[UnitSuccession]:
    """Old commune → new commune(s); old district and province → the new province
    that took most of their communes (primary) and any others: the links, not yet recorded."""
    data = _read_gz_json(path)
    effective = dt.date.fromisoformat(data["effective_date"])
    old: dict[tuple[str, str], AdminUnit] = {
        (u.level, u.code): u
        for u in AdminUnit.objects.filter(listing=Listing.PRE_2025).only("id", "code", "level", "path", "parent_id")
    }
    new: dict[tuple[str, str], AdminUnit] = {
        (u.level, u.code): u
        for u in AdminUnit.objects.filter(listing=Listing.CURRENT).only("id", "code", "level", "path", "parent_id")
    }
    links: dict[tuple[int, int], UnitSuccession] = {}
    upward: dict[tuple[str, str], Counter[str]] = {}
    for row in data["communes"]:
        before = old.get((Level.COMMUNE, str(row["old_code"])))
        found = [new.get((Level.COMMUNE, str(n["code"]))) for n in row["new"]]
        afters = [after for after in found if after is not None]
        if before is None or len(afters) != len(found) or not afters:
            report.skipped.append(str(row["old_code"]))
            continue
        same_code = [a for a in afters if a.code == before.code]
        primary = same_code[0] if same_code else afters[0]
        for after in afters:
            links[(before.pk, after.pk)] = UnitSuccession(
                predecessor=before,
                successor=after,
                effective_date=effective,
                partial=row["partly_merged"],
                primary=after.pk == primary.pk,
            )
        for key in (
            (Level.DISTRICT.value, str(row["old_district_code"])),
            (Level.PROVINCE.value, str(row["old_province_code"])),
        ):
            upward.setdefault(key, Counter())[str(primary.parent_id)] += 1
    for key, counts in upward.items():
        before = old.get(key)
        if before is None:
            report.skipped.append("/".join(key))
            continue
        ranked = counts.most_common()
        for rank, (province_id, _count) in enumerate(ranked):
            links[(before.pk, int(province_id))] = UnitSuccession(
                predecessor=before,
                successor_id=int(province_id),
                effective_date=effective,
                partial=len(ranked) > 1,
                primary=rank == 0,
            )
    return list(links.values())


def units_load_listings(*, data_dir: Path, report: LoadReport) -> list[UnitSuccession]:
    """The two official lists (before and after the 2025 reform); returns the conversion's
    links for the caller to record through indicators.services.successions_record."""
    units_load_pre2025(path=data_dir / "divisions-2025-01-04.json.gz", report=report)
    units_load_current(path=data_dir / "divisions-2026-09.json.gz", report=report)
    return units_load_conversion(path=data_dir / "commune-conversion-2025-07-01.json.gz", report=report)


def units_analyze() -> None:
    if connection.vendor == "postgresql":
        # Fourteen thousand fresh rows and no statistics yet: without this the planner
        # may join successions to units by a nested scan that takes minutes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE geo_adminunit, geo_unitsuccession")


# --- villages from a commune's CSV -------------------------------------------------

NAME_COLUMNS = {"ten", "ten thon", "ten thon, ban", "ten don vi", "name", "thon", "ten thon/ban/to dan pho"}
KIND_COLUMNS = {"loai", "kind", "loai don vi"}
CODE_COLUMNS = {"ma", "code", "ma so", "ma thon"}
KIND_WORDS = {
    "thon": Kind.HAMLET,
    "ban": Kind.MOUNTAIN_VILLAGE,
    "xom": Kind.SMALL_HAMLET,
    "tieu khu": Kind.SUBZONE,
    "to dan pho": Kind.RESIDENTIAL_GROUP,
    "ap": Kind.SOUTHERN_HAMLET,
    "khu pho": Kind.QUARTER,
    "khu dan cu": Kind.VILLAGE_OTHER,
}
MAX_VILLAGE_ROWS = 500


@dataclass
class VillageImportResult:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def villages_import_csv(*, commune: AdminUnit, raw: bytes) -> VillageImportResult:
    """All rows or none: a file with any bad row changes nothing and lists every error."""
    result = VillageImportResult()
    if commune.level != Level.COMMUNE:
        raise UnitError(_("Chỉ nhập danh sách thôn cho một đơn vị cấp xã."))
    try:
        text = read_text(raw)
    except ReadError as exc:
        raise UnitError(str(exc)) from exc
    if not text.strip():
        raise UnitError(_("Tệp trống."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:  # a field longer than the csv module reads (128 KB): not a list of villages
        raise UnitError(_("Không đọc được tệp CSV: có ô quá dài hoặc sai định dạng.")) from exc
    header = [fold(h) for h in rows[0]]
    name_at = next((i for i, h in enumerate(header) if h in NAME_COLUMNS), None)
    if name_at is None:
        raise UnitError(
            _(
                "Thiếu cột “Tên thôn” ở dòng tiêu đề (các cột đọc được: %(found)s). Cột bắt buộc: Tên thôn; cột tùy chọn: Loại, Mã."
            )
            % {"found": ", ".join(rows[0]) or "—"}
        )
    kind_at = next((i for i, h in enumerate(header) if h in KIND_COLUMNS), None)
    code_at = next((i for i, h in enumerate(header) if h in CODE_COLUMNS), None)
    body = [r for r in rows[1:] if any(cell.strip() for cell in r)]
    if len(body) > MAX_VILLAGE_ROWS:
        raise UnitError(
            _("Tệp có %(n)s dòng, vượt quá %(max)s thôn cho một xã.") % {"n": len(body), "max": MAX_VILLAGE_ROWS}
        )
    existing = {u.name: u for u in AdminUnit.objects.filter(parent=commune, level=Level.VILLAGE)}
    seen: set[str] = set()
    planned: list[tuple[str, str, str]] = []
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        name = " ".join(row[name_at].split()) if name_at < len(row) else ""
        if not name:
            result.errors.append(_("Dòng %(line)s: cột “Tên thôn” trống.") % {"line": line_no})
            continue
        kind_written = row[kind_at] if kind_at is not None and kind_at < len(row) else ""
        kind_text = fold(kind_written)
        kind = KIND_WORDS.get(kind_text) if kind_text else (kind_from_name(name, Level.VILLAGE) or Kind.HAMLET)
        if kind is None:
            result.errors.append(
                _("Dòng %(line)s: loại “%(kind)s” không hợp lệ (thôn, bản, xóm, tiểu khu, tổ dân phố, ấp, khu phố).")
                % {"line": line_no, "kind": kind_written}
            )
            continue
        if kind_text and not kind_from_name(name, Level.VILLAGE):
            name = f"{Kind(kind).label} {name}"
        if name in seen:
            result.errors.append(_("Dòng %(line)s: “%(name)s” bị lặp trong tệp.") % {"line": line_no, "name": name})
            continue
        seen.add(name)
        code = row[code_at].strip() if code_at is not None and code_at < len(row) else ""
        if name in existing:
            result.unchanged.append(name)
        else:
            planned.append((name, kind, code))
    if result.errors:
        return result
    with transaction.atomic():
        for index, (name, kind, code) in enumerate(planned, start=len(existing) + 1):
            unit_create(name=name, kind=kind, parent=commune, code=code or f"{commune.code}.{index:02d}")
            result.created.append(name)
    return result
