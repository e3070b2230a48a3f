"""Which claims report the same thing: blocking, pair scores, average-linkage clusters.

Only pairs inside a block are scored (``blocking``).

Scoring a pair (``Scorer.score``): the cosine of the two claims' embeddings (meaning,
whatever the wording), a weighted mean over the whole clauses and the clauses without their
actors and date (``CONTENT_SHARE``; pooled from the same model run without those words' pieces,
so two different acts of one cast in one year do not look alike), plus
``WEIGHT_LEXICAL`` × a weighted Jaccard of folded content words (rare words weigh more; scaled
down when they share fewer than ``FULL_LEXICAL_WORDS``),
``WEIGHT_DATE`` × date agreement (+1; 0 unknown or near, as "Saturday" and "Sunday"; -1 far
apart), minus ``DATE_PENALTY`` when the dates are far apart (but not for one verb of a thing
that happens once, meaning nearly the same, ``Scorer._one_act``: "The talks began in 2019" /
"Negotiations started in 2021" is one start dated two ways, a conflict to show), plus
``LEXICAL_BONUS`` when the lexical rules below link the pair on their own, plus
``EVENT_BONUS`` when the timeline put both sentences in one event (a merge made on actors,
compatible dates and wording, with no wrong merge on the seed gold), plus ``COUNT_BONUS`` when both count one thing by one verb
("64 people had been killed" / "claimed nearly 50 people were killed") with counts within
``numbers.NUMBER_RATIO`` of each other. A pair whose content cosine is under
``MIN_CONTENT_COSINE`` scores 0 unless one of those two links it; so does a pair of which one
counts people, deaths or cases as a rate and the other as a total (``counting.rate_and_total``).
Across two articles, only pairs that are one of their claims' best match in the other article
enter clustering (``clustering.best_matches``). Claims are then clustered by average linkage at
``LINK_SCORE`` (``clustering``), so one loose resemblance cannot chain two different stories
together.

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

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from dossier.corroboration.blocking import (
    EventIndex,
    Features,
    candidate_pairs,
    features,
)
from dossier.corroboration.clustering import average_link, best_matches
from dossier.corroboration.counting import rate_and_total, same_count
from dossier.corroboration.dates import TimeIndex, claim_time, dates_agree, dates_near
from dossier.corroboration.features import (
    counts,
    idf,
    weighted_jaccard,
    weighted_overlap,
)
from dossier.corroboration.numbers import comparable
from dossier.corroboration.records import ClaimRef, borrowed
from dossier.corroboration.scope import same_act
from dossier.embed import Item, Vectors
from dossier.model import Claim

# Average pair score at which two clusters of claims merge (on the cosine's scale).
LINK_SCORE = 0.55
WEIGHT_LEXICAL = 0.3  # shared rare wording, on top of shared meaning
WEIGHT_DATE = 0.2  # dates that agree (+0.2) or disagree (-0.2)
DATE_PENALTY = 0.2  # dates that disagree: different happenings, unless the meaning is very close
LEXICAL_BONUS = 0.3  # the lexical rules link the pair on wording alone
EVENT_BONUS = 0.3  # the timeline merged the two sentences into one event
COUNT_BONUS = 0.3  # both count one thing by one verb ("48 killed" / "64 people were killed")
# The content cosine's share of the cosine; the whole clause carries context the cut one lost
# (0.3 and 0.2 below when the content was embedded alone; pooled content vectors score lower,
# and 0.15-0.2 with 0.15 gave the same figures on the four gold sets, eval/README).
CONTENT_SHARE = 0.2
# Below this content cosine, two claims tell different acts, whatever their cast and date share
# ("gave a map of bases" / "met to discuss"), unless the lexical rules or the timeline link them.
MIN_CONTENT_COSINE = 0.15
# From this content cosine, one verb tells one act, whose two dates are a conflict to show,
# not two happenings: no ``DATE_PENALTY``.
ONE_ACT_CONTENT = 0.7
# Verbs of things that happen once to what they are about: a start, a founding, an end.
_ONCE = frozenset({"begin", "start", "commence", "found", "establish", "collapse", "die"})
# Near paraphrases: link on wording alone, even when a slot disagrees (that is a conflict).
STRONG_LEXICAL = 0.5
# Shared content words from which the lexical score counts in full; under it, it is scaled down
# ("has changed" / "nothing has changed" share one word: a weighted Jaccard of 1, saying nothing).
FULL_LEXICAL_WORDS = 2
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

# A word or a run of punctuation: the stop words and punctuation a content vector leaves out.
_FUNCTION_OR_PUNCT = re.compile(r"[^\W_]+|[^\w\s]+")

Embed = Callable[[Sequence[Item]], tuple[Vectors, Vectors]]


@dataclass(frozen=True, slots=True)
class Scorer:
    refs: Sequence[ClaimRef]
    feats: Sequence[Features]
    vectors: Vectors  # each claim's sentence, one unit row per claim
    content_vectors: Vectors  # each claim's sentence pooled without its actors and date
    word_weight: Mapping[str, float]
    actor_weight: Mapping[str, float]
    time_of: TimeIndex
    actor_claims: Mapping[str, int]
    word_totals: Sequence[float]  # each claim's summed word weight, so a pair sums only its shared

    def lexical(self, i: int, j: int) -> float:
        """Weighted Jaccard of the content words, scaled down under ``FULL_LEXICAL_WORDS`` shared
        words: "has changed" and "nothing has changed" have a Jaccard of 1 on one word."""
        return self._lexical(i, j, self._shared(i, j))

    def _shared(self, i: int, j: int) -> tuple[int, float]:
        """How many content words the two claims share, and their summed weight."""
        shared = self.feats[i].words & self.feats[j].words
        return len(shared), sum(self.word_weight.get(w, 1.0) for w in shared)

    def _lexical(self, i: int, j: int, shared: tuple[int, float]) -> float:
        count, weight = shared
        if not count:
            return 0.0
        union = self.word_totals[i] + self.word_totals[j] - weight
        return min(1.0, count / FULL_LEXICAL_WORDS) * weight / union

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
        shared, date = self._shared(i, j), self._date(i, j)
        lexical = self._lexical(i, j, shared)
        lexical_link = self._lexical_link(i, j, lexical, date, shared)
        same_event = self.same_event(i, j)
        content = self._content_cosine(i, j)
        if content < MIN_CONTENT_COSINE and not (lexical_link or same_event):
            return 0.0
        counts_a, counts_b = self.refs[i].claim.quantities, self.refs[j].claim.quantities
        if counts_a and counts_b and rate_and_total(counts_a, counts_b):  # most claims count none
            return 0.0
        return (
            self._cosine(i, j, content)
            + WEIGHT_LEXICAL * lexical
            + WEIGHT_DATE * date
            - (DATE_PENALTY if date < 0 and not self._one_act(i, j, content) else 0.0)
            + (LEXICAL_BONUS if lexical_link else 0.0)
            + (EVENT_BONUS if same_event else 0.0)
            + (COUNT_BONUS if date >= 0 and self.same_count(i, j) else 0.0)
        )

    def _one_act(self, i: int, j: int, content: float) -> bool:
        """One verb of a thing that happens once (``_ONCE``), meaning nearly the same thing
        (``ONE_ACT_CONTENT``): "The talks began in 2019" / "Negotiations started in 2021" tell
        one start, dated two ways; "wrote in 2009 that he directs" / "told him in 2015 that he
        directs" tell a thing said twice."""
        a, b = self.refs[i], self.refs[j]
        verb = a.claim.predicate.partition(" ")[0]
        return verb in _ONCE and content >= ONE_ACT_CONTENT and same_act(a, b)

    def same_count(self, i: int, j: int) -> bool:
        """Both count one thing by one verb (``counting.same_count``) in counts that may be one
        (``numbers.comparable``): a million dead in 1968 and this year's 141 are two tolls."""
        qa, qb = self.refs[i].claim.quantities, self.refs[j].claim.quantities
        return any(same_count(a, b) and comparable(a, b) for a in qa for b in qb)

    def same_event(self, i: int, j: int) -> bool:
        return self.feats[i].event is not None and self.feats[i].event == self.feats[j].event

    def _lexical_link(
        self, i: int, j: int, lexical: float, date: float, shared: tuple[int, float]
    ) -> bool:
        """The lexical rules of the module docstring, given the pair's lexical and date scores
        and its shared words (``_shared``)."""
        if lexical >= STRONG_LEXICAL:
            return True
        if date < 0:
            return False
        if self._overlap_links(i, j, date, shared):
            return True
        if lexical < MIN_LEXICAL:
            return False
        actors = weighted_jaccard(self.feats[i].actors, self.feats[j].actors, self.actor_weight)
        score = LEX_WORDS * lexical + LEX_ACTORS * actors + LEX_DATE * date
        return score + LEX_PREDICATE * self._predicate(i, j) >= LEXICAL_SCORE

    def _overlap_links(self, i: int, j: int, date: float, shared_words: tuple[int, float]) -> bool:
        """The overlap rules of the module docstring (dates already known not to disagree)."""
        a, b = self.feats[i], self.feats[j]
        shared, shared_weight = shared_words
        if shared < min(MIN_SHARED_WORDS, DATED_SHARED_WORDS):
            return False
        words = shared_weight / min(self.word_totals[i], self.word_totals[j])
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
        """1 when the dates agree, -1 when they are far apart, 0 when unknown or near
        (``dates.dates_near``: a date conflict to show, not proof of two happenings)."""
        a, b = (claim_time(self.refs[k], self.time_of) for k in (i, j))
        if a is None or b is None:
            return 0.0
        if dates_agree(a, b):
            return 1.0
        return 0.0 if dates_near(a, b) else -1.0


