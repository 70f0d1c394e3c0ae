"""Rewrite every stored moment in SQLite into Asia/Shanghai (written by hand: a data migration).

Until 0006 some moments were written in UTC (needs, patrols, visits, volunteering used a second
clock) or in whatever offset a client sent, and SQLite compares them as text: an activity that
ended an hour ago still counted as upcoming. PostgreSQL keeps ``timestamptz`` and needs nothing.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from tortoise import migrations
from tortoise.migrations import operations as ops

SHANGHAI = ZoneInfo("Asia/Shanghai")


async def rewrite_moments(apps, schema_editor) -> None:
    client = schema_editor.client
    if client.capabilities.dialect != "sqlite":
        return
    tables = await client.execute_query_dict(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    for table in (t["name"] for t in tables):
        columns = await client.execute_query_dict(f'PRAGMA table_info("{table}")')
        for column in (c["name"] for c in columns if c["type"].upper() == "TIMESTAMP"):
            rows = await client.execute_query_dict(
                f'SELECT rowid AS r, "{column}" AS v FROM "{table}" '
                f"WHERE \"{column}\" IS NOT NULL AND \"{column}\" NOT LIKE '%+08:00'"
            )
            for row in rows:
                value = datetime.fromisoformat(str(row["v"]))
                if value.tzinfo is None:
                    continue  # naive values were written as Shanghai's already
                text = value.astimezone(SHANGHAI).isoformat(" ")
                await client.execute_query(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', [text, row["r"]]
                )


class Migration(migrations.Migration):
    dependencies = [("models", "0005_login_throttle_per_address")]

    initial = False

    operations = [ops.RunPython(rewrite_moments, ops.RunPython.noop)]
