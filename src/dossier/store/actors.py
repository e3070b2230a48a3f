"""Store access for stage 7: mentions in, actors, edges and judgements out."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import duckdb

from dossier.errors import StoreError
from dossier.model import EntityType
from dossier.resolve.network import Edge
from dossier.resolve.types import Actor, Judgement, JudgementKind, MentionRef
from dossier.store.db import Store
from dossier.store.sql import OUTLET_LABEL_SQL

_MENTIONS_SQL = f"""
SELECT m.document_id, m.start_offset, m.end_offset, m.text, m.type, m.sentence_idx,
       {OUTLET_LABEL_SQL} AS outlet,
       substring(d.text, s.start_offset + 1, s.end_offset - s.start_offset) AS sentence
FROM mentions m
JOIN documents d ON d.id = m.document_id
LEFT JOIN sentences s ON s.document_id = m.document_id AND s.idx = m.sentence_idx
ORDER BY m.document_id, m.start_offset, m.end_offset
"""


def load_mentions(store: Store) -> list[MentionRef]:
    rows = store.con.execute(_MENTIONS_SQL).fetchall()
    return [
        MentionRef(i, d, s, e, text, EntityType(kind), idx, outlet, sentence or "")
        for i, (d, s, e, text, kind, idx, outlet, sentence) in enumerate(rows)
    ]


def load_actor_index(store: Store) -> dict[tuple[str, int, int], str]:
    """The actor of each mention, keyed by (document, start, end)."""
    sql = "SELECT document_id, start_offset, end_offset, entity_id FROM entity_mentions"
    return {(d, s, e): actor for d, s, e, actor in store.con.execute(sql).fetchall()}


def load_person_roles(store: Store) -> dict[tuple[str, int, int], list[str]]:
    """The role texts of each mention of a person, keyed by the mention's (document, start, end)."""
    sql = """
    SELECT r.document_id, r.mention_start, r.mention_end, r.text
    FROM roles r
    JOIN entity_mentions em ON em.document_id = r.document_id AND em.start_offset = r.mention_start
                           AND em.end_offset = r.mention_end
    JOIN entities e ON e.id = em.entity_id
    WHERE e.type = 'PERSON'
    ORDER BY r.document_id, r.mention_start, r.start_offset
    """
    found: dict[tuple[str, int, int], list[str]] = {}
    for d, s, e, text in store.con.execute(sql).fetchall():
        found.setdefault((d, s, e), []).append(text)
    return found


def load_people_spread(store: Store) -> tuple[dict[str, tuple[int, int]], int]:
    """Each person's (articles named in, mentions), and the number of articles."""
    sql = """
    SELECT em.entity_id, count(DISTINCT em.document_id), count(*)
    FROM entity_mentions em JOIN entities e ON e.id = em.entity_id
    WHERE e.type = 'PERSON' GROUP BY em.entity_id
    """
    people = {actor: (docs, n) for actor, docs, n in store.con.execute(sql).fetchall()}
    (documents,) = store.con.execute("SELECT count(*) FROM documents").fetchone() or (0,)
    return people, int(documents)


def load_judgements(store: Store) -> list[Judgement]:
    rows = store.con.execute(
        "SELECT kind, subject, object FROM judgements ORDER BY created"
    ).fetchall()
    return [Judgement(JudgementKind(k), s, o) for k, s, o in rows]


def add_judgement(store: Store, judgement: Judgement) -> None:
    store.con.execute(
        "INSERT INTO judgements VALUES (?, ?, ?, ?)",
        [
            str(judgement.kind),
            judgement.subject,
            judgement.object,
            datetime.now(UTC).replace(tzinfo=None),
        ],
    )


def write_actors(
    store: Store, mentions: Sequence[MentionRef], actors: Sequence[Actor], edges: Sequence[Edge]
) -> None:
    """Replace every actor, actor mention and edge in one transaction."""
    by_id = {m.id: m for m in mentions}
    try:
        store.con.execute("BEGIN TRANSACTION")
        for table in ("entities", "entity_mentions", "edges"):
            store.con.execute(f"DELETE FROM {table}")
        store.insert_rows(
            "entities",
            ["id", "name", "type", "aliases"],
            [(a.id, a.name, str(a.type), list(a.aliases)) for a in actors],
        )
        store.insert_rows(
            "entity_mentions",
            ["entity_id", "document_id", "start_offset", "end_offset"],
            [
                (a.id, by_id[i].document_id, by_id[i].start, by_id[i].end)
                for a in actors
                for i in a.mentions
            ],
        )
        store.insert_rows(
            "edges",
            ["source", "target", "kind", "sentences", "outlets", "evidence"],
            [
                (e.source, e.target, e.kind, e.sentences, list(e.outlets), json.dumps(e.evidence))
                for e in edges
            ],
        )
        store.con.execute("COMMIT")
    except duckdb.Error as exc:
        store.con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: could not write actors: {exc}") from exc
