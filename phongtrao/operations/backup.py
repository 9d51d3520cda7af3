"""One dated archive of the database and the uploaded files, and its restore.

The archive is a tar file: `manifest.json` (what it holds, the SHA-256 of every member),
the database (PostgreSQL's `pg_dump` custom format, or SQLite's online backup) and
`media/…`. A restore checks the whole archive before it touches anything: a foreign,
cut-off or altered archive is refused with nothing changed, and so is a database or a
media folder that already holds data, unless told to replace it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

FORMAT = "phongtrao-backup"
VERSION = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or a restore refused, with the reason for the administrator."""


@dataclass
class Database:
    """Where the database is: Django's settings of one connection."""

    vendor: str  # "postgresql" or "sqlite"
    settings: dict[str, Any]

    @classmethod
    def of(cls, settings_dict: dict[str, Any]) -> Database:
        engine = settings_dict["ENGINE"]
        if engine.endswith("postgresql"):
            return cls("postgresql", settings_dict)
        if engine.endswith("sqlite3"):
            return cls("sqlite", settings_dict)
        raise BackupError(f"Không sao lưu được cơ sở dữ liệu loại {engine}.")

    def pg_environment(self) -> dict[str, str]:
        s = self.settings
        values = {
            "PGHOST": s.get("HOST") or "",
            "PGPORT": str(s.get("PORT") or ""),
            "PGUSER": s.get("USER") or "",
            "PGPASSWORD": s.get("PASSWORD") or "",
            "PGDATABASE": s["NAME"],
        }
        return {**os.environ, **{k: v for k, v in values.items() if v}}

    def is_empty(self) -> bool:
        if self.vendor == "sqlite":
            path = Path(self.settings["NAME"])
            if not path.exists():
                return True
            with sqlite3.connect(path) as db:
                return not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").fetchall()
        found = _run(["psql", "-tAc", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"], self)
        return found.strip() == "0"


def _run(command: list[str], database: Database) -> str:
    try:
        done = subprocess.run(command, env=database.pg_environment(), capture_output=True, text=True, timeout=3600)
    except FileNotFoundError as exc:
        raise BackupError(f"Thiếu chương trình {command[0]} (gói postgresql-client).") from exc
    if done.returncode != 0:
        raise BackupError(f"{command[0]} không thành công: {done.stderr.strip()[-500:]}")
    return done.stdout


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _member(path: Path, media_root: Path) -> str:
    """An uploaded file's name in the archive: media/<its path under MEDIA_ROOT>."""
    return str(PurePosixPath("media", *path.relative_to(media_root).parts))


def _sqlite_copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


def _media_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def backup_write(*, database: Database, media_root: Path, folder: Path, now: dt.datetime) -> Path:
    """Writes `phongtrao-YYYYMMDD-HHMMSS.tar` into `folder` and returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"phongtrao-{now:%Y%m%d-%H%M%S}.tar"
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / ("database.dump" if database.vendor == "postgresql" else "database.sqlite3")
        if database.vendor == "postgresql":
            _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"], database)
        else:
            _sqlite_copy(Path(database.settings["NAME"]), dump)  # consistent while the application writes
        media = _media_files(media_root)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": now.isoformat(),
            "database": {"vendor": database.vendor, "member": dump.name, "sha256": _sha256(dump)},
            "media": {_member(path, media_root): _sha256(path) for path in media},
        }
        partial = archive.with_suffix(".tar.part")
        with tarfile.open(partial, "w") as tar:
            manifest_path = Path(work) / MANIFEST
            manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            tar.add(manifest_path, arcname=MANIFEST)
            tar.add(dump, arcname=dump.name)
            for path in media:
                tar.add(path, arcname=_member(path, media_root))
        partial.rename(archive)  # never a half-written archive under the final name
    archive.with_name(archive.name + ".sha256").write_text(f"{_sha256(archive)}  {archive.name}\n")
    return archive


def _checked_copy(archive: Path, into: Path) -> dict[str, Any]:
    """Unpacks into `into` and returns the manifest once every member matches it."""
    try:
        with tarfile.open(archive, "r") as tar:
            members = tar.getmembers()
            for member in members:
                name = PurePosixPath(member.name)
                if not member.isfile() or name.is_absolute() or ".." in name.parts:
                    raise BackupError(f"Tệp sao lưu có mục lạ: {member.name}.")
            tar.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise BackupError(f"Không đọc được tệp sao lưu ({exc.__class__.__name__}).") from exc
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError("Không phải tệp sao lưu của phongtrao (không có bảng kê).") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError("Không phải tệp sao lưu của phongtrao, hoặc của một phiên bản khác.")
    expected = {manifest["database"]["member"]: manifest["database"]["sha256"], **manifest["media"]}
    present = {str(PurePosixPath(*p.relative_to(into).parts)) for p in into.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(expected):
        raise BackupError("Tệp sao lưu không đủ hoặc thừa mục so với bảng kê.")
    for name, digest in expected.items():
        if _sha256(into / name) != digest:
            raise BackupError(f"Tệp sao lưu bị hỏng: {name} không khớp mã kiểm tra.")
    return manifest


def backup_restore(*, archive: Path, database: Database, media_root: Path, replace: bool = False) -> dict[str, Any]:
    """Restores `archive` into `database` and `media_root`; returns its manifest."""
    with tempfile.TemporaryDirectory() as work:
        unpacked = Path(work)
        manifest = _checked_copy(archive, unpacked)
        if manifest["database"]["vendor"] != database.vendor:
            raise BackupError(
                f"Bản sao lưu của {manifest['database']['vendor']}, không khôi phục vào {database.vendor} được."
            )
        if not replace and not database.is_empty():
            raise BackupError("Cơ sở dữ liệu đích đã có dữ liệu: dùng --replace nếu muốn thay thế.")
        if not replace and _media_files(media_root):
            raise BackupError(f"Thư mục tệp {media_root} đã có tệp: dùng --replace nếu muốn thay thế.")
        dump = unpacked / manifest["database"]["member"]
        if database.vendor == "postgresql":
            command = [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={database.settings['NAME']}",
            ]
            if replace:
                command[1:1] = ["--clean", "--if-exists"]
            _run([*command, str(dump)], database)
        else:
            _sqlite_copy(dump, Path(database.settings["NAME"]))
        if replace and media_root.exists():
            shutil.rmtree(media_root)
        for name in manifest["media"]:
            target = media_root / Path(*PurePosixPath(name).parts[1:])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(unpacked / name, target)
    return manifest
