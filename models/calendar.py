"""The admin-entered calendar: holidays and make-up working days that override the package."""

from tortoise import fields
from tortoise.models import Model


class CalendarDay(Model):
    """One day whose working status an admin has set, e.g. 国庆节 or 国庆调休上班."""

    id = fields.IntField(primary_key=True, description="Primary key")
    day = fields.DateField(unique=True, description="The calendar day (Asia/Shanghai)")
    is_workday = fields.BooleanField(description="True for a working day, false for a day off")
    name = fields.CharField(max_length=50, description="Why, e.g. 国庆节 or 国庆调休上班")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was entered")

    class Meta:
        table = "calendar_day"
