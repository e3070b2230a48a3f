"""Blocking for event merging: which pairs of reports are compared at all.

A report is filed under (actor, year) for each of its actor ids and each year its date
touches, a year block being read with the next year's so a one-year disagreement is
seen; a report dated over more than ``FINE_MAX_YEARS`` ("the late 1990s") goes under
(actor, decade) and meets every report of that actor in the decade. In a block,
reports are ordered by date and each meets its ``MAX_BLOCK_SIZE`` nearest neighbours
only, so the cost grows linearly with the number of reports.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence

from dossier.timeline.reports import Report

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


def candidate_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
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
