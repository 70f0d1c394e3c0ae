"""Verbs on the grid tree: create, rename, move a subtree, merge grids — each one transaction
that also writes its ``GridChange`` row."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.transactions import in_transaction

from domain.copied_paths import rewrite_copied_paths
from domain.error_codes import GridErrorCode, InputErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.tree import allowed_parents_text, child_path, may_sit_under, subtree_filter
from domain.validation import clean_name
from models.auth import AuditEntry
from models.enums import GridChangeKind, GridLevel
from models.grid import GridChange, GridNode, Station
from models.org import CoBuildingUnit, PartyBranchGrid, VolunteerTeam, WorkerAssignment


def _snapshot(node: GridNode) -> dict[str, Any]:
    return {
        "name": node.name,
        "level": node.level.value,
        "parent_id": node.parent_id,
        "path": node.path,
        "is_active": node.is_active,
        "merged_into_id": node.merged_into_id,
    }


async def _record(node: GridNode, kind: GridChangeKind, before: Any, actor_id: int | None) -> None:
    """The node's history row, and the audit row every change to the tree also leaves."""
    after = _snapshot(node)
    await GridChange.create(
        node_id=node.id, kind=kind, before=before, after=after, actor_user_id=actor_id
    )
    await AuditEntry.create(
        actor_user_id=actor_id,
        action=f"grid.{kind.value}",
        target=f"GridNode:{node.id}",
        before=before,
        after=after,
    )


async def _ensure_name_free(
    parent_id: int | None, name: str, *, except_id: int | None = None
) -> None:
    clash = GridNode.filter(parent_id=parent_id, name=name)
    if except_id is not None:
        clash = clash.exclude(id=except_id)
    if await clash.exists():
        raise ConflictError(f"A place named {name!r} already exists under the same parent")


def _check_level(level: GridLevel, parent: GridNode | None, field: str) -> None:
    parent_level = parent.level if parent else None
    if not may_sit_under(level, parent_level):
        where = f"under a {parent_level.value}" if parent_level else "at the root"
        raise ValidationFailedError.one(
            field,
            f"A {level.value} cannot sit {where}; allowed parents: {allowed_parents_text(level)}",
            code=InputErrorCode.LEVEL_NOT_ALLOWED,
        )


async def create_grid_node(
    *,
    name: str,
    level: GridLevel,
    parent: GridNode | None,
    households_count: int = 0,
    actor_id: int | None = None,
) -> GridNode:
    name = clean_name(name, field="name")
    _check_level(level, parent, "parentId")
    if parent is not None and not parent.is_active:
        raise ValidationFailedError.one("parentId", "That place was merged away; use its successor")
    async with in_transaction():
        await _ensure_name_free(parent.id if parent else None, name)
        node = await GridNode.create(
            name=name,
            level=level,
            parent_id=parent.id if parent else None,
            path=f"/pending-{uuid.uuid4().hex}/",
            depth=(parent.depth + 1) if parent else 0,
            households_count=households_count,
        )
        node.path = child_path(parent.path if parent else None, node.id)
        await node.save(update_fields=["path"])
        await _record(node, GridChangeKind.CREATED, None, actor_id)
    return node


async def rename_grid_node(*, node: GridNode, name: str, actor_id: int | None = None) -> GridNode:
    name = clean_name(name, field="name")
    if name == node.name:
        return node
    async with in_transaction():
        await _ensure_name_free(node.parent_id, name, except_id=node.id)
        before = _snapshot(node)
        node.name = name
        await node.save(update_fields=["name", "updated_at"])
        await _record(node, GridChangeKind.RENAMED, before, actor_id)
    return node


