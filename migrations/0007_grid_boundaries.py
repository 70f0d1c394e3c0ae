from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0006_moments_in_one_zone')]

    initial = False

    operations = [
        ops.CreateModel(
            name='BoundaryImport',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('actor_user_id', fields.IntField(null=True, description='Who imported (null: the CLI)')),
                ('features', fields.IntField(description='Features imported')),
                ('sha256', fields.CharField(description='sha256 of the GeoJSON text', max_length=64)),
                ('created_at', fields.DatetimeField(description='When it was imported', auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'boundary_import', 'app': 'models', 'pk_attr': 'id', 'table_description': 'One accepted import of boundaries (a failed one writes nothing). Rows are only ever'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PlaceBoundary',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('place', fields.OneToOneField('models.GridNode', source_field='place_id', description='The place this is the area of', db_constraint=True, to_field='id', related_name='boundary', on_delete=OnDelete.RESTRICT)),
                ('geometry', fields.JSONField(description='GeoJSON Polygon or MultiPolygon, GCJ-02 [longitude, latitude]', encoder=JSON_DUMPS, decoder=loads)),
                ('min_longitude', fields.FloatField(description='West edge of the bounding box (GCJ-02)')),
                ('min_latitude', fields.FloatField(description='South edge of the bounding box (GCJ-02)')),
                ('max_longitude', fields.FloatField(description='East edge of the bounding box (GCJ-02)')),
                ('max_latitude', fields.FloatField(description='North edge of the bounding box (GCJ-02)')),
                ('area_m2', fields.FloatField(description='Approximate area in square metres')),
                ('source', fields.ForeignKeyField('models.BoundaryImport', source_field='source_id', description='The import that wrote it', db_constraint=True, to_field='id', related_name='boundaries', on_delete=OnDelete.RESTRICT)),
                ('updated_at', fields.DatetimeField(description='When it last changed', auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'place_boundary', 'app': 'models', 'indexes': [Index(fields=['min_latitude', 'max_latitude', 'min_longitude', 'max_longitude'])], 'pk_attr': 'id', 'table_description': "A place's area on the map, as imported: GeoJSON geometry in GCJ-02 lon/lat, with its"},
            bases=['Model'],
        ),
    ]
