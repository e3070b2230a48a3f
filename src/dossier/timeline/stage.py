"""Stage 8 as the pipeline runs it: merge stored event candidates into events."""

from __future__ import annotations

import logging

from dossier.model import EventEvidence
from dossier.store import Store
from dossier.store.actors import load_actor_index
from dossier.store.times import load_candidates, write_events
from dossier.timeline.merge import merge_events

log = logging.getLogger(__name__)


def run_timeline(store: Store) -> int:
    """Rebuild every event from the candidates of all articles; returns the event count."""
    evidence = [EventEvidence(candidate, outlet) for candidate, outlet in load_candidates(store)]
    events = merge_events(evidence, load_actor_index(store))
    write_events(store, events)
    log.info("merged %d event candidates into %d events", len(evidence), len(events))
    return len(events)
