"""National-scale benchmark of the roll-ups (not a test).

    .venv/bin/python bench/national.py generate [--scale 1] [--database URL]
    .venv/bin/python bench/national.py measure [--repeat 200] [--database URL]
    .venv/bin/python bench/national.py all --scale 0.001 --drop   # what `make test` runs

`generate` makes a fresh PostgreSQL database (phongtrao_bench by default) shaped like the
country after 01/7/2025: 34 provinces, 3,321 communes, about 66,000 villages; 15 indicators
with a value for every village and month of January–October 2026 (about 10 million values);
1 million contributions; 100,000 plans; and a provincial plan whose 15 targets are measured
by the 15 indicators. Rows are streamed into COPY from generators, so memory stays flat
however large the scale. The roll-ups are then built in SQL, as one bulk load; the smoke
run checks them against `compute_rollups`, the oracle the maintained roll-ups are tested on.

`measure` times, in one run, on the same database: the plan's national and provincial
roll-up through the API (/api/rollup/plans/<id>) against the raw SQL aggregate of the
same values, checks that both give the same figures, enters a new value through the API
and reads it back in the national roll-up at once, renders a commune's and a province's
dashboard page, and exports a commune's values as a streamed workbook.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/phongtrao_bench"
MONTHS = [dt.date(2026, month, 1) for month in range(1, 11)]
INDICATORS = [
    # code, name, unit, value type, aggregation
    ("ngay-cong", "Ngày công lao động tham gia", "ngày công", "number", "sum"),
    ("duong-be-tong", "Đường giao thông được bê tông hóa mới", "m", "number", "sum"),
    ("cay-xanh", "Cây xanh trồng mới", "cây", "count", "sum"),
    ("ho-thoat-ngheo", "Hộ thoát nghèo", "hộ", "count", "sum"),
    ("rac-thu-gom", "Rác thải được thu gom", "tấn", "number", "sum"),
    ("ho-van-hoa", "Tỷ lệ hộ gia đình văn hóa", "%", "ratio", "ratio_of_sums"),
    ("ho-nuoc-sach", "Tỷ lệ hộ dùng nước sạch", "%", "ratio", "ratio_of_sums"),
    ("bao-hiem-y-te", "Tỷ lệ người tham gia bảo hiểm y tế", "%", "ratio", "ratio_of_sums"),
    ("ho-nha-tieu", "Tỷ lệ hộ có nhà tiêu hợp vệ sinh", "%", "ratio", "ratio_of_sums"),
    ("lao-dong-qua-dao-tao", "Tỷ lệ lao động qua đào tạo", "%", "ratio", "ratio_of_sums"),
    ("thu-nhap", "Thu nhập bình quân đầu người", "triệu đồng/năm", "number", "weighted_mean"),
    ("gia-tri-san-xuat", "Giá trị sản xuất trên 1 ha đất nông nghiệp", "triệu đồng", "number", "weighted_mean"),
    ("diem-hai-long", "Điểm hài lòng của người dân", "điểm", "number", "weighted_mean"),
    ("khu-dan-cu-kieu-mau", "Thôn đạt khu dân cư kiểu mẫu", "thôn", "boolean", "count_achieving"),
    ("thon-van-hoa", "Thôn đạt danh hiệu văn hóa", "thôn", "boolean", "count_achieving"),
]


def setup(database: str) -> None:
    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: no collected static files here
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phongtrao.settings")
    import django

    django.setup()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def database_recreate(database: str) -> None:
    import psycopg

    server, name = database.rsplit("/", 1)
    with psycopg.connect(server.replace("postgres://", "postgresql://") + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def database_drop(database: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    server, name = database.rsplit("/", 1)
    with psycopg.connect(server.replace("postgres://", "postgresql://") + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- generating ------------------------------------------------------------------------


def copy_rows(model, columns: list[str], rows: Iterable[tuple]) -> int:
    """Stream rows into the model's table with COPY; the columns not named get their
    field's default, so that every NOT NULL column is filled as the ORM would fill it."""
    from django.db import connection
    from django.utils import timezone

    named = set(columns)
    rest = [f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in named]
    now = timezone.now()
    tail = tuple(
        now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default() for f in rest
    )
    names = ", ".join(connection.ops.quote_name(c) for c in [*columns, *(f.column for f in rest)])
    count = 0
    with connection.cursor() as cursor, cursor.copy(f"COPY {model._meta.db_table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row + tail)
            count += 1
    return count


@contextlib.contextmanager
def foreign_keys_checked_at_the_end(models):
    """Drop the tables' foreign keys while loading and add them back after: PostgreSQL
    then checks each key with one join instead of one deferred trigger per row (which
    made the commit alone take many minutes)."""
    from django.db import connection

    tables = [model._meta.db_table for model in models]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [tables],
        )
        keys = cursor.fetchall()
        for table, name, _definition in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    yield
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def villages_of(commune_number: int) -> int:
    return 14 + commune_number * 7 % 13  # 14 to 26, about 20 on average


