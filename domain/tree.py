"""Rules of the grid tree: which level may sit under which, and materialized-path arithmetic."""

from __future__ import annotations

from models.enums import GridLevel

# Not every community uses every level (Danyang has no areas), so a level may skip some of
# the ones above it, but never sits above its own kind: a building is never under a street.
ALLOWED_PARENT_LEVELS: dict[GridLevel, frozenset[GridLevel | None]] = {
    GridLevel.STREET: frozenset({None}),
    GridLevel.COMMUNITY: frozenset({None, GridLevel.STREET}),
    GridLevel.AREA: frozenset({GridLevel.COMMUNITY}),
    GridLevel.GRID: frozenset({GridLevel.COMMUNITY, GridLevel.AREA}),
    GridLevel.MICRO_GRID: frozenset({GridLevel.GRID}),
    GridLevel.BUILDING: frozenset({GridLevel.GRID, GridLevel.MICRO_GRID}),
}

ROOT_PATH = "/"


def may_sit_under(level: GridLevel, parent_level: GridLevel | None) -> bool:
    return parent_level in ALLOWED_PARENT_LEVELS[level]


def allowed_parents_text(level: GridLevel) -> str:
    names = sorted("no parent" if p is None else p.value for p in ALLOWED_PARENT_LEVELS[level])
    return ", ".join(names)


def child_path(parent_path: str | None, node_id: int) -> str:
    return f"{parent_path or ROOT_PATH}{node_id}/"


def subtree_bounds(path: str) -> tuple[str, str]:
    """``(low, high)`` such that ``low <= p < high`` holds exactly for paths in the subtree.

    Paths are ids between slashes, so the subtree of ``/1/5/`` is every path starting with it;
    ``'0'`` follows ``'/'`` in byte order, which makes the range one index seek on SQLite and
    on PostgreSQL (whose database collation must be ``C`` or ``C.UTF-8``).
    """
    return path, path[:-1] + "0"


def subtree_filter(field: str, path: str) -> dict[str, str]:
    """Filter arguments keeping the rows whose ``field`` (a path, or one copied from the row's
    place) lies in the subtree at ``path``: ``Need.filter(**subtree_filter("place_path", p))``."""
    low, high = subtree_bounds(path)
    return {f"{field}__gte": low, f"{field}__lt": high}


def ids_in_path(path: str) -> list[int]:
    return [int(part) for part in path.split("/") if part]
