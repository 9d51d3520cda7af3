"""Prints the PostgreSQL URL the tests should also run on, or nothing when no server is
reachable: TEST_DATABASE_URL if set, else a local server on 127.0.0.1:5432."""

import os
import sys

CANDIDATES = ["postgres://postgres@127.0.0.1:5432/postgres", "postgres://root@127.0.0.1:5432/postgres"]


def main() -> int:
    explicit = os.environ.get("TEST_DATABASE_URL")
    if explicit:
        print(explicit)
        return 0
    try:
        import psycopg
    except ImportError:
        return 0
    for url in CANDIDATES:
        try:
            with psycopg.connect(url.replace("postgres://", "postgresql://"), connect_timeout=2):
                print(url)
                return 0
        except psycopg.Error:
            continue
    print("PostgreSQL not reachable: tests run on SQLite only.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
