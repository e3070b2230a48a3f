"""Merge event candidates that report the same happening, within and across articles.

Blocking, never all pairs (``blocks``): reports are compared within (actor, year) and
(actor, decade) blocks only.

Two reports sharing an actor are one happening when

- their dates are compatible (the intervals overlap; "2008" contains "March 2008") and
  actor overlap (weighted by rarity) blended with word overlap of the summaries, plus
  ``SAME_DATE_BONUS`` for close dates (one inside the other, both within a quarter),
  passes ``MERGE_SCORE``, with at least ``MIN_TEXT_SIM`` of word overlap (one shared
  word, ``CLOSE_MIN_TEXT_SIM``, for close dates and a shared rare actor); or
- their dates are incompatible but words (``DISAGREE_TEXT_SIM``) and actors
  (``DISAGREE_ACTOR_SIM``) agree strongly and the documents differ: ``disagreement``.

Links are applied best first in a union-find that never puts two reports with
incompatible dates and little word overlap in one event, so a bare "2008" cannot chain
a March event and a June event together.

An event's date comes from the largest group of reports whose dates share a point (most
outlets, then most reports, then the finest date, then the earliest): the intersection
of their intervals, which is the finest report's own date when it lies inside the
others. Dates are never averaged. The summary is the most central report's (most word
overlap with the rest), ties to the finest date: reports carry no publication date.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from dossier.model import Event, EventEvidence, TimePrecision
from dossier.resolve.unionfind import UnionFind
from dossier.timeline.blocks import candidate_pairs
from dossier.timeline.reports import Report, build_reports
from dossier.timeline.summary import word_overlap as text_similarity

log = logging.getLogger(__name__)

# Share of the pair score that comes from actors (the better of cast agreement and the
# rarity of the shared actors); the rest is word overlap. Actors are the blocking key, so words must carry most of the decision.
ACTOR_WEIGHT = 0.4
# Score a pair with compatible dates needs: two reports sharing an actor named only by
# them (rarity 1.0) need word overlap ~0.17, e.g. one shared content word of four; two
# sharing only the corpus's subject (rarity ~0.3) need ~0.6.
MERGE_SCORE = 0.5
# Within one article, neighbouring sentences share their cast and words while telling
# the next happening ("four soldiers were captured" / "later, the Pentagon captured");
# an article retelling its own event is rarer, so such a pair needs this much more.
SAME_DOCUMENT_MARGIN = 0.1
# Word overlap any merge needs: the same actor in the same year is not enough.
MIN_TEXT_SIM = 0.15
# Two reports giving close dates, one inside the other and both no wider than a quarter
# ("February 2012" twice; "May 11 to June 10" inside "the second quarter"), agree on
# something specific: this is added to their score. It lets one shared word ("four
# Iranian jets carried munitions" / "officials detected four Iranian jets") do.
SAME_DATE_BONUS = 0.15
SAME_DATE_MAX_DAYS = 92
# With such close dates and an actor both name that few other reports name (rarity at
# least ``RARE_ACTOR``), one shared content word (``CLOSE_MIN_TEXT_SIM``) is enough
# overlap: a rare actor on the same few weeks is most of the evidence already.
RARE_ACTOR = 0.9
CLOSE_MIN_TEXT_SIM = 0.05
# A pair with incompatible dates is one event only with near-identical wording
# and mostly the same actors.
DISAGREE_TEXT_SIM = 0.6
DISAGREE_ACTOR_SIM = 0.5
# Two reports with incompatible dates and less word overlap than this never share an
# event, even through a third report (the cannot-link of the union-find).
CANNOT_LINK_TEXT_SIM = 0.3


def merge_events(
    candidates: Sequence[EventEvidence], actor_of: Mapping[tuple[str, int, int], str]
) -> list[Event]:
    """Group ``candidates`` into events; ``actor_of`` maps mention offsets to actor ids."""
    reports = build_reports(candidates, actor_of)
    weights = _actor_weights(reports)
    links: list[tuple[float, int, int]] = []
    for a, b in candidate_pairs(reports):
        score = _link_score(reports[a], reports[b], weights)
        if score is not None:
            links.append((score, a, b))
    uf: UnionFind[int, int] = UnionFind(lambda x, y: _cannot_link(reports[x], reports[y]))
    for k in range(len(reports)):
        uf.add(k, [k])
    for _, a, b in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        uf.union(a, b)
    events = [_event([reports[k] for k in sorted(g)]) for g in uf.groups().values()]
    return sorted(events, key=lambda e: (e.start, e.end, e.id))


def _actor_weights(reports: Sequence[Report]) -> dict[str, float]:
    """Inverse document frequency of each actor over the reports."""
    counts = Counter(a for r in reports for a in set(r.actors))
    total = len(reports)
    return {a: math.log(1 + total / n) for a, n in counts.items()}


def _compatible(a: Report, b: Report) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def _actor_similarity(a: Report, b: Report, weights: Mapping[str, float]) -> float:
    left, right = set(a.actors), set(b.actors)
    union = sum(weights[x] for x in left | right)
    return sum(weights[x] for x in left & right) / union if union else 0.0


def _rarity(a: Report, b: Report, weights: Mapping[str, float]) -> float:
    """The summed idf of the actors both reports name, over the idf of a unique actor, at most 1.

    One shared rare actor ("Petraeus") says about as much as three common ones ("Iran",
    "U.S.", the corpus's subject); one common actor alone says little.
    """
    shared = set(a.actors) & set(b.actors)
    top = max(weights.values(), default=0.0)
    return min(1.0, sum(weights[x] for x in shared) / top) if top else 0.0


def _link_score(a: Report, b: Report, weights: Mapping[str, float]) -> float | None:
    """The pair's score when it is one happening, else None (word overlap checked first)."""
    compatible = _compatible(a, b)
    text = text_similarity(a.words, b.words)
    close = _close_dates(a, b)
    rare = close and _rarity(a, b, weights) >= RARE_ACTOR
    floor = CLOSE_MIN_TEXT_SIM if rare else MIN_TEXT_SIM
    if text < (floor if compatible else DISAGREE_TEXT_SIM):
        return None
    if not compatible and a.document_id == b.document_id:
        return None
    if compatible:
        actors = max(_rarity(a, b, weights), _actor_similarity(a, b, weights))
        score = ACTOR_WEIGHT * actors + (1 - ACTOR_WEIGHT) * text
        score += SAME_DATE_BONUS if close else 0.0
        margin = SAME_DOCUMENT_MARGIN if a.document_id == b.document_id else 0.0
        return score if score >= MERGE_SCORE + margin else None
    actors = _actor_similarity(a, b, weights)
    score = ACTOR_WEIGHT * actors + (1 - ACTOR_WEIGHT) * text
    return score if actors >= DISAGREE_ACTOR_SIM else None


def _close_dates(a: Report, b: Report) -> bool:
    """One date inside the other, both no wider than ``SAME_DATE_MAX_DAYS``."""
    if not (a.dated and b.dated) or max(a.hi - a.lo, b.hi - b.lo) >= SAME_DATE_MAX_DAYS:
        return False
    return (a.lo <= b.lo and b.hi <= a.hi) or (b.lo <= a.lo and a.hi <= b.hi)


def _cannot_link(a: Report, b: Report) -> bool:
    if _compatible(a, b):
        return False
    if a.document_id == b.document_id:  # an article's two dates are two happenings
        return True
    return text_similarity(a.words, b.words) < CANNOT_LINK_TEXT_SIM


def _event(reports: Sequence[Report]) -> Event:
    group = _agreeing_group(reports)
    start, end, precision = _agreed_interval(group)
    keys = sorted(r.key for r in reports)
    digest = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()[:12]
    actors = Counter(a for r in reports for a in set(r.actors))
    return Event(
        id="v" + digest,
        start=start,
        end=end,
        precision=precision,
        summary=_central(reports).evidence.candidate.summary,
        actors=tuple(sorted(actors, key=lambda a: (-actors[a], a))),
        evidence=tuple(r.evidence for r in sorted(reports, key=lambda r: (r.lo, r.key))),
        disagreement=len(group) < len(reports),
    )


def _agreeing_group(reports: Sequence[Report]) -> list[Report]:
    """The largest set of reports whose dates share a point (see the module docstring)."""
    best: tuple[int, int, int, int] | None = None
    chosen: list[Report] = list(reports)
    for point in sorted({r.lo for r in reports}):
        group = [r for r in reports if r.lo <= point <= r.hi]
        finest = min(r.hi - r.lo for r in group)
        rank = (len({r.outlet for r in group}), len(group), -finest, -point)
        if best is None or rank > best:
            best, chosen = rank, group
    return chosen


def _agreed_interval(group: Sequence[Report]) -> tuple[str, str, TimePrecision]:
    finest = min(group, key=lambda r: (r.hi - r.lo, r.lo, r.key))
    lo, hi = max(r.lo for r in group), min(r.hi for r in group)
    time = finest.evidence.candidate.time
    if (lo, hi) == (finest.lo, finest.hi) or not finest.dated:
        return str(time.start), str(time.end), time.precision
    return date.fromordinal(lo).isoformat(), date.fromordinal(hi).isoformat(), time.precision


def _central(reports: Sequence[Report]) -> Report:
    """The report with the most word overlap with the others; ties to the finest date."""

    def rank(r: Report) -> tuple[float, int, str]:
        overlap = sum(text_similarity(r.words, o.words) for o in reports if o is not r)
        return (-overlap, r.hi - r.lo, r.key)

    return min(reports, key=rank)
