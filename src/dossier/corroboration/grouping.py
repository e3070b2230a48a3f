"""Which claims report the same thing: blocking, pair scores, average-linkage clusters.

Blocking: claims sharing a resolved actor id (or, without ids, an actor's surface form),
dated within the same year, or whose sentences stage 8 merged into one event reported by
several articles, form a block. A block larger than ``MAX_BLOCK`` is split by the
claims' rarest content words, so a ubiquitous subject does not turn the comparison into all
pairs. Only pairs inside a block are scored; two claims of one sentence are never compared.

Scoring a pair (``Scorer.score``): the cosine of the two claims' embeddings (meaning,
whatever the wording), a weighted mean over the whole clauses and the clauses without their
actors and date (``CONTENT_SHARE``; so two different acts of one cast in one year do not look
alike), plus
``WEIGHT_LEXICAL`` × a weighted Jaccard of folded content words (rare words weigh more),
``WEIGHT_DATE`` × date agreement (+1, 0 unknown, -1), minus ``DATE_PENALTY`` when the dates
disagree, plus ``LEXICAL_BONUS`` when the lexical rules below link the pair on their own,
plus ``EVENT_BONUS`` when the timeline put both sentences in one event (a merge made on
actors, compatible dates and wording, with no wrong merge on the seed gold). A pair whose
content cosine is under ``MIN_CONTENT_COSINE`` scores 0 unless one of those two links it.
Claims are then clustered by average linkage at ``LINK_SCORE`` (``clustering``), so one
loose resemblance cannot chain two different stories together.

The lexical rules (``Scorer._lexical_link``): lexical similarity of at least
``STRONG_LEXICAL``; or, with dates not disagreeing, at least ``MIN_LEXICAL`` and a weighted
lexical/actor/predicate/date score of ``LEXICAL_SCORE``. Long, multi-clause reports of one
statement share few words relative to their union, so overlap rules (shared weight over the
lighter claim's weight) also link: ``rare actors`` (at least ``MIN_RARE_ACTORS`` shared actors
each named in at most ``RARE_ACTOR_CLAIMS`` claims, with ``RARE_OVERLAP`` of the wording),
``close overlap`` (``CLOSE_OVERLAP`` of the wording and ``CLOSE_ACTORS`` of the actors), each
with ``MIN_SHARED_WORDS`` shared content words; and ``dated overlap`` (both dates known and
agreeing, ``DATED_OVERLAP`` of the wording in ``DATED_SHARED_WORDS`` words, ``DATED_ACTORS``
of the actors).

The weights were chosen on a grid over the seed gold (eval/score_claims.py), keeping only
settings under which two different acts of one cast in one year stay apart (a unit test).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dossier.corroboration.clustering import average_link
from dossier.corroboration.conflicts import TimeIndex, dates_agree
from dossier.corroboration.features import (
    content_text,
    content_words,
    counts,
    fold,
    idf,
    weighted_jaccard,
    weighted_overlap,
)
from dossier.corroboration.records import ClaimRef
from dossier.embed import Vectors
from dossier.model import Claim, TimeExpr

# A block this large is split by rare words: 200 claims are 19,900 pairs, about a tenth of a second.
MAX_BLOCK = 200
# Rarest content words per claim used as keys when a block is split.
RARE_KEYS = 3
# Average pair score at which two clusters of claims merge (on the cosine's scale).
LINK_SCORE = 0.55
WEIGHT_LEXICAL = 0.3  # shared rare wording, on top of shared meaning
WEIGHT_DATE = 0.2  # dates that agree (+0.2) or disagree (-0.2)
DATE_PENALTY = 0.2  # dates that disagree: different happenings, unless the meaning is very close
LEXICAL_BONUS = 0.3  # the lexical rules link the pair on wording alone
EVENT_BONUS = 0.3  # the timeline merged the two sentences into one event
# The content cosine's share of the cosine; the whole clause carries context the cut one lost.
CONTENT_SHARE = 0.3
# Below this content cosine, two claims tell different acts, whatever their cast and date share
# ("gave a map of bases" / "met to discuss"), unless the lexical rules or the timeline link them.
MIN_CONTENT_COSINE = 0.2
# Near paraphrases: link on wording alone, even when a slot disagrees (that is a conflict).
STRONG_LEXICAL = 0.5
# Below this, two claims share too few words for the lexical score to link them.
MIN_LEXICAL = 0.2
# Weighted lexical score from which a pair with enough shared words links (weights sum to 1).
LEXICAL_SCORE = 0.35
LEX_WORDS, LEX_ACTORS, LEX_PREDICATE, LEX_DATE = 0.5, 0.25, 0.15, 0.1
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

Embed = Callable[[Sequence[str]], Vectors]
EventIndex = Mapping[tuple[str, int, int], str]  # (document, sentence start, end) -> event id


@dataclass(frozen=True, slots=True)
class Features:
    words: frozenset[str]
    actors: frozenset[str]
    predicate: tuple[str, ...]
    year: str | None  # the year the claim's date falls in, when it is dated within one year
    event: str | None  # the timeline event, reported by several articles, of the claim's sentence


def features(
    refs: Sequence[ClaimRef], texts: Mapping[str, str], time_of: TimeIndex, events: EventIndex
) -> list[Features]:
    return [
        Features(content_words(r.claim), frozenset(_actor_keys(r, texts)), _predicate(r),
                 _year(_time(r, time_of)), events.get(_sentence_key(r)))
        for r in refs
    ]  # fmt: skip


def _sentence_key(ref: ClaimRef) -> tuple[str, int, int]:
    return (ref.document_id, ref.claim.sentence.start, ref.claim.sentence.end)


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


def _time(ref: ClaimRef, time_of: TimeIndex) -> TimeExpr | None:
    """The claim's date, when it has an interval ("last year" in an undated article has none)."""
    span = ref.claim.time
    time = time_of.get((span.document_id, span.start, span.end)) if span else None
    return time if time is not None and (time.start or time.end) else None


