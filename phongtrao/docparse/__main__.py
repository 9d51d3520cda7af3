"""python -m phongtrao.docparse FILE [--pretty]: prints the parse as one JSON object."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from phongtrao.docparse import ReadError, parse_bytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m phongtrao.docparse", description="Đọc kế hoạch (.txt, .docx, .pdf) ra JSON."
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--pretty", action="store_true", help="in JSON thụt lề")
    args = parser.parse_args(argv)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"Không đọc được {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        result = parse_bytes(data, args.file.name)
    except ReadError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
