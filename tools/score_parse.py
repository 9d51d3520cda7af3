#!/usr/bin/env python3
"""Score plan-document parses against gold annotations.

Usage:
  score_parse.py --gold GOLD_DIR --docs DOCS_DIR --cmd "python -m phongtrao.docparse {file}"
  score_parse.py --gold GOLD_DIR --pred PRED_DIR        # PRED_DIR holds <stem>.json files

Each gold file GOLD_DIR/<stem>.json pairs with a document DOCS_DIR/<stem>.<ext> (any extension).
The command must print the parse of {file} as one JSON object on stdout (the contract in DESIGN.md).
Prints a table of per-field scores (0..1) and the overall mean; --min X makes it exit 1 below X.
Standard library only, so it runs anywhere.
"""

import argparse
import difflib
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

CORE = [
    "doc_type",
    "number",
    "issue_date",
    "place",
    "issuer",
    "title",
    "basis_refs",
    "period",
    "phases",
    "deadlines",
    "targets",
    "assignees",
    "recipients",
    "signer",
]

ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "bcđ": "ban chỉ đạo",
    "mttqvn": "mặt trận tổ quốc việt nam",
    "mttq": "mặt trận tổ quốc",
    "ntm": "nông thôn mới",
    "mtqg": "mục tiêu quốc gia",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "tm": "thay mặt",
    "kt": "ký thay",
    "ct-xh": "chính trị - xã hội",
    "vs attp": "vệ sinh an toàn thực phẩm",
}
# Old-style tone placement (hoá, uỷ) folded to new style (hóa, ủy), applied to both sides.
_TONES = {"à": "ò", "á": "ó", "ả": "ỏ", "ã": "õ", "ạ": "ọ"}
_TONES_Y = {"ỳ": "ù", "ý": "ú", "ỷ": "ủ", "ỹ": "ũ", "ỵ": "ụ"}


