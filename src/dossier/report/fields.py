"""Reading the untrusted export: lists of mappings, offsets, entity types and anchors.

Every value in the export may be missing or of the wrong type; these helpers return a
safe default instead, so the report renders whatever part of the export makes sense.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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


def sentence_starts(*groups: Any) -> dict[str, set[int]]:
    """Where each evidence sentence starts, by document, for the article view's anchors.

    Each group is a list of records with ``evidence`` (events, claims); a sentence that is
    evidence for several of them gets one anchor, so ids stay unique.
    """
    starts: dict[str, set[int]] = {}
    for group in groups:
        for record in records(group):
            for item in records(record.get("evidence")):
                span = offsets(item)
                if span is not None:
                    starts.setdefault(str(item.get("document")), set()).add(span[0])
    return starts


def drawn_anchors(views: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The document and sentence anchors the article view draws."""
    anchors: set[str] = set()
    for view in views:
        anchors.add(document_anchor(view["id"]))
        anchors.update(sentence_anchor(view["id"], start) for start in view["sentences"])
    return frozenset(anchors)


def evidence_href(item: Mapping[str, Any], drawn: frozenset[str]) -> str | None:
    """The anchor of an evidence sentence, else of its article, if the page draws it."""
    doc_id, span = str(item.get("document")), offsets(item)
    href = sentence_anchor(doc_id, span[0]) if span is not None else None
    if href in drawn:
        return href
    return document_anchor(doc_id) if document_anchor(doc_id) in drawn else None
