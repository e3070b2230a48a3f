"""Read-side queries over the store, returning plain dicts for export, report and CLI."""

from __future__ import annotations

import json
from typing import Any

from dossier.store.db import Store


def _rows(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params or [])
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def documents(store: Store) -> list[dict[str, Any]]:
    docs = _rows(store, "SELECT * FROM documents ORDER BY source")
    for doc in docs:
        doc["metadata"] = json.loads(doc["metadata"])
        doc["segments"] = json.loads(doc["segments"])
    return docs


def removed_lines(store: Store) -> dict[str, list[dict[str, Any]]]:
    by_document: dict[str, list[dict[str, Any]]] = {}
    sql = "SELECT * FROM removed_lines ORDER BY document_id, orig_start"
    for row in _rows(store, sql):
        by_document.setdefault(row.pop("document_id"), []).append(row)
    return by_document


def mentions(store: Store) -> list[dict[str, Any]]:
    sql = "SELECT * FROM mentions ORDER BY document_id, start_offset"
    return _rows(store, sql)


def sentences(store: Store) -> list[dict[str, Any]]:
    return _rows(store, "SELECT * FROM sentences ORDER BY document_id, idx")


def failures(store: Store) -> list[dict[str, Any]]:
    return _rows(store, "SELECT source, stage, reason FROM failures ORDER BY source, stage")


def runs(store: Store) -> list[dict[str, Any]]:
    return _rows(store, "SELECT * FROM runs ORDER BY id")
