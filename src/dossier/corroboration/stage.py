"""Stage 9 as the pipeline runs it: group every stored claim across outlets.

Claims are embedded as each batch of articles is stored (``embed_claims``), so the progress
bar covers the model's time and an interrupted build keeps what it embedded; grouping then
reads every vector back from the store.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from dossier.corroboration import ClaimRef, group_claims
from dossier.corroboration.grouping import claim_texts
from dossier.embed import shared_embedder
from dossier.model import Claim
from dossier.store import Store
from dossier.store.actors import load_actor_index
from dossier.store.claims import load_claims, write_groups
from dossier.store.sql import OUTLET_LABEL_SQL
from dossier.store.times import load_event_sentences, load_times
from dossier.store.vectors import cached_embed

log = logging.getLogger(__name__)


def run_corroboration(store: Store) -> int:
    """Rebuild every claim group from the claims of all articles; returns the group count."""
    sql = f"SELECT d.id, d.text, {OUTLET_LABEL_SQL} FROM documents d"
    documents = store.con.execute(sql).fetchall()
    texts = {doc: text for doc, text, _ in documents}
    outlet_of = {doc: outlet for doc, _, outlet in documents}
    actor_of = load_actor_index(store)
    refs = []
    for claim in load_claims(store):
        doc = claim.sentence.document_id
        keys = ((doc, a.start, a.end) for a in claim.actors)
        actors = tuple(dict.fromkeys(actor_of[k] for k in keys if k in actor_of))
        refs.append(ClaimRef(claim, outlet_of.get(doc, "unknown"), doc, actors))
    embed = cached_embed(store, shared_embedder())
    events = load_event_sentences(store)
    groups = group_claims(refs, texts, load_times(store), embed, events)
    write_groups(store, groups)
    log.info("grouped %d claims into %d groups", len(refs), len(groups))
    return len(groups)


def embed_claims(store: Store, claims: Sequence[Claim]) -> None:
    """Embed and store the vectors stage 9 will compare for these claims (cached by text)."""
    cached_embed(store, shared_embedder())(claim_texts(claims))
