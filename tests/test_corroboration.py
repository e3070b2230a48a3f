"""Stage 9, corroboration: claims from invented articles, grouped across outlets."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.corroboration import ClaimGroup, group_claims
from dossier.corroboration.clustering import BEST_MATCH_MARGIN, best_matches
from dossier.corroboration.features import weighted_overlap
from dossier.corroboration.grouping import LINK_SCORE, claim_inputs
from dossier.corroboration.minhash import find_copies
from dossier.corroboration.stage import BackgroundEmbedding
from dossier.embed import shared_embedder
from dossier.store import open_store
from dossier.store.vectors import cached_embed, missing_items
from tests.claim_corpus import FILLER, Corpus


def test_corroboration_paraphrases_from_two_outlets_corroborated(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add(
        "a",
        "Outlet A",
        "In 2001, Iran gave the United States a map of Taliban bases in Afghanistan.",
    )
    corpus.add(
        "b",
        "Outlet B",
        "In 2001, Iran provided the United States with the locations of Taliban camps.",
    )
    group = corpus.group_of("a")
    assert {r.document_id for r in group.claims} == {"a", "b"}
    assert group.status == "corroborated"
    assert group.independent_outlets == 2 and group.outlets == ("Outlet A", "Outlet B")


def test_corroboration_unrelated_claims_stay_apart(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In 2001, Iran gave the United States a map of Taliban bases.")
    corpus.add(
        "b", "Outlet B", "In 2001, Iran condemned the United States over its sanctions policy."
    )
    assert all(len(g.claims) == 1 for g in corpus.groups())


def test_corroboration_sentences_of_one_timeline_event_group_together(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In 2001, Iran gave the United States a map of Taliban bases.")
    corpus.add("b", "Outlet B", "In 2001, Iran met the United States to discuss the Taliban.")
    assert all(len(g.claims) == 1 for g in corpus.groups())
    events = {
        (r.document_id, r.claim.sentence.start, r.claim.sentence.end): "v1" for r in corpus.refs
    }
    groups = group_claims(
        corpus.refs, corpus.texts, corpus.time_of, shared_embedder().embed_pairs, events
    )
    (group,) = [g for g in groups if len(g.claims) > 1]
    assert group.outlets == ("Outlet A", "Outlet B")


def test_corroboration_near_duplicate_copy_counted_once(nlp: Any) -> None:
    corpus = Corpus(nlp)
    story = "In 2001, Iran gave the United States a map of Taliban bases in Afghanistan. " + FILLER
    corpus.add("a", "Outlet A", story)
    corpus.add("b", "Outlet B", story.replace("mild", "warm") + " Copyright Outlet B.")
    group = corpus.group_of("a")
    assert group.copies == (("a", "b"),)
    assert group.independent_outlets == 1 and group.status == "single-source"


def test_corroboration_minhash_separates_different_texts() -> None:
    other = (
        "Officials in the capital announced a new budget for roads, ports and rail lines next year."
    )
    assert find_copies({"a": FILLER, "b": FILLER + " Extra words.", "c": other}) == {"a": "b"}


def test_corroboration_shared_upstream_source_counted_once(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add(
        "a", "Outlet A", "In 2001, Iran gave the United States a map of Taliban bases.", "WikiLeaks"
    )
    corpus.add(
        "b",
        "Outlet B",
        "In 2001, Iran handed the United States a map of Taliban camps.",
        "WikiLeaks",
    )
    group = corpus.group_of("a")
    assert group.shared_sources == ("WikiLeaks",)
    assert group.independent_outlets == 1 and group.status == "single-source"


LETTER_A = (
    "In a long letter sent during the winter storms to Admiral Karl Brenner, whose frigates had "
    "been shadowing merchant convoys near the disputed reefs for weeks, Ivan Petrov wrote that "
    "he alone directs the naval policy of Norland toward Estovia, officials briefed on the "
    "correspondence said."
)
LETTER_B = (
    "Ivan Petrov told Admiral Karl Brenner that he directs the naval policy of Norland in Estovia."
)


def test_corroboration_rare_actors_link_long_reports(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", LETTER_A)
    corpus.add("b", "Outlet B", LETTER_B)
    group = corpus.group_of("a")
    assert {r.document_id for r in group.claims} == {"a", "b"}
    assert group.status == "corroborated"


def test_corroboration_rare_actors_without_shared_wording_stay_apart(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", LETTER_A)
    corpus.add(
        "b", "Outlet B", "Ivan Petrov criticised Admiral Karl Brenner over the fishing budget."
    )
    assert all(len(g.claims) == 1 for g in corpus.groups())


def test_corroboration_overlap_rules_respect_disagreeing_dates(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", LETTER_A.replace("In a long letter", "In 2009, in a long letter"))
    corpus.add("b", "Outlet B", "In 2015, " + LETTER_B)
    assert all(len(g.claims) == 1 for g in corpus.groups())


def test_corroboration_weighted_overlap_is_min_normalised() -> None:
    short, long = frozenset({"a", "b"}), frozenset({"a", "b", "c", "d", "e", "f"})
    assert weighted_overlap(short, long, {}) == 1.0
    assert weighted_overlap(short, frozenset({"c"}), {}) == 0.0


SENTENCES = (
    "In 2001, Iran gave the United States a map of Taliban bases.",
    "In 2001, Iran provided the United States with the locations of Taliban camps.",
    "In 2003, Iran gave the United States a map of Taliban bases.",
    "In 2015, Hezbollah killed 13 soldiers near Tikrit.",
    "In 2015, Hezbollah killed 30 soldiers near Tikrit.",
    "Iran condemned the United States over its sanctions policy in 2004.",
)


@pytest.fixture(scope="module")
def pool(nlp: Any) -> Corpus:
    corpus = Corpus(nlp)
    for i, sentence in enumerate(SENTENCES * 2):
        corpus.add(f"d{i}", f"Outlet {i % 3}", sentence + " " + FILLER[: 60 * (i + 1)])
    return corpus


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000), size=st.integers(0, 12))
def test_corroboration_partition_stable_under_shuffling(pool: Corpus, seed: int, size: int) -> None:
    refs = random.Random(seed).sample(pool.refs, min(size, len(pool.refs)))
    groups = group_claims(refs, pool.texts, pool.time_of, shared_embedder().embed_pairs)
    members = [r.claim.id for g in groups for r in g.claims]
    assert sorted(members) == sorted(r.claim.id for r in refs)  # every claim in exactly one group
    shuffled = list(refs)
    random.Random(seed + 1).shuffle(shuffled)
    assert _shape(
        group_claims(shuffled, pool.texts, pool.time_of, shared_embedder().embed_pairs)
    ) == _shape(groups)


def _shape(groups: Sequence[ClaimGroup]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(g.id, g.status, tuple(r.claim.id for r in g.claims)) for g in groups]


def test_background_embedding_stores_each_claim_text_once(nlp: Any, tmp_path: Path) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In 2001, Iran gave the United States a map of Taliban bases.")
    corpus.add("b", "Outlet B", "Iran has denied the charges, the foreign ministry said on Monday.")
    corpus.add("c", "Outlet C", "Russia and China, which last month vetoed a draft, oppose it.")
    claims = [r.claim for r in corpus.refs]
    # What stage 9 asks for: an aside is embedded with its antecedent's names in front, and
    # its content vector leaves out those names, its date, stop words and punctuation.
    items = sorted(set(claim_inputs(claims, corpus.texts)))
    text, cuts = next(i for i in items if i[0].startswith("Russia China which"))
    kept = "".join(c for k, c in enumerate(text) if not any(a <= k < b for a, b in cuts))
    assert kept.split() == ["vetoed", "draft"]
    store = open_store(tmp_path / "d.duckdb")
    try:
        embedding = BackgroundEmbedding()
        embedding.submit(store, claims, corpus.texts)
        embedding.submit(store, claims, corpus.texts)  # again, maybe before the first finished
        embedding.finish(store)
        (count,) = store.con.execute("SELECT count(*) FROM sentence_vectors").fetchone() or (0,)
        assert count == len(items) + sum(1 for _, cuts in items if cuts)
        assert missing_items(store, items) == []
        stored = cached_embed(store, shared_embedder())(items)
        fresh = shared_embedder().embed_pairs(items)
        assert all(np.array_equal(a, b) for a, b in zip(stored, fresh, strict=True))
    finally:
        store.close()


def test_corroboration_one_shared_word_does_not_group(nlp: Any) -> None:
    """Two short claims sharing one word (and so one predicate) are not one report: their
    wording alone does not link them, and their lexical score counts for half."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "The Norland navy was defeated.")
    corpus.add("b", "Outlet B", "Manchester United were defeated.")
    assert all(len(g.claims) == 1 for g in corpus.groups())


