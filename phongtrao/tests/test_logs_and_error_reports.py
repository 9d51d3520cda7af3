"""In production every log line is one JSON object carrying the request's id (the one
nginx sent, or a new one the answer names), and errors reach a Sentry or GlitchTip
server when SENTRY_DSN is set: here a real HTTP endpoint on loopback receives them."""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import brotli
from django.conf import settings

REQUEST = (
    "import django; django.setup()\n"
    "from django.test import Client\n"
    "answer = Client(HTTP_X_REQUEST_ID='nginx-42').get('/no-such-page/')\n"
    "print(answer.status_code, answer['X-Request-ID'])\n"
)
REPORT = (
    "import django, logging, sentry_sdk; django.setup()\n"
    "logging.getLogger('phongtrao').error('thôn Đông: sổ đóng góp không mở được')\n"
    "sentry_sdk.flush(timeout=10)\n"
)


# sentry-sdk sends its envelopes compressed: brotli where the package is installed, else gzip
UNPACK = {"gzip": gzip.decompress, "br": brotli.decompress}


def _run(script: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SENTRY_DSN", "LOG_FORMAT", "PRODUCTION")}
    environment |= {"DJANGO_SETTINGS_MODULE": "phongtrao.settings", "PYTHONWARNINGS": "ignore", **env}
    # neither script reads a table: an empty SQLite file of its own is enough
    environment["DATABASE_URL"] = f"sqlite:///{Path(tempfile.gettempdir()) / 'phongtrao-log-test.sqlite3'}"
    return subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_log_line_is_json_with_the_request_id_nginx_sent():
    ran = _run(REQUEST, LOG_FORMAT="json")
    assert ran.stdout.split() == ["404", "nginx-42"], ran.stderr
    line = json.loads(ran.stderr.strip().splitlines()[-1])
    assert line["request_id"] == "nginx-42" and line["level"] == "WARNING" and "no-such-page" in line["message"]


def test_errors_reach_the_error_server_without_personal_data():
    received: list[bytes] = []

    class Ingest(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (the http.server API)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append(UNPACK.get(self.headers.get("Content-Encoding", ""), bytes)(body))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Ingest)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/1"
        ran = _run(REPORT, SENTRY_DSN=dsn)
    finally:
        server.shutdown()
    assert ran.returncode == 0, ran.stderr
    items = [json.loads(line) for body in received for line in body.decode().splitlines() if line.strip()]
    events = [item for item in items if "logentry" in item]
    assert [event["logentry"]["message"] for event in events] == ["thôn Đông: sổ đóng góp không mở được"]
    assert events[0]["environment"] == "development" and events[0]["level"] == "error"
    assert "ip_address" not in json.dumps(events) and "cookies" not in json.dumps(events)
