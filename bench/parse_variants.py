"""How well the parser reads the seeds and the corpus changed as the web, a PDF dump or an
old machine changes them (the variants of `phongtrao/docparse/tests/variants.py`): the
mean header score of a fixed-seed run, by kind of change, and the variants that score below
their original (the worst first).

    .venv/bin/python bench/parse_variants.py [--count 2000] [--seed 2026] [--worst 15]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def scorer():
    spec = importlib.util.spec_from_file_location("score_parse", ROOT / "tools" / "score_parse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(count: int, seed: int) -> tuple[list[tuple[float, float, object]], float]:
    from phongtrao.docparse import parse_bytes
    from phongtrao.docparse.tests import variants

    score = scorer()
    documents = variants.gold_documents(ROOT / "data")

    def header(gold, parsed) -> float:
        return statistics.mean(score.score_field(f, gold, parsed) for f in variants.HEADER_FIELDS)

    originals = {d.name: header(d.gold, parse_bytes(d.text.encode(), d.name)) for d in documents}
    rng = random.Random(seed)
    started = time.perf_counter()
    results = []
    for n in range(count):
        source = documents[n % len(documents)]
        made = variants.variant(source, rng)
        parsed = parse_bytes(made.data, source.name)
        results.append((header(source.gold, parsed), originals[source.name], made))
    return results, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--worst", type=int, default=15)
    args = parser.parse_args()
    results, seconds = run(args.count, args.seed)
    by_kind = defaultdict(list)
    for got, _original, made in results:
        for kind in made.kinds or ["none"]:
            by_kind[kind].append(got)
    print(f"{len(results)} variants in {seconds:.1f} s; mean header score {statistics.mean(r[0] for r in results):.3f}")
    print(f"as well as the original: {sum(1 for got, original, _m in results if got >= original - 1e-9)}")
    for kind, scores in sorted(by_kind.items()):
        print(f"  {kind:20} {len(scores):5} variants, mean {statistics.mean(scores):.3f}")
    losers = [r for r in results if r[0] < r[1] - 1e-9]
    for got, original, made in sorted(losers, key=lambda r: r[0] - r[1])[: args.worst]:
        print(f"  {got:.3f} < {original:.3f}  {made.source.name}  {'+'.join(made.kinds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
