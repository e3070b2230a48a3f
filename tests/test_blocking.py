"""Blocking for claim grouping (which claim pairs are scored at all), and the stage's cost."""

from __future__ import annotations

import gc
from types import SimpleNamespace
from typing import Any

import numpy as np

from dossier.corroboration import group_claims
from dossier.corroboration.blocking import (
    WORD_BLOCK_MAX,
    WORD_KEYS,
    Features,
    _distinct,
    candidate_pairs,
)
from dossier.embed import DIMENSION


def _ref(document: str, start: int) -> Any:
    """What blocking reads of a claim: its document and its sentence's offsets."""
    sentence = SimpleNamespace(start=start, end=start + 10)
    return SimpleNamespace(document_id=document, claim=SimpleNamespace(sentence=sentence))


def _features(*words: str) -> Features:
    return Features(frozenset(words), frozenset(), (), None, None)


def test_distinct_sorts_and_drops_repeats() -> None:
    assert _distinct(np.array([5, 1, 5, 3, 1], dtype=np.int64)).tolist() == [1, 3, 5]
    assert _distinct(np.array([], dtype=np.int64)).tolist() == []


def test_shared_rare_word_blocks_two_claims() -> None:
    refs = [_ref("a", 0), _ref("b", 0), _ref("c", 0)]
    feats = [_features("ceasefire", "talks"), _features("ceasefire"), _features("harvest")]
    assert candidate_pairs(refs, feats, {}) == [(0, 1)]


def test_a_claim_blocks_on_its_rarest_shared_words_only() -> None:
    """Claim 0 shares ``WORD_KEYS`` words with one claim each and a commoner word with two: it
    is paired with the first ones, not through the commoner word (whose two other claims,
    having no rarer word, still pair with each other)."""
    rare = [f"rare{k}" for k in range(WORD_KEYS)]
    feats = [_features(*rare, "common")]
    feats += [_features(word) for word in rare] + [_features("common"), _features("common")]
    refs = [_ref(f"d{i}", 0) for i in range(len(feats))]
    pairs = candidate_pairs(refs, feats, {})
    assert pairs == [(0, k + 1) for k in range(WORD_KEYS)] + [(WORD_KEYS + 1, WORD_KEYS + 2)]


def test_word_in_more_claims_than_the_cap_blocks_no_pair() -> None:
    n = WORD_BLOCK_MAX + 1
    refs = [_ref(f"d{i}", 0) for i in range(n)]
    assert candidate_pairs(refs, [_features("statement") for _ in range(n)], {}) == []
    fewer = refs[:WORD_BLOCK_MAX]
    pairs = candidate_pairs(fewer, [_features("statement") for _ in fewer], {})
    assert len(pairs) == WORD_BLOCK_MAX * (WORD_BLOCK_MAX - 1) // 2


def test_claims_of_one_sentence_are_never_paired() -> None:
    refs = [_ref("a", 0), _ref("a", 0), _ref("a", 20)]
    feats = [_features("ceasefire") for _ in refs]
    assert candidate_pairs(refs, feats, {}) == [(0, 2), (1, 2)]


def test_group_claims_pauses_the_cycle_collector_and_restores_it() -> None:
    seen: list[bool] = []

    def embed(items: Any) -> tuple[np.ndarray, np.ndarray]:
        seen.append(gc.isenabled())
        rows = np.zeros((len(items), DIMENSION), dtype=np.float32)
        return rows, rows

    assert gc.isenabled()
    assert group_claims([], {}, {}, embed) == []
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        group_claims([], {}, {}, embed)
        assert not gc.isenabled()
    finally:
        gc.enable()
