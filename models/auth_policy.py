"""Casbin's rules as rows: role-level permissions (``p``) and role assignments (``g``)."""

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

_UNUSED = "Unused by minqing's model, kept so any Casbin rule fits the table"


class PolicyRule(Model):
    """One Casbin rule: ``p, role, resource, action`` or ``g, subject, role, place``.

    Rows are inserted and deleted, never updated, and ids are never reused, so the pair
    (row count, highest id) changes whenever the rules do.
    """

    id = fields.IntField(primary_key=True, description="Row id, never reused")
    ptype = fields.CharField(
        max_length=8, description='Casbin rule type: "p" for a permission, "g" for an assignment'
    )
    v0 = fields.CharField(
        max_length=255,
        default="",
        description="p: the role, g: the subject (user:<id>, token:<id>) or an inheriting role",
    )
    v1 = fields.CharField(
        max_length=255, default="", description="p: the resource, g: the role held"
    )
    v2 = fields.CharField(
        max_length=255,
        default="",
        description="p: the action, g: the place (grid path such as /1/5/12/, dept:<id>, or /)",
    )
    v3 = fields.CharField(max_length=255, default="", description=_UNUSED)
    v4 = fields.CharField(max_length=255, default="", description=_UNUSED)
    v5 = fields.CharField(max_length=255, default="", description=_UNUSED)
    created_at = fields.DatetimeField(auto_now_add=True, description="When the rule was added")

    class Meta:
        table = "casbin_rule"
        table_description = "Casbin rules: role-level permissions and role assignments"
        indexes = (Index(fields=("ptype", "v0")),)

    def __str__(self) -> str:
        values = [self.v0, self.v1, self.v2, self.v3, self.v4, self.v5]
        while values and values[-1] == "":
            values.pop()
        return ", ".join([self.ptype, *values])
