"""Which claims report the same thing: blocking by actor, pair scores, union-find.

Blocking: claims sharing a resolved actor id (or, without ids, an actor's surface form) form
a block. A block larger than ``MAX_BLOCK`` is split by the claims' rarest content words, so
a ubiquitous subject does not turn the comparison into all pairs.

Scoring a pair: a weighted Jaccard of folded content words (``lexical``, rare words weigh
more), a weighted Jaccard of actor ids, whether the predicates' verbs and objects fold to the
same classes, and whether the dates agree. A pair links when its lexical similarity reaches
``STRONG_LEXICAL``, or reaches ``MIN_LEXICAL`` and the weighted score reaches ``LINK_SCORE``
with no date disagreement.

Long, multi-clause reports of one statement share few words relative to their union, so two
overlap rules (shared weight over the lighter claim's weight) also link, never across dates that
disagree: ``rare actors`` (at least ``MIN_RARE_ACTORS`` shared actors each named in at most
``RARE_ACTOR_CLAIMS`` claims, with ``RARE_OVERLAP`` of the wording) and ``close overlap``
(``CLOSE_OVERLAP`` of the wording and ``CLOSE_ACTORS`` of the actors), each with
``MIN_SHARED_WORDS`` shared content words; and ``dated overlap`` (both dates known and agreeing,
``DATED_OVERLAP`` of the wording in ``DATED_SHARED_WORDS`` words, ``DATED_ACTORS`` of the actors).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.corroboration.conflicts import TimeIndex, dates_agree
from dossier.corroboration.features import (
    content_words,
    counts,
    fold,
    idf,
    weighted_jaccard,
    weighted_overlap,
)
from dossier.corroboration.records import ClaimRef
from dossier.model import TimeExpr

# A block this large is split by rare words: 200 claims are 19,900 pairs, about a tenth of a second.
MAX_BLOCK = 200
# Rarest content words per claim used as keys when a block is split.
RARE_KEYS = 3
# Near paraphrases: link on wording alone, even when a slot disagrees (that is a conflict).
STRONG_LEXICAL = 0.5
# Below this, two claims share too few words to be the same statement whatever else agrees.
MIN_LEXICAL = 0.2
# Weighted score from which a pair with enough shared words links (weights below sum to 1).
LINK_SCORE = 0.35
WEIGHT_LEXICAL = 0.5  # wording is the main evidence
WEIGHT_ACTORS = 0.25  # the same actors, rare ones counting more
WEIGHT_PREDICATE = 0.15  # the same verb and object class
WEIGHT_DATE = 0.1  # dates that agree (or a penalty when they do not)
# An actor named in this few claims picks out one happening (a ubiquitous subject does not).
RARE_ACTOR_CLAIMS = 5
# Two such actors in common: the same small cast, so looser wording suffices.
MIN_RARE_ACTORS = 2
# Share of the lighter claim's wording two claims with the same rare cast must have in common.
RARE_OVERLAP = 0.3
# One or two shared words are coincidence ("Iraq", "forces"); three make a shared statement.
MIN_SHARED_WORDS = 3
# Most of the shorter claim's wording, among the same actors: one report inside a longer one.
CLOSE_OVERLAP = 0.6
# Weighted actor overlap for ``CLOSE_OVERLAP``: half the lighter cast; the wording carries it.
CLOSE_ACTORS = 0.5
# With dates known on both sides and agreeing, and most actors shared, a quarter of the wording.
DATED_OVERLAP = 0.25
# An agreeing date is itself shared evidence, so two shared content words suffice.
DATED_SHARED_WORDS = 2
# Weighted actor overlap for ``DATED_OVERLAP``: most of the lighter claim's cast (weight) shared.
DATED_ACTORS = 0.6


@dataclass(frozen=True, slots=True)
class Features:
    words: frozenset[str]
    actors: frozenset[str]
    predicate: tuple[str, ...]


def features(refs: Sequence[ClaimRef], texts: Mapping[str, str]) -> list[Features]:
    return [
        Features(content_words(r.claim), frozenset(_actor_keys(r, texts)), _predicate(r))
        for r in refs
    ]


def _actor_keys(ref: ClaimRef, texts: Mapping[str, str]) -> list[str]:
    if ref.actors:
        return list(ref.actors)
    text = texts.get(ref.document_id, "")
    return [
        "~" + text[s.start : s.end].casefold() for s in ref.claim.actors if text[s.start : s.end]
    ]


def _predicate(ref: ClaimRef) -> tuple[str, ...]:
    words = [w for w in ref.claim.predicate.split() if w != "not"]
    return tuple(fold(w) for w in words)


def candidate_pairs(
    feats: Sequence[Features], word_weight: Mapping[str, float]
) -> set[tuple[int, int]]:
    """Pairs of claim indexes that share an actor key (and a rare word, in a split block)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in f.actors:
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for key in sorted(blocks):
        members = blocks[key]
        for block in (
            [members] if len(members) <= MAX_BLOCK else _split(members, feats, word_weight)
        ):
            pairs.update((a, b) for n, a in enumerate(block) for b in block[n + 1 :])
    return pairs


