from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index


async def fill_place_depths(apps, schema_editor):
    """Copy each existing case's ancestors at depths 0-2 out of its place path (one UPDATE per
    distinct path: a district has a few thousand)."""
    client = schema_editor.client
    postgres = client.capabilities.dialect == "postgres"
    marks = ("$1", "$2", "$3", "$4") if postgres else ("?",) * 4
    update = (
        "UPDATE case_item SET place_depth0_id = {}, place_depth1_id = {}, place_depth2_id = {}"
        " WHERE place_path = {}"
    ).format(*marks)
    rows = await client.execute_query_dict("SELECT DISTINCT place_path FROM case_item")
    for row in rows:
        path = row["place_path"]
        ids = [int(part) for part in path.split("/") if part]
        depths = [ids[d] if d < len(ids) else None for d in range(3)]
        await client.execute_query(update, [*depths, path])


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Case',
            name='place_depth0_id',
            field=fields.IntField(null=True, description='Its place or ancestor at depth 0'),
        ),
        ops.AddField(
            model_name='Case',
            name='place_depth1_id',
            field=fields.IntField(null=True, description='Its place or ancestor at depth 1'),
        ),
        ops.AddField(
            model_name='Case',
            name='place_depth2_id',
            field=fields.IntField(null=True, description='Its place or ancestor at depth 2'),
        ),
        ops.RunPython(fill_place_depths, ops.RunPython.noop),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['place_depth0_id', 'id']),
        ),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['place_depth1_id', 'id']),
        ),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['place_depth2_id', 'id']),
        ),
    ]
