"""User judgements on actors (merge, split, rename): stored, then applied by re-resolving."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dossier.corroboration.stage import run_corroboration
from dossier.errors import ConfigError
from dossier.resolve import name_key
from dossier.resolve.stage import ResolveStats, run_resolve
from dossier.resolve.types import Judgement, JudgementKind
from dossier.store import open_store
from dossier.store import queries as q
from dossier.store.actors import add_judgement
from dossier.timeline.stage import run_timeline


def find_actors(actors: Sequence[dict[str, Any]], query: str) -> list[dict[str, Any]]:
    """Actors whose id, name or any alias matches ``query`` (folded), best first."""
    key = name_key(query)
    exact = [a for a in actors if a["id"] == query or name_key(a["name"]) == key]
    if exact:
        return exact
    return [a for a in actors if any(name_key(alias) == key for alias in a["aliases"])]


def judge(db: str | Path, kind: JudgementKind, subject: str, obj: str) -> ResolveStats:
    """Record one judgement and rebuild the actors so it takes effect."""
    store = open_store(db)
    try:
        actors = q.actors(store)
        _require(actors, subject)
        if kind is JudgementKind.MERGE:
            _require(actors, obj)
        if kind is JudgementKind.SPLIT:
            [actor] = find_actors(actors, subject)[:1]
            if not any(name_key(alias) == name_key(obj) for alias in actor["aliases"]):
                raise ConfigError(
                    f"{actor['name']!r} has no form {obj!r}; see `dossier entities {subject!r}`"
                )
        add_judgement(store, Judgement(kind, subject, obj))
        stats = run_resolve(store)
        run_timeline(store)  # events and claim groups name actors by id
        run_corroboration(store)
        return stats
    finally:
        store.close()


def _require(actors: Sequence[dict[str, Any]], name: str) -> None:
    if not find_actors(actors, name):
        raise ConfigError(f"no actor named {name!r}; `dossier entities` lists them")
