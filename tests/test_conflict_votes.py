"""Election stories: seats out of a whole, a rank reached with seats; talks that start, begin or
are due to begin; turnout, shares of the vote and other levels of a named measure."""

from __future__ import annotations

from typing import Any

import pytest

from tests.claim_corpus import Corpus, conflict_slots, pair_corpus
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


def test_claims_a_percentage_names_the_measure_it_is_the_level_of(nlp: Any) -> None:
    """ "Turnout was 61%", "a turnout of 63%" and "inflation fell to 2.1%" give the level of
    turnout or inflation ("the unemployment rate" is unemployment); a move ("fell 3.2%", "a
    rise of 3%") names none, and a transitive move's level is its object's ("cut its dividend
    to 10%")."""

    def units(text: str) -> list[str]:
        names = [("Norland", "GPE"), ("Norvik Bank", "ORG")]
        return [q.unit for c in run(nlp, text, names) for q in c.quantities]

    assert units("Turnout in Norland was 61%, the electoral commission said.") == ["% of turnout"]
    assert units("Norland's election saw a turnout of 63%, the commission said.") == [
        "% of turnout"
    ]
    assert units("The unemployment rate in Norland stood at 5.2 percent, officials said.") == [
        "% of unemployment"
    ]
    assert units("Inflation in Norland fell to 2.1% in April, officials said.") == [
        "% of inflation"
    ]
    assert units("Norvik Bank cut its dividend to 10% in Norland on Monday.") == ["% of dividend"]
    assert units("Energy prices in Norland fell 3.2% in April, officials said.") == ["%"]
    assert units("Officials in Norland reported a rise of 3% in unemployment.")[0] == "%"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Inflation in Norland fell to 2.1% in April, the statistics office said.",
            "Norland's inflation rate dropped to 2.3% in April, the statistics office said.",
        ),
        (
            "Turnout in Norland's parliamentary election was 61%, the electoral commission said.",
            "Turnout in Norland's parliamentary election was 63%, the commission said.",
        ),
        (
            "The Civic Alliance won 28.4% of the vote in Norland, the electoral commission said.",
            "The Civic Alliance received 29.1% of the vote in Norland, the commission said.",
        ),
    ],
)
def test_conflicts_the_level_of_a_named_measure(nlp: Any, first: str, second: str) -> None:
    """Percentages of one named measure (turnout; inflation reached by two verbs; a share of
    the vote, won or received) disagree like counts; they were compared only in near
    paraphrases dated alike, of one verb."""
    assert conflict_slots(pair_corpus(nlp, first, second)) == ["number"]


def test_conflicts_shares_of_two_parties_agree(nlp: Any) -> None:
    """Two parties' shares of the vote are two counts, not one count told twice."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "The Civic Alliance won 28.4% of the vote in Norland's election.")
    corpus.add("b", "Outlet B", "The Homeland Party won 19.2% of the vote in Norland's election.")
    assert conflict_slots(corpus) == []


def test_conflicts_a_rank_reached_with_seats_is_seats_won(nlp: Any) -> None:
    """ "came second with 19 seats" wins the seats, as "won 21 seats" does: the two counts
    disagree. Their verbs were "come" and "win", so they were not compared."""
    first = "The Homeland Party came second with 19 seats in Norland's election on Sunday."
    assert [q.verb for c in run(nlp, first) for q in c.quantities] == ["win"]
    corpus = pair_corpus(
        nlp, first, "The Homeland Party won 21 seats in Norland's election on Sunday."
    )
    assert conflict_slots(corpus) == ["number"]


def test_conflicts_the_place_whose_contest_it_is_owns_no_seats(nlp: Any) -> None:
    """In "came first in Norland's general election, winning 34 seats" the party owns the
    seats, not Norland, and the count covers the whole election, not a part of it in one
    place: it disagrees with "won 36 seats". Norland was the count's owner, so the two
    counts were two things."""
    corpus = pair_corpus(
        nlp,
        "Oskar Pell's Civic Alliance came first in Norland's general election on Sunday, "
        "winning 34 seats.",
        "Oskar Pell's Civic Alliance won 36 seats in the 101-seat parliament in Sunday's election.",
    )
    assert conflict_slots(corpus) == ["number"]
