"""Stage 9: ages and floors as two outlets give them (``ages``, ``positions``)."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration.ages import age_conflict, ages
from dossier.corroboration.positions import positions
from tests.claim_corpus import Corpus, conflict_slots, pair_corpus


@pytest.mark.parametrize(
    ("sentence", "years", "holders"),
    [
        ("The driver, 54, was among those killed.", 54, {"driver"}),
        ("The train's driver, a 52-year-old man, was among the dead.", 52, {"driver"}),
        ("Hale, aged 61, was convicted of fraud.", 61, {"hale"}),
        ("The court jailed 61-year-old Viktor Hale.", 61, {"viktor", "hale"}),
        ("A 34-year-old woman was killed.", None, None),  # anyone: no holder
        ("He was jailed, aged 45.", None, None),  # a verb is no holder
        ("In 2004, 12 people died.", None, None),
    ],
)
def test_ages_are_read_with_whose_they_are(
    sentence: str, years: int | None, holders: set[str] | None
) -> None:
    found = ages(sentence)
    if years is None:
        assert found == ()
    else:
        (age,) = found
        assert (age.years, set(age.holders)) == (years, holders)


DEAD = "{who} was among the dead, a union official told East Wire."


@pytest.mark.parametrize(
    ("who_b", "conflict"),
    [
        ("The driver, 54,", True),
        ("The driver, 53,", False),  # a birthday between two articles
        ("A 54-year-old woman", False),  # another victim, maybe
        ("The guard, 54,", False),  # another person
    ],
)
def test_conflicts_one_persons_two_ages(nlp: Any, who_b: str, conflict: bool) -> None:
    corpus = pair_corpus(
        nlp,
        DEAD.format(who="The train's driver, a 52-year-old man,"),
        DEAD.format(who=who_b),
    )
    assert ("number" in conflict_slots(corpus)) is conflict


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The fire broke out on the third floor of the Norvik Textiles plant.", ("floor", 3)),
        ("Gunmen held hostages on the 14th floor.", ("floor", 14)),
        ("Norvik is the second-largest bank in Norland.", ("largest bank", 2)),
        ("The team finished in second place.", None),  # a place in a table moves
        ("Protesters gathered for a second day.", None),
    ],
)
def test_positions_read_floors_and_ranks_by_a_superlative(
    sentence: str, found: tuple[str, int] | None
) -> None:
    read = [(kind, n) for kind, n, _, _ in positions(sentence)]
    assert read == ([found] if found else [])


FIRE = "The fire broke out on the {floor} floor of the Norvik Textiles {building} on Tuesday."


@pytest.mark.parametrize(
    ("floor_b", "building_b", "conflict"),
    [
        ("second", "factory", True),  # one building named alike
        ("third", "factory", False),
    ],
)
def test_conflicts_one_building_two_floors(
    nlp: Any, floor_b: str, building_b: str, conflict: bool
) -> None:
    corpus = pair_corpus(
        nlp,
        FIRE.format(floor="third", building="plant"),
        FIRE.format(floor=floor_b, building=building_b),
    )
    assert ("number" in conflict_slots(corpus)) is conflict


@pytest.mark.parametrize(
    ("close", "published_b", "conflict"),
    [
        (True, "2020-06-01", True),
        # "35-year-old Gomes faces two counts" / "Catherine Gomes, 61, the defendant's mother"
        (False, "2020-06-01", False),
        (True, "2024-06-01", False),  # four years on, he is 36
        (True, "", False),  # undated: maybe years apart
    ],
)
def test_ages_compare_in_one_act_reported_within_a_month(
    nlp: Any, close: bool, published_b: str, conflict: bool
) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "The 32-year-old Viktor Hale won his tenth fight in a row.")
    corpus.add("b", "Outlet B", "The 36-year-old Hale won his tenth fight.", published=published_b)
    a, b = corpus.refs
    assert (age_conflict(a, b, close) is not None) is conflict