def norm(text):
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text)).casefold()
    s = re.sub(r"[“”\"'‘’«»*_]", "", s)
    s = re.sub(r"[‐‑‒–—−]", "-", s)
    s = re.sub(r"o([àáảãạ])", lambda m: _TONES[m.group(1)] + "a", s)
    s = re.sub(r"u([ỳýỷỹỵ])", lambda m: _TONES_Y[m.group(1)] + "y", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    for short, full in ABBREVIATIONS.items():
        s = re.sub(r"(?<![\w])" + re.escape(short) + r"\.?(?![\w])", full, s)
    return re.sub(r"\s+", " ", s).strip()


def norm_number(text):
    if text is None:
        return None
    s = unicodedata.normalize("NFC", str(text)).upper()
    s = re.sub(r"^SỐ\s*:?", "", s)
    s = re.sub(r"[‐‑‒–—−]", "-", s)
    s = re.sub(r"\s+", "", s)
    return s or None


def sim(a, b):
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()


def f1(matched, n_gold, n_pred):
    if n_gold == 0 and n_pred == 0:
        return 1.0
    if matched == 0:
        return 0.0
    p, r = matched / n_pred, matched / n_gold
    return 2 * p * r / (p + r)


def match_lists(gold, pred, same):
    """Greedy one-to-one matching; returns the number of matched pairs."""
    used, matched = set(), 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                matched += 1
                break
    return matched


def unit_key(unit):
    u = norm(unit)
    if u in ("%", "phần trăm"):
        return "%"
    if u in ("‰", "phần nghìn", "phần ngàn"):
        return "‰"
    if u in ("vnd", "đồng", "đ", "triệu đồng", "tỷ đồng", "nghìn đồng"):
        return "vnd"
    return u


def money(value, unit):
    scale = {"triệu đồng": 1e6, "tỷ đồng": 1e9, "nghìn đồng": 1e3}.get(norm(unit), 1)
    return float(value) * scale


def same_target(g, p):
    try:
        gv, pv = float(g.get("value")), float(p.get("value"))
    except (TypeError, ValueError):
        return False
    gu, pu = unit_key(g.get("unit")), unit_key(p.get("unit"))
    if gu == "vnd" and pu == "vnd":
        return abs(money(gv, g.get("unit")) - money(pv, p.get("unit"))) < 1
    if abs(gv - pv) > 1e-6:
        return False
    return gu == pu or not gu or not pu or sim(gu, pu) >= 0.6


def score_scalar(field, g, p):
    if field == "number":
        return float(norm_number(g) == norm_number(p))
    if field in ("doc_type", "issue_date"):
        return float((g or None) == (p or None))
    if g is None or p is None:
        return float(g is None and p is None)
    if field == "place":
        a, b = norm(g), norm(p)
        return float(sim(a, b) >= 0.85 or a.endswith(b) or b.endswith(a))
    if field == "issuer":
        return float(sim(g, p) >= 0.85)
    if field == "title":
        return float(sim(g, p) >= 0.9)
    raise ValueError(field)


def score_field(field, gold, pred):
    g, p = gold.get(field), pred.get(field)
    if field in ("doc_type", "number", "issue_date", "place", "issuer", "title"):
        return score_scalar(field, g, p)
    if field == "period":
        g, p = g or {}, p or {}
        return sum(float((g.get(k) or None) == (p.get(k) or None)) for k in ("start", "end")) / 2
    if field == "signer":
        g, p = g or {}, p or {}
        parts = [
            float(norm(g.get("name")) == norm(p.get("name"))),
            float(sim(g.get("title"), p.get("title")) >= 0.85 or not (g.get("title") or p.get("title"))),
            float(sim(g.get("authority"), p.get("authority")) >= 0.8 or not (g.get("authority") or p.get("authority"))),
        ]
        return sum(parts) / len(parts)
    g, p = g or [], p or []
    if not isinstance(p, list):
        return 0.0
    same = {
        "basis_refs": lambda a, b: (
            norm_number(a.get("number")) == norm_number(b.get("number"))
            and (a.get("date") or None) == (b.get("date") or None)
        ),
        "phases": lambda a, b: a.get("start") == b.get("start") and a.get("end") == b.get("end"),
        "deadlines": lambda a, b: a.get("date") == b.get("date"),
        "targets": same_target,
        "assignees": lambda a, b: sim(a, b) >= 0.75,
        "recipients": lambda a, b: sim(a, b) >= 0.75,
    }[field]
    return f1(match_lists(g, p, same), len(g), len(p))


def run_parser(cmd, path):
    argv = [a.replace("{file}", str(path)) for a in shlex.split(cmd)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-300:] or f"exit {done.returncode}")
    return json.loads(done.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--docs", type=Path)
    ap.add_argument("--cmd")
    ap.add_argument("--pred", type=Path)
    ap.add_argument("--min", type=float)
    ap.add_argument("--quiet", action="store_true", help="print only the overall line")
    ap.add_argument("--fields", help="comma-separated subset of the core fields to score")
    args = ap.parse_args()

    fields = args.fields.split(",") if args.fields else CORE
    unknown = set(fields) - set(CORE)
    if unknown:
        sys.exit(f"unknown fields: {', '.join(sorted(unknown))}")
    rows = {}
    for gold_path in sorted(args.gold.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            if args.pred:
                pred = json.loads((args.pred / gold_path.name).read_text(encoding="utf-8"))
            else:
                doc = next(p for p in sorted(args.docs.glob(gold_path.stem + ".*")) if p.suffix != ".json")
                pred = run_parser(args.cmd, doc)
        except Exception as exc:  # a failed parse scores zero on every field
            print(f"{gold_path.stem}: parse failed: {exc}", file=sys.stderr)
            pred = {}
        rows[gold_path.stem] = {f: score_field(f, gold, pred) for f in fields}

    if not rows:
        sys.exit("no gold files")
    means = {f: sum(r[f] for r in rows.values()) / len(rows) for f in fields}
    overall = sum(means.values()) / len(means)
    if not args.quiet:
        width = max(len(s) for s in rows)
        print(" " * width, *[f[:8].rjust(8) for f in fields], "   mean")
        for stem, r in rows.items():
            print(stem.ljust(width), *[f"{r[f]:8.2f}" for f in fields], f"{sum(r.values()) / len(fields):7.3f}")
        print("mean".ljust(width), *[f"{means[f]:8.2f}" for f in fields], f"{overall:7.3f}")
    print(f"overall field score {overall:.3f} over {len(rows)} documents")
    if args.min is not None and overall < args.min:
        sys.exit(1)


if __name__ == "__main__":
    main()