def _split(
    members: list[int], feats: Sequence[Features], weight: Mapping[str, float]
) -> list[list[int]]:
    sub: dict[str, list[int]] = defaultdict(list)
    for i in members:
        rarest = sorted(feats[i].words, key=lambda w: (-weight.get(w, 1.0), w))[:RARE_KEYS]
        for word in rarest:
            sub[word].append(i)
    return [block for block in sub.values() if 1 < len(block) <= MAX_BLOCK]


@dataclass(frozen=True, slots=True)
class Scorer:
    refs: Sequence[ClaimRef]
    feats: Sequence[Features]
    word_weight: Mapping[str, float]
    actor_weight: Mapping[str, float]
    time_of: TimeIndex
    actor_claims: Mapping[str, int]

    def lexical(self, i: int, j: int) -> float:
        return weighted_jaccard(self.feats[i].words, self.feats[j].words, self.word_weight)

    def links(self, i: int, j: int) -> bool:
        lexical = self.lexical(i, j)
        if lexical >= STRONG_LEXICAL:
            return True
        date = self._date(i, j)
        if date < 0:
            return False
        if self._overlap_links(i, j, date):
            return True
        if lexical < MIN_LEXICAL:
            return False
        actors = weighted_jaccard(self.feats[i].actors, self.feats[j].actors, self.actor_weight)
        score = WEIGHT_LEXICAL * lexical + WEIGHT_ACTORS * actors + WEIGHT_DATE * date
        return score + WEIGHT_PREDICATE * self._predicate(i, j) >= LINK_SCORE

    def _overlap_links(self, i: int, j: int, date: float) -> bool:
        """The overlap rules of the module docstring (dates already known not to disagree)."""
        a, b = self.feats[i], self.feats[j]
        shared = len(a.words & b.words)
        if shared < min(MIN_SHARED_WORDS, DATED_SHARED_WORDS):
            return False
        words = weighted_overlap(a.words, b.words, self.word_weight)
        actors = weighted_overlap(a.actors, b.actors, self.actor_weight)
        if date > 0 and words >= DATED_OVERLAP and actors >= DATED_ACTORS:
            return True
        if shared < MIN_SHARED_WORDS:
            return False
        rare = sum(self.actor_claims.get(k, 0) <= RARE_ACTOR_CLAIMS for k in a.actors & b.actors)
        return (rare >= MIN_RARE_ACTORS and words >= RARE_OVERLAP) or (
            words >= CLOSE_OVERLAP and actors >= CLOSE_ACTORS
        )

    def _predicate(self, i: int, j: int) -> float:
        a, b = self.feats[i].predicate, self.feats[j].predicate
        if not a or not b or a[0] != b[0]:
            return 0.0
        return 1.0 if a[1:] == b[1:] else 0.5

    def _date(self, i: int, j: int) -> float:
        """1 when the dates agree, -1 when they disagree, 0 when either is unknown."""
        a, b = (self._time(self.refs[k]) for k in (i, j))
        if a is None or b is None:
            return 0.0
        return 1.0 if dates_agree(a, b) else -1.0

    def _time(self, ref: ClaimRef) -> TimeExpr | None:
        span = ref.claim.time
        return self.time_of.get((span.document_id, span.start, span.end)) if span else None


def make_scorer(refs: Sequence[ClaimRef], texts: Mapping[str, str], time_of: TimeIndex) -> Scorer:
    feats = features(refs, texts)
    actors = [f.actors for f in feats]
    return Scorer(refs, feats, idf(f.words for f in feats), idf(actors), time_of, counts(actors))


def link(refs: Sequence[ClaimRef], scorer: Scorer) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Connected components of linked claims, and the linked pairs (for conflict checks)."""
    parent = list(range(len(refs)))
    linked = []
    for i, j in sorted(candidate_pairs(scorer.feats, scorer.word_weight)):
        if scorer.links(i, j):
            linked.append((i, j))
            parent[_root(parent, i)] = _root(parent, j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(refs)):
        components[_root(parent, i)].append(i)
    return list(components.values()), linked


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = parent[node]
    return node
