"""Counts in grouping: a rate and a total are two facts; counts far apart get no bonus."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration.counting import rate_and_total
from dossier.corroboration.grouping import make_scorer
from dossier.embed import shared_embedder
from dossier.model import Quantity, Span
from tests.claim_corpus import Corpus


@pytest.mark.parametrize(
    ("rate", "total"),
    [
        (
            "Each year, flu kills about 400,000 people in Norland, health officials said.",
            "Flu killed about 400,000 people in Norland, health officials said.",
        ),
        (
            "Each year, ordinary flu kills about 400,000 people in Norland.",
            "The 1968 pandemic killed about 400,000 people in Norland.",
        ),
    ],
)
def test_grouping_a_yearly_toll_and_a_total_toll_stay_apart(
    nlp: Any, rate: str, total: str
) -> None:
    """The same words and the same number, but one is a rate and the other a total: two
    facts, so no group (they grouped before the rule)."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", rate)
    corpus.add("b", "Outlet B", total)
    assert [q.hedge for r in corpus.refs for q in r.claim.quantities] == ["rate", "about"]
    assert all(len(g.claims) == 1 for g in corpus.groups())


def _q(unit: str, hedge: str = "", verb: str = "kill") -> Quantity:
    return Quantity(Span("d", 0, 1), 1.0, 1.0, unit, hedge, verb)


def test_rate_and_total_compares_tolls_not_sums() -> None:
    """A yearly toll and a total toll are two facts; "$5 billion annually" and "$20bn" may
    be one deal told two ways; a claim with both a rate and a total is never set apart."""
    assert rate_and_total((_q("people", "rate"),), (_q("people", "about"),))
    assert rate_and_total((_q("death", "", "death"),), (_q("people", "rate"),))
    assert not rate_and_total((_q("USD", "rate", "pay"),), (_q("USD", "", "pay"),))
    assert not rate_and_total((_q("people", "rate"),), (_q("people", "rate"),))
    assert not rate_and_total((_q("people", "rate"), _q("people")), (_q("people"),))


def test_grouping_count_bonus_needs_counts_that_may_be_one_count(nlp: Any) -> None:
    """Both claims count the dead, but a million dead in 1968 and this year's 141 are two
    tolls: no bonus for one count; 141 and 144 may be one toll told twice."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "The 1968 pandemic killed about a million people in Norland.")
    corpus.add("b", "Outlet B", "The new virus has killed 141 people in Norland, officials said.")
    corpus.add("c", "Outlet C", "The new virus has killed 144 people in Norland, officials said.")
    refs = sorted(corpus.refs, key=lambda r: r.document_id)
    scorer = make_scorer(refs, corpus.texts, corpus.time_of, shared_embedder().embed_pairs)
    assert [r.claim.quantities[0].low for r in refs] == [900_000, 141, 144]
    assert not scorer.same_count(0, 1)
    assert scorer.same_count(1, 2)
