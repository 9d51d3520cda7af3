"""A small run of the load benchmark (bench/load.py), so that it keeps working: the demo in
a database of its own, the stack on loopback, a few users for a few seconds, the writers
one value a request and in batches; no request fails and every roll-up cell equals its
recomputation afterwards."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

on_postgresql = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.mark.skipif(not on_postgresql, reason="the benchmark runs on PostgreSQL; it runs in the PostgreSQL pass")
def test_the_load_benchmark_runs_for_a_few_seconds(tmp_path):
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    figures = tmp_path / "load.json"
    done = subprocess.run(
        [sys.executable, "bench/load.py", "all", "--smoke", "--drop", "--json", str(figures)]
        + ["--database", f"{server}/phongtrao_load_smoke_{os.getpid()}"],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found = json.loads(figures.read_text())
    assert all(mix["total"]["Failure Count"] == "0" for mix in found["mix"].values()), done.stdout
    for run in found["writes"]:
        assert run["errors"] == 0 and run["requests"] > 0, done.stdout
        assert run["cells_differing"] == 0 and run["cells_compared"] > 0 and run["deadlocks"] == 0
