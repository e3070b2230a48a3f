"""Conflicts in court stories: prison terms, one act told by two verbs, counts of charges."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration.durations import _durations
from tests.claim_corpus import Corpus, conflict_slots, pair_corpus
from tests.test_claims import run


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


def test_conflicts_found_guilty_is_convicted(nlp: Any) -> None:
    """ "found guilty on nine counts" counts what "convicted on 11 counts" does."""
    corpus = pair_corpus(
        nlp,
        "Karl Brenner was found guilty on nine counts of fraud in Varnport on Monday.",
        "Karl Brenner was convicted on 11 counts of fraud in Varnport on Monday.",
    )
    assert conflict_slots(corpus) == ["number"]


def test_claims_fined_is_fine(nlp: Any) -> None:
    """The small model's lemma of "fined" is "fin"; the predicate and the count say "fine"."""
    names = [("Varnport", "GPE"), ("Norvik Bank", "ORG")]
    claims = run(nlp, "A court in Varnport fined Norvik Bank $4 million on Monday.", names)
    assert [(c.predicate, [q.verb for q in c.quantities]) for c in claims] == [
        ("fine million", ["fine"])
    ]


def test_conflicts_a_fine_of_a_sum_is_what_fined_fines(nlp: Any) -> None:
    """ "ordered to pay a fine of $3 million" counts what "fined $4 million" does: the sum is
    "of" a noun for a sum paid. A sum "of" any other noun ("takings of $21m") names nothing."""
    names = [("Karl Brenner", "PERSON"), ("Varnport", "GPE")]

    def counts(text: str) -> list[tuple[str, str]]:
        return [(q.unit, q.verb) for c in run(nlp, text, names) for q in c.quantities]

    assert counts("A court in Varnport ordered Karl Brenner to pay a fine of $3 million.") == [
        ("USD", "fine")
    ]
    assert counts("Karl Brenner's film earned takings of $21m in Varnport.") == [("USD", "earn")]
    corpus = pair_corpus(
        nlp,
        "A court in Varnport ordered Karl Brenner to pay a fine of $3 million on Monday.",
        "A court in Varnport fined Karl Brenner $4 million on Monday.",
    )
    assert conflict_slots(corpus) == ["number"]