def claim_inputs(claims: Sequence[Claim], texts: Mapping[str, str] | None = None) -> list[Item]:
    """What is embedded for each claim: its text, and the cuts that its content vector leaves
    out (``Embedder.embed_pairs``): its actors, its date, stop words and punctuation. The
    model's states are contextual, so what remains still leans towards what was cut; without
    the function words too, "gave a map of bases" and "condemned over its sanctions policy"
    (one cast, one year) pool to a cosine near 0, as their cut texts embedded alone do.

    With the documents' ``texts``, a claim naming actors before its span (the antecedent of
    "Russia and China, which last month vetoed a draft") is embedded with them in front, and
    those names are cut too."""
    return [_embedded(c, texts or {}) for c in claims]


def _embedded(claim: Claim, texts: Mapping[str, str]) -> Item:
    span, text = claim.sentence, texts.get(claim.sentence.document_id, "")
    names = [text[a.start : a.end] for a in borrowed(claim)]
    embedded = " ".join([*names, claim.text]) if text and names else claim.text
    lead = len(embedded) - len(claim.text)
    base = span.start - lead
    spans = (*claim.actors, *([claim.time] if claim.time else []))
    ranges = [(0, lead)] if lead else []
    ranges += [(max(s.start - base, lead), min(s.end - base, len(embedded))) for s in spans]
    ranges += [m.span() for m in _FUNCTION_OR_PUNCT.finditer(embedded, lead)
               if not m.group().isalnum() or m.group().casefold() in STOP_WORDS]  # fmt: skip
    return embedded, tuple(sorted((a, b) for a, b in set(ranges) if a < b))


