"""Verbs on stations (驿站): open one in a place, change it, close it. A closed station is kept
(its meetings, services and cases still point at it), out of the active lists.

Each verb is one transaction with its audit row.
"""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.clock import moment as now
from domain.error_codes import InputErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.validation import clean_name
from models.enums import GridLevel, StationKind
from models.grid import GridNode, Station
from permissions.viewer import Viewer

# A station serves a community, an area, a grid or a micro-grid; never a street or one building.
STATION_LEVELS = (GridLevel.COMMUNITY, GridLevel.AREA, GridLevel.GRID, GridLevel.MICRO_GRID)


def _snapshot(station: Station) -> dict[str, Any]:
    return {
        "name": station.name,
        "kind": station.kind.value,
        "grid_id": station.grid_id,
        "address": station.address,
        "opening_hours": station.opening_hours,
        "closed_at": station.closed_at.isoformat() if station.closed_at else None,
    }


def _clean_text(value: str, *, field: str, max_length: int) -> str:
    cleaned = " ".join(value.split())
    if len(cleaned) > max_length:
        raise ValidationFailedError.one(
            field, f"At most {max_length} characters", InputErrorCode.TOO_LONG
        )
    return cleaned


async def _ensure_name_free(grid_id: int, name: str, *, except_id: int | None = None) -> None:
    clash = Station.filter(grid_id=grid_id, name=name)
    if except_id is not None:
        clash = clash.exclude(id=except_id)
    if await clash.exists():
        raise ConflictError(f"The place already has a station named {name!r} (open or closed)")


async def create_station(
    *,
    place: GridNode,
    name: str,
    kind: StationKind,
    address: str = "",
    opening_hours: str = "",
    actor: Viewer | None = None,
) -> Station:
    """Open a station in ``place``; names are unique within a place, closed stations included."""
    name = clean_name(name, field="name")
    if place.level not in STATION_LEVELS:
        levels = ", ".join(level.value for level in STATION_LEVELS)
        raise ValidationFailedError.one(
            "placeId", f"A station serves a {levels}", InputErrorCode.LEVEL_NOT_ALLOWED
        )
    if not place.is_active:
        raise ValidationFailedError.one("placeId", "That place was merged away; use its successor")
    address = _clean_text(address, field="address", max_length=200)
    opening_hours = _clean_text(opening_hours, field="openingHours", max_length=100)
    async with in_transaction():
        await _ensure_name_free(place.id, name)
        station = await Station.create(
            name=name, kind=kind, grid_id=place.id, address=address, opening_hours=opening_hours
        )
        await audit(actor, "station.create", f"Station:{station.id}", after=_snapshot(station))
    return station


async def update_station(
    *,
    station: Station,
    name: str | None = None,
    kind: StationKind | None = None,
    address: str | None = None,
    opening_hours: str | None = None,
    actor: Viewer | None = None,
) -> Station:
    """Change the fields given (None: unchanged); a closed station can still be corrected."""
    before = _snapshot(station)
    if name is not None:
        station.name = clean_name(name, field="name")
    if kind is not None:
        station.kind = kind
    if address is not None:
        station.address = _clean_text(address, field="address", max_length=200)
    if opening_hours is not None:
        station.opening_hours = _clean_text(opening_hours, field="openingHours", max_length=100)
    if _snapshot(station) == before:
        return station
    async with in_transaction():
        await _ensure_name_free(station.grid_id, station.name, except_id=station.id)
        await station.save(update_fields=["name", "kind", "address", "opening_hours"])
        await audit(
            actor,
            "station.update",
            f"Station:{station.id}",
            before=before,
            after=_snapshot(station),
        )
    return station


async def close_station(*, station: Station, actor: Viewer | None = None) -> Station:
    """Close a station: it stays, with the moment it closed, out of the active lists."""
    if station.closed_at is not None:
        raise ConflictError("That station is already closed")
    before = _snapshot(station)
    async with in_transaction():
        station.closed_at = now()
        await station.save(update_fields=["closed_at"])
        await audit(
            actor, "station.close", f"Station:{station.id}", before=before, after=_snapshot(station)
        )
    return station
