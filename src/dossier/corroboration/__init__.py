"""Stage 9, corroboration: group claims across outlets, count independent outlets, find conflicts.

1. Near-duplicate documents (syndicated copies) are found by MinHash (``minhash``).
2. Claims are blocked by shared actors and years, scored pairwise on embeddings, wording, dates
   and actors, and clustered by average linkage (``grouping``).
3. Each group counts its independent outlets: only outlets whose report is tied to another
   outlet's by a pair scoring ``CORROBORATE_SCORE``; a copy counts with its original, and
   outlets citing the same upstream source (the same named person or medium) count once.
4. Linked pairs are compared slot by slot for disagreements (``conflicts``).

A group is *conflicting* when a slot disagrees, *corroborated* when at least two independent
outlets report it, and *single-source* otherwise.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from dossier.corroboration.blocking import EventIndex
from dossier.corroboration.conflicts import Value, pair_conflicts
from dossier.corroboration.dates import (
    TimeIndex,
    also_dated_alike,
    claim_time,
    day_dates,
    other_times,
)
from dossier.corroboration.grouping import STRONG_LEXICAL, Embed, Scorer, link, make_scorer
from dossier.corroboration.items import several_items
from dossier.corroboration.minhash import find_copies
from dossier.corroboration.records import (
    ClaimGroup,
    ClaimRef,
    ClusterIndex,
    Conflict,
    ConflictSlot,
    GroupStatus,
)
from dossier.corroboration.summary import shown
from dossier.model import AttributionType, TimeExpr
from dossier.resolve.unionfind import UnionFind

log = logging.getLogger(__name__)

__all__ = ["ClaimGroup", "ClaimRef", "Conflict", "ConflictSlot", "GroupStatus", "group_claims"]

# Date, number and place conflicts are only read off near paraphrases, in wording or in meaning:
# looser pairs may be two different happenings with different dates. Quotes carry their own
# speaker and wording checks.
CONFLICT_LEXICAL = STRONG_LEXICAL
CONFLICT_COSINE = 0.7
# A group is corroborated by the outlets whose reports are tied to another outlet's by a pair
# scoring this much (near paraphrases in meaning, wording or date); average linkage may also
# gather looser neighbours into the group, which are shown but do not corroborate. On 30
# hand-judged groups of an unannotated pile, 10 to 12 report one fact at 0.7, 5 to 7 without.
CORROBORATE_SCORE = 0.7
# Longest group summary, in characters.
SUMMARY_MAX_CHARS = 240
# Attributions naming an upstream source that several outlets may pass on.
_UPSTREAM = {AttributionType.NAMED, AttributionType.MEDIA, AttributionType.SUBJECT}


def group_claims(
    claims: Sequence[ClaimRef],
    texts: Mapping[str, str],
    time_of: TimeIndex,
    embed: Embed,
    events: EventIndex | None = None,
) -> list[ClaimGroup]:
    """Every claim in exactly one group; groups and their ids do not depend on input order.

    ``embed`` maps sentences to unit vectors (``dossier.embed``, or a cache in front of it);
    ``events`` maps a sentence to the stage-8 event several articles report it as.
    """
    with _cycle_collector_paused():
        return _group_claims(claims, texts, time_of, embed, events)


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """The stage makes millions of small objects that hold no reference cycles (pair tuples,
    score dicts); reference counting frees them, but the cyclic collector would walk them again
    at every full collection. Paused, the bench's stage time at 4x the claims fell by 10 %
    (5 % at 1x)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _group_claims(
    claims: Sequence[ClaimRef],
    texts: Mapping[str, str],
    time_of: TimeIndex,
    embed: Embed,
    events: EventIndex | None,
) -> list[ClaimGroup]:
    refs = sorted(
        claims,
        key=lambda r: (r.document_id, r.claim.sentence.start, r.claim.sentence.end, r.claim.id),
    )
    documents = {r.document_id for r in refs}
    copies = find_copies({d: t for d, t in texts.items() if d in documents})
    scorer = make_scorer(refs, texts, time_of, embed, events)
    components, linked = link(refs, scorer)
    where = ClusterIndex.of(refs, components)
    found = _several_days(
        _conflicts(refs, linked, scorer, texts, time_of), refs, components, where, time_of
    )
    found = several_items(found, refs, components, where, texts)
    vouched = _vouched(refs, linked)
    groups = [
        _group([refs[i] for i in members], copies, found, _central(members, scorer, texts), vouched)
        for members in components
    ]
    log.info("%d claims, %d copies, %d groups", len(refs), len(copies), len(groups))
    return sorted(groups, key=lambda g: g.id)


