"""Guards the database itself enforces: append-only history tables refuse UPDATE and DELETE.

Installed after every migration run (idempotent), so they survive a regenerated initial
migration and hold for any client, not only minqing's code.
"""

from __future__ import annotations

from tortoise import Tortoise

APPEND_ONLY_TABLES = ("case_event",)

_SQLITE = """
CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
"""

_POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION minqing_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
"""

_POSTGRES = """
DROP TRIGGER IF EXISTS {table}_append_only ON {table};
CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
FOR EACH ROW EXECUTE FUNCTION minqing_append_only();
"""


async def install_guards() -> None:
    """Create the append-only triggers on the default connection's database."""
    conn = Tortoise.get_connection("default")
    if conn.capabilities.dialect == "postgres":
        await conn.execute_script(_POSTGRES_FUNCTION)
        for table in APPEND_ONLY_TABLES:
            await conn.execute_script(_POSTGRES.format(table=table))
    else:
        for table in APPEND_ONLY_TABLES:
            await conn.execute_script(_SQLITE.format(table=table))
