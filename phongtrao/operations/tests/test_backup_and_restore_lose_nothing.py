"""The drill: the demo loaded, backed up, restored into a fresh database and an empty
media folder: every table has as many rows and every file the same checksum. And a
restore that would lose or mix data is refused before anything is touched."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from phongtrao.operations.backup import BackupError, Database, backup_restore, backup_write


def _row_counts(database: Database) -> dict[str, int]:
    if database.vendor == "sqlite":
        with closing(sqlite3.connect(database.settings["NAME"])) as db:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    with psycopg.connect(**_pg(database)) as db:
        tables = [r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _pg(database: Database, name: str | None = None) -> dict:
    s = database.settings
    return {
        "dbname": name or s["NAME"],
        "host": s.get("HOST") or None,
        "port": s.get("PORT") or None,
        "user": s.get("USER") or None,
        "password": s.get("PASSWORD") or None,
        "autocommit": True,
    }


def _files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()
    }


@pytest.fixture
def fresh(tmp_path):
    """An empty database of the same kind as the suite's, dropped afterwards."""
    here = Database.of(connection.settings_dict)
    if here.vendor == "sqlite":
        yield Database("sqlite", {**here.settings, "NAME": str(tmp_path / "restored.sqlite3")})
        return
    name = f"{here.settings['NAME']}_restored"
    with psycopg.connect(**_pg(here)) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    yield Database("postgresql", {**here.settings, "NAME": name})
    with psycopg.connect(**_pg(here)) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "evidence" / "2026").mkdir(parents=True)
    (settings.MEDIA_ROOT / "evidence" / "2026" / "ảnh vườn mẫu.jpg").write_bytes(b"\xff\xd8" + bytes(range(256)) * 40)
    (settings.MEDIA_ROOT / "dossiers").mkdir()
    (settings.MEDIA_ROOT / "dossiers" / "bien-ban.pdf").write_bytes(b"%PDF-1.4 " + b"x" * 5000)
    return settings.MEDIA_ROOT


@pytest.mark.django_db(transaction=True)  # committed rows: pg_dump reads from another connection
def test_the_demo_backed_up_and_restored_loses_nothing(reward_forms, media, fresh, tmp_path):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    here = Database.of(connection.settings_dict)
    archive = backup_write(database=here, media_root=media, folder=tmp_path / "backups", now=timezone.localtime())
    assert archive.name.startswith("phongtrao-") and archive.with_name(archive.name + ".sha256").exists()
    restored_media = tmp_path / "restored-media"
    backup_restore(archive=archive, database=fresh, media_root=restored_media)
    before, after = _row_counts(here), _row_counts(fresh)
    assert before == after and before["plans_plan"] >= 5 and before["geo_adminunit"] > 14000
    assert _files(media) == _files(restored_media) and len(_files(media)) > 2  # the demo's photos too
    with pytest.raises(BackupError, match="đã có dữ liệu"):  # a second restore would mix two states
        backup_restore(archive=archive, database=fresh, media_root=tmp_path / "other-media")


@pytest.mark.django_db(transaction=True)
def test_a_foreign_cut_or_altered_archive_is_refused_before_anything_is_touched(people, media, fresh, tmp_path):
    here = Database.of(connection.settings_dict)
    good = backup_write(database=here, media_root=media, folder=tmp_path / "b", now=timezone.localtime())
    target = tmp_path / "target-media"

    altered = tmp_path / "altered.tar"
    with tarfile.open(good) as source, tarfile.open(altered, "w") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.endswith(".pdf"):
                data = data[:-1] + b"y"  # one byte changed, same size
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    cut = tmp_path / "cut.tar"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    foreign = tmp_path / "foreign.tar"
    with tarfile.open(foreign, "w") as out:
        out.add(media / "dossiers" / "bien-ban.pdf", arcname="bien-ban.pdf")

    for archive, reason in [(altered, "không khớp"), (cut, "Không đọc được|không đủ"), (foreign, "Không phải")]:
        with pytest.raises(BackupError, match=reason):
            backup_restore(archive=archive, database=fresh, media_root=target)
        assert fresh.is_empty() and not target.exists()


@pytest.mark.django_db(transaction=True)
def test_the_commands_back_up_and_refuse_to_restore_over_data(people, media, tmp_path):
    out = tmp_path / "out"
    call_command("backup", "--to", str(out), stdout=open("/dev/null", "w"))  # noqa: SIM115
    archive = next(out.glob("phongtrao-*.tar"))
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("restore", str(archive))
    assert _row_counts(Database.of(connection.settings_dict))["accounts_user"] > 0
