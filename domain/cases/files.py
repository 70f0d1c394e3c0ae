"""Files attached to cases: size and type limits, content hash, storage on disk."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from pathlib import Path

from domain.error_codes import CaseErrorCode, InputErrorCode
from domain.errors import ValidationFailedError
from models.case_records import CaseAttachment
from models.cases import Case
from models.enums import AttachmentKind

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 9

# Allowed types, the extension they are stored under, and how their content must start.
ALLOWED_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "image/jpeg": ("jpg", (b"\xff\xd8\xff",)),
    "image/png": ("png", (b"\x89PNG\r\n\x1a\n",)),
    "image/webp": ("webp", (b"RIFF",)),
    "application/pdf": ("pdf", (b"%PDF-",)),
    "video/mp4": ("mp4", (b"",)),
}


@dataclass(frozen=True)
class UploadedFile:
    """A file as the caller sent it, already decoded."""

    filename: str
    content_type: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def check_files(files: list[UploadedFile], *, field: str) -> None:
    """Refuse too many, too large, empty, or disallowed files, naming the field."""
    if len(files) > MAX_FILES:
        raise ValidationFailedError.one(
            field, f"At most {MAX_FILES} files", InputErrorCode.TOO_MANY
        )
    for i, f in enumerate(files):
        name = f"{field}.{i}"
        allowed = ALLOWED_TYPES.get(f.content_type)
        if allowed is None:
            kinds = ", ".join(sorted(ALLOWED_TYPES))
            raise ValidationFailedError.one(
                f"{name}.contentType", f"Allowed types: {kinds}", CaseErrorCode.FORBIDDEN_TYPE
            )
        if not f.content:
            raise ValidationFailedError.one(
                f"{name}.contentBase64", "The file is empty", CaseErrorCode.EMPTY_FILE
            )
        if len(f.content) > MAX_FILE_BYTES:
            raise ValidationFailedError.one(
                f"{name}.contentBase64",
                f"At most {MAX_FILE_BYTES} bytes",
                CaseErrorCode.FILE_TOO_LARGE,
            )
        if not any(f.content.startswith(magic) for magic in allowed[1]):
            raise ValidationFailedError.one(
                f"{name}.contentBase64",
                f"The content is not {f.content_type}",
                CaseErrorCode.TYPE_MISMATCH,
            )
        if not 1 <= len(f.filename.strip()) <= 100:
            raise ValidationFailedError.one(
                f"{name}.filename", "1 to 100 characters", CaseErrorCode.BAD_NAME
            )


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():  # same hash, same bytes: stored once per case
        path.write_bytes(content)


async def store_files(
    case: Case,
    files: list[UploadedFile],
    *,
    kind: AttachmentKind,
    upload_dir: Path,
    uploaded_by: int | None,
) -> list[CaseAttachment]:
    """Write each file under ``upload_dir`` and add its row (inside the verb's transaction)."""
    rows = []
    for f in files:
        extension = ALLOWED_TYPES[f.content_type][0]
        relative = f"cases/{case.id}/{f.sha256}.{extension}"
        await asyncio.to_thread(_write, upload_dir / relative, f.content)
        rows.append(
            await CaseAttachment.create(
                case_id=case.id,
                kind=kind,
                filename=f.filename.strip(),
                content_type=f.content_type,
                size=len(f.content),
                sha256=f.sha256,
                storage_path=relative,
                uploaded_by_id=uploaded_by,
            )
        )
    return rows


def describe(rows: list[CaseAttachment]) -> list[dict[str, object]]:
    return [{"id": r.id, "filename": r.filename, "sha256": r.sha256, "size": r.size} for r in rows]
