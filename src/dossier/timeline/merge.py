"""Merge event candidates that report the same happening, within and across articles.

Blocking, never all pairs: a report is filed under (actor, year) for each of its actor
ids and each year its date touches, a year block being read with the next year's so a
one-year disagreement is seen; a report dated over more than ``FINE_MAX_YEARS`` ("the
late 1990s") goes under (actor, decade) and meets every report of that actor in the
decade. In a block, reports are ordered by date and each meets its ``MAX_BLOCK_SIZE``
nearest neighbours only, so the cost grows linearly with the number of reports.

Two reports sharing an actor are one happening when

- their dates are compatible (the intervals overlap; "2008" contains "March 2008") and
  actor overlap (weighted by rarity) blended with word overlap of the summaries, plus
  ``SAME_DATE_BONUS`` for the very same day or month, passes ``MERGE_SCORE``, with at
  least ``MIN_TEXT_SIM`` of word overlap; or
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
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dossier.model import Event, EventEvidence, TimePrecision
from dossier.resolve.unionfind import UnionFind
from dossier.timeline.summary import content_words
from dossier.timeline.summary import word_overlap as text_similarity

log = logging.getLogger(__name__)

# A date spanning at most this many calendar years is blocked by year ("2008",
# "winter 2007-08"); wider ones ("the 1990s", "late 1990s") by decade.
FINE_MAX_YEARS = 2
# Dates wider than this ("the 20th century") say too little to merge on.
COARSE_MAX_YEARS = 20
# Neighbours each report is compared with inside a block: all pairs up to 200 reports
# (20k comparisons, well under a second); a bigger block (the subject of the corpus in
# its busiest year) is compared in a sliding window of that width, and logged.
MAX_BLOCK_SIZE = 200
# Share of the pair score that comes from shared actors; the rest is word overlap. Actors
# are the blocking key, so words must carry most of the decision.
ACTOR_WEIGHT = 0.4
# Score a pair with compatible dates needs: two reports naming only the same actor
# (actor overlap 1.0) need word overlap ~0.17, e.g. one shared content word of four.
MERGE_SCORE = 0.5
# Word overlap any merge needs: the same actor in the same year is not enough.
MIN_TEXT_SIM = 0.15
# Two reports giving the very same date no wider than a month ("February 2012" twice)
# agree on something specific: this is added to their score. It lets one shared word
# ("four Iranian jets carried munitions" / "officials detected four Iranian jets") do.
SAME_DATE_BONUS = 0.15
SAME_DATE_MAX_DAYS = 31
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
    for a, b in _candidate_pairs(reports):
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


@dataclass(frozen=True, slots=True)
class Report:
    """One piece of evidence with what merging compares: date ordinals, actors, words."""

    key: str  # "document:start:end" of the sentence
    evidence: EventEvidence
    document_id: str
    outlet: str
    lo: int  # date.toordinal() of the interval's first and last day
    hi: int
    dated: bool  # False when the interval is not in YYYY-MM-DD form
    actors: tuple[str, ...]  # actor ids of the sentence's mentions, in order, repeats kept
    words: frozenset[str]  # content stems of the summary, less actor names and the date

    @property
    def years(self) -> range:
        if not self.dated:
            return range(0)
        return range(date.fromordinal(self.lo).year, date.fromordinal(self.hi).year + 1)


def build_reports(
    candidates: Sequence[EventEvidence], actor_of: Mapping[tuple[str, int, int], str]
) -> list[Report]:
    """One report per distinct sentence, ordered by key; duplicates are logged and dropped."""
    reports: dict[str, Report] = {}
    for evidence in candidates:
        report = _report(evidence, actor_of)
        if report.key in reports:
            log.warning("event candidate %s given twice; keeping one", report.key)
            continue
        reports[report.key] = report
    return [reports[k] for k in sorted(reports)]


def _report(evidence: EventEvidence, actor_of: Mapping[tuple[str, int, int], str]) -> Report:
    cand = evidence.candidate
    sentence = cand.sentence
    actors = [actor_of.get((m.document_id, m.start, m.end)) for m in cand.mentions]
    names = [
        cand.sentence_text[m.start - sentence.start : m.end - sentence.start]
        for m, actor in zip(cand.mentions, actors, strict=True)
        if actor is not None
    ]
    lo, hi = _ordinals(cand.time.start), _ordinals(cand.time.end)
    dated = lo is not None and hi is not None and lo <= hi
    if not dated:
        log.warning("event candidate %s has an unreadable date %r", cand.sentence, cand.time)
    return Report(
        key=f"{sentence.document_id}:{sentence.start}:{sentence.end}",
        evidence=evidence,
        document_id=sentence.document_id,
        outlet=evidence.outlet,
        lo=lo if dated and lo else 0,
        hi=hi if dated and hi else 0,
        dated=dated,
        actors=tuple(a for a in actors if a is not None),
        words=content_words(cand.summary, [*names, cand.time.text]),
    )


def _ordinals(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


def _actor_weights(reports: Sequence[Report]) -> dict[str, float]:
    """Inverse document frequency of each actor over the reports."""
    counts = Counter(a for r in reports for a in set(r.actors))
    total = len(reports)
    return {a: math.log(1 + total / n) for a, n in counts.items()}


def _candidate_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Each pair of report indices that share a block, once, in a fixed order."""
    seen: set[tuple[int, int]] = set()
    years, decades, coarse = _blocks(reports)
    for (actor, year), members in sorted(years.items()):
        joined = sorted(set(members) | set(years.get((actor, year + 1), ())))
        for pair in _window_pairs(reports, joined, f"{actor}/{year}"):
            if pair not in seen:
                seen.add(pair)
                yield pair
    for (actor, decade), members in sorted(decades.items()):
        if coarse.intersection(members):
            for pair in _window_pairs(reports, members, f"{actor}/{decade}s", coarse):
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _blocks(
    reports: Sequence[Report],
) -> tuple[dict[tuple[str, int], list[int]], dict[tuple[str, int], list[int]], set[int]]:
    years: dict[tuple[str, int], list[int]] = defaultdict(list)
    decades: dict[tuple[str, int], list[int]] = defaultdict(list)
    coarse: set[int] = set()
    for k, r in enumerate(reports):
        span = r.years
        if not span or len(span) > COARSE_MAX_YEARS:
            continue
        if len(span) > FINE_MAX_YEARS:
            coarse.add(k)
        for actor in set(r.actors):
            for year in span if len(span) <= FINE_MAX_YEARS else ():
                years[actor, year].append(k)
            for decade in range(span[0] // 10 * 10, span[-1] + 1, 10):
                decades[actor, decade].append(k)
    return years, decades, coarse


def _window_pairs(
    reports: Sequence[Report], members: Sequence[int], name: str, anchors: set[int] | None = None
) -> Iterator[tuple[int, int]]:
    """Pairs within ``MAX_BLOCK_SIZE`` in date order; with ``anchors``, only theirs."""
    if len(members) > MAX_BLOCK_SIZE:
        log.warning("event block %s has %d reports; comparing neighbours only", name, len(members))
    ordered = sorted(set(members), key=lambda k: (reports[k].lo + reports[k].hi, k))
    half = MAX_BLOCK_SIZE // 2
    for i, a in enumerate(ordered):
        if anchors is None:
            partners = ordered[i + 1 : i + 1 + MAX_BLOCK_SIZE]
        elif a in anchors:
            partners = [b for b in ordered[max(i - half, 0) : i + half + 1] if b != a]
        else:
            continue
        for b in partners:
            yield min(a, b), max(a, b)


def _compatible(a: Report, b: Report) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def _actor_similarity(a: Report, b: Report, weights: Mapping[str, float]) -> float:
    left, right = set(a.actors), set(b.actors)
    union = sum(weights[x] for x in left | right)
    return sum(weights[x] for x in left & right) / union if union else 0.0


def _link_score(a: Report, b: Report, weights: Mapping[str, float]) -> float | None:
    """The pair's score when it is one happening, else None (word overlap checked first)."""
    compatible = _compatible(a, b)
    text = text_similarity(a.words, b.words)
    if text < (MIN_TEXT_SIM if compatible else DISAGREE_TEXT_SIM):
        return None
    if not compatible and a.document_id == b.document_id:
        return None
    actors = _actor_similarity(a, b, weights)
    score = ACTOR_WEIGHT * actors + (1 - ACTOR_WEIGHT) * text
    if compatible:
        same = (a.lo, a.hi) == (b.lo, b.hi) and a.hi - a.lo < SAME_DATE_MAX_DAYS
        score += SAME_DATE_BONUS if same else 0.0
        return score if score >= MERGE_SCORE else None
    return score if actors >= DISAGREE_ACTOR_SIM else None


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