class Country:
    """The generated units, as id ranges: enough to draw values without holding rows."""

    def __init__(self, scale: float):
        self.provinces = max(2, min(34, round(34 * scale**0.5)))
        self.communes = max(self.provinces, round(3321 * scale))
        self.first_id = 0
        self.province_ids: list[int] = []
        self.commune_ids: list[int] = []
        self.village_ranges: list[tuple[int, int]] = []  # per commune: first village id, count

    def units(self) -> Iterator[tuple]:
        from phongtrao.geo.models import Kind, Level, Listing

        next_id = self.first_id
        for p in range(self.provinces):
            self.province_ids.append(next_id)
            yield (
                next_id,
                f"bench-{p:02d}",
                f"Tỉnh Thử {p + 1:02d}",
                Kind.PROVINCE,
                Level.PROVINCE,
                Listing.CURRENT,
                None,
                f"/{next_id}/",
                0,
            )
            next_id += 1
        for c in range(self.communes):
            province = self.province_ids[c % self.provinces]
            commune = next_id
            self.commune_ids.append(commune)
            yield (
                commune,
                f"bench-{c:05d}",
                f"Xã Thử {c + 1:05d}",
                Kind.COMMUNE,
                Level.COMMUNE,
                Listing.CURRENT,
                province,
                f"/{province}/{commune}/",
                1,
            )
            next_id += 1
            count = villages_of(c)
            self.village_ranges.append((next_id, count))
            for v in range(count):
                yield (
                    next_id,
                    "",
                    f"Thôn {v + 1}",
                    Kind.HAMLET,
                    Level.VILLAGE,
                    Listing.CURRENT,
                    commune,
                    f"/{province}/{commune}/{next_id}/",
                    2,
                )
                next_id += 1

    def village_ids(self) -> Iterator[int]:
        for first, count in self.village_ranges:
            yield from range(first, first + count)

    @property
    def last_id(self) -> int:
        first, count = self.village_ranges[-1]
        return first + count - 1


