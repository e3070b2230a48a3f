"""User judgements, applied after clustering: merge, split, rename.

Subjects and objects are names or surface forms, matched by ``name_key``: first against
each actor's display name, then against its aliases.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.resolve.actors import choose_name
from dossier.resolve.names import name_key
from dossier.resolve.types import Judgement, JudgementKind, MentionRef

log = logging.getLogger(__name__)

# Surface forms whose keys are remembered while judgements are applied.
KEY_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _key(text: str) -> str:
    return name_key(text)


@dataclass(slots=True)
class Cluster:
    mentions: list[MentionRef]
    rename: str | None = None
    keys: set[str] = field(default_factory=set)  # name_key of every surface form

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.keys = {_key(m.text) for m in self.mentions}

    def named(self, key: str) -> bool:
        return name_key(self.rename or choose_name(self.mentions)) == key


def _find(clusters: list[Cluster], text: str) -> list[Cluster]:
    key = name_key(text)
    return [c for c in clusters if c.named(key)] or [c for c in clusters if key in c.keys]


def _merge(clusters: list[Cluster], subject: str, obj: str) -> None:
    found = _find(clusters, subject) + _find(clusters, obj)
    targets = list({id(c): c for c in found}.values())
    if len(targets) < 2:
        return
    keep = targets[0]
    for other in targets[1:]:
        keep.mentions.extend(other.mentions)
        keep.rename = keep.rename or other.rename
        clusters.remove(other)
    keep.refresh()


def _split(clusters: list[Cluster], subject: str, obj: str) -> None:
    key = name_key(obj)
    for cluster in _find(clusters, subject):
        moved = [m for m in cluster.mentions if _key(m.text) == key]
        if moved and len(moved) < len(cluster.mentions):
            cluster.mentions = [m for m in cluster.mentions if _key(m.text) != key]
            cluster.refresh()
            clusters.append(Cluster(moved))


def apply_judgements(clusters: list[Cluster], judgements: Sequence[Judgement]) -> None:
    """Apply ``judgements`` in order, in place; one that matches nothing is logged."""
    for j in judgements:
        if not _find(clusters, j.subject):
            log.warning("judgement %s: no actor named %r", j.kind.value, j.subject)
            continue
        if j.kind is JudgementKind.MERGE:
            _merge(clusters, j.subject, j.object)
        elif j.kind is JudgementKind.SPLIT:
            _split(clusters, j.subject, j.object)
        else:
            for cluster in _find(clusters, j.subject):
                cluster.rename = j.object
