"""Average-linkage clustering over sparse pair scores.

Single-link (union-find over every pair above a threshold) chains: A resembles B, B resembles
C, and A and C end up together though they report different things. Average linkage merges
two clusters only while the mean score over *all* their cross pairs stays at the threshold,
and a pair that was never scored (it shared no block) counts as 0. Clusters are merged best
first with a heap, so the cost follows the number of scored pairs, not all pairs; only pairs
inside one component of the pairs at the threshold are summed (``_components``).

Before clustering, ``best_matches`` keeps, across two articles, only pairs that are one of
their items' best matches in the other article.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from dossier.resolve.unionfind import UnionFind

# Across two articles, a pair scoring this close to one of its items' best match in the other
# article counts as that item's match too (``best_matches``).
BEST_MATCH_MARGIN = 0.1


def average_link(
    n: int, scores: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Clusters of ``range(n)``, each sorted; a pair's score is keyed by ``(min, max)``.

    Deterministic: ties merge the pair of clusters with the smallest ids first.
    """
    size = [1] * n
    alive = [True] * n
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # total[a][b]: sum of the scores of the pairs across clusters a and b (missing pairs add 0)
    total: dict[int, dict[int, float]] = defaultdict(dict)
    component = _components(n, scores, threshold)
    for (i, j), score in scores.items():
        if i == j or component[i] != component[j] or component[i] < 0:
            continue
        total[i][j] = total[i].get(j, 0.0) + score
        total[j][i] = total[j].get(i, 0.0) + score
    heap = [(-s, i, j) for (i, j), s in scores.items() if i < j and s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        mean = total[a].get(b, 0.0) / (size[a] * size[b])
        if abs(mean + neg) > 1e-12:  # stale: the clusters changed since this entry was pushed
            continue
        _merge(a, b, size, alive, members, total)
        for c, s in total[a].items():
            mean = s / (size[a] * size[c])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))
    return sorted(sorted(m) for i, m in members.items() if alive[i])


def _components(n: int, scores: Mapping[tuple[int, int], float], threshold: float) -> list[int]:
    """Each item's component in the graph of pairs scoring ``threshold`` or more, -1 for an item
    in none. Two clusters merge only when a pair across them reaches the threshold (a mean
    reaches it only if one of its terms does), so clusters never straddle components, and a
    pair across two components, or touching a lone item, never counts in a merge: it is left
    out of the sums. Most scored pairs of a large pile are such weak pairs."""
    sets: UnionFind[int, None] = UnionFind()
    for (i, j), score in scores.items():
        if score >= threshold and i != j:
            sets.add(i)
            sets.add(j)
            sets.union(i, j)
    return [sets.find(i) if i in sets else -1 for i in range(n)]


def _merge(
    a: int,
    b: int,
    size: list[int],
    alive: list[bool],
    members: dict[int, list[int]],
    total: dict[int, dict[int, float]],
) -> None:
    """Fold cluster ``b`` into ``a``: sizes, members and the cross sums with every neighbour."""
    alive[b] = False
    size[a] += size[b]
    members[a].extend(members.pop(b))
    for c, s in total.pop(b).items():
        if c == a:
            continue
        total[a][c] = total[a].get(c, 0.0) + s
        total[c][a] = total[a][c]
        del total[c][b]
    total[a].pop(b, None)


def best_matches(
    documents: Sequence[str], scores: Mapping[tuple[int, int], float], link_score: float
) -> dict[tuple[int, int], float]:
    """The pairs clustering may use (``documents``: each item's article): across two articles,
    a pair that may link two claims (``link_score`` less ``BEST_MATCH_MARGIN`` or more) only
    when it is, for one of its claims, that claim's best match in the other article (within
    ``BEST_MATCH_MARGIN``). An article reports a happening once or twice, so a claim that
    resembles five sentences of another article is linked to the one that reports it, and a
    topic shared loosely across many sentences ("Saturday's strikes") stops chaining them.
    Pairs inside one article, and pairs too weak to link, are kept as they are (checking only
    the others costs a tenth)."""
    floor = link_score - BEST_MATCH_MARGIN
    document: dict[str, int] = {}
    doc = [document.setdefault(d, len(document)) for d in documents]
    width = len(document)  # claim i's best score in document d is best[i * width + d]
    best: dict[int, float] = {}
    for (i, j), score in scores.items():
        if score >= floor and doc[i] != doc[j]:
            for key in (i * width + doc[j], j * width + doc[i]):
                if score > best.get(key, -math.inf):
                    best[key] = score
    return {
        (i, j): score
        for (i, j), score in scores.items()
        if score < floor
        or doc[i] == doc[j]
        or score >= best[i * width + doc[j]] - BEST_MATCH_MARGIN
        or score >= best[j * width + doc[i]] - BEST_MATCH_MARGIN
    }
