"""Stage 7 as the pipeline runs it: read every mention, resolve, link, store."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dossier.resolve import resolve_mentions
from dossier.resolve.network import cooccurrence_edges
from dossier.store import Store
from dossier.store.actors import load_judgements, load_mentions, write_actors

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ResolveStats:
    mentions: int
    actors: int
    edges: int


def run_resolve(store: Store) -> ResolveStats:
    """Cluster all stored mentions into actors, applying the stored judgements."""
    mentions = load_mentions(store)
    actors = resolve_mentions(mentions, load_judgements(store))
    edges = cooccurrence_edges(mentions, actors)
    write_actors(store, mentions, actors, edges)
    log.info(
        "resolved %d mentions into %d actors, %d links", len(mentions), len(actors), len(edges)
    )
    return ResolveStats(len(mentions), len(actors), len(edges))
