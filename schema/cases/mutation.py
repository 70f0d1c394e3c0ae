"""The case mutations, composed into the root Mutation."""

from __future__ import annotations

import strawberry

from schema.cases.mutations.accept_case import accept_case_mutation
from schema.cases.mutations.attach_to_case import attach_to_case_mutation
from schema.cases.mutations.close_case import close_case_mutation
from schema.cases.mutations.comment_on_case import comment_on_case_mutation
from schema.cases.mutations.create_case_category import create_case_category_mutation
from schema.cases.mutations.decide_extension import decide_extension_mutation
from schema.cases.mutations.dispatch_case import dispatch_case_mutation
from schema.cases.mutations.escalate_case import escalate_case_mutation
from schema.cases.mutations.mark_notification_read import mark_notification_read_mutation
from schema.cases.mutations.merge_case import merge_case_mutation
from schema.cases.mutations.rate_case import rate_case_mutation
from schema.cases.mutations.reject_case import reject_case_mutation
from schema.cases.mutations.reply_to_reporter import reply_to_reporter_mutation
from schema.cases.mutations.request_extension import request_extension_mutation
from schema.cases.mutations.resolve_case import resolve_case_mutation
from schema.cases.mutations.return_case import return_case_mutation
from schema.cases.mutations.set_calendar_day import set_calendar_day_mutation
from schema.cases.mutations.set_time_limit_rule import set_time_limit_rule_mutation
from schema.cases.mutations.sign_for_case import sign_for_case_mutation
from schema.cases.mutations.submit_case import submit_case_mutation
from schema.cases.mutations.update_case_category import update_case_category_mutation
from schema.cases.mutations.verify_case import verify_case_mutation


@strawberry.type
class CaseMutations:
    submit_case = strawberry.mutation(
        resolver=submit_case_mutation, description="Report a case (说事)."
    )
    accept_case = strawberry.mutation(
        resolver=accept_case_mutation, description="Accept a case (受理)."
    )
    reject_case = strawberry.mutation(
        resolver=reject_case_mutation, description="Refuse a case (不予受理)."
    )
    dispatch_case = strawberry.mutation(
        resolver=dispatch_case_mutation, description="Dispatch a case (派件, 吹哨报到)."
    )
    sign_for_case = strawberry.mutation(
        resolver=sign_for_case_mutation, description="Sign for a dispatched case (签收)."
    )
    return_case = strawberry.mutation(
        resolver=return_case_mutation, description="Return a wrongly routed case (退单)."
    )
    request_extension = strawberry.mutation(
        resolver=request_extension_mutation, description="Ask for more time (延期)."
    )
    decide_extension = strawberry.mutation(
        resolver=decide_extension_mutation, description="Decide an extension request."
    )
    resolve_case = strawberry.mutation(
        resolver=resolve_case_mutation, description="Report the result (办结)."
    )
    verify_case = strawberry.mutation(
        resolver=verify_case_mutation, description="Check the result on site (核查)."
    )
    reply_to_reporter = strawberry.mutation(
        resolver=reply_to_reporter_mutation, description="Answer the reporter (反馈)."
    )
    rate_case = strawberry.mutation(
        resolver=rate_case_mutation, description="Rate the result (评价)."
    )
    close_case = strawberry.mutation(
        resolver=close_case_mutation, description="Close a case with an explanation."
    )
    merge_case = strawberry.mutation(
        resolver=merge_case_mutation, description="Merge a duplicate into its original."
    )
    comment_on_case = strawberry.mutation(
        resolver=comment_on_case_mutation, description="Add a note to a case."
    )
    attach_to_case = strawberry.mutation(
        resolver=attach_to_case_mutation, description="Attach files to a case."
    )
    escalate_case = strawberry.mutation(
        resolver=escalate_case_mutation, description="Report a case one level up (吹哨)."
    )
    create_case_category = strawberry.mutation(
        resolver=create_case_category_mutation, description="Add a case category (admin)."
    )
    update_case_category = strawberry.mutation(
        resolver=update_case_category_mutation, description="Rename or retire a category (admin)."
    )
    set_time_limit_rule = strawberry.mutation(
        resolver=set_time_limit_rule_mutation, description="Set time limits (admin)."
    )
    set_calendar_day = strawberry.mutation(
        resolver=set_calendar_day_mutation, description="Enter a holiday or working day (admin)."
    )
    mark_notification_read = strawberry.mutation(
        resolver=mark_notification_read_mutation, description="Mark a notification read."
    )
