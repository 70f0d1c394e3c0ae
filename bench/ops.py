"""An operation the API benchmark measures: a GraphQL request and its baseline route."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Operation:
    name: str
    query: str
    baseline_path: str
    headers: dict[str, str] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)
    compare: bool = True  # the baseline answers with the same data (not for mutations)