async def _rewrite_subtree(node: GridNode, new_parent: GridNode) -> None:
    """Re-root every path under ``node`` at ``new_parent``; ids and all pointers stay."""
    old_prefix = node.path
    new_prefix = child_path(new_parent.path, node.id)
    depth_delta = new_parent.depth + 1 - node.depth
    descendants = await GridNode.filter(**subtree_filter("path", old_prefix)).only(
        "id", "path", "depth"
    )
    for row in descendants:
        row.path = new_prefix + row.path[len(old_prefix) :]
        row.depth += depth_delta
    if descendants:
        await GridNode.bulk_update(descendants, fields=["path", "depth"], batch_size=500)
    await rewrite_copied_paths(old_prefix, new_prefix)
    node.path = new_prefix
    node.depth += depth_delta
    node.parent_id = new_parent.id


async def move_grid_node(
    *, node: GridNode, new_parent: GridNode, actor_id: int | None = None
) -> GridNode:
    if new_parent.path.startswith(node.path):
        raise ValidationFailedError.one(
            "newParentId",
            "A place cannot move under itself or its own descendant",
            GridErrorCode.CYCLE,
        )
    _check_level(node.level, new_parent, "newParentId")
    if not new_parent.is_active:
        raise ValidationFailedError.one("newParentId", "That place was merged away")
    if new_parent.id == node.parent_id:
        return node
    async with in_transaction():
        await _ensure_name_free(new_parent.id, node.name, except_id=node.id)
        before = _snapshot(node)
        await _rewrite_subtree(node, new_parent)
        await node.save(update_fields=["parent_id", "updated_at"])
        await _record(node, GridChangeKind.MOVED, before, actor_id)
    return node


async def merge_grid_nodes(
    *, sources: list[GridNode], target: GridNode, actor_id: int | None = None
) -> GridNode:
    """Merge ``sources`` into ``target`` (Lanzhou merged 37 grids into 24).

    Children, stations, worker posts, branch links, teams and units move to the target. Each
    source stays as an inactive child of the target, so cases, households and history that
    point at it keep pointing at it, and all of it now lies in the target's subtree.
    """
    for index, source in enumerate(sources):
        field = f"sourceIds.{index}"
        if source.id == target.id:
            raise ValidationFailedError.one(field, "A place cannot merge into itself")
        if source.level != target.level:
            raise ValidationFailedError.one(field, "Only places of the same level can merge")
        if not source.is_active:
            raise ValidationFailedError.one(field, "That place was already merged")
        if target.path.startswith(source.path):
            raise ValidationFailedError.one(field, "A place cannot merge into its own descendant")
    if not target.is_active:
        raise ValidationFailedError.one("targetId", "That place was merged away")
    async with in_transaction():
        for source in sources:
            before = _snapshot(source)
            children = await GridNode.filter(parent_id=source.id, is_active=True)
            for child in children:
                await _ensure_name_free(target.id, child.name, except_id=child.id)
                child_before = _snapshot(child)
                await _rewrite_subtree(child, target)
                await child.save(update_fields=["parent_id", "updated_at"])
                await _record(child, GridChangeKind.MOVED, child_before, actor_id)
            for model in (Station, WorkerAssignment):
                field_name = "grid_id" if model is Station else "place_id"
                await model.filter(**{field_name: source.id}).update(**{field_name: target.id})
            for model_with_place in (VolunteerTeam, CoBuildingUnit):
                await model_with_place.filter(place_id=source.id).update(place_id=target.id)
            linked = await PartyBranchGrid.filter(grid_id=target.id).values_list(
                "branch_id", flat=True
            )
            await PartyBranchGrid.filter(grid_id=source.id, branch_id__in=list(linked)).delete()
            await PartyBranchGrid.filter(grid_id=source.id).update(grid_id=target.id)
            if await GridNode.filter(parent_id=target.id, name=source.name).exists():
                source.name = f"{source.name}（已并入{target.name}·{source.id}）"
            await _rewrite_subtree(source, target)
            source.is_active = False
            source.merged_into_id = target.id
            await source.save(
                update_fields=["name", "parent_id", "is_active", "merged_into_id", "updated_at"]
            )
            await _record(source, GridChangeKind.MERGED, before, actor_id)
    return target