def make_scorer(
    refs: Sequence[ClaimRef], texts: Mapping[str, str], time_of: TimeIndex, embed: Embed,
    events: EventIndex | None = None,
) -> Scorer:  # fmt: skip
    feats = features(refs, texts, time_of, events or {})
    actors = [f.actors for f in feats]
    vectors, content = embed(claim_inputs([r.claim for r in refs], texts))
    word_weight = idf(f.words for f in feats)
    totals = [sum(word_weight[w] for w in f.words) for f in feats]
    return Scorer(
        refs, feats, vectors, content, word_weight, idf(actors),
        time_of, counts(actors), totals,
    )  # fmt: skip


def link(
    refs: Sequence[ClaimRef], scorer: Scorer
) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Clusters of claims reporting the same thing, and the scores of the pairs inside them
    that scored and that clustering used (for conflicts and corroboration), in pair order."""
    pairs = candidate_pairs(refs, scorer.feats, scorer.word_weight)
    # Two thirds of the pairs of a large pile score 0 (``MIN_CONTENT_COSINE``), which average
    # linkage counts for a pair it does not hold anyway: only the others are kept.
    scores = {}
    for pair in pairs:
        score = scorer.score(*pair)
        if score:
            scores[pair] = score
    kept = best_matches([r.document_id for r in refs], scores, LINK_SCORE)
    clusters = average_link(len(refs), kept, LINK_SCORE)
    cluster_of = {i: n for n, members in enumerate(clusters) for i in members}
    inside = {p: s for p, s in kept.items() if cluster_of[p[0]] == cluster_of[p[1]]}
    return clusters, inside
