"""Stage 9 as the pipeline runs it: group every stored claim across outlets."""

from __future__ import annotations

import logging

from dossier.corroboration import ClaimRef, group_claims
from dossier.model import Span, TimeExpr, TimeKind, TimePrecision
from dossier.store import Store
from dossier.store.claims import load_claims, write_groups

log = logging.getLogger(__name__)

_OUTLETS_SQL = """
SELECT id, text,
       CASE WHEN outlet = 'unknown' THEN 'unknown: ' || regexp_extract(source, '[^/]+$')
            ELSE outlet END AS outlet
FROM documents
"""
_TIMES_SQL = """
SELECT document_id, start_offset, end_offset, text, kind, value, date_start, date_end, precision,
       anchor, anchor_value, confidence, sentence_idx
FROM time_expressions
"""


def run_corroboration(store: Store) -> int:
    """Rebuild every claim group from the claims of all articles; returns the group count."""
    documents = store.con.execute(_OUTLETS_SQL).fetchall()
    texts = {doc: text for doc, text, _ in documents}
    outlet_of = {doc: outlet for doc, _, outlet in documents}
    actor_of = {
        (d, s, e): a
        for d, s, e, a in store.con.execute(
            "SELECT document_id, start_offset, end_offset, entity_id FROM entity_mentions"
        ).fetchall()
    }
    refs = []
    for claim in load_claims(store):
        doc = claim.sentence.document_id
        actors = tuple(dict.fromkeys(
            actor_of[(doc, a.start, a.end)] for a in claim.actors if (doc, a.start, a.end) in actor_of
        ))  # fmt: skip
        refs.append(ClaimRef(claim, outlet_of.get(doc, "unknown"), doc, actors))
    groups = group_claims(refs, texts, _times(store))
    write_groups(store, groups)
    log.info("grouped %d claims into %d groups", len(refs), len(groups))
    return len(groups)


def _times(store: Store) -> dict[tuple[str, int, int], TimeExpr]:
    found = {}
    for row in store.con.execute(_TIMES_SQL).fetchall():
        (
            doc,
            start,
            end,
            text,
            kind,
            value,
            d_start,
            d_end,
            precision,
            anchor,
            anchor_value,
            conf,
            idx,
        ) = row
        found[(doc, start, end)] = TimeExpr(
            Span(doc, start, end), text, TimeKind(kind), value, d_start, d_end,
            TimePrecision(precision), anchor, anchor_value, conf, idx,
        )  # fmt: skip
    return found