def values(indicators, country: Country, seed: int) -> Iterator[tuple]:
    """A value for every indicator, village and month, month after month as the reports
    come in, so that one month's values lie together on disk as they would in use."""
    rng = random.Random(seed)
    households = {}
    for month in MONTHS:
        for indicator in indicators:
            for village in country.village_ids():
                size = households.setdefault(village, rng.randint(80, 400))
                numerator = denominator = None
                weight = Decimal(1)
                if indicator.aggregation == "ratio_of_sums":
                    denominator = Decimal(size)
                    numerator = Decimal(rng.randint(size * 6 // 10, size))
                    value = (numerator * 100 / denominator).quantize(Decimal("0.0001"))
                elif indicator.aggregation == "weighted_mean":
                    value, weight = Decimal(rng.randint(300, 900)) / 10, Decimal(size)
                elif indicator.aggregation == "count_achieving":
                    value = Decimal(int(rng.random() < 0.4))
                else:
                    value = Decimal(rng.randint(0, 500))
                yield (indicator.pk, village, "month", month, value, numerator, denominator, weight)


def contributions(country: Country, count: int, seed: int) -> Iterator[tuple]:
    rng = random.Random(seed)
    villages = country.village_ranges
    kinds = ["money"] * 16 + ["labour"] * 3 + ["land"]
    for n in range(count):
        first, size = villages[n % len(villages)]
        kind = kinds[rng.randrange(len(kinds))]
        amount = {"money": Decimal(rng.randint(1, 100) * 50_000), "labour": Decimal(rng.randint(1, 5))}.get(
            kind, Decimal(rng.randint(5, 200))
        )
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(320))
        value = amount if kind == "money" else Decimal(0)  # as the service values money
        yield (first + rng.randrange(size), "household", f"Hộ gia đình số {n + 1}", kind, amount, value, day)


def plans(country: Country, count: int) -> Iterator[tuple]:
    statuses = ["in_progress", "in_progress", "issued", "closed"]
    for n in range(count):
        unit = country.commune_ids[n % len(country.commune_ids)]
        title = f"Kế hoạch thực hiện phong trào thi đua số {n + 1} năm 2026"
        yield (
            unit,
            "UBND xã",
            str(n // len(country.commune_ids) + 1),
            "KH-UBND",
            2026,
            dt.date(2026, 1, 15),
            title,
            dt.date(2026, 1, 15),
            dt.date(2026, 12, 31),
            statuses[n % 4],
        )


def ledger_cells_build(country: Country) -> None:
    """The ledger's cells of the loaded lines in one statement, as `_ledger_cells_add` keeps
    them: a line adds to every unit of its path, its village excepted."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO contributions_ledgercell (unit_id, kind, month, amount, value)
            SELECT chain.id::bigint, c.kind, date_trunc('month', c.date)::date, sum(c.amount), sum(c.value)
            FROM contributions_contribution c
            JOIN geo_adminunit u ON u.id = c.unit_id
            CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/'))
                WITH ORDINALITY AS chain(id, n)
            WHERE u.id BETWEEN %(first)s AND %(last)s
              AND (u.level <> 'village' OR chain.n <= u.depth)
            GROUP BY 1, 2, 3
            """,
            {"first": country.first_id, "last": country.last_id},
        )


def rollups_build(country: Country) -> None:
    """The cells `compute_rollups` would make (a unit and each ancestor; no mergers in
    the generated country), in one INSERT per level of the tree."""
    from django.db import connection

    with connection.cursor() as cursor:
        for depth in (2, 1, 0):
            cursor.execute(
                """
                INSERT INTO indicators_rollup (indicator_id, unit_id, period_kind, period_start, count, value_sum,
                    numerator_sum, denominator_sum, weight_sum, weighted_sum, achieving)
                SELECT v.indicator_id, split_part(u.path, '/', %(part)s)::bigint, v.period_kind, v.period_start,
                    count(*), sum(v.value), sum(coalesce(v.numerator, 0)), sum(coalesce(v.denominator, 0)),
                    sum(v.weight), sum(v.value * v.weight),
                    count(*) FILTER (WHERE i.achieving_threshold IS NOT NULL AND v.value >= i.achieving_threshold)
                FROM indicators_indicatorvalue v
                JOIN geo_adminunit u ON u.id = v.unit_id
                JOIN indicators_indicator i ON i.id = v.indicator_id
                WHERE u.id BETWEEN %(first)s AND %(last)s
                GROUP BY 1, 2, 3, 4
                """,
                {"part": depth + 2, "first": country.first_id, "last": country.last_id},
            )


def generate(scale: float, seed: int = 2026, out=print) -> dict:
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max

    from phongtrao.accounts.models import User
    from phongtrao.accounts.services import membership_grant
    from phongtrao.contributions.models import Contribution, LedgerCell
    from phongtrao.geo.models import AdminUnit
    from phongtrao.indicators.models import Indicator, IndicatorValue, Rollup
    from phongtrao.plans.models import Plan, PlanStatus, Target

    figures: dict = {}

    def step(name: str, started: float) -> None:
        figures[name] = round(time.perf_counter() - started, 1)
        out(f"  {name}: {figures[name]} s (max RSS {rss_mb():.0f} MB)")

    country = Country(scale)
    loaded = [AdminUnit, IndicatorValue, Rollup, Contribution, LedgerCell, Plan]
    with transaction.atomic(), foreign_keys_checked_at_the_end(loaded), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        started = time.perf_counter()
        country.first_id = (AdminUnit.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
        columns = ["id", "code", "name", "kind", "level", "listing", "parent_id", "path", "depth"]
        figures["units"] = copy_rows(AdminUnit, columns, country.units())
        for sql in connection.ops.sequence_reset_sql(no_style(), [AdminUnit]):
            cursor.execute(sql)
        step("units_seconds", started)

        started = time.perf_counter()
        indicators = [
            Indicator.objects.create(
                code=f"bench-{code}",
                name=name,
                unit_of_measure=unit,
                value_type=value_type,
                aggregation=aggregation,
                achieving_threshold=Decimal(1) if aggregation == "count_achieving" else None,
            )
            for code, name, unit, value_type, aggregation in INDICATORS
        ]
        columns = [
            "indicator_id",
            "unit_id",
            "period_kind",
            "period_start",
            "value",
            "numerator",
            "denominator",
            "weight",
        ]
        figures["values"] = copy_rows(IndicatorValue, columns, values(indicators, country, seed))
        step("values_seconds", started)

        started = time.perf_counter()
        rollups_build(country)
        step("rollups_seconds", started)

        started = time.perf_counter()
        wanted = max(20, round(1_000_000 * scale))
        columns = ["unit_id", "contributor_kind", "contributor_name", "kind", "amount", "value", "date"]
        figures["contributions"] = copy_rows(Contribution, columns, contributions(country, wanted, seed))
        ledger_cells_build(country)
        step("contributions_seconds", started)

        started = time.perf_counter()
        columns = [
            "unit_id",
            "issuer_name",
            "number",
            "symbol",
            "issue_year",
            "issue_date",
            "title",
            "period_start",
            "period_end",
            "status",
        ]
        figures["plans"] = copy_rows(Plan, columns, plans(country, max(20, round(100_000 * scale))))
        province = AdminUnit.objects.get(pk=country.province_ids[0])
        plan = Plan.objects.create(
            unit=province,
            issuer_name=f"UBND {province.name}",
            number="1",
            symbol="KH-UBND",
            issue_date=dt.date(2026, 1, 5),
            title="Kế hoạch xây dựng nông thôn mới năm 2026",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 12, 31),
            status=PlanStatus.IN_PROGRESS,
        )
        Target.objects.bulk_create(
            Target(plan=plan, order=n, text=i.name, value=Decimal(80), unit_of_measure=i.unit_of_measure, indicator=i)
            for n, i in enumerate(indicators)
        )
        official = User.objects.create_user("bench-xa", password="phongtrao-bench", full_name="Cán bộ xã")
        membership_grant(user=official, unit=AdminUnit.objects.get(pk=country.commune_ids[0]), role="officer")
        province_official = User.objects.create_user("bench-tinh", password="phongtrao-bench", full_name="Cán bộ tỉnh")
        membership_grant(user=province_official, unit=province, role="officer")
        step("plans_seconds", started)
        started = time.perf_counter()
    step("foreign_keys_and_commit_seconds", started)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    step("analyze_seconds", started)
    figures["max_rss_mb"] = round(rss_mb())
    return figures


# --- measuring -------------------------------------------------------------------------


def timed(call, repeat: int) -> tuple[list[float], object]:
    times, result = [], None
    for _n in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, round(len(ordered) * 0.95) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
    }


