"""`POST /api/parse` answers exactly what `python -m phongtrao.docparse` prints: the parse
contract, its core keys documented in the API's schema."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from phongtrao import docparse


def test_the_api_answers_the_command_lines_json(people):
    seed = next((settings.DATA_DIR / "seeds").glob("004_*"))
    expected = json.loads(json.dumps(docparse.parse_bytes(seed.read_bytes(), seed.name), ensure_ascii=False))
    answer = people.client(people.commune_officer).post(
        "/api/parse", {"file": SimpleUploadedFile(seed.name, seed.read_bytes())}
    )
    # the command line's JSON, and the plans already in the system that it is (none here)
    assert answer.status_code == 200 and answer.json() == {**expected, "known_plans": []}
    schema = people.client(None).get("/api/openapi.json").json()["components"]["schemas"]["ParsedDocumentOut"]
    assert {"doc_type", "number", "issue_date", "issuer", "title", "basis_refs", "targets", "signer"} <= set(
        schema["properties"]
    )