def _year(time: TimeExpr | None) -> str | None:
    if time is None or not time.start or not time.end or time.start[:4] != time.end[:4]:
        return None
    return time.start[:4]


def candidate_pairs(
    refs: Sequence[ClaimRef], feats: Sequence[Features], word_weight: Mapping[str, float]
) -> list[tuple[int, int]]:
    """Sorted pairs of claim indexes in one block (module docstring), never of one sentence.

    Pairs are coded as ``a * n + b`` in numpy arrays and deduplicated with ``np.unique``: a
    corpus of 10,000 articles has millions of them, too many for a set of tuples.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in f.actors:
            blocks["a:" + key].append(i)
        if f.year:
            blocks["y:" + f.year].append(i)
        if f.event:
            blocks["e:" + f.event].append(i)
    n, chunks = len(refs), []
    for key in sorted(blocks):
        members = blocks[key]
        for block in (
            [members] if len(members) <= MAX_BLOCK else _split(members, feats, word_weight)
        ):
            index = np.asarray(block, dtype=np.int64)  # increasing: blocks are filled in order
            first, second = np.triu_indices(len(index), k=1)
            chunks.append(index[first] * n + index[second])
    if not chunks:
        return []
    codes = np.unique(np.concatenate(chunks))
    first, second = codes // n, codes % n
    sentence_ids: dict[tuple[str, int, int], int] = {}
    sentence = np.array(
        [sentence_ids.setdefault(_sentence_key(r), len(sentence_ids)) for r in refs],
        dtype=np.int64,
    )
    keep = sentence[first] != sentence[second]
    return list(zip(first[keep].tolist(), second[keep].tolist(), strict=True))


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
    vectors: Vectors  # each claim's sentence, one unit row per claim
    content_vectors: Vectors  # each claim's sentence without its actors and date
    word_weight: Mapping[str, float]
    actor_weight: Mapping[str, float]
    time_of: TimeIndex
    actor_claims: Mapping[str, int]

    def lexical(self, i: int, j: int) -> float:
        return weighted_jaccard(self.feats[i].words, self.feats[j].words, self.word_weight)

    def cosine(self, i: int, j: int) -> float:
        return self._cosine(i, j, self._content_cosine(i, j))

    def _cosine(self, i: int, j: int, content: float) -> float:
        """The mix of the whole-clause cosine with an already computed content cosine."""
        whole = float(np.dot(self.vectors[i], self.vectors[j]))
        return (1 - CONTENT_SHARE) * whole + CONTENT_SHARE * content

    def _content_cosine(self, i: int, j: int) -> float:
        return float(np.dot(self.content_vectors[i], self.content_vectors[j]))

    def score(self, i: int, j: int) -> float:
        """The pair score of the module docstring: meaning, wording, date and timeline event."""
        lexical, date = self.lexical(i, j), self._date(i, j)
        lexical_link, same_event = self._lexical_link(i, j, lexical, date), self.same_event(i, j)
        content = self._content_cosine(i, j)
        if content < MIN_CONTENT_COSINE and not (lexical_link or same_event):
            return 0.0
        return (
            self._cosine(i, j, content)
            + WEIGHT_LEXICAL * lexical
            + WEIGHT_DATE * date
            - (DATE_PENALTY if date < 0 else 0.0)
            + (LEXICAL_BONUS if lexical_link else 0.0)
            + (EVENT_BONUS if same_event else 0.0)
        )

    def same_event(self, i: int, j: int) -> bool:
        return self.feats[i].event is not None and self.feats[i].event == self.feats[j].event

    def _lexical_link(self, i: int, j: int, lexical: float, date: float) -> bool:
        """The lexical rules of the module docstring, given the pair's lexical and date scores."""
        if lexical >= STRONG_LEXICAL:
            return True
        if date < 0:
            return False
        if self._overlap_links(i, j, date):
            return True
        if lexical < MIN_LEXICAL:
            return False
        actors = weighted_jaccard(self.feats[i].actors, self.feats[j].actors, self.actor_weight)
        score = LEX_WORDS * lexical + LEX_ACTORS * actors + LEX_DATE * date
        return score + LEX_PREDICATE * self._predicate(i, j) >= LEXICAL_SCORE

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
        a, b = (_time(self.refs[k], self.time_of) for k in (i, j))
        if a is None or b is None:
            return 0.0
        return 1.0 if dates_agree(a, b) else -1.0


