"""A small run of the national benchmark, so that it keeps working: it generates a
country at a thousandth of the scale into a database of its own, checks the API's
figures against the raw SQL aggregate and every roll-up and ledger cell against a
recomputation."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from phongtrao.docparse.tests.conftest import ROOT

on_postgresql = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.mark.skipif(
    not on_postgresql, reason="the benchmark loads PostgreSQL with COPY; it runs in the PostgreSQL pass"
)
def test_the_national_benchmark_runs_at_a_small_scale():
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    done = subprocess.run(
        [
            sys.executable,
            "bench/national.py",
            "all",
            "--scale",
            "0.001",
            "--repeat",
            "5",
            "--verify",
            "--drop",
            "--database",
            f"{server}/phongtrao_bench_smoke_{os.getpid()}",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "national roll-up of the plan's 15 targets" in done.stdout
    assert "in the national roll-up at once" in done.stdout
    assert "portal commune page: built" in done.stdout
    assert "roll-up cells equal a recomputation from the raw values" in done.stdout
    assert "ledger cells equal a recomputation from the lines" in done.stdout
    assert "a provincial target month by month (page)" in done.stdout
    assert "values exported to Excel" in done.stdout
    assert "province dashboard page" in done.stdout and "equal the raw SQL sum of the lines" in done.stdout
