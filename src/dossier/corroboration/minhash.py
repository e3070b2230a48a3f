"""Near-duplicate documents (syndicated copies) by MinHash over word shingles, with LSH banding.

Each document becomes the set of its word 5-shingles; ``NUM_PERMUTATIONS`` universal hashes
``(a * x + b) mod p`` give its MinHash signature, whose agreement rate estimates the Jaccard
similarity of two shingle sets. LSH banding proposes candidate pairs (documents that agree on
every row of at least one band), so the cost grows with the number of documents, not its square;
a candidate is a copy when its estimated Jaccard is at least ``COPY_JACCARD``.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from dossier.resolve.unionfind import UnionFind

# Word 5-shingles: long enough that two independent reports of one event rarely share many.
SHINGLE_WORDS = 5
# 128 hashes estimate a Jaccard of 0.8 within about ±0.07 (one standard error ≈ 0.035).
NUM_PERMUTATIONS = 128
# 16 bands of 8 rows: pairs above a Jaccard of about (1/16)^(1/8) ≈ 0.71 become candidates.
BANDS = 16
# Estimated Jaccard from which two documents count as one (a syndicated or lightly edited copy).
COPY_JACCARD = 0.8
_PRIME = (1 << 31) - 1  # a Mersenne prime: products of two values below it fit in int64
_WORD = re.compile(r"\w+")

Signature = npt.NDArray[np.int64]


def _coefficients() -> tuple[Signature, Signature]:
    seeds = [
        hashlib.blake2b(f"minhash-{i}".encode(), digest_size=8).digest()
        for i in range(2 * NUM_PERMUTATIONS)
    ]
    values = np.array([int.from_bytes(s, "big") % (_PRIME - 1) + 1 for s in seeds], dtype=np.int64)
    return values[:NUM_PERMUTATIONS], values[NUM_PERMUTATIONS:]


_A, _B = _coefficients()


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> Signature | None:
    """The MinHash signature of the text's shingles; None for an empty text."""
    found = shingles(text)
    if not found:
        return None
    hashed = [
        int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "big") for s in found
    ]
    x = np.array(hashed, dtype=np.int64) % _PRIME
    values = (np.outer(x, _A) + _B) % _PRIME
    result: Signature = values.min(axis=0)
    return result


def estimate_jaccard(a: Signature, b: Signature) -> float:
    return float(np.mean(a == b))


def find_copies(texts: Mapping[str, str]) -> dict[str, str]:
    """Each copied document mapped to its original: the longest text of its cluster of copies."""
    signatures = {doc: sig for doc, text in texts.items() if (sig := signature(text)) is not None}
    sets: UnionFind[str, None] = UnionFind()
    for doc in sorted(signatures):
        sets.add(doc)
    for a, b in sorted(_candidates(signatures)):
        if estimate_jaccard(signatures[a], signatures[b]) >= COPY_JACCARD:
            sets.union(a, b)
    copies = {}
    for members in sets.groups().values():
        original = min(members, key=lambda d: (-len(texts[d]), d))
        copies.update({d: original for d in members if d != original})
    return copies


def _candidates(signatures: Mapping[str, Signature]) -> set[tuple[str, str]]:
    rows = NUM_PERMUTATIONS // BANDS
    pairs: set[tuple[str, str]] = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[str]] = defaultdict(list)
        for doc, sig in signatures.items():
            buckets[sig[band * rows : (band + 1) * rows].tobytes()].append(doc)
        for docs in buckets.values():
            docs.sort()
            pairs.update((a, b) for i, a in enumerate(docs) for b in docs[i + 1 :])
    return pairs
