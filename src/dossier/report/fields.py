"""Reading the untrusted export: lists of mappings, offsets, entity types and anchors.

Every value in the export may be missing or of the wrong type; these helpers return a
safe default instead, so the report renders whatever part of the export makes sense.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dossier.model import EntityType

KNOWN_TYPES = frozenset(t.value for t in EntityType)  # each has a colour in report.css


def records(value: Any) -> list[Mapping[str, Any]]:
    """The mappings in a list field of the export, skipping anything else."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def strings(value: Any) -> list[str]:
    """The strings in a list field of the export, skipping anything else."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    return [item for item in value if isinstance(item, str)]


def count(value: Any) -> int | None:
    """A non-negative integer field, or None (``True`` is not a count)."""
    return value if type(value) is int and value >= 0 else None


def offsets(item: Mapping[str, Any]) -> tuple[int, int] | None:
    """The ``[start, end)`` of a mention or role, if both are plain integers."""
    start, end = item.get("start"), item.get("end")
    return (start, end) if type(start) is int and type(end) is int else None


def type_class(value: Any) -> str:
    """The entity type as a CSS class suffix: a known type or ``OTHER``, never raw input."""
    kind = str(value or "").upper()
    return kind if kind in KNOWN_TYPES else "OTHER"


def mention_anchor(document_id: str, start: int) -> str:
    return f"m-{document_id}-{start}"


def role_anchor(document_id: str, start: int) -> str:
    return f"r-{document_id}-{start}"


def sentence_anchor(document_id: str, start: int) -> str:
    return f"s-{document_id}-{start}"


def document_anchor(document_id: str) -> str:
    return f"doc-{document_id}"