def claim_texts(claims: Sequence[Claim]) -> list[str]:
    """What is embedded for the claims: every claim's text, then every claim's content text."""
    return [c.text for c in claims] + [content_text(c) for c in claims]


def make_scorer(
    refs: Sequence[ClaimRef],
    texts: Mapping[str, str],
    time_of: TimeIndex,
    embed: Embed,
    events: EventIndex | None = None,
) -> Scorer:
    feats = features(refs, texts, time_of, events or {})
    actors = [f.actors for f in feats]
    vectors = embed(claim_texts([r.claim for r in refs]))
    return Scorer(
        refs, feats, vectors[: len(refs)], vectors[len(refs) :], idf(f.words for f in feats),
        idf(actors), time_of, counts(actors),
    )  # fmt: skip


def link(refs: Sequence[ClaimRef], scorer: Scorer) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Clusters of claims reporting the same thing, and their scored pairs (for conflicts)."""
    pairs = candidate_pairs(refs, scorer.feats, scorer.word_weight)
    scores = {pair: scorer.score(*pair) for pair in pairs}
    clusters = average_link(len(refs), scores, LINK_SCORE)
    cluster_of = {i: n for n, members in enumerate(clusters) for i in members}
    inside = [pair for pair in sorted(scores) if cluster_of[pair[0]] == cluster_of[pair[1]]]
    return clusters, inside