RAW_SQL = """
SELECT v.indicator_id, count(*), sum(v.value), sum(coalesce(v.numerator, 0)), sum(coalesce(v.denominator, 0)),
       sum(v.weight), sum(v.value * v.weight), count(*) FILTER (WHERE v.value >= i.achieving_threshold)
FROM indicators_indicatorvalue v
JOIN indicators_indicator i ON i.id = v.indicator_id
{join}
WHERE v.indicator_id = ANY(%(indicators)s) {period} {area}
GROUP BY v.indicator_id
"""


def raw_aggregate(indicators, *, month: dt.date | None, area_path: str | None) -> dict[str, Decimal | int | None]:
    """The same figures straight from the raw values, the way one would without roll-ups."""
    from django.db import connection

    from phongtrao.indicators.models import Rollup
    from phongtrao.indicators.rollups import rollup_value

    sql = RAW_SQL.format(
        join="JOIN geo_adminunit u ON u.id = v.unit_id" if area_path else "",
        period="AND v.period_kind = 'month' AND v.period_start = %(month)s" if month else "",
        area="AND u.path LIKE %(path)s" if area_path else "",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"indicators": [i.pk for i in indicators], "month": month, "path": f"{area_path}%"})
        rows = {row[0]: row for row in cursor.fetchall()}
    by_id = {i.pk: i for i in indicators}
    out = {}
    for pk, (_pk, count, value_sum, numerator, denominator, weight, weighted, achieving) in rows.items():
        cell = Rollup(
            count=count,
            value_sum=value_sum,
            numerator_sum=numerator,
            denominator_sum=denominator,
            weight_sum=weight,
            weighted_sum=weighted,
            achieving=achieving,
        )
        out[by_id[pk].code] = rollup_value(by_id[pk], cell)
    return out


