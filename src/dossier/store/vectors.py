"""Stage 9's embedding cache: float32 vectors per (model, claim text), kept across builds.

Each claim has two vectors (``Embedder.embed_pairs``): its text's, keyed by a hash of the model
id and the text, and its content vector, keyed by the text and its cuts (no cuts: the text's
own vector). A changed model never reuses old vectors. Vectors are deterministic
(``dossier.embed``), so a cached vector equals a fresh one and a rebuild gives the same groups
whether or not the cache was warm.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from dossier.embed import DIMENSION, MODEL_ID, Embedder, Item, Vectors

if TYPE_CHECKING:
    from dossier.corroboration.grouping import Embed
    from dossier.store.db import Store


def _key(text: str) -> str:
    return hashlib.sha1(f"{MODEL_ID}\x1f{text}".encode()).hexdigest()


def _keys(item: Item) -> tuple[str, str]:
    """The item's text key and content key."""
    text, cuts = item
    cut = ",".join(f"{a}-{b}" for a, b in cuts)
    return _key(text), _key(f"{text}\x1e{cut}") if cuts else _key(text)


def cached_embed(store: Store, embedder: Embedder) -> Embed:
    """An ``embed`` function that reads stored vectors and embeds and stores only new items."""

    def embed(items: Sequence[Item]) -> tuple[Vectors, Vectors]:
        keys = [_keys(item) for item in items]
        found = _load(store, sorted({k for pair in keys for k in pair}))
        missing = _unique(i for i, pair in zip(items, keys, strict=True) if not _has(found, pair))
        if missing:
            whole, content = embedder.embed_pairs(missing)
            store_vectors(store, missing, whole, content)
            for n, (text_key, content_key) in enumerate(_keys(i) for i in missing):
                found[text_key], found[content_key] = whole[n], content[n]
        out = np.zeros((2, len(items), DIMENSION), dtype=np.float32)
        for n, (text_key, content_key) in enumerate(keys):
            out[0, n], out[1, n] = found[text_key], found[content_key]
        return out[0], out[1]

    return embed


def missing_items(store: Store, items: Sequence[Item]) -> list[Item]:
    """The distinct items with a vector not stored yet, in first-seen order."""
    items = _unique(items)
    stored = _stored_keys(store, sorted({k for item in items for k in _keys(item)}))
    return [item for item in items if not _has(stored, _keys(item))]


def store_vectors(store: Store, items: Sequence[Item], whole: Vectors, content: Vectors) -> None:
    """Store each item's two vectors unless stored already (an item may be embedded twice)."""
    rows: dict[str, bytes] = {}
    for item, w, c in zip(items, whole, content, strict=True):
        text_key, content_key = _keys(item)
        rows.setdefault(text_key, w.tobytes())
        rows.setdefault(content_key, c.tobytes())
    stored = _stored_keys(store, sorted(rows))
    new = sorted((k, v) for k, v in rows.items() if k not in stored)
    store.insert_rows("sentence_vectors", ["key", "vector"], new)


def _unique(items: Iterable[Item]) -> list[Item]:
    return list(dict.fromkeys(items))


def _has(found: Container[str], keys: tuple[str, str]) -> bool:
    return keys[0] in found and keys[1] in found


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
