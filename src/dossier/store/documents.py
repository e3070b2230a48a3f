"""The ``documents`` table's row for an annotated article."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from dossier.model import EXTRACTOR_VERSION, AnnotatedArticle

DOCUMENT_COLUMNS = [
    "id", "source", "kind", "encoding", "original_sha256", "text", "words", "title", "authors",
    "outlet", "published_value", "published_precision", "not_before", "url", "metadata",
    "segments", "warnings", "extractor_version", "run_id",
]  # fmt: skip


def document_row(annotated: AnnotatedArticle, run_id: int) -> tuple[Any, ...]:
    """The ``documents`` row of an article: its text, metadata (with each field's source and
    confidence as JSON) and segments."""
    a = annotated.article
    meta = a.metadata
    published = meta.published.value
    metadata_json = {
        name: {
            "value": _jsonable(getattr(meta, name).value),
            "source": str(getattr(meta, name).source),
            "confidence": getattr(meta, name).confidence,
            "evidence": getattr(meta, name).evidence,
        }
        for name in ("title", "authors", "outlet", "published", "not_before", "url")
    }
    return (
        a.id, a.source, str(a.kind), a.encoding, a.original_sha256, a.text, annotated.words,
        meta.title.value, list(meta.authors.value), meta.outlet.value,
        published.value if published else None, str(published.precision) if published else None,
        meta.not_before.value, meta.url.value, json.dumps(metadata_json),
        json.dumps([asdict(s) for s in a.segments]), list(a.warnings), EXTRACTOR_VERSION, run_id,
    )  # fmt: skip


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "__dataclass_fields__"):
        return {k: str(v) for k, v in asdict(value).items()}
    return value
