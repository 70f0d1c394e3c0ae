"""Inputs and results shared by the case mutations."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from domain.cases.common import CaseActor
from domain.cases.files import MAX_FILE_BYTES, UploadedFile
from domain.error_codes import CaseErrorCode
from domain.errors import PermissionDeniedError, ValidationFailedError
from models.case_records import CaseDispatch, CaseEvent
from models.cases import Case
from models.enums import CaseAction
from schema.cases.access import authorize, dispatch_of, my_dispatch, visible_case
from schema.cases.records import CaseEventType
from schema.cases.types import CaseType
from schema.context import Info

# base64 grows content by a third; refuse obviously oversized input before decoding it.
MAX_ENCODED = MAX_FILE_BYTES * 4 // 3 + 4


@strawberry.input(description="A file sent inline, base64-encoded (at most 5 MiB decoded).")
class FileInput:
    filename: str = strawberry.field(description="The file's name, 1–100 characters.")
    content_type: str = strawberry.field(
        description="image/jpeg, image/png, image/webp, application/pdf or video/mp4."
    )
    content_base64: str = strawberry.field(description="The content, standard base64.")


def decode_files(files: list[FileInput] | None, *, field: str) -> list[UploadedFile]:
    decoded = []
    for i, f in enumerate(files or []):
        if len(f.content_base64) > MAX_ENCODED:
            raise ValidationFailedError.one(
                f"{field}.{i}.contentBase64",
                f"At most {MAX_FILE_BYTES} bytes",
                CaseErrorCode.FILE_TOO_LARGE,
            )
        try:
            content = base64.b64decode(f.content_base64.encode(), validate=True)
        except (binascii.Error, ValueError):
            raise ValidationFailedError.one(
                f"{field}.{i}.contentBase64", "Not valid base64", CaseErrorCode.BAD_BASE64
            ) from None
        decoded.append(UploadedFile(f.filename, f.content_type.strip().lower(), content))
    return decoded


@strawberry.type(description="The action was taken; the case as it now stands, and its event.")
class CaseUpdated:
    case: CaseType = strawberry.field(description="The case after the action.")
    event: CaseEventType = strawberry.field(description="The history row the action wrote.")


Verb = Callable[[Case, CaseActor], Awaitable[CaseEvent]]
DispatchVerb = Callable[[Case, CaseActor, CaseDispatch], Awaitable[CaseEvent]]


async def act_on_case(
    info: Info, case_id: strawberry.ID, action: CaseAction, verb: Verb
) -> CaseUpdated:
    """Find the case (as the caller sees it), decide the caller's role, run the verb."""
    case = await visible_case(info, case_id)
    actor = await authorize(info, case, action)
    event = await verb(case, actor)
    return CaseUpdated(case=CaseType.from_model(case), event=CaseEventType.from_model(event))


async def act_on_dispatch(
    info: Info,
    case_id: strawberry.ID,
    dispatch_id: strawberry.ID | None,
    action: CaseAction,
    verb: DispatchVerb,
) -> CaseUpdated:
    """``act_on_case`` for a department acting through a dispatch of the case: the one named,
    or else the caller's own department's."""
    case = await visible_case(info, case_id)
    dispatch = (
        await dispatch_of(case, dispatch_id)
        if dispatch_id is not None
        else await my_dispatch(info.context.viewer, case)
    )
    if dispatch is None:
        raise PermissionDeniedError("Nothing of this case was dispatched to you")
    actor = await authorize(info, case, action, dispatch=dispatch)
    event = await verb(case, actor, dispatch)
    return CaseUpdated(case=CaseType.from_model(case), event=CaseEventType.from_model(event))


def version_field() -> Any:
    """The optional ``expectedVersion`` every case action takes."""
    return strawberry.field(
        default=None, description="The version you saw; if the case moved on, Conflict."
    )