def test_corroboration_summary_is_the_most_typical_member() -> None:
    """A group's summary is the member most like the others, not merely the shortest."""
    from types import SimpleNamespace

    from dossier.corroboration import _central

    texts = [
        "Petrov met Brenner in Varnia.",
        "It rained.",
        "Petrov and Brenner met in Varnia on Monday.",
    ]
    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.96, 0.28]], dtype=np.float32)
    refs = [
        SimpleNamespace(document_id="d", claim=SimpleNamespace(text=t, sentence=None, actors=()))
        for t in texts
    ]
    scorer = SimpleNamespace(refs=refs, vectors=vectors)
    assert _central([0, 1, 2], scorer, {}) == texts[2]  # type: ignore[arg-type]
    assert _central([1], scorer, {}) == texts[1]  # type: ignore[arg-type]
    cut = SimpleNamespace(document_id="d", claim=SimpleNamespace(
        text="and met Brenner in Varnia on Monday.", sentence=None, actors=()))  # fmt: skip
    scorer = SimpleNamespace(refs=[*refs, cut], vectors=np.vstack([vectors, [[0.8, 0.6]]]))
    # the cut clause is the most typical member, but the summary opens a sentence
    assert _central([0, 1, 2, 3], scorer, {}) == texts[2]  # type: ignore[arg-type]


