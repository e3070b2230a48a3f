"""The JSON export: the contract in DESIGN.md, plus extra fields the report uses.

Field names of the contract never change; new fields may be added.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from dossier.export.claims import export_claims
from dossier.export.entities import export_entities, export_network
from dossier.export.events import export_events
from dossier.model import EXTRACTOR_VERSION
from dossier.store import Store, open_store
from dossier.store import queries as q


def load_export(db: str | Path) -> dict[str, Any]:
    """The export of the dossier stored in ``db`` (opened read-only)."""
    store = open_store(db, read_only=True)
    try:
        return build_export(store)
    finally:
        store.close()


def build_export(store: Store) -> dict[str, Any]:
    docs = q.documents(store)
    removed = q.removed_lines(store)
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "dossier_version": EXTRACTOR_VERSION,
        "documents": [_document(d, removed.get(d["id"], [])) for d in docs],
        "entities": export_entities(store),
        "network": export_network(store),
        "events": export_events(store),
        "claims": export_claims(store),
        "framing": [],
        "failures": q.failures(store),
        "judgements": q.judgements(store),
    }


def _document(doc: dict[str, Any], removed: list[dict[str, Any]]) -> dict[str, Any]:
    published = None
    if doc["published_value"]:
        published = {"value": doc["published_value"], "precision": doc["published_precision"]}
    return {
        "id": doc["id"],
        "source": Path(doc["source"]).name,  # "name.jsonl:LINE" for JSON Lines
        "outlet": doc["outlet"],
        "outlet_label": doc["outlet_label"],  # as the network, timeline and ledger count it
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


def write_json(data: Mapping[str, Any], out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
