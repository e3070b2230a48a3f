"""Stage 9 as the pipeline runs it: group every stored claim across outlets.

Claims are embedded as each batch of articles is stored (``BackgroundEmbedding``), so the
progress bar covers the model's time and an interrupted build keeps what it embedded;
grouping then reads every vector back from the store, embedding whatever is still missing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from dossier import settings
from dossier.corroboration import ClaimRef, group_claims
from dossier.corroboration.grouping import claim_inputs
from dossier.corroboration.records import in_source
from dossier.corroboration.subject import (
    mention_index,
    own_reporting,
    pick_subject,
    referent,
    retype,
)
from dossier.embed import Item, Vectors, shared_embedder
from dossier.model import Claim
from dossier.store import Store
from dossier.store.actors import load_actor_index, load_people_spread, load_person_roles
from dossier.store.claims import load_claims, write_attribution_types, write_groups
from dossier.store.sql import OUTLET_LABEL_SQL
from dossier.store.times import load_event_sentences, load_times
from dossier.store.vectors import cached_embed, missing_items, store_vectors

log = logging.getLogger(__name__)


def run_corroboration(store: Store) -> int:
    """Rebuild every claim group from the claims of all articles; returns the group count."""
    texts = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
    refs = claim_refs(store, texts)
    write_attribution_types(store, {r.claim.id: str(r.claim.attribution.type) for r in refs})
    embed = cached_embed(store, shared_embedder())
    events = load_event_sentences(store)
    groups = group_claims(refs, texts, load_times(store), embed, events)
    write_groups(store, groups)
    log.info("grouped %d claims into %d groups", len(refs), len(groups))
    return len(groups)


def claim_refs(store: Store, texts: Mapping[str, str]) -> list[ClaimRef]:
    """Every stored claim with its outlet, publication date, actors and the titles it gives
    its people, its attribution typed against the dossier's subject (``subject``) and its
    outlet (``own_reporting``; ``texts``: the articles' texts by id)."""
    sql = f"SELECT d.id, {OUTLET_LABEL_SQL}, coalesce(d.published_value, '') FROM documents d"
    about = {
        doc: (outlet, published) for doc, outlet, published in store.con.execute(sql).fetchall()
    }
    actor_of, roles_of = load_actor_index(store), load_person_roles(store)
    people, documents = load_people_spread(store)
    subject, mentions = pick_subject(people, documents), mention_index(actor_of)
    refs = []
    for claim in (retype(c, subject, mentions) for c in load_claims(store)):
        doc = claim.sentence.document_id
        keys = [(doc, a.start, a.end) for a in claim.actors]
        actors = tuple(dict.fromkeys(actor_of[k] for k in keys if k in actor_of))
        titles = tuple((actor_of[k], t) for k in keys if k in actor_of for t in roles_of.get(k, ()))
        outlet, published = about.get(doc, ("unknown", ""))
        claim = own_reporting(claim, outlet, texts.get(doc, ""))
        person = referent(claim, texts.get(doc, ""), mentions, people)
        persons = frozenset((k[1], k[2]) for k in keys if actor_of.get(k) in people)
        refs.append(ClaimRef(claim, outlet, doc, actors, titles, published,
                             source_actors(claim, actor_of), person, persons))  # fmt: skip
    return refs


def source_actors(claim: Claim, actor_of: Mapping[tuple[str, int, int], str]) -> tuple[str, ...]:
    """The actors the claim names only inside its source ("..., the U.S. Geological Survey
    said"): who reports it, not who it is about. ``actor_of``: actor ids by mention key."""
    doc = claim.sentence.document_id
    named = [(actor_of.get((doc, s.start, s.end)), in_source(claim, s)) for s in claim.actors]
    inside = {actor for actor, source in named if actor and source}
    outside = {actor for actor, source in named if actor and not source}
    return tuple(sorted(inside - outside))


class BackgroundEmbedding:
    """Embeds each stored batch's claims on a second thread while spaCy parses the next batch.

    onnxruntime releases the GIL while it runs, so the model uses the cores spaCy leaves idle
    (``settings.EMBED_THREADS``). Only the calling thread touches the store: finished vectors
    are written when the next batch is submitted and at ``finish``. A build interrupted with
    work pending loses only time: stage 9 embeds whatever is still missing.
    """

    def __init__(self) -> None:
        self._embedder = shared_embedder(settings.EMBED_THREADS)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dossier-embed")
        self._pending: list[tuple[list[Item], Future[tuple[Vectors, Vectors]]]] = []

    def submit(self, store: Store, claims: Sequence[Claim], documents: Mapping[str, str]) -> None:
        """Start embedding the claims' texts (``documents``: their articles' texts by id) that
        have no stored vectors; store finished work."""
        items = missing_items(store, claim_inputs(claims, documents))
        if items:
            self._pending.append((items, self._pool.submit(self._embedder.embed_pairs, items)))
        self._store_finished(store, wait=False)

    def finish(self, store: Store) -> None:
        """Wait for every batch and store its vectors. Batches not started yet run here on
        every core (spaCy is done), not one by one on the embedding thread."""
        waiting: list[Item] = []
        running = []
        for items, future in self._pending:
            if future.cancel():
                waiting.extend(items)
            else:
                running.append((items, future))
        self._pending = running
        if waiting:
            store_vectors(store, waiting, *shared_embedder().embed_pairs(waiting))
        self._store_finished(store, wait=True)
        self._pool.shutdown()

    def cancel(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _store_finished(self, store: Store, wait: bool) -> None:
        pending = []
        for items, future in self._pending:
            if wait or future.done():
                store_vectors(store, items, *future.result())
            else:
                pending.append((items, future))
        self._pending = pending
