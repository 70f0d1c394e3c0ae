"""Case figures kept per place, month and category, so a community's figures for a year sum
a few hundred rows instead of counting every case (``domain/case_month_figures.py``)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

NO_CATEGORY = 0  # the category key of uncategorised cases (a NULL would defeat the unique key)


class CaseMonthFigures(Model):
    """The counted facts of the cases received at one place in one month in one category,
    changed in the same transaction as every case that changes them."""

    id = fields.IntField(primary_key=True)
    place_id = fields.IntField(description="The grid node the cases were received at")
    month = fields.CharField(max_length=7, description="YYYY-MM they were received in")
    category_key = fields.IntField(description="Their category's id, 0 for none")
    received = fields.IntField(default=0, description="Cases received")
    accepted = fields.IntField(default=0, description="Cases accepted")
    rejected = fields.IntField(default=0, description="Cases rejected")
    in_progress = fields.IntField(default=0, description="Cases being handled")
    resolved = fields.IntField(default=0, description="Cases resolved")
    resolved_on_time = fields.IntField(default=0, description="Cases resolved on time")
    closed = fields.IntField(default=0, description="Cases closed")
    was_overdue = fields.IntField(default=0, description="Cases that ran late at some step")
    rated = fields.IntField(default=0, description="Cases rated")
    satisfied = fields.IntField(default=0, description="Cases rated satisfied")
    returned = fields.IntField(default=0, description="Cases returned at least once")
    reopened = fields.IntField(default=0, description="Cases reopened at least once")
    whistle = fields.IntField(default=0, description="Cases with a whistle")
    resolve_seconds = fields.BigIntField(default=0, description="Seconds from report to resolution")

    class Meta:
        table = "case_month_figures"
        unique_together = (("place_id", "month", "category_key"),)
