"""Sentence embeddings, average-linkage clustering and the stored vector cache."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.corroboration.clustering import average_link
from dossier.embed import DIMENSION, Item, Vectors, shared_embedder
from dossier.store import open_store
from dossier.store.vectors import cached_embed

SENTENCES = [
    "Iran gave American officials a map of Taliban bases in Afghanistan.",
    "Tehran handed U.S. diplomats the locations of Taliban camps.",
    "The city council approved a new budget for school buses.",
    "Heavy rain flooded the northern suburbs on Tuesday night.",
]


def test_embed_unit_vectors_one_row_per_text() -> None:
    vectors = shared_embedder().embed(SENTENCES)
    assert vectors.shape == (len(SENTENCES), DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert shared_embedder().embed([]).shape == (0, DIMENSION)


def test_embed_paraphrase_closer_than_unrelated_sentences() -> None:
    v = shared_embedder().embed(SENTENCES)
    paraphrase = float(v[0] @ v[1])
    assert paraphrase > 0.5
    assert all(paraphrase > float(v[0] @ v[k]) + 0.3 for k in (2, 3))


def test_embed_vector_does_not_depend_on_its_batch() -> None:
    alone = shared_embedder().embed([SENTENCES[0]])[0]
    others = [s + " " + s for s in SENTENCES[1:]] + [SENTENCES[0]]
    mixed = shared_embedder().embed(others * 3)
    assert np.array_equal(alone, mixed[len(SENTENCES) - 1])
    assert np.array_equal(alone, mixed[-1])


def test_average_link_does_not_chain_loose_resemblances() -> None:
    # a~b and b~c are strong, a~c is not: single link would join all three
    scores = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.0, (3, 4): 0.7}
    assert average_link(5, scores, 0.6) == [[0, 1], [2], [3, 4]]
    assert average_link(3, {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7}, 0.6) == [[0, 1, 2]]


def test_average_link_unscored_pairs_count_as_zero() -> None:
    # 0-1 and 2-3 are tight, but only one cross pair was scored: the mean over four is 0.225
    scores = {(0, 1): 0.95, (2, 3): 0.95, (1, 2): 0.9}
    assert average_link(4, scores, 0.6) == [[0, 1], [2, 3]]


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 12), seed=st.integers(0, 10_000), threshold=st.floats(0.1, 0.9))
def test_average_link_partition_with_every_cluster_above_threshold(
    n: int, seed: int, threshold: float
) -> None:
    rng = random.Random(seed)
    scores = {
        (i, j): rng.random() for i, j in itertools.combinations(range(n), 2) if rng.random() < 0.6
    }
    clusters = average_link(n, scores, threshold)
    assert sorted(i for c in clusters for i in c) == list(range(n))
    for c in clusters:  # each merge kept the mean at the threshold, so the whole cluster does too
        pairs = list(itertools.combinations(c, 2))
        if pairs:
            assert sum(scores.get(p, 0.0) for p in pairs) / len(pairs) >= threshold - 1e-9
    singles = [c[0] for c in clusters if len(c) == 1]
    for pair in itertools.combinations(singles, 2):  # two singletons above it would have merged
        assert scores.get(pair, 0.0) < threshold


class _Counting:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def embed_pairs(self, items: Sequence[Item]) -> tuple[Vectors, Vectors]:
        self.texts.extend(text for text, _ in items)
        return shared_embedder().embed_pairs(items)


def test_vector_cache_embeds_each_text_once_and_returns_identical_vectors(tmp_path: Path) -> None:
    counting = _Counting()
    items = [(s, ((0, 4),)) for s in SENTENCES]
    store = open_store(tmp_path / "d.duckdb")
    try:
        embed = cached_embed(store, counting)  # type: ignore[arg-type]
        first, first_content = embed(items + items[:1])
        assert sorted(counting.texts) == sorted(SENTENCES)  # the repeat is embedded once
        again, again_content = cached_embed(store, counting)(items[::-1])  # type: ignore[arg-type]
        assert len(counting.texts) == len(SENTENCES)  # all from the store
        assert np.array_equal(again[::-1], first[: len(SENTENCES)])
        assert np.array_equal(again_content[::-1], first_content[: len(SENTENCES)])
        assert np.array_equal(first[-1], first[0])
        # Other cuts of a stored text are a new content vector, not the stored one.
        _, other = cached_embed(store, counting)([(SENTENCES[0], ((5, 9),))])  # type: ignore[arg-type]
        assert counting.texts[-1] == SENTENCES[0]
        assert not np.array_equal(other[0], first_content[0])
    finally:
        store.close()


def test_content_vector_pools_only_the_pieces_outside_the_cuts() -> None:
    text = "Iran gave American officials a map of Taliban bases in Afghanistan."
    cut = text.index("Iran"), text.index("Iran") + len("Iran")
    (whole, uncut), (_, content) = (
        shared_embedder().embed_pairs([(text, c)]) for c in ((), (cut,))
    )
    assert np.array_equal(whole, uncut)  # no cuts: the content vector is the text's own
    assert np.array_equal(whole, shared_embedder().embed([text]))
    assert np.allclose(np.linalg.norm(content, axis=1), 1.0, atol=1e-5)
    assert 0.8 < float(whole[0] @ content[0]) < 0.9999  # close, but without "Iran"
