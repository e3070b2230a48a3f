"""Stage 8 as the pipeline runs it: merge stored event candidates into events."""

from __future__ import annotations

import logging

from dossier.model import EventEvidence
from dossier.store import Store
from dossier.store.times import load_candidates, write_events
from dossier.timeline.merge import merge_events

log = logging.getLogger(__name__)


def run_timeline(store: Store) -> int:
    """Rebuild every event from the candidates of all articles; returns the event count."""
    evidence = [EventEvidence(candidate, outlet) for candidate, outlet in load_candidates(store)]
    rows = store.con.execute(
        "SELECT document_id, start_offset, end_offset, entity_id FROM entity_mentions"
    ).fetchall()
    actor_of = {(d, s, e): actor for d, s, e, actor in rows}
    events = merge_events(evidence, actor_of)
    write_events(store, events)
    log.info("merged %d event candidates into %d events", len(evidence), len(events))
    return len(events)
