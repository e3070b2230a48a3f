"""Stage 9's embedding cache: one float32 vector per (model, sentence text), kept across builds.

The key is a hash of the model id and the text, so a changed model never reuses old vectors.
Vectors are deterministic (``dossier.embed``), so a cached vector equals a fresh one and a
rebuild gives the same groups whether or not the cache was warm.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from dossier.embed import DIMENSION, MODEL_ID, Embedder, Vectors

if TYPE_CHECKING:
    from dossier.corroboration.grouping import Embed
    from dossier.store.db import Store


def _key(text: str) -> str:
    return hashlib.sha1(f"{MODEL_ID}\x1f{text}".encode()).hexdigest()


def cached_embed(store: Store, embedder: Embedder) -> Embed:
    """An ``embed`` function that reads stored vectors and embeds and stores only new texts."""

    def embed(texts: Sequence[str]) -> Vectors:
        keys = [_key(t) for t in texts]
        found = _load(store, sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        if missing:
            fresh = embedder.embed([t for _, t in missing])
            store_vectors(store, [t for _, t in missing], fresh)
            found.update((k, fresh[n]) for n, (k, _) in enumerate(missing))
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for n, key in enumerate(keys):
            out[n] = found[key]
        return out

    return embed


def missing_texts(store: Store, texts: Sequence[str]) -> list[str]:
    """The distinct texts that have no stored vector yet, in first-seen order."""
    by_key: dict[str, str] = {}
    for text in texts:
        by_key.setdefault(_key(text), text)
    stored = _stored_keys(store, sorted(by_key))
    return [t for k, t in by_key.items() if k not in stored]


def store_vectors(store: Store, texts: Sequence[str], vectors: Vectors) -> None:
    """Store each text's vector unless it is stored already (a text may be embedded twice)."""
    keys = [_key(t) for t in texts]
    stored = _stored_keys(store, sorted(set(keys)))
    rows: dict[str, bytes] = {}
    for key, vector in zip(keys, vectors, strict=True):
        if key not in stored:
            rows.setdefault(key, vector.tobytes())
    store.insert_rows("sentence_vectors", ["key", "vector"], sorted(rows.items()))


def _stored_keys(store: Store, keys: Sequence[str]) -> set[str]:
    return {str(row[0]) for row in _select(store, keys, "v.key")}


def _load(store: Store, keys: Sequence[str]) -> dict[str, Vectors]:
    rows = _select(store, keys, "v.key, v.vector")
    return {str(k): np.frombuffer(v, dtype=np.float32) for k, v in rows}


def _select(store: Store, keys: Sequence[str], columns: str) -> list[tuple[Any, ...]]:
    """``columns`` of the stored vectors whose key is in ``keys``, each key once."""
    if not keys:
        return []
    store.insert_rows("tmp_vector_keys", ["key"], [(k,) for k in keys], temp=True)
    rows = store.con.execute(
        f"SELECT DISTINCT {columns} FROM sentence_vectors v JOIN tmp_vector_keys k ON v.key = k.key"
    ).fetchall()
    store.con.execute("DROP TABLE tmp_vector_keys")
    return rows