def measure(repeat: int, out=print) -> dict:
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from phongtrao.accounts.models import User
    from phongtrao.contributions import ledger
    from phongtrao.geo.models import AdminUnit
    from phongtrao.indicators.models import Indicator, IndicatorValue
    from phongtrao.plans.models import Plan
    from phongtrao.ui.templatetags.vn import vnd

    plan = Plan.objects.select_related("unit").get(title="Kế hoạch xây dựng nông thôn mới năm 2026")
    province = plan.unit
    indicators = list(Indicator.objects.filter(code__startswith="bench-").order_by("pk"))
    month = MONTHS[-1]
    villages = IndicatorValue.objects.filter(indicator=indicators[0], period_start=month).count()
    figures: dict = {"villages": villages, "values": IndicatorValue.objects.count(), "repeat": repeat}
    out(f"{figures['values']:,} values; {villages:,} villages report each month; {repeat} requests per figure")
    anonymous = Client()
    url = f"/api/rollup/plans/{plan.pk}"

    def api(unit=None):
        params = {"period": "month", "date": month.isoformat(), **({"unit": unit} if unit else {})}
        response = anonymous.get(url, params)
        assert response.status_code == 200, response.content
        return {t["indicator"]: t["actual"] for t in response.json()["targets"]}

    def as_the_api_writes(value) -> str | None:
        """Roll-ups carry four decimals; the API writes decimals in its one form."""
        from phongtrao.apitypes import decimal_text

        return None if value is None else decimal_text(Decimal(value).quantize(Decimal("0.0001")))

    def check(through_api: dict, raw: dict, where: str) -> None:
        expected = {code: as_the_api_writes(value) for code, value in raw.items()}
        assert through_api == expected, f"{where}: API {through_api} ≠ raw SQL {expected}"

    for name, unit, path in [("national", None, None), ("provincial", province.pk, province.path)]:
        api(unit)  # warm the cache and the connection
        api_times, through_api = timed(lambda unit=unit: api(unit), repeat)
        sql_times, raw = timed(lambda path=path: raw_aggregate(indicators, month=month, area_path=path), 5)
        check(through_api, raw, name)
        figures[f"{name}_api"] = summary(api_times)
        figures[f"{name}_raw_sql"] = summary(sql_times)
        out(
            f"{name} roll-up of the plan's 15 targets, one month: API p50 {figures[f'{name}_api']['p50_ms']} ms, "
            f"p95 {figures[f'{name}_api']['p95_ms']} ms; raw SQL p50 {figures[f'{name}_raw_sql']['p50_ms']} ms "
            "(same figures)"
        )
    all_times, _all = timed(lambda: raw_aggregate(indicators, month=None, area_path=None), 3)
    figures["all_values_raw_sql"] = summary(all_times)
    out(f"raw SQL over every value of the 15 indicators: p50 {figures['all_values_raw_sql']['p50_ms']} ms")

    # A value entered now is in the national figure at once.
    official = Client()
    official.force_login(User.objects.get(username="bench-xa"))
    commune = AdminUnit.objects.filter(memberships__user__username="bench-xa").get()
    village = AdminUnit.objects.filter(parent=commune).order_by("pk").first()
    counted = indicators[0]
    before = Decimal(api()[counted.code])
    old = IndicatorValue.objects.get(indicator=counted, unit=village, period_start=month).value
    started = time.perf_counter()
    response = official.post(
        "/api/values",
        {"indicator": counted.code, "unit": village.pk, "period": "month", "date": month.isoformat(), "value": "1000"},
        content_type="application/json",
    )
    figures["value_write_ms"] = round((time.perf_counter() - started) * 1000, 2)
    assert response.status_code == 200, response.content
    after = Decimal(api()[counted.code])
    assert after - before == 1000 - old, (before, after, old)
    out(f"a value entered through the API: {figures['value_write_ms']} ms, and in the national roll-up at once")

    for name, username, unit in [("commune", "bench-xa", commune), ("province", "bench-tinh", province)]:
        viewer = Client()
        viewer.force_login(User.objects.get(username=username))
        page = f"/units/{unit.pk}/dashboard/"
        assert viewer.get(page).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            times, response = timed(lambda viewer=viewer, page=page: viewer.get(page), max(3, repeat // 10))
        assert response.status_code == 200
        figures[f"{name}_dashboard"] = {**summary(times), "queries": len(queries) // len(times)}
        raw_times, raw = timed(lambda unit=unit: raw_ledger(unit), 3)
        shown = ledger.area_totals(unit)  # what the page shows, read from the cells
        assert {kind: shown.of(kind) for kind in raw} == raw and sum(raw.values()), (shown, raw)
        assert vnd(raw["money"]) in response.content.decode()
        figures[f"{name}_ledger_raw_sql"] = summary(raw_times)
        out(
            f"{name} dashboard page: p50 {figures[f'{name}_dashboard']['p50_ms']} ms, "
            f"p95 {figures[f'{name}_dashboard']['p95_ms']} ms, {figures[f'{name}_dashboard']['queries']} queries; "
            f"its ledger totals equal the raw SQL sum of the lines (p50 {figures[f'{name}_ledger_raw_sql']['p50_ms']} ms)"
        )
    # A provincial target month by month against its plan, read from the monthly cells.
    leader = Client()
    leader.force_login(User.objects.get(username="bench-tinh"))
    trend = f"/plans/targets/{plan.targets.order_by('order').first().pk}/trend/"
    with CaptureQueriesContext(connection) as queries:
        times, response = timed(lambda: leader.get(trend), max(3, repeat // 10))
    assert response.status_code == 200 and "<polyline" in response.content.decode()
    figures["province_target_trend"] = {**summary(times), "queries": len(queries) // len(times)}
    out(
        f"a provincial target month by month (page): p50 {figures['province_target_trend']['p50_ms']} ms, "
        f"p95 {figures['province_target_trend']['p95_ms']} ms, {figures['province_target_trend']['queries']} queries"
    )
    # The public portal as a citizen's phone gets it: built (cache cleared before each
    # request), then served from the cache; with the size of the page sent.
    from django.core.cache import cache

    citizen = Client()
    for name, page in [
        ("portal_commune", f"/portal/units/{commune.pk}/"),
        ("portal_province", f"/portal/units/{province.pk}/"),
        ("portal_plan", f"/portal/plans/{plan.pk}/"),
    ]:
        assert citizen.get(page).status_code == 200

        def built(page=page):
            cache.clear()
            return citizen.get(page)

        with CaptureQueriesContext(connection) as queries:
            cold, response = timed(built, max(3, repeat // 10))
        built_queries = len(queries) // len(cold)  # read now: each request empties the log
        warm, _response = timed(lambda page=page: citizen.get(page), repeat)
        figures[name] = {
            "built": {**summary(cold), "queries": built_queries},
            "cached": summary(warm),
            "kilobytes": round(len(response.content) / 1024, 1),
        }
        out(
            f"{name.replace('_', ' ')} page: built p50 {figures[name]['built']['p50_ms']} ms, "
            f"p95 {figures[name]['built']['p95_ms']} ms, {figures[name]['built']['queries']} queries; "
            f"from the cache p50 {figures[name]['cached']['p50_ms']} ms; {figures[name]['kilobytes']} KB"
        )
    exporter = Client()
    exporter.force_login(User.objects.get(username="bench-tinh"))
    rows = IndicatorValue.objects.filter(unit__path__startswith=province.path, period_start__year=2026).count()
    before = rss_mb()
    started = time.perf_counter()
    # A province's year goes to the job worker in production (more rows than
    # JOB_ROWS_IN_REQUEST); here the same work is timed in the request, without the queue.
    with override_settings(JOB_ROWS_IN_REQUEST=rows + 1):
        response = exporter.get(f"/indicators/units/{province.pk}/values/export.xlsx", {"year": 2026})
    size = sum(len(chunk) for chunk in response.streaming_content)
    figures["province_export"] = {
        "rows": rows,
        "seconds": round(time.perf_counter() - started, 1),
        "megabytes": round(size / 1024 / 1024, 1),
        "max_rss_growth_mb": round(rss_mb() - before),
    }
    out(
        f"a province's values exported to Excel: {rows:,} rows, {figures['province_export']['megabytes']} MB in "
        f"{figures['province_export']['seconds']} s; max RSS grew {figures['province_export']['max_rss_growth_mb']} MB"
    )
    figures["max_rss_mb"] = round(rss_mb())
    return figures


def raw_ledger(unit) -> dict[str, Decimal]:
    """A unit's ledger totals by kind summed from its lines, without the cells."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.kind, sum(c.amount) FROM contributions_contribution c
            JOIN geo_adminunit u ON u.id = c.unit_id
            WHERE u.path LIKE %s GROUP BY c.kind
            """,
            [unit.path + "%"],
        )
        return dict(cursor.fetchall())


def verify(out=print) -> int:
    """At a small scale: every roll-up cell equals `compute_rollups` over the raw values,
    and every ledger cell the one `ledger_cells_rebuild` makes from the lines."""
    from phongtrao.contributions.services import ledger_cells_rebuild
    from phongtrao.indicators.models import IndicatorValue, Rollup
    from phongtrao.indicators.rollups import SUMMED
    from phongtrao.indicators.services import compute_rollups

    stored = {
        (r.indicator_id, r.unit_id, r.period_kind, r.period_start): {f: getattr(r, f) for f in SUMMED}
        for r in Rollup.objects.iterator()
    }
    computed = compute_rollups(IndicatorValue.objects.select_related("indicator", "unit").iterator())
    assert stored == computed, "the roll-ups differ from a recomputation"
    out(f"{len(stored):,} roll-up cells equal a recomputation from the raw values")
    built = ledger_cells()
    ledger_cells_rebuild()
    assert ledger_cells() == built, "the ledger cells differ from a recomputation"
    out(f"{len(built):,} ledger cells equal a recomputation from the lines")
    return len(stored) + len(built)


def ledger_cells() -> dict:
    from phongtrao.contributions.models import LedgerCell

    return {(c.unit_id, c.kind, c.month): (c.amount, c.value) for c in LedgerCell.objects.iterator()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["generate", "measure", "all"])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = the whole country")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument("--verify", action="store_true", help="recompute every roll-up (small scales only)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    figures: dict = {}
    if args.command in ("generate", "all"):
        database_recreate(args.database)
        setup(args.database)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_criteria", verbosity=0)  # the commune set in force, summed on the dashboards
        print(f"generating at scale {args.scale} into {args.database}")
        figures["generate"] = generate(args.scale)
    else:
        setup(args.database)
    if args.command in ("measure", "all"):
        figures["measure"] = measure(args.repeat)
    if args.verify:
        figures["verified_cells"] = verify()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    if args.drop:
        database_drop(args.database)
    print(f"max RSS {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
