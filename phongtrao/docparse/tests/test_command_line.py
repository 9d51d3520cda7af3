import json
import subprocess
import sys

from phongtrao.docparse.tests.conftest import DATA, ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "phongtrao.docparse", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_it_prints_the_parse_as_json():
    done = run(str(DATA / "seeds" / "003_468b24019f5e0e0a.txt"))
    assert done.returncode == 0
    assert json.loads(done.stdout)["issuer"] == "UBND xã Khánh Cư"
    pretty = run(str(DATA / "seeds" / "003_468b24019f5e0e0a.txt"), "--pretty")
    assert pretty.stdout.startswith("{\n  ")


def test_unreadable_input_exits_non_zero_with_one_line(tmp_path):
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"not a zip")
    done = run(str(bad))
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    missing = run(str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1


def test_the_library_does_not_import_django():
    done = subprocess.run(
        [sys.executable, "-c", "import sys, phongtrao.docparse; print('django' in sys.modules)"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.stdout.strip() == "False", done.stderr
