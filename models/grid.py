"""The places: the grid tree, its history, and the stations (驿站) in it."""

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.enums import GridChangeKind, GridLevel, StationKind


class GridNode(Model):
    """A node of the grid tree, whose ``path`` holds the ids from the root, e.g. ``/1/5/12/``."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, description="Name, unique among its siblings")
    level = fields.CharEnumField(GridLevel, max_length=16, description="Level in the tree")
    parent: fields.ForeignKeyNullableRelation["GridNode"] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="children",
        null=True,
        on_delete=fields.RESTRICT,
        description="Parent node, null for a root",
    )
    path = fields.CharField(max_length=255, unique=True, description="Materialized path of ids")
    depth = fields.IntField(description="Number of ancestors")
    is_active = fields.BooleanField(default=True, description="False once merged into another")
    merged_into: fields.ForeignKeyNullableRelation["GridNode"] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="merged_from",
        null=True,
        on_delete=fields.RESTRICT,
        description="The node this one was merged into",
    )
    households_count = fields.IntField(default=0, description="Households planned or served")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was created")
    updated_at = fields.DatetimeField(auto_now=True, description="When it last changed")

    parent_id: int | None
    merged_into_id: int | None

    class Meta:
        table = "grid_node"
        unique_together = (("parent", "name"),)
        indexes = (Index(fields=("level", "path")),)


class GridChange(Model):
    """One change to the tree, kept forever: what happened to which node, before and after."""

    id = fields.IntField(primary_key=True)
    node: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="changes",
        on_delete=fields.RESTRICT,
        description="The node that changed",
    )
    kind = fields.CharEnumField(GridChangeKind, max_length=16, description="What happened")
    before: Any = fields.JSONField(null=True, description="The node's fields before")
    after: Any = fields.JSONField(null=True, description="The node's fields after")
    actor_user_id = fields.IntField(null=True, description="The user who made the change")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it happened")

    node_id: int

    class Meta:
        table = "grid_change"
        indexes = (Index(fields=("node_id", "id")),)


class Station(Model):
    """A 驿站 in a grid: a place to report, borrow, or get services, and a case channel."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, description="Name")
    kind = fields.CharEnumField(StationKind, max_length=16, description="Kind of station")
    grid: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="stations",
        on_delete=fields.RESTRICT,
        description="The grid node it serves",
    )
    address = fields.CharField(max_length=200, default="", description="Street address")
    opening_hours = fields.CharField(max_length=100, default="", description="When it is open")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was created")
    closed_at = fields.DatetimeField(
        null=True, description="When it closed, null while open (a closed station is kept)"
    )

    grid_id: int

    class Meta:
        table = "station"
        unique_together = (("grid", "name"),)
        indexes = (Index(fields=("closed_at", "id")),)


class PlaceBoundary(Model):
    """A place's area on the map, as imported: GeoJSON geometry in GCJ-02 lon/lat, with its
    bounding box (indexed, a prefilter any database can use) and its area for "smallest"."""

    id = fields.IntField(primary_key=True)
    place: fields.OneToOneRelation[GridNode] = fields.OneToOneField(
        "models.GridNode",
        related_name="boundary",
        on_delete=fields.RESTRICT,
        description="The place this is the area of",
    )
    geometry: Any = fields.JSONField(
        description="GeoJSON Polygon or MultiPolygon, GCJ-02 [longitude, latitude]"
    )
    min_longitude = fields.FloatField(description="West edge of the bounding box (GCJ-02)")
    min_latitude = fields.FloatField(description="South edge of the bounding box (GCJ-02)")
    max_longitude = fields.FloatField(description="East edge of the bounding box (GCJ-02)")
    max_latitude = fields.FloatField(description="North edge of the bounding box (GCJ-02)")
    area_m2 = fields.FloatField(description="Approximate area in square metres")
    source: fields.ForeignKeyRelation["BoundaryImport"] = fields.ForeignKeyField(
        "models.BoundaryImport",
        related_name="boundaries",
        on_delete=fields.RESTRICT,
        description="The import that wrote it",
    )
    updated_at = fields.DatetimeField(auto_now=True, description="When it last changed")

    place_id: int
    source_id: int

    class Meta:
        table = "place_boundary"
        indexes = (
            Index(fields=("min_latitude", "max_latitude", "min_longitude", "max_longitude")),
        )


class BoundaryImport(Model):
    """One accepted import of boundaries (a failed one writes nothing). Rows are only ever
    added, so the largest id tells every process whether its map index is stale."""

    id = fields.IntField(primary_key=True)
    actor_user_id = fields.IntField(null=True, description="Who imported (null: the CLI)")
    features = fields.IntField(description="Features imported")
    sha256 = fields.CharField(max_length=64, description="sha256 of the GeoJSON text")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was imported")

    class Meta:
        table = "boundary_import"