def _conflicts(
    refs: Sequence[ClaimRef], linked: Mapping[tuple[int, int], float], scorer: Scorer, texts: Mapping[str, str],
    time_of: TimeIndex,
) -> dict[str, list[tuple[str, Value, Value]]]:  # fmt: skip
    """Disagreements of each linked pair, keyed by the claim id of the pair's first claim.

    Compared are the pairs that scored (a pair left unscored, or scoring 0 on a content cosine
    under ``MIN_CONTENT_COSINE``, tells two acts) and that are worded differently: two claims
    worded alike cannot disagree on a slot (the same date words, numbers, places, quote and
    titles). A large group's pairs grow with the square of its size; most are neither. Two
    claims of one article are near paraphrases only when both their wording and their
    meaning are close: an article that gives one fact twice words it alike, and one whose
    sentences only mean alike gives parts of a whole ("Twelve people were killed ... in Bener
    Meriah district" / "In neighbouring Central Aceh district, 10 people were killed")."""
    found: dict[str, list[tuple[str, Value, Value]]] = defaultdict(list)
    others = other_times([refs[k] for k in sorted({k for pair in linked for k in pair})], time_of)
    for (i, j), score in linked.items():
        if not score or refs[i].claim.text == refs[j].claim.text:
            continue
        worded_alike = scorer.lexical(i, j) >= CONFLICT_LEXICAL
        if refs[i].document_id == refs[j].document_id:  # an article restating a fact words it alike
            close = worded_alike and scorer.cosine(i, j) >= CONFLICT_COSINE
        else:
            close = (
                worded_alike or scorer.cosine(i, j) >= CONFLICT_COSINE or scorer.same_event(i, j)
            )
        try:
            slots = pair_conflicts(refs[i], refs[j], texts, time_of, close, others)
        except Exception:  # a rule's bug loses one pair's conflicts, not the dossier
            log.exception("conflict rules crashed on %s / %s", refs[i].claim.id, refs[j].claim.id)
            continue
        found[refs[i].claim.id].extend(slots)
    return found


def _several_days(
    found: Mapping[str, list[tuple[str, Value, Value]]], refs: Sequence[ClaimRef],
    clusters: Sequence[Sequence[int]], where: ClusterIndex, time_of: TimeIndex,
) -> dict[str, list[tuple[str, Value, Value]]]:  # fmt: skip
    """``found`` without the date conflicts of two claims one of whose articles reports the
    act on the other's date too (``dates.also_dated_alike``): an act of several days. Each
    cluster's dates are read once, when one of its pairs disagrees on a date."""
    days: dict[int, dict[str, list[tuple[int, TimeExpr]]]] = {}

    def kept(slot: str, a: Value, b: Value) -> bool:
        if slot != ConflictSlot.DATE:
            return True
        i, j = where.position[a[1]], where.position[b[1]]
        n = where.cluster[i]
        if n not in days:
            days[n] = day_dates(refs, clusters[n], time_of)
        dated = days[n]
        for k, other in ((i, j), (j, i)):
            date = claim_time(refs[other], time_of)
            mine = dated.get(refs[k].document_id, [])
            if date is not None and also_dated_alike(mine, (i, j), date):
                return False
        return True

    return {claim: [c for c in pairs if kept(*c)] for claim, pairs in found.items()}


def _vouched(refs: Sequence[ClaimRef], linked: Mapping[tuple[int, int], float]) -> frozenset[str]:
    """Claims tied to another outlet's claim by a pair scoring ``CORROBORATE_SCORE``."""
    found: set[str] = set()
    for (i, j), score in linked.items():
        if refs[i].outlet != refs[j].outlet and score >= CORROBORATE_SCORE:
            found.update((refs[i].claim.id, refs[j].claim.id))
    return frozenset(found)


