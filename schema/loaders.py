"""Per-request DataLoaders: one batched query per model and key, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

M = TypeVar("M", bound=Model)
K = TypeVar("K")
V = TypeVar("V")


def _by_id_loader(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: list[int]) -> Sequence[M | None]:
        rows = {row.pk: row for row in await model.filter(pk__in=ids)}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


def _children_loader(model: type[M], fk: str, order: str) -> DataLoader[int, list[M]]:
    async def load(keys: list[int]) -> Sequence[list[M]]:
        grouped: dict[int, list[M]] = defaultdict(list)
        for row in await model.filter(**{f"{fk}__in": keys}).order_by(order):
            grouped[getattr(row, fk)].append(row)
        return [grouped.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


class Loaders:
    """The loaders of one request, created on first use."""

    def __init__(self) -> None:
        self._by_id: dict[type[Model], DataLoader[int, Any]] = {}
        self._children: dict[tuple[type[Model], str], DataLoader[int, Any]] = {}
        self._keyed: dict[Hashable, DataLoader[Any, Any]] = {}

    def keyed(
        self, key: Hashable, load: Callable[[list[K]], Awaitable[Sequence[V]]]
    ) -> DataLoader[K, V]:
        """The request's loader for ``key``, made from ``load`` on first use."""
        loader = self._keyed.get(key)
        if loader is None:
            loader = self._keyed[key] = DataLoader(load_fn=load)
        return loader

    def by_id(self, model: type[M]) -> DataLoader[int, M | None]:
        loader = self._by_id.get(model)
        if loader is None:
            loader = self._by_id[model] = _by_id_loader(model)
        return loader

    def children(self, model: type[M], fk: str, order: str = "id") -> DataLoader[int, list[M]]:
        """Rows of ``model`` grouped by the foreign key ``fk`` (e.g. ``household_id``)."""
        key = (model, fk)
        loader = self._children.get(key)
        if loader is None:
            loader = self._children[key] = _children_loader(model, fk, order)
        return loader

    def prime(self, rows: Sequence[Model]) -> None:
        """Remember rows a list already fetched, so nested edges do not fetch them again."""
        for row in rows:
            self.by_id(type(row)).prime(row.pk, row)
