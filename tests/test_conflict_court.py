"""Conflicts in court stories: prison terms, one act told by two verbs, counts and fines."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration.durations import _durations
from tests.claim_corpus import Corpus, conflict_slots, pair_corpus


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("sentenced Karl Brenner to six years in prison", "sentenced Karl Brenner to eight years in prison", True),
        ("sentenced Karl Brenner to six years", "sentenced Karl Brenner to a 10-year sentence", True),
        ("sentenced Karl Brenner to six years in prison", "sentenced Karl Brenner to six years", False),
        ("banned Karl Brenner for two years", "banned Karl Brenner for three years", True),
    ],
)  # fmt: skip
def test_conflicts_a_prison_term(nlp: Any, first: str, second: str, conflict: bool) -> None:
    """A term a court sets is a duration however it is written ("to six years in prison",
    "a 10-year sentence"), fixed once set: two lengths of it disagree."""
    line = "A court in Varnport {act} on Monday for fraud at Norvik Bank."
    corpus = pair_corpus(nlp, line.format(act=first), line.format(act=second))
    assert conflict_slots(corpus) == (["number"] if conflict else [])


def test_conflicts_jailed_and_sentenced_are_one_act(nlp: Any) -> None:
    """ "jailed ... for eight years" and "sentenced ... to six years" tell one sentencing, so
    its term and its day are compared (they were two acts, compared on neither)."""
    corpus = Corpus(nlp)
    corpus.add(
        "a", "Outlet A", "A court in Varnport on Monday jailed Karl Brenner for eight years."
    )
    corpus.add(
        "b", "Outlet B", "A court in Varnport on Tuesday sentenced Karl Brenner to six years."
    )
    (group,) = [g for g in corpus.groups() if len(g.claims) == 2]
    assert sorted(c.slot for c in group.conflicts) == ["date", "number"]


def test_durations_of_a_term_read_once() -> None:
    """ "sentenced to six years in prison" is one term, though two patterns find it."""
    assert [d[:3] for d in _durations("was sentenced to six years in prison")] == [
        ("six years in prison", 6.0, "year")
    ]
    assert [d[1] for d in _durations("was jailed for a year")] == [1.0]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "Karl Brenner was found guilty on nine counts of fraud in Varnport on Monday.",
            "Karl Brenner was convicted on 11 counts of fraud in Varnport on Monday.",
        ),
        (
            "A court in Varnport ordered Norvik Bank to pay a fine of $3 million on Monday.",
            "A court in Varnport fined Norvik Bank $4 million on Monday.",
        ),
    ],
)
def test_conflicts_found_guilty_is_convicted_and_a_fine_of_is_fined(
    nlp: Any, first: str, second: str
) -> None:
    """ "found guilty on nine counts" counts what "convicted on 11 counts" does, and "a fine of
    $3 million" what "fined $4 million" does (the small model's lemma of "fined" is "fin")."""
    assert conflict_slots(pair_corpus(nlp, first, second)) == ["number"]