def _central(members: Sequence[int], scorer: Scorer, documents: Mapping[str, str]) -> str:
    """The text of the member most like the others (highest summed cosine), the group's
    summary: a mixed group's shortest sentence is often its least typical one. A clause cut off
    its sentence ("and killing 140.", lower case first) gives way to any member that opens one.
    Ties go to the shorter text. Shown with the names its clause borrows (``shown``)."""
    if len(members) == 1:
        return shown(scorer.refs[members[0]], documents)
    vectors = scorer.vectors[list(members)]
    likeness = (vectors @ vectors.T).sum(axis=1)
    texts = [scorer.refs[i].claim.text for i in members]
    best = max(
        range(len(members)),
        key=lambda k: (
            not texts[k][:1].islower(),
            round(float(likeness[k]), 6),
            -len(texts[k]),
            texts[k],
        ),
    )
    return shown(scorer.refs[members[best]], documents)


def _group(
    members: list[ClaimRef],
    copies: Mapping[str, str],
    found: Mapping[str, list[tuple[str, Value, Value]]],
    summary: str,
    vouched: frozenset[str],
) -> ClaimGroup:
    members.sort(key=lambda r: (r.document_id, r.claim.sentence.start, r.claim.id))
    documents = {r.document_id for r in members}
    copy_pairs = tuple(sorted((d, copies[d]) for d in documents if copies.get(d) in documents))
    strong = [r for r in members if r.claim.id in vouched]
    independent, shared = _independence(strong, copy_pairs) if strong else (1, ())
    conflicts = _merge_conflicts([c for r in members for c in found.get(r.claim.id, [])])
    if conflicts:
        status = GroupStatus.CONFLICTING
    else:
        status = GroupStatus.CORROBORATED if independent >= 2 else GroupStatus.SINGLE_SOURCE
    ids = sorted(r.claim.id for r in members)
    return ClaimGroup(
        id="g" + hashlib.sha256("\x1f".join(ids).encode()).hexdigest()[:12],
        claims=tuple(members),
        status=str(status),
        outlets=tuple(sorted({r.outlet for r in members})),
        independent_outlets=independent,
        copies=copy_pairs,
        shared_sources=shared,
        conflicts=conflicts,
        summary=summary[:SUMMARY_MAX_CHARS],
    )


def _independence(
    members: Sequence[ClaimRef], copy_pairs: Sequence[tuple[str, str]]
) -> tuple[int, tuple[str, ...]]:
    """Outlets left after joining copies and outlets citing one upstream source; those sources."""
    outlet_of = {r.document_id: r.outlet for r in members}
    outlets: UnionFind[str, None] = UnionFind()
    for r in members:
        outlets.add(r.outlet)
    for copy, original in copy_pairs:
        if copy in outlet_of and original in outlet_of:
            outlets.union(outlet_of[copy], outlet_of[original])
    by_source: dict[str, tuple[str, set[str]]] = {}
    for r in members:
        a = r.claim.attribution
        if a.type in _UPSTREAM and a.source:
            key = " ".join(a.source.casefold().removeprefix("the ").split())
            by_source.setdefault(key, (a.source, set()))[1].add(r.outlet)
    shared = []
    for name, citing in by_source.values():
        if len({outlets.find(o) for o in citing}) > 1:
            shared.append(name)
            first, *rest = sorted(citing)
            for other in rest:
                outlets.union(first, other)
    return len(outlets.groups()), tuple(sorted(shared))


def _merge_conflicts(pairs: Sequence[tuple[str, Value, Value]]) -> tuple[Conflict, ...]:
    """One conflict per slot, listing each claim's value once."""
    by_slot: dict[str, dict[str, Value]] = defaultdict(dict)
    for slot, a, b in pairs:
        by_slot[slot].setdefault(a[1], a)
        by_slot[slot].setdefault(b[1], b)
    return tuple(Conflict(slot, tuple(sorted(v.values()))) for slot, v in sorted(by_slot.items()))
