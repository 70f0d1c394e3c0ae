from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint

class Migration(migrations.Migration):
    dependencies = [('models', '0004_list_query_indexes')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='LoginAttempt',
            options={'table': 'login_attempt', 'app': 'models', 'unique_together': (('login', 'address'),), 'pk_attr': 'id', 'table_description': 'Failed logins per (login name, client address), and per address across all names'},
        ),
        ops.AlterField(
            model_name='LoginAttempt',
            name='login',
            field=fields.CharField(description='Username or phone tried (empty: any name)', max_length=50),
        ),
        ops.AddField(
            model_name='LoginAttempt',
            name='address',
            field=fields.CharField(default='unknown', description='The client address the tries came from', max_length=64),
        ),
        ops.AddField(
            model_name='LoginAttempt',
            name='last_failure_at',
            field=fields.DatetimeField(null=True, description='When the last failure was', auto_now=False, auto_now_add=False),
        ),
        ops.AddConstraint(
            model_name='LoginAttempt',
            constraint=UniqueConstraint(fields=('login', 'address'), name=None),
        ),
    ]
