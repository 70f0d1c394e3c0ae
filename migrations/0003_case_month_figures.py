from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

COUNTED = {
    "received": "COUNT(*)",
    "accepted": "COUNT(CASE WHEN accepted_at IS NOT NULL THEN 1 END)",
    "rejected": "COUNT(CASE WHEN state = 'rejected' THEN 1 END)",
    "in_progress": (
        "COUNT(CASE WHEN state IN ('accepted', 'dispatched', 'handling', 'reopened') THEN 1 END)"
    ),
    "resolved": "COUNT(CASE WHEN resolved_at IS NOT NULL THEN 1 END)",
    "resolved_on_time": "COUNT(CASE WHEN resolved_on_time THEN 1 END)",
    "closed": "COUNT(CASE WHEN state = 'closed' THEN 1 END)",
    "was_overdue": "COUNT(CASE WHEN was_overdue THEN 1 END)",
    "rated": "COUNT(CASE WHEN satisfied IS NOT NULL THEN 1 END)",
    "satisfied": "COUNT(CASE WHEN satisfied THEN 1 END)",
    "returned": "COUNT(CASE WHEN return_count > 0 THEN 1 END)",
    "reopened": "COUNT(CASE WHEN reopen_count > 0 THEN 1 END)",
    "whistle": "COUNT(CASE WHEN is_whistle THEN 1 END)",
    "resolve_seconds": "COALESCE(SUM(resolve_seconds), 0)",
}


async def count_existing_cases(apps, schema_editor):
    """The figures of the cases already there (as of this migration's case columns)."""
    await schema_editor.client.execute_script(
        f"INSERT INTO case_month_figures (place_id, month, category_key, {', '.join(COUNTED)})"
        f" SELECT place_id, submitted_month, COALESCE(category_id, 0), {', '.join(COUNTED.values())}"
        " FROM case_item GROUP BY place_id, submitted_month, COALESCE(category_id, 0)"
    )


class Migration(migrations.Migration):
    dependencies = [('models', '0002_case_place_depths')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CaseMonthFigures',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('place_id', fields.IntField(description='The grid node the cases were received at')),
                ('month', fields.CharField(description='YYYY-MM they were received in', max_length=7)),
                ('category_key', fields.IntField(description="Their category's id, 0 for none")),
                ('received', fields.IntField(default=0, description='Cases received')),
                ('accepted', fields.IntField(default=0, description='Cases accepted')),
                ('rejected', fields.IntField(default=0, description='Cases rejected')),
                ('in_progress', fields.IntField(default=0, description='Cases being handled')),
                ('resolved', fields.IntField(default=0, description='Cases resolved')),
                ('resolved_on_time', fields.IntField(default=0, description='Cases resolved on time')),
                ('closed', fields.IntField(default=0, description='Cases closed')),
                ('was_overdue', fields.IntField(default=0, description='Cases that ran late at some step')),
                ('rated', fields.IntField(default=0, description='Cases rated')),
                ('satisfied', fields.IntField(default=0, description='Cases rated satisfied')),
                ('returned', fields.IntField(default=0, description='Cases returned at least once')),
                ('reopened', fields.IntField(default=0, description='Cases reopened at least once')),
                ('whistle', fields.IntField(default=0, description='Cases with a whistle')),
                ('resolve_seconds', fields.BigIntField(default=0, description='Seconds from report to resolution')),
            ],
            options={'table': 'case_month_figures', 'app': 'models', 'unique_together': (('place_id', 'month', 'category_key'),), 'pk_attr': 'id', 'table_description': 'The counted facts of the cases received at one place in one month in one category,'},
            bases=['Model'],
        ),
        ops.RunPython(count_existing_cases, ops.RunPython.noop),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['state', 'place_path']),
        ),
    ]
