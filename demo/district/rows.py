"""Plain rows and their bulk insert: what Model.bulk_create does, without building a Model per
row, for the millions of rows of a generated district's cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tortoise import connections
from tortoise.fields import CharField, FloatField, IntField, TextField
from tortoise.models import Model

Progress = Callable[[str, int], None]  # (what, how many more)

_MISSING = object()


class Row(dict[str, Any]):
    """A row to insert, its columns read and set as attributes (far cheaper than a Model)."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class Inserter:
    """Model.bulk_create's INSERT and value conversion, over plain rows: every column in
    order, the model's default where a row leaves it out (Python-side defaults, as the ORM
    would fill them), converted only where the database needs it (enums, JSON, times)."""

    def __init__(self, model: type[Model]) -> None:
        conn: Any = connections.get("default")
        executor = conn.executor_class(model=model, db=conn)
        self.model = model
        self.sql: str = executor.insert_query_all
        self.columns: list[str] = list(executor.regular_columns_all)
        fields_map = model._meta.fields_map
        self.plan: list[tuple[str, Any, Callable[[Any, Any], Any] | None]] = []
        for name in self.columns:
            f = fields_map[name]
            plain = type(f) in (IntField, CharField, TextField, FloatField)
            default = f.default if f.default is not None else None
            self.plan.append((name, default, None if plain else f.to_db_value))

    def values(self, row: Row) -> list[Any]:
        out = []
        for name, default, convert in self.plan:
            value = row.get(name, _MISSING)
            if value is _MISSING:
                value = default() if callable(default) else default
            out.append(value if convert is None or value is None else convert(value, None))
        return out

    async def insert(self, rows: list[Row], progress: Progress | None) -> None:
        if rows:
            conn: Any = connections.get("default")
            for start in range(0, len(rows), 1_000):
                await conn.execute_many(
                    self.sql, [self.values(r) for r in rows[start : start + 1_000]]
                )
        if progress is not None:
            progress(self.model.__name__, len(rows))
