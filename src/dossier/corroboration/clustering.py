"""Average-linkage clustering over sparse pair scores.

Single-link (union-find over every pair above a threshold) chains: A resembles B, B resembles
C, and A and C end up together though they report different things. Average linkage merges
two clusters only while the mean score over *all* their cross pairs stays at the threshold,
and a pair that was never scored (it shared no block) counts as 0. Clusters are merged best
first with a heap, so the cost follows the number of scored pairs, not all pairs.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping


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
    for (i, j), score in scores.items():
        if i == j:
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
