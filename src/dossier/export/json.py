"""The JSON export: the contract in DESIGN.md, plus extra fields the report uses.

Field names of the contract never change; new fields may be added.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from dossier.model import EXTRACTOR_VERSION
from dossier.store import Store
from dossier.store import queries as q


def build_export(store: Store) -> dict[str, Any]:
    docs = q.documents(store)
    removed = q.removed_lines(store)
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "dossier_version": EXTRACTOR_VERSION,
        "documents": [_document(d, removed.get(d["id"], [])) for d in docs],
        "entities": _entities(q.mentions(store)),
        "events": [],
        "claims": [],
        "framing": [],
        "failures": q.failures(store),
    }


def _document(doc: dict[str, Any], removed: list[dict[str, Any]]) -> dict[str, Any]:
    published = None
    if doc["published_value"]:
        published = {"value": doc["published_value"], "precision": doc["published_precision"]}
    return {
        "id": doc["id"],
        "source": Path(doc["source"]).name,  # "name.jsonl:LINE" for JSON Lines
        "outlet": doc["outlet"],
        "title": doc["title"],
        "authors": list(doc["authors"] or []),
        "published": published,
        "text": doc["text"],
        "path": doc["source"],
        "not_before": doc["not_before"],
        "url": doc["url"],
        "words": doc["words"],
        "kind": doc["kind"],
        "encoding": doc["encoding"],
        "original_sha256": doc["original_sha256"],
        "metadata": doc["metadata"],
        "segments": doc["segments"],
        "removed": [
            {
                "start": r["orig_start"],
                "end": r["orig_end"],
                "text": r["text"],
                "reason": r["reason"],
            }
            for r in removed
        ],
    }


def _entities(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities per document for now: mentions grouped by document, type and folded text."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        groups[(m["document_id"], m["type"], " ".join(m["text"].casefold().split()))].append(m)
    entities = []
    for (document, kind, key), items in sorted(groups.items()):
        names = sorted(
            {m["text"] for m in items}, key=lambda t: (-sum(x["text"] == t for x in items), t)
        )
        entities.append(
            {
                "id": "e" + hashlib.sha256(f"{document}|{kind}|{key}".encode()).hexdigest()[:12],
                "name": names[0],
                "type": kind,
                "aliases": names,
                "mentions": [
                    {"document": m["document_id"], "start": m["start_offset"], "end": m["end_offset"],
                     "text": m["text"], "sentence": m["sentence_idx"]}
                    for m in items
                ],
            }
        )  # fmt: skip
    return entities


def write_json(data: dict[str, Any], out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