@pytest.mark.parametrize(("cosine", "status"), [(0.9, "corroborated"), (0.6, "single-source")])
def test_corroboration_needs_a_close_tie_between_outlets(
    nlp: Any, cosine: float, status: str
) -> None:
    """Two outlets' claims that group at a loose score (0.6, over the 0.55 linkage) share a
    topic more often than a fact: they are shown together but do not corroborate."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "Ivan Petrov opened the northern harbour of Varnia.")
    corpus.add("b", "Outlet B", "Ivan Petrov praised fishermen during a visit to Varnia.")
    other = np.sqrt(1 - cosine**2)

    def embed(items: Sequence[tuple[str, Any]]) -> Any:  # claim b's vectors sit `cosine` from a's
        rows = np.array([[1.0, 0.0] if "harbour" in t else [cosine, other] for t, _ in items])
        return rows.astype(np.float32), rows.astype(np.float32)

    (group,) = [g for g in group_claims(corpus.refs, corpus.texts, corpus.time_of, embed)]
    assert len(group.claims) == 2 and group.status == status


def test_best_matches_drop_a_pair_that_is_neither_claims_best_match(nlp: Any) -> None:
    """Two articles telling two happenings of one day: each claim keeps its counterpart, and
    the cross pairs, looser, are not used for clustering; pairs inside an article are kept."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "French jets fired on a tank on Saturday. Leaders met in Paris.")
    corpus.add(
        "b", "Outlet B", "French planes shot at a tank on Saturday. Leaders gathered in Paris."
    )
    refs = corpus.refs
    at = {word: next(k for k, r in enumerate(refs) if word in r.claim.text)
          for word in ("jets", "met", "planes", "gathered")}  # fmt: skip
    jets, met, planes, gathered = at["jets"], at["met"], at["planes"], at["gathered"]
    scores = {
        tuple(sorted(pair)): score
        for pair, score in [((jets, planes), 1.2), ((met, gathered), 1.0), ((jets, gathered), 0.7),
                            ((met, planes), 1.0 - BEST_MATCH_MARGIN), ((jets, met), 0.2)]
    }  # fmt: skip
    kept = best_matches([r.document_id for r in refs], scores, LINK_SCORE)  # type: ignore[arg-type]
    # (met, planes) is within the margin of "met"'s best match in B; (jets, gathered) is dropped
    expected = [(jets, planes), (met, gathered), (jets, met), (met, planes)]
    assert set(kept) == {tuple(sorted(p)) for p in expected}
    assert all(kept[p] == scores[p] for p in kept)


def test_corroboration_a_summary_shows_the_names_its_clause_borrows(nlp: Any) -> None:
    """A report split from the act of its subject is shown with that subject in front; an
    aside after a name with the few words between them."""
    corpus = Corpus(nlp)
    corpus.add(
        "a",
        "Outlet A",
        "Norland will be suspended from the Arab League on Wednesday and has said it will not "
        "attend the meeting in Rabat. Russia and China, which last month vetoed a draft "
        f"resolution on Norland, said the talks in Rabat would fail. {FILLER}",
    )
    summaries = {g.summary for g in corpus.groups()}
    assert "Norland has said it will not attend the meeting in Rabat." in summaries
    assert any(s.startswith("Russia and China, which last month vetoed") for s in summaries)


def test_corroboration_a_summary_shows_the_opening_of_a_count_cut_off_its_clause(
    nlp: Any,
) -> None:
    """A count cut off its clause ("and 97,000 deaths.") borrows no name; it is shown with
    the words of its sentence before it."""
    corpus = Corpus(nlp)
    corpus.add(
        "a",
        "Outlet A",
        f"Globally there are 1.6 million cases and about 97,000 deaths. {FILLER}",
    )
    summaries = {g.summary for g in corpus.groups()}
    assert "Globally there are 1.6 million cases and about 97,000 deaths." in summaries
