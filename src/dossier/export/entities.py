"""Actors and the actor network, as the JSON export and the report see them."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from dossier.store import Store
from dossier.store import queries as q


def export_entities(store: Store) -> list[dict[str, Any]]:
    """Cross-document actors with every alias, mention span, outlet count and role."""
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in q.actor_mentions(store):
        mentions[m["entity_id"]].append(m)
    roles: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in q.actor_roles(store):
        roles[r["entity_id"]].append(
            {
                "text": r["text"],
                "document": r["document_id"],
                "start": r["start_offset"],
                "end": r["end_offset"],
            }
        )
    entities = [_entity(a, mentions[a["id"]], roles[a["id"]]) for a in q.actors(store)]
    entities.sort(key=lambda e: (-len(e["mentions"]), e["name"]))
    return entities


def _entity(
    actor: dict[str, Any], mentions: list[dict[str, Any]], roles: list[dict[str, Any]]
) -> dict[str, Any]:
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        outlets[m["outlet"]][m["text"]] += 1
    return {
        "id": actor["id"],
        "name": actor["name"],
        "type": actor["type"],
        "aliases": list(actor["aliases"]),
        "mentions": [_mention(m) for m in mentions],
        "documents": len({m["document_id"] for m in mentions}),
        "outlets": {outlet: dict(forms.most_common()) for outlet, forms in sorted(outlets.items())},
        "roles": roles,
    }


def _mention(m: dict[str, Any]) -> dict[str, Any]:
    return {
        "document": m["document_id"],
        "start": m["start_offset"],
        "end": m["end_offset"],
        "text": m["text"],
        "sentence": m["sentence_idx"],
    }


def export_network(store: Store) -> dict[str, Any]:
    """Links between actors named in the same sentence, each with its evidence sentences."""
    sentences = {(s["document_id"], s["idx"]): s for s in q.sentences(store)}
    edges = []
    for e in q.edges(store):
        evidence = []
        for document, index in e["evidence"]:
            s = sentences.get((document, index))
            if s is not None:
                evidence.append(
                    {"document": document, "start": s["start_offset"], "end": s["end_offset"]}
                )
        edges.append(
            {"source": e["source"], "target": e["target"], "kind": e["kind"], "sentences": e["sentences"],
             "outlets": list(e["outlets"]), "evidence": evidence}
        )  # fmt: skip
    return {"edges": edges}
