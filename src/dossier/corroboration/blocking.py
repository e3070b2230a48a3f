"""Blocking for claim grouping: which pairs of claims are worth scoring at all.

Claims sharing a resolved actor id (or, without ids, an actor's surface form), dated within
the same year, sharing one of their ``WORD_KEYS`` rarest words that another claim also has
(and at most ``WORD_BLOCK_MAX`` claims have), or
whose sentences stage 8 merged into one event reported by several articles, form a block.
A block larger than ``MAX_BLOCK`` is split by the claims' rarest content words, so a
ubiquitous subject does not turn the comparison into all pairs. Only pairs inside a block are
scored; two claims of one sentence are never compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dossier.corroboration.dates import TimeIndex, claim_time
from dossier.corroboration.features import content_words, counts, fold
from dossier.corroboration.records import ClaimRef
from dossier.model import TimeExpr

# A block this large is split by rare words: 200 claims are 19,900 pairs, about a tenth of a second.
MAX_BLOCK = 200
# Rarest content words per claim used as keys when a block is split.
RARE_KEYS = 3
# Rarest content words per claim that block on their own: a shared rare word ("ceasefire",
# "Tomahawk") brings together claims whose actors the parse missed or named differently. A long
# quotation holds many words one other claim shares by chance, and with 4 keys those crowded
# out the word that mattered ("shakedown" in two outlets' versions of one quote); 8 raised
# grouping F1 on all five gold sets with no conflict added there, and on ECB+ (eval/README.md,
# "Eight rare words block"; 12 and no limit did worse).
WORD_KEYS = 8
# A word in more claims than this is not rare enough to block on its own: its block's pairs
# grow with the square of its count (200 claims: 19,900 pairs), most of them scoring 0. On the
# four gold sets 10 and 20 gave the figures of 200 (5 lost a Libya pair); in the bench, 20
# makes the candidate pairs grow 3.9x at 4x the claims, where 200 made them grow 4.5x.
WORD_BLOCK_MAX = 20

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
                 _year(claim_time(r, time_of)), events.get(_sentence_key(r)))
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


def _year(time: TimeExpr | None) -> str | None:
    if time is None or not time.start or not time.end or time.start[:4] != time.end[:4]:
        return None
    return time.start[:4]


def candidate_pairs(
    refs: Sequence[ClaimRef], feats: Sequence[Features], word_weight: Mapping[str, float]
) -> list[tuple[int, int]]:
    """Sorted pairs of claim indexes in one block (module docstring), never of one sentence.

    Pairs are coded as ``a * n + b`` in numpy arrays and deduplicated in numpy (``_distinct``):
    a corpus of 10,000 articles has millions of them, too many for a set of tuples.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    claims_with = counts(f.words for f in feats)
    for i, f in enumerate(feats):
        for key in f.actors:
            blocks["a:" + key].append(i)
        if f.year:
            blocks["y:" + f.year].append(i)
        if f.event:
            blocks["e:" + f.event].append(i)
        for word in _rare_shared(f.words, claims_with)[:WORD_KEYS]:
            blocks["w:" + word].append(i)
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
    codes = _distinct(np.concatenate(chunks))
    first, second = codes // n, codes % n
    sentence_ids: dict[tuple[str, int, int], int] = {}
    sentence = np.array(
        [sentence_ids.setdefault(_sentence_key(r), len(sentence_ids)) for r in refs],
        dtype=np.int64,
    )
    keep = sentence[first] != sentence[second]
    return list(zip(first[keep].tolist(), second[keep].tolist(), strict=True))


def _distinct(codes: np.ndarray) -> np.ndarray:
    """The distinct values, sorted. ``np.unique`` hashes integers since numpy 2.3, and on 18 M
    pair codes it took 16 s where sorting and dropping repeats takes 0.2 s."""
    codes.sort()
    first = np.ones(len(codes), dtype=bool)  # the first of each run of equal codes
    first[1:] = codes[1:] != codes[:-1]
    return codes[first]


def _rare_shared(words: frozenset[str], claims_with: Mapping[str, int]) -> list[str]:
    """The claim's words that another claim has too, rarest first; a word in more than
    ``WORD_BLOCK_MAX`` claims is not rare."""
    shared = [w for w in words if 1 < claims_with.get(w, 0) <= WORD_BLOCK_MAX]
    return sorted(shared, key=lambda w: (claims_with[w], w))


def _split(
    members: list[int], feats: Sequence[Features], weight: Mapping[str, float]
) -> list[list[int]]:
    sub: dict[str, list[int]] = defaultdict(list)
    for i in members:
        rarest = sorted(feats[i].words, key=lambda w: (-weight.get(w, 1.0), w))[:RARE_KEYS]
        for word in rarest:
            sub[word].append(i)
    return [block for block in sub.values() if 1 < len(block) <= MAX_BLOCK]
