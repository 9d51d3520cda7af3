"""Benchmark of phongtrao.docparse (not a test): documents per second on the seeds and
the corpus, peak memory, and time against input size to show the parser is linear.

    .venv/bin/python bench/parse_docs.py [--seconds 10]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from phongtrao.docparse import parse_bytes, parse_text  # noqa: E402


def documents() -> list[tuple[str, bytes]]:
    paths = sorted((ROOT / "data" / "seeds").glob("*.txt")) + sorted((ROOT / "data" / "corpus" / "docs").glob("*.txt"))
    return [(p.name, p.read_bytes()) for p in paths]


def throughput(docs, seconds: float) -> tuple[int, float]:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for name, data in docs:
            parse_bytes(data, name)
            done += 1
    return done, time.perf_counter() - start


def scaling() -> list[tuple[int, float]]:
    """Seconds to parse the five seeds repeated k times as one text."""
    text = "\n".join(
        (ROOT / "data" / "seeds" / name).read_text(encoding="utf-8")
        for name in sorted(p.name for p in (ROOT / "data" / "seeds").glob("*.txt"))
    )
    rows = []
    for k in (1, 4, 16, 64):
        big = "\n".join([text] * k)
        start = time.perf_counter()
        parse_text(big)
        rows.append((len(big.encode()), time.perf_counter() - start))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    docs = documents()
    parse_bytes(docs[0][1], docs[0][0])  # warm the regex caches
    done, elapsed = throughput(docs, args.seconds)
    tracemalloc.start()  # a separate pass: tracing slows parsing down several times
    throughput(docs, 0.5)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sum(len(d) for _n, d in docs) / len(docs)
    print(f"{len(docs)} documents (mean {size / 1024:.1f} KB), {done} parses in {elapsed:.1f} s on one core")
    print(f"throughput: {done / elapsed:.0f} documents/s")
    print(
        f"peak traced memory while parsing: {peak / 1024 / 1024:.1f} MB; "
        f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print("size → time (linear if time/MB stays flat):")
    for size_bytes, seconds in scaling():
        print(
            f"  {size_bytes / 1024 / 1024:6.2f} MB  {seconds:6.3f} s  {seconds / (size_bytes / 1024 / 1024):6.3f} s/MB"
        )


if __name__ == "__main__":
    main()
