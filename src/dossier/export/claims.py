"""Claims for the JSON export: groups across outlets with evidence, attribution, conflicts."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from dossier.store import Store
from dossier.store.actors import load_actor_index
from dossier.store.queries import rows

# Importance orders the ledger: independent confirmation first, then disagreement (which a
# reader must check), then how much evidence there is.
WEIGHT_INDEPENDENT = 2.0
WEIGHT_CONFLICT = 3.0
WEIGHT_EVIDENCE = 0.5

_MEMBERS_SQL = """
SELECT m.group_id, m.outlet, c.id AS claim_id, c.document_id, c.sentence_start, c.sentence_end,
       substring(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS text,
       c.text AS claim_text, c.predicate, c.attribution, c.quote_start, c.actor_spans
FROM claim_group_members m JOIN claims c ON c.id = m.claim_id JOIN documents d ON d.id = c.document_id
ORDER BY m.group_id, c.document_id, c.sentence_start
"""


def export_claims(store: Store) -> list[dict[str, Any]]:
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows(store, _MEMBERS_SQL):
        members[row["group_id"]].append(row)
    conflicts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows(
        store, "SELECT group_id, slot, slot_values FROM conflicts ORDER BY group_id, slot"
    ):
        values = [
            {"document": d, "claim": c, "value": v} for d, c, v in json.loads(row["slot_values"])
        ]
        conflicts[row["group_id"]].append({"slot": row["slot"], "values": values})
    actor_of = load_actor_index(store)
    groups = rows(store, "SELECT * FROM claim_groups ORDER BY id")
    claims = [_claim(g, members[g["id"]], conflicts[g["id"]], actor_of) for g in groups]
    claims.sort(key=lambda c: (-c["importance"], c["id"]))
    return claims


def _claim(
    group: dict[str, Any],
    members: list[dict[str, Any]],
    conflicts: list[dict[str, Any]],
    actor_of: dict[tuple[str, int, int], str],
) -> dict[str, Any]:
    evidence = [_evidence(m) for m in members]
    actors: list[str] = []
    for m in members:
        for start, end in json.loads(m["actor_spans"]):
            actor = actor_of.get((m["document_id"], start, end))
            if actor and actor not in actors:
                actors.append(actor)
    importance = (
        WEIGHT_INDEPENDENT * group["independent_outlets"]
        + WEIGHT_CONFLICT * bool(conflicts)
        + WEIGHT_EVIDENCE * len(evidence)
    )
    return {
        "id": group["id"],
        "summary": group["summary"],
        "status": group["status"],
        "outlets": list(group["outlets"]),
        "evidence": evidence,
        "conflicts": conflicts,
        "independent_outlets": group["independent_outlets"],
        "copies": json.loads(group["copies"]),
        "shared_sources": list(group["shared_sources"]),
        "entities": actors,
        "importance": importance,
    }


def _evidence(m: dict[str, Any]) -> dict[str, Any]:
    attribution = json.loads(m["attribution"])
    return {
        "document": m["document_id"],
        "start": m["sentence_start"],
        "end": m["sentence_end"],
        "text": m["text"],
        "attribution": attribution["source"],
        "attribution_type": attribution["type"],
        "outlet": m["outlet"],
        "quote": m["quote_start"] >= 0,
        "claim": m["claim_id"],
        "claim_text": m["claim_text"],
        "predicate": m["predicate"],
    }
