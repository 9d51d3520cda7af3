"""Load benchmark: the production stack (gunicorn behind Debian's nginx, PostgreSQL holding
the demo) under a district's Friday afternoon, and under the month-end rush of values.
Figures, not a test (bench/README.md); `make test` runs a smoke pass at a tiny size.

    .venv/bin/python bench/load.py prepare              # fresh database phongtrao_load + the demo
    .venv/bin/python bench/load.py run --workers 2 4    # the mix, then the writers
    .venv/bin/python bench/load.py all --smoke          # both, a few seconds each

The users are in bench/load_users.py, the locustfile: locust runs headless, bounded in
users and seconds, its traffic only to 127.0.0.1. (This process does not import locust:
locust patches the standard library for gevent on import.)"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/phongtrao_load"
FLOOR = "sàn: trang cơ sở"  # as bench/load_users.py names the floor page
USERS = Path(__file__).with_name("load_users.py")
MIX = ["VillageHead", "CommuneOfficer", "DistrictLeader", "Citizen"]
PROVINCE_FOR_WRITES = "Tỉnh Lạng Sơn"  # the 2025 list's; the writers' villages are made under its communes
BENCH_INDICATORS = 15


def setup_django(database: str) -> None:
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phongtrao.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _server(database: str) -> str:
    return database.rsplit("/", 1)[0].replace("postgres://", "postgresql://") + "/postgres"


def database_drop(database: str) -> None:
    import psycopg

    with psycopg.connect(_server(database), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{database.rsplit("/", 1)[1]}" WITH (FORCE)')


def prepare(database: str, *, villages_per_writer: int, writers: int, sessions: int, out=print) -> dict:
    """A fresh database with the demo, the benchmark's indicators and villages, a token and
    sessions; returns the fixtures the users read."""
    import psycopg

    database_drop(database)
    with psycopg.connect(_server(database), autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{database.rsplit("/", 1)[1]}"')
    env = {**os.environ, "DATABASE_URL": database}
    started = time.monotonic()
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    out(f"prepare: migrate + demo in {time.monotonic() - started:.0f} s")
    setup_django(database)
    return make_fixtures(villages_per_writer=villages_per_writer, writers=writers, sessions=sessions)


def make_fixtures(*, villages_per_writer: int, writers: int, sessions: int) -> dict:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from phongtrao.accounts.models import User
    from phongtrao.accounts.services import api_token_create
    from phongtrao.criteria.models import CriteriaSet
    from phongtrao.geo.models import AdminUnit, Kind, Level, Listing
    from phongtrao.geo.services import unit_create
    from phongtrao.indicators.models import Indicator
    from phongtrao.registrations.models import Registration, RegistrationCall

    def sessions_of(username: str) -> list[str]:
        user = User.objects.get(username=username)
        made = []
        for _ in range(sessions):
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            made.append(store.session_key)
        return made

    call = RegistrationCall.objects.filter(plan__unit__name="Xã Hồng Thái").order_by("pk").first()
    village = AdminUnit.objects.get(name="Thôn Bản Huấn")
    commune = village.parent
    indicators = []
    for n in range(BENCH_INDICATORS):
        indicator, _ = Indicator.objects.get_or_create(
            code=f"tai-{n + 1:02d}",
            defaults={"name": f"Chỉ số tải {n + 1}", "value_type": "number", "aggregation": "sum"},
        )
        indicators.append(indicator.code)
    province = AdminUnit.objects.get(name=PROVINCE_FOR_WRITES, listing=Listing.CURRENT, level=Level.PROVINCE)
    communes = list(AdminUnit.objects.filter(parent=province, level=Level.COMMUNE).order_by("pk")[:writers])
    writer_villages = []
    for w, place in enumerate(communes):
        made = [
            unit_create(name=f"Thôn Tải {w + 1}-{v + 1}", kind=Kind.HAMLET, parent=place).pk
            for v in range(villages_per_writer)
        ]
        writer_villages.append(made)
    admin = User.objects.get(username="admin")
    token = api_token_create(user=admin, name="bench/load.py")[1]
    return {
        "call": call.pk,
        "registration": Registration.objects.filter(call=call).order_by("pk").first().pk,
        "plan": call.plan_id,
        "village": village.pk,
        "commune": commune.pk,
        "district": commune.parent_id,
        "criteria_set": CriteriaSet.objects.order_by("pk").first().pk,
        "indicators": indicators,
        "writer_villages": writer_villages,
        "province": province.pk,
        "token": token,
        "sessions": {
            "village_head": sessions_of("thon.banhuan"),
            "commune_officer": sessions_of("xa.hongthai"),
            "district_leader": sessions_of("huyen.binhgia"),
        },
    }


def locust(url: str, fixtures: Path, out_prefix: Path, *, users: int, seconds: int, classes: list[str]) -> str:
    """Runs locust headless; returns what it printed on stderr (a user's exception shows there)."""
    binary = Path(sys.executable).with_name("locust")
    command = [str(binary), "-f", str(USERS), "--headless", "--host", url, "--users", str(users)]
    command += ["--spawn-rate", str(max(users // 2, 1)), "--run-time", f"{seconds}s", "--csv", str(out_prefix)]
    command += ["--only-summary", "--loglevel", "ERROR", "--stop-timeout", "10", *classes]
    env = {**os.environ, "LOAD_FIXTURES": str(fixtures)}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=seconds + 120)
    if not Path(f"{out_prefix}_stats.csv").exists():
        raise RuntimeError(f"locust did not run: {done.stderr[-2000:]}")
    return done.stderr


def read_stats(prefix: Path) -> list[dict]:
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return list(csv.DictReader(stats))


def lock_waits(database: str, stop: threading.Event, found: list[int]) -> None:
    """Backends waiting on a lock, sampled every 50 ms while the writers run."""
    import psycopg

    with psycopg.connect(database.replace("postgres://", "postgresql://"), autocommit=True) as watch:
        while not stop.is_set():
            row = watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            ).fetchone()
            found.append(row[0] if row else 0)
            time.sleep(0.05)


def deadlocks(database: str) -> int:
    import psycopg

    with psycopg.connect(database.replace("postgres://", "postgresql://"), autocommit=True) as watch:
        row = watch.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()").fetchone()
        return int(row[0]) if row else 0


def rollups_equal_recomputation(province_id: int, indicators: list[str]) -> tuple[int, int]:
    """(cells compared, cells differing) over every value of the writers' indicators."""
    from phongtrao.indicators.models import IndicatorValue, Rollup
    from phongtrao.indicators.services import compute_rollups

    values = IndicatorValue.objects.filter(indicator__code__in=indicators).select_related("indicator", "unit")
    expected = compute_rollups(values.iterator(chunk_size=5000))
    kept = {
        (cell.indicator_id, cell.unit_id, cell.period_kind, cell.period_start): cell
        for cell in Rollup.objects.filter(indicator__code__in=indicators)
    }
    differing = 0
    for key, totals in expected.items():
        cell = kept.get(key)
        if cell is None or any(getattr(cell, name) != amount for name, amount in totals.items()):
            differing += 1
    differing += len(set(kept) - set(expected))
    return len(expected), differing


def report_mix(rows: list[dict], workers: int, out=print) -> dict:
    pages = [r for r in rows if r["Name"] != "Aggregated"]
    floor = next(r for r in pages if r["Name"] == FLOOR)
    floor_median = float(floor["50%"]) or 1.0
    total = next(r for r in rows if r["Name"] == "Aggregated")
    out(
        f"{workers} gunicorn workers: {float(total['Requests/s']):.1f} requests/s, "
        f"{total['Request Count']} requests, {total['Failure Count']} errors, "
        f"p50 {total['50%']} ms, p95 {total['95%']} ms, p99 {total['99%']} ms"
    )
    out(f"    {'page':34} {'n':>6} {'err':>4} {'p50':>6} {'p95':>6} {'p99':>6}  × floor")
    figures = {}
    for row in sorted(pages, key=lambda r: -float(r["50%"])):
        ratio = float(row["50%"]) / floor_median
        figures[row["Name"]] = {k: row[k] for k in ("Request Count", "Failure Count", "50%", "95%", "99%")}
        out(
            f"    {row['Name']:34} {row['Request Count']:>6} {row['Failure Count']:>4} {row['50%']:>6} "
            f"{row['95%']:>6} {row['99%']:>6}  {ratio:.1f}"
        )
    return {"total": {k: total[k] for k in ("Requests/s", "Request Count", "Failure Count", "95%")}, "pages": figures}


def writes(
    stack_url: str,
    database: str,
    fixture_file: Path,
    fixtures: dict,
    home: Path,
    *,
    writers: int,
    seconds: int,
    batch: int,
    workers: int,
    out=print,
) -> dict:
    """The month-end rush: `writers` clients entering values, `batch` a request; then every
    roll-up cell of the writers' indicators compared with its recomputation."""
    before, waits, stop = deadlocks(database), [], threading.Event()
    watcher = threading.Thread(target=lock_waits, args=(database, stop, waits))
    watcher.start()
    os.environ["LOAD_BATCH"] = str(batch)
    printed = locust(
        stack_url, fixture_file, home / f"writes-{batch}", users=writers, seconds=seconds, classes=["ValueWriter"]
    )
    stop.set()
    watcher.join()
    rows = [r for r in read_stats(home / f"writes-{batch}") if r["Name"] != "Aggregated"]
    if not rows:
        raise RuntimeError(f"no write was answered in {seconds} s: {printed[-2000:]}")
    row = rows[0]
    compared, differing = rollups_equal_recomputation(fixtures["province"], fixtures["indicators"])
    figures = {
        "batch": batch,
        "values_per_second": round(float(row["Requests/s"]) * batch, 1),
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
        "p50_ms": row["50%"],
        "p95_ms": row["95%"],
        "p99_ms": row["99%"],
        "deadlocks": deadlocks(database) - before,
        "lock_waiting_mean": round(statistics.mean(waits), 2) if waits else 0,
        "lock_waiting_max": max(waits) if waits else 0,
        "cells_compared": compared,
        "cells_differing": differing,
    }
    out(
        f"writes, {writers} clients, {batch} value(s) a request, {workers} gunicorn workers: "
        f"{figures['values_per_second']:.0f} values/s ({figures['requests']} requests, {figures['errors']} errors), "
        f"request p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms; "
        f"deadlocks {figures['deadlocks']}; backends waiting on a lock: mean {figures['lock_waiting_mean']}, "
        f"max {figures['lock_waiting_max']}; roll-up cells equal to their recomputation: {compared - differing} of {compared}"
    )
    return figures


def run(
    database: str,
    fixtures: dict,
    *,
    workers: list[int],
    users: int,
    seconds: int,
    writers: int,
    write_seconds: int,
    batches: list[int],
    out=print,
) -> dict:
    from phongtrao.operations.tests.stack import running_stack

    results: dict = {"mix": {}, "writes": []}
    with tempfile.TemporaryDirectory(prefix="phongtrao-load-") as tmp:
        place = Path(tmp)
        fixture_file = place / "fixtures.json"
        fixture_file.write_text(json.dumps(fixtures))
        env = {"DATABASE_URL": database, "LOG_LEVEL": "ERROR"}
        for count in workers:
            home = place / f"stack-{count}"
            home.mkdir()
            with running_stack(home, web_workers=count, env=env) as stack:
                # warm the workers (imports, templates, connections) before measuring
                locust(stack.url, fixture_file, home / "warm", users=8, seconds=5, classes=MIX)
                locust(stack.url, fixture_file, home / "mix", users=users, seconds=seconds, classes=MIX)
                results["mix"][count] = report_mix(read_stats(home / "mix"), count, out)
        count = max(workers)
        home = place / "writes"
        home.mkdir()
        with running_stack(home, web_workers=count, env=env) as stack:
            # a cold worker's first API answer (Ninja's schemas, the token's user) is not the figure
            locust(stack.url, fixture_file, home / "warm", users=writers, seconds=3, classes=["ValueWriter"])
            for batch in batches:
                results["writes"].append(
                    writes(
                        stack.url,
                        database,
                        fixture_file,
                        fixtures,
                        home,
                        writers=writers,
                        seconds=write_seconds,
                        batch=batch,
                        workers=count,
                        out=out,
                    )
                )
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["prepare", "run", "all"])
    parser.add_argument("--database", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--write-seconds", type=int, default=30)
    parser.add_argument("--villages-per-writer", type=int, default=25)
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 30], help="values a write request carries")
    parser.add_argument("--smoke", action="store_true", help="a few users for a few seconds (make test)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    args = parser.parse_args()
    if args.smoke:
        args.workers, args.users, args.seconds, args.writers, args.write_seconds = [1], 4, 4, 2, 5
        args.villages_per_writer, args.batches = 3, [1, 5]
    fixtures_file = Path(tempfile.gettempdir()) / "phongtrao-load-fixtures.json"
    if args.command in ("prepare", "all"):
        fixtures = prepare(
            args.database, villages_per_writer=args.villages_per_writer, writers=args.writers, sessions=10
        )
        fixtures_file.write_text(json.dumps(fixtures))
    if args.command in ("run", "all"):
        setup_django(args.database)
        results = run(
            args.database,
            json.loads(fixtures_file.read_text()),
            workers=args.workers,
            users=args.users,
            seconds=args.seconds,
            writers=args.writers,
            write_seconds=args.write_seconds,
            batches=args.batches,
        )
        if args.json:
            args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    if args.drop:
        from django.db import connections

        connections.close_all()
        database_drop(args.database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
