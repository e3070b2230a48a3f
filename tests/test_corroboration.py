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

from dossier.claims import extract_claims
from dossier.corroboration import ClaimGroup, ClaimRef, group_claims
from dossier.corroboration.conflicts import shared_wording
from dossier.corroboration.features import weighted_overlap
from dossier.corroboration.grouping import claim_texts
from dossier.corroboration.minhash import find_copies
from dossier.corroboration.stage import BackgroundEmbedding
from dossier.embed import shared_embedder
from dossier.model import Attribution, AttributionType, DatePrecision, PublishedDate, Span, TimeExpr
from dossier.nlp import load_model
from dossier.store import open_store
from dossier.store.vectors import cached_embed, missing_texts
from dossier.time import extract_times

PUBLISHED = PublishedDate("2020-06-01", DatePrecision.DAY)
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
FILLER = (
    "The weather in the region was mild that week, and markets opened late on Monday after a "
    "holiday. Farmers brought their harvest to the old square, where a band played until dusk. "
    "Local schools announced new timetables for the autumn term, and the library extended its hours. "
    "A new bridge over the river is due to open in spring, the council said, after years of "
    "delays caused by floods and a shortage of steel. Residents welcomed the news but asked for "
    "more buses on the northern routes, which have been crowded since the factory reopened."
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model()


class Corpus:
    """Invented articles: their texts, claims and time expressions, as stage 9 receives them."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.refs, self.texts = nlp, [], {}  # type: ignore[var-annotated]
        self.time_of: dict[tuple[str, int, int], TimeExpr] = {}

    def add(
        self,
        doc_id: str,
        outlet: str,
        text: str,
        source: str | None = None,
        kind: AttributionType | None = None,
        cue: str | None = None,
    ) -> None:
        doc = self.nlp(text)
        mentions = [
            (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ACTOR_LABELS
        ]
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
        times = extract_times(doc_id, text, bounds, PUBLISHED)
        self.time_of.update({(t.span.document_id, t.span.start, t.span.end): t for t in times})
        kind = kind or (AttributionType.NAMED if source else AttributionType.UNATTRIBUTED)
        cue_span = Span(doc_id, text.index(cue), text.index(cue) + len(cue)) if cue else None
        attributions = [
            Attribution(Span(doc_id, s, e), kind, source, None, cue_span, 0.9) for s, e in bounds
        ]
        quotes = [(m.start + 1, m.end - 1) for m in _quotes(text)]
        for claim in extract_claims(doc, doc_id, attributions, quotes, times, mentions):
            actors = tuple(
                sorted(
                    {text[a.start : a.end].casefold().removeprefix("the ") for a in claim.actors}
                )
            )
            self.refs.append(ClaimRef(claim, outlet, doc_id, actors))
        self.texts[doc_id] = text

    def groups(self) -> list[ClaimGroup]:
        return group_claims(self.refs, self.texts, self.time_of, shared_embedder().embed)

    def group_of(self, doc_id: str) -> ClaimGroup:
        (group,) = [
            g
            for g in self.groups()
            if any(r.document_id == doc_id for r in g.claims) and len(g.claims) > 1
        ]
        return group


class _Quote:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _quotes(text: str) -> list[_Quote]:
    marks = [i for i, ch in enumerate(text) if ch == '"']
    return [_Quote(a, b + 1) for a, b in zip(marks[::2], marks[1::2], strict=False)]


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
        corpus.refs, corpus.texts, corpus.time_of, shared_embedder().embed, events
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


def test_corroboration_date_conflict_flagged(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In 2003, Iran gave the United States a map of Taliban bases.")
    corpus.add(
        "b", "Outlet B", "In January 2002, Iran gave the United States a map of Taliban bases."
    )
    group = corpus.group_of("a")
    assert group.status == "conflicting"
    (conflict,) = group.conflicts
    assert conflict.slot == "date"
    assert sorted(v[2] for v in conflict.values) == ["2003", "January 2002"]


def test_corroboration_consistent_dates_not_flagged(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In the late 1990s, Iran gave Hezbollah a map of Israeli bases.")
    corpus.add("b", "Outlet B", "In 1998, Iran gave Hezbollah a map of Israeli bases.")
    group = corpus.group_of("a")
    assert group.conflicts == () and group.status == "corroborated"


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [("13", "30", True), ("at least 13", "15", False), ("about 800", "820", False)],
)
def test_corroboration_number_conflicts(nlp: Any, first: str, second: str, conflict: bool) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", f"In 2015, Hezbollah killed {first} soldiers near Tikrit.")
    corpus.add("b", "Outlet B", f"In 2015, Hezbollah killed {second} soldiers near Tikrit.")
    group = corpus.group_of("a")
    assert [c.slot for c in group.conflicts] == (["number"] if conflict else [])


def test_corroboration_quote_wording_conflict(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add(
        "a",
        "Outlet A",
        '"I manage the Quds Force operations in Iraq," Soleimani told Petraeus.',
        "Soleimani",
    )
    corpus.add(
        "b",
        "Outlet B",
        '"I control the Quds Force operations in Iraq," Soleimani told Petraeus.',
        "Qassem Soleimani",
    )
    group = corpus.group_of("a")
    (conflict,) = group.conflicts
    assert conflict.slot == "quote"
    assert {v[2] for v in conflict.values} == {
        "I manage the Quds Force operations in Iraq,", "I control the Quds Force operations in Iraq,",
    }  # fmt: skip


def test_corroboration_same_quote_not_a_conflict(nlp: Any) -> None:
    corpus = Corpus(nlp)
    line = '"I manage the Quds Force operations in Iraq," Soleimani told Petraeus.'
    corpus.add("a", "Outlet A", line, "Soleimani")
    corpus.add("b", "Outlet B", line.replace("Iraq,", "IRAQ ,"), "Soleimani")
    assert corpus.group_of("a").conflicts == ()


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


QUOTE_SUBJECT = (
    '"I alone direct the naval policy of Norland in Estovia, Varnia and the northern ports," '
    "Ivan Petrov wrote to Admiral Karl Brenner."
)
QUOTE_RELAYED = (
    '"I manage the naval policy of Norland with respect to Estovia, Varnia and the northern '
    'ports," Ivan Petrov told Admiral Karl Brenner, according to an official.'
)


def test_corroboration_relayed_quote_wording_conflict(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", QUOTE_SUBJECT, "Ivan Petrov", AttributionType.SUBJECT)
    corpus.add("b", "Outlet B", QUOTE_RELAYED, "an official", AttributionType.ANONYMOUS_OFFICIAL)
    group = corpus.group_of("a")
    assert group.status == "conflicting"
    assert [c.slot for c in group.conflicts] == ["quote"]


QUOTE_UNMARKED = (
    "Ivan Petrov wrote to Admiral Karl Brenner, I alone direct the naval policy of Norland in "
    "Estovia, Varnia and the northern ports."
)


@pytest.mark.parametrize(
    ("kind", "conflict"), [(AttributionType.SUBJECT, True), (AttributionType.NAMED, False)]
)
def test_corroboration_unmarked_subject_quote_compared_after_cue(
    nlp: Any, kind: AttributionType, conflict: bool
) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", QUOTE_UNMARKED, "Ivan Petrov", kind, cue="wrote")
    corpus.add("b", "Outlet B", QUOTE_RELAYED, "an official", AttributionType.ANONYMOUS_OFFICIAL)
    group = corpus.group_of("a")
    assert [c.slot for c in group.conflicts] == (["quote"] if conflict else [])


def test_corroboration_quotes_of_different_speakers_not_a_conflict(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", QUOTE_SUBJECT, "Ivan Petrov", AttributionType.NAMED)
    corpus.add("b", "Outlet B", QUOTE_RELAYED, "Karl Brenner", AttributionType.NAMED)
    assert all(c.slot != "quote" for g in corpus.groups() for c in g.conflicts)


def test_corroboration_shared_wording_over_shorter_quote() -> None:
    short = _words("i manage policy in iraq and gaza")
    long = _words("you should know that i control the policy for iran in iraq and gaza")
    assert shared_wording(short, long) == 6 / 7
    assert shared_wording(short, _words("we met at noon")) == 0.0


def _words(text: str) -> list[str]:
    return text.split()


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
    groups = group_claims(refs, pool.texts, pool.time_of, shared_embedder().embed)
    members = [r.claim.id for g in groups for r in g.claims]
    assert sorted(members) == sorted(r.claim.id for r in refs)  # every claim in exactly one group
    shuffled = list(refs)
    random.Random(seed + 1).shuffle(shuffled)
    assert _shape(
        group_claims(shuffled, pool.texts, pool.time_of, shared_embedder().embed)
    ) == _shape(groups)


def _shape(groups: Sequence[ClaimGroup]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(g.id, g.status, tuple(r.claim.id for r in g.claims)) for g in groups]


def test_corroboration_name_spelt_two_ways_in_one_quote_is_not_a_conflict(nlp: Any) -> None:
    corpus = Corpus(nlp)
    for doc, outlet, name in (("a", "Outlet A", "Gadhafi"), ("b", "Outlet B", "Gaddafi")):
        text = f'"Colonel {name} has made this happen," Cameron told reporters in Paris.'
        corpus.add(doc, outlet, text, source="David Cameron", kind=AttributionType.NAMED)
    group = corpus.group_of("a")
    assert group.conflicts == ()
    assert group.status == "single-source"  # one speaker relayed by two outlets: one source
    assert group.shared_sources == ("David Cameron",)


def test_background_embedding_stores_each_claim_text_once(nlp: Any, tmp_path: Path) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In 2001, Iran gave the United States a map of Taliban bases.")
    corpus.add("b", "Outlet B", "Iran has denied the charges, the foreign ministry said on Monday.")
    claims = [r.claim for r in corpus.refs]
    texts = sorted(set(claim_texts(claims)))
    store = open_store(tmp_path / "d.duckdb")
    try:
        embedding = BackgroundEmbedding()
        embedding.submit(store, claims)
        embedding.submit(store, claims)  # the same texts again, maybe before the first finished
        embedding.finish(store)
        (count,) = store.con.execute("SELECT count(*) FROM sentence_vectors").fetchone() or (0,)
        assert count == len(texts)
        assert missing_texts(store, texts) == []
        stored = cached_embed(store, shared_embedder())(texts)
        assert np.array_equal(stored, shared_embedder().embed(texts))
    finally:
        store.close()
