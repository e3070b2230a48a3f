"""Election stories: seats out of a whole; talks that start, begin or are due to begin."""

from __future__ import annotations

from typing import Any

from tests.claim_corpus import conflict_slots, pair_corpus
from tests.test_claims import run


def test_claims_seats_out_of_a_whole(nlp: Any) -> None:
    """ "the 101-seat parliament" is the whole the 36 seats were won of; the part of a whole
    ("three of the seven bullets") keeps no unit, so it is set against no total."""
    names = [("Civic Alliance", "ORG")]

    def counts(text: str) -> list[tuple[float, str, str]]:
        return [(q.low, q.unit, q.hedge) for c in run(nlp, text, names) for q in c.quantities]

    assert counts("The Civic Alliance won 36 seats in the 101-seat parliament.") == [
        (36, "seat", ""), (101, "seat", "whole")
    ]  # fmt: skip
    assert counts("The Civic Alliance won the vote, taking 34 of the 101 seats.") == [
        (34, "", ""), (101, "seat", "whole")
    ]  # fmt: skip


def test_conflicts_talks_that_start_begin(nlp: Any) -> None:
    """ "will start talks ... on Wednesday" / "will begin talks ... on Thursday": one act, so
    the two days disagree."""
    corpus = pair_corpus(
        nlp,
        "Norland will start talks with Estovia in Varnport on Wednesday, officials said.",
        "Norland will begin talks with Estovia in Varnport on Thursday, officials said.",
    )
    assert conflict_slots(corpus) == ["date"]


def test_conflicts_an_act_announced_is_its_own_verbs(nlp: Any) -> None:
    """ "are due to begin talks" is the act "begin", as "will start talks" is: the two days
    disagree. Its predicate was "be", so no day was compared."""
    first = "Norland and Estovia are due to begin talks in Varnport on Thursday, officials said."
    assert [c.predicate for c in run(nlp, first)] == ["begin talk"]
    corpus = pair_corpus(
        nlp, first, "Norland and Estovia will start talks in Varnport on Wednesday, officials said."
    )
    assert conflict_slots(corpus) == ["date"]
