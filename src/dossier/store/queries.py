"""Read-side queries over the store, returning plain dicts for export, report and CLI."""

from __future__ import annotations

import json
from typing import Any

from dossier.store.db import Store
from dossier.store.sql import OUTLET_LABEL_SQL


def rows(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params or [])
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def documents(store: Store) -> list[dict[str, Any]]:
    docs = rows(
        store, f"SELECT *, {OUTLET_LABEL_SQL} AS outlet_label FROM documents d ORDER BY source"
    )
    for doc in docs:
        doc["metadata"] = json.loads(doc["metadata"])
        doc["segments"] = json.loads(doc["segments"])
    return docs


def removed_lines(store: Store) -> dict[str, list[dict[str, Any]]]:
    by_document: dict[str, list[dict[str, Any]]] = {}
    sql = "SELECT * FROM removed_lines ORDER BY document_id, orig_start"
    for row in rows(store, sql):
        by_document.setdefault(row.pop("document_id"), []).append(row)
    return by_document


def mentions(store: Store) -> list[dict[str, Any]]:
    sql = "SELECT * FROM mentions ORDER BY document_id, start_offset"
    return rows(store, sql)


def sentences(store: Store) -> list[dict[str, Any]]:
    return rows(store, "SELECT * FROM sentences ORDER BY document_id, idx")


def failures(store: Store) -> list[dict[str, Any]]:
    return rows(store, "SELECT source, stage, reason FROM failures ORDER BY source, stage")


def runs(store: Store) -> list[dict[str, Any]]:
    return rows(store, "SELECT * FROM runs ORDER BY id")


def actors(store: Store) -> list[dict[str, Any]]:
    return rows(store, "SELECT id, name, type, aliases FROM entities ORDER BY id")


def actor_mentions(store: Store) -> list[dict[str, Any]]:
    sql = f"""
    SELECT em.entity_id, m.document_id, m.start_offset, m.end_offset, m.text, m.sentence_idx,
           {OUTLET_LABEL_SQL} AS outlet
    FROM entity_mentions em
    JOIN mentions m ON m.document_id = em.document_id AND m.start_offset = em.start_offset
                   AND m.end_offset = em.end_offset
    JOIN documents d ON d.id = m.document_id
    ORDER BY em.entity_id, m.document_id, m.start_offset
    """
    return rows(store, sql)


def actor_roles(store: Store) -> list[dict[str, Any]]:
    sql = """
    SELECT em.entity_id, r.document_id, r.start_offset, r.end_offset, r.text
    FROM roles r
    JOIN entity_mentions em ON em.document_id = r.document_id AND em.start_offset = r.mention_start
                           AND em.end_offset = r.mention_end
    ORDER BY em.entity_id, r.document_id, r.start_offset
    """
    return rows(store, sql)


def edges(store: Store) -> list[dict[str, Any]]:
    found = rows(store, "SELECT * FROM edges ORDER BY sentences DESC, source, target")
    for row in found:
        row["evidence"] = json.loads(row["evidence"])
    return found


def judgements(store: Store) -> list[dict[str, Any]]:
    sql = """
    SELECT kind, subject, object, strftime(created, '%Y-%m-%dT%H:%M:%S.%f') AS created
    FROM judgements ORDER BY created
    """
    return rows(store, sql)
