"""Backups of the embedded database (SQLite ``VACUUM INTO``) and the check that a backup
restores: it opens, passes ``PRAGMA integrity_check``, and holds as many rows per table as the
live database. PostgreSQL is backed up with its own tools (``POSTGRES_GUIDANCE``)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tortoise.backends.base.config_generator import expand_db_url

POSTGRES_GUIDANCE = """\
minqing does not copy PostgreSQL itself; use its own tools:

  pg_dump --format=custom --file={target} "{url}"
  # restore into an empty database created with LC_COLLATE 'C.UTF-8':
  pg_restore --no-owner --dbname="postgres://USER@HOST:PORT/NEW_DB" {target}

Then compare row counts table by table (SELECT relname, n_live_tup FROM pg_stat_user_tables
is an estimate; SELECT count(*) per table is exact)."""


def sqlite_path(database_url: str) -> Path | None:
    """The file of an SQLite URL; None for any other database."""
    if not database_url.startswith("sqlite://"):
        return None
    return Path(expand_db_url(database_url)["credentials"]["file_path"])


def backup_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` while servers keep writing (one read transaction)."""
    if target.exists():
        raise FileExistsError(f"{target} exists; choose a new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source, isolation_level=None) as conn:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("VACUUM INTO ?", (str(target),))
    conn.close()


def row_counts(path: Path) -> dict[str, int]:
    """Rows per table of the SQLite file at ``path``."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    conn.close()
    return counts


def integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        result = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    conn.close()
    return result


@dataclass(frozen=True)
class RestoreCheck:
    """A backup compared with the live database, table by table."""

    integrity: str
    live: dict[str, int]
    backup: dict[str, int]

    @property
    def differences(self) -> dict[str, tuple[int | None, int | None]]:
        tables = sorted(set(self.live) | set(self.backup))
        return {
            t: (self.live.get(t), self.backup.get(t))
            for t in tables
            if self.live.get(t) != self.backup.get(t)
        }

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.differences


def restore_check(live: Path, backup: Path) -> RestoreCheck:
    return RestoreCheck(
        integrity=integrity(backup), live=row_counts(live), backup=row_counts(backup)
    )
