from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0003_case_month_figures')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Activity',
            index=Index(fields=['ends_at']),
        ),
        ops.AddIndex(
            model_name='Activity',
            index=Index(fields=['organiser_user_id', 'id']),
        ),
        ops.AddIndex(
            model_name='ActivitySignUp',
            index=Index(fields=['user_id', 'id']),
        ),
        ops.AddIndex(
            model_name='AuditEntry',
            index=Index(fields=['action', 'id']),
        ),
        ops.AddIndex(
            model_name='Case',
            index=Index(fields=['recorded_by_id', 'id']),
        ),
        ops.AddIndex(
            model_name='CoBuildingUnit',
            index=Index(fields=['kind', 'id']),
        ),
        ops.AddIndex(
            model_name='Meeting',
            index=Index(fields=['organiser_user_id', 'id']),
        ),
        ops.AddIndex(
            model_name='Need',
            index=Index(fields=['claimant_person_id', 'id']),
        ),
        ops.AddIndex(
            model_name='PartyBranch',
            index=Index(fields=['place_id', 'id']),
        ),
        ops.AddIndex(
            model_name='Person',
            index=Index(fields=['household_id', 'id']),
        ),
        ops.AddIndex(
            model_name='ResourceOffer',
            index=Index(fields=['is_published', 'id']),
        ),
        ops.AddIndex(
            model_name='RoleAssignment',
            index=Index(fields=['role', 'id']),
        ),
        ops.AddIndex(
            model_name='ServiceOffer',
            index=Index(fields=['is_published', 'id']),
        ),
        ops.AddIndex(
            model_name='User',
            index=Index(fields=['is_active', 'id']),
        ),
        ops.AddIndex(
            model_name='Visit',
            index=Index(fields=['visitor_user_id', 'id']),
        ),
        ops.AddIndex(
            model_name='Visit',
            index=Index(fields=['person_id', 'id']),
        ),
        ops.AddIndex(
            model_name='VolunteerTeamMember',
            index=Index(fields=['volunteer_id', 'id']),
        ),
        ops.AddIndex(
            model_name='WorkerAssignment',
            index=Index(fields=['ended_on', 'id']),
        ),
    ]
