"""The actor network: actors named in the same sentence are linked."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.resolve.types import Actor, MentionRef

# Evidence sentences kept per edge: enough to read why two actors are linked, while a
# pair named together in thousands of sentences does not bloat the store or the report.
MAX_EVIDENCE = 20


@dataclass(frozen=True, slots=True)
class Edge:
    source: str  # actor id, the smaller of the two
    target: str
    kind: str
    sentences: int
    outlets: tuple[str, ...]
    evidence: tuple[tuple[str, int], ...]  # (document id, sentence index)


def cooccurrence_edges(mentions: Sequence[MentionRef], actors: Sequence[Actor]) -> list[Edge]:
    """One edge per pair of actors that share at least one sentence."""
    actor_of = {mention: actor.id for actor in actors for mention in actor.mentions}
    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    outlet_of: dict[str, str] = {}
    for m in mentions:
        by_sentence[(m.document_id, m.sentence_index)].add(actor_of[m.id])
        outlet_of[m.document_id] = m.outlet
    pairs: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for sentence, present in by_sentence.items():
        ordered = sorted(present)
        for i, left in enumerate(ordered):
            for right in ordered[i + 1 :]:
                pairs[(left, right)].append(sentence)
    return [
        Edge(
            left,
            right,
            "co-occurrence",
            len(sentences),
            tuple(sorted({outlet_of[d] for d, _ in sentences})),
            tuple(heapq.nsmallest(MAX_EVIDENCE, sentences)),
        )
        for (left, right), sentences in sorted(pairs.items())
    ]
