import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def scorer():
    spec = importlib.util.spec_from_file_location("score_parse", ROOT / "tools" / "score_parse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
