import subprocess
import sys

from phongtrao.docparse.tests.conftest import ROOT


def test_the_parse_benchmark_runs():
    done = subprocess.run(
        [sys.executable, "bench/parse_docs.py", "--seconds", "0.2"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "documents/s" in done.stdout and "s/MB" in done.stdout


def test_the_variants_benchmark_runs():
    done = subprocess.run(
        [sys.executable, "bench/parse_variants.py", "--count", "42", "--worst", "2"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "42 variants" in done.stdout and "mean header score" in done.stdout and "wrap" in done.stdout
