"""Union-find over form ids that refuses to join two clusters holding a cannot-link pair."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

N = TypeVar("N", bound=Hashable)
P = TypeVar("P")


class UnionFind(Generic[N, P]):
    """Disjoint sets; each root keeps the payloads that a cannot-link test is run on."""

    def __init__(self, conflict: Callable[[P, P], bool] | None = None) -> None:
        self._parent: dict[N, N] = {}
        self._payload: dict[N, list[P]] = {}
        self._conflict = conflict

    def add(self, node: N, payload: Iterable[P] = ()) -> None:
        if node not in self._parent:
            self._parent[node] = node
            self._payload[node] = list(payload)

    def __contains__(self, node: object) -> bool:
        return node in self._parent

    def find(self, node: N) -> N:
        root = node
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[node] != root:  # path compression
            self._parent[node], node = root, self._parent[node]
        return root

    def can_union(self, a: N, b: N) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self._conflict is None:
            return True
        conflict = self._conflict
        return not any(conflict(x, y) for x in self._payload[ra] for y in self._payload[rb])

    def union(self, a: N, b: N, force: bool = False) -> bool:
        """Join the sets of ``a`` and ``b``; False (and nothing done) on a cannot-link."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and not self.can_union(ra, rb):
            return False
        if len(self._payload[ra]) < len(self._payload[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._payload[ra].extend(self._payload.pop(rb))
        return True

    def groups(self) -> dict[N, list[N]]:
        found: dict[N, list[N]] = {}
        for node in self._parent:
            found.setdefault(self.find(node), []).append(node)
        return found
