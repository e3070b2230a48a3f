"""Events for the JSON export: the contract's fields, plus each report's own date."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dossier.store import Store
from dossier.store.queries import rows

_EVIDENCE_SQL = """
SELECT v.event_id, v.document_id, v.sentence_start, v.sentence_end, v.outlet,
       substring(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) AS sentence,
       t.text AS date_text, t.value, t.date_start, t.date_end, t.precision,
       t.start_offset AS date_start_offset, t.end_offset AS date_end_offset, t.anchor
FROM event_evidence v
JOIN documents d ON d.id = v.document_id
JOIN time_expressions t ON t.document_id = v.document_id AND t.start_offset = v.time_start
                       AND t.end_offset = v.time_end
ORDER BY v.event_id, v.document_id, v.sentence_start
"""


def export_events(store: Store) -> list[dict[str, Any]]:
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows(store, _EVIDENCE_SQL):
        evidence[r["event_id"]].append(_evidence(r))
    sql = "SELECT * FROM events ORDER BY date_start, date_end, id"
    return [_event(e, evidence[e["id"]]) for e in rows(store, sql)]


def _evidence(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "document": r["document_id"],
        "start": r["sentence_start"],
        "end": r["sentence_end"],
        "text": r["sentence"],
        "outlet": r["outlet"],
        "date": {
            "start": r["date_start"],
            "end": r["date_end"],
            "precision": r["precision"],
            "value": r["value"],
            "text": r["date_text"],
            "text_start": r["date_start_offset"],
            "text_end": r["date_end_offset"],
            "anchor": r["anchor"],
        },
    }


def _event(e: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": e["id"],
        "date": {"start": e["date_start"], "end": e["date_end"], "precision": e["precision"]},
        "summary": e["summary"],
        "entities": list(e["actors"]),
        "evidence": evidence,
        "outlets": sorted({v["outlet"] for v in evidence}),
        "disagreement": bool(e["disagreement"]),
    }
