"""Stage 9: values that only look different (a place inside another, a rate on another day, a
short quote sharing two words with a long one), on invented articles with real place names."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration.conflicts import pair_conflicts
from dossier.corroboration.numbers import number_conflicts
from dossier.corroboration.places import count_place, known, nested
from dossier.corroboration.scope import names_place
from dossier.model import AttributionType
from tests.claim_corpus import Corpus, conflict_slots, pair_corpus


def _slots(nlp: Any, first: str, second: str, **kw: Any) -> list[str]:
    return sorted(c.slot for c in pair_corpus(nlp, first, second, **kw).group_of("a").conflicts)


@pytest.mark.parametrize(
    ("a", "b", "inside"),
    [
        ("Geneva", "Switzerland", True),
        ("Switzerland", "Geneva", True),
        ("New Orleans", "Louisiana", True),
        ("Louisiana", "the U.S.", True),
        ("Edinburgh", "UK", True),
        ("London", "Britain", True),
        ("Damascus", "Morocco", False),
        ("Mexico", "United States", False),  # a country, not the towns called Mexico
        ("Geneva", "Tripoli", False),
        ("Norlandia", "Switzerland", False),  # a name the gazetteer does not know
    ],
)
def test_places_nested(a: str, b: str, inside: bool) -> None:
    assert nested(a, b) is inside


MEETING = "Officials of the two governments met in {place} on Friday to discuss a prisoner swap."


@pytest.mark.parametrize(
    ("place_b", "conflict"),
    [("Switzerland", False), ("Geneva", False), ("Tripoli", True), ("Norlandia", False)],
)
def test_conflicts_a_place_inside_the_other_agrees(nlp: Any, place_b: str, conflict: bool) -> None:
    """Geneva lies in Switzerland; a place the gazetteer does not know may lie in the other."""
    slots = _slots(nlp, MEETING.format(place="Geneva"), MEETING.format(place=place_b))
    assert ("place" in slots) is conflict


PIPELINE = "The operator said the Norland pipeline carried {amount} of oil {when}."


@pytest.mark.parametrize(("per_day", "conflict"), [(" a day", False), ("", True)])
def test_conflicts_a_rate_on_another_day_is_no_date_conflict(
    nlp: Any, per_day: str, conflict: bool
) -> None:
    """ "15,000 barrels of oil a day in April" / "on May 27": a process runs on many days."""
    slots = _slots(
        nlp,
        PIPELINE.format(amount=f"15,000 barrels{per_day}", when="in April"),
        PIPELINE.format(amount=f"15,000 barrels{per_day}", when="on May 27"),
    )
    assert ("date" in slots) is conflict


QUOTE = 'Anna Berg told reporters in Varnia: "{words}"'


@pytest.mark.parametrize(
    ("words_b", "conflict"),
    [
        ("The task is to restore confidence.", False),
        ("We must repair the damage to the harbour and restore the faith and confidence of the "
         "people of Varnia in the company.", True),
    ],
)  # fmt: skip
def test_conflicts_a_short_quote_sharing_two_words_is_another_statement(
    nlp: Any, words_b: str, conflict: bool
) -> None:
    words_a = ("We must repair the damage to the harbour and restore the trust and confidence of "
               "the people of Varnia in the company.")  # fmt: skip
    kind = {"source": "Anna Berg", "kind": AttributionType.NAMED}
    slots = _slots(nlp, QUOTE.format(words=words_a), QUOTE.format(words=words_b), a=kind, b=kind)
    assert ("quote" in slots) is conflict


@pytest.mark.parametrize(
    ("words_a", "words_b", "conflict"),
    [
        ("I don't know how my body will react.",
         "I said that because I didn't know what would happen with my body.", False),
        ("I do not know how my injured body will react to the cold.",
         "I do not know how my injured body will respond to the cold.", True),
    ],
)  # fmt: skip
def test_conflicts_quotes_sharing_two_words_are_two_statements(
    nlp: Any, words_a: str, words_b: str, conflict: bool
) -> None:
    kind = {"source": "Anna Berg", "kind": AttributionType.NAMED}
    slots = _slots(nlp, QUOTE.format(words=words_a), QUOTE.format(words=words_b), a=kind, b=kind)
    assert ("quote" in slots) is conflict


STAFF = (
    "{subject} employs {n} staff worldwide in its factories and offices, the annual report says."
)


@pytest.mark.parametrize(("subject", "conflict"), [("It", False), ("Norvax", True)])
def test_conflicts_a_pronoun_no_name_was_found_for_counts_nothing_comparable(
    nlp: Any, subject: str, conflict: bool
) -> None:
    """ "It employs 76,200 staff" / "It employs 50,000 staff": "it" may be two companies."""
    slots = _slots(nlp, STAFF.format(subject=subject, n="76,200"),
                   STAFF.format(subject=subject, n="50,000"))  # fmt: skip
    assert ("number" in slots) is conflict


@pytest.mark.parametrize(
    ("before", "when", "conflict"),
    [
        ("The court fined Viktor Hale on Thursday.", " in January", True),
        # two people before "He": whose counts they are is unknown
        ("Judge Ellen Strand fined Viktor Hale on Thursday.", " in January", False),
        # undated: "He finished with 269 yards" may be another season's
        ("The court fined Viktor Hale on Thursday.", "", False),
    ],
)
def test_conflicts_an_opening_he_is_the_one_person_named_before(
    nlp: Any, before: str, when: str, conflict: bool
) -> None:
    """ "He was convicted on 11 counts" after a sentence naming Hale alone counts Hale's
    counts, when both claims are dated alike. (Hale is also a town: a person's name is no
    place, and "in January" no place.)"""
    corpus = Corpus(nlp)
    corpus.add(
        "a",
        "Outlet A",
        f"The court fined Viktor Hale on Thursday. Hale was found guilty on nine counts of fraud{when}.",
    )
    corpus.add(
        "b",
        "Outlet B",
        f"{before} He was convicted on 11 counts of fraud and false accounting{when}.",
    )
    assert ("number" in conflict_slots(corpus)) is conflict


def test_a_person_named_like_a_town_names_no_place(nlp: Any) -> None:
    """Hale is a town in England too; named as a person, it is no place the count is in."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "Judge Anna Berg said Hale was found guilty on nine counts.")
    (ref,) = corpus.refs
    assert known("Hale") and ref.persons
    assert not names_place(ref, corpus.texts)


TALLY = "The Norland health ministry said {n} cases have already been confirmed at the school."


@pytest.mark.parametrize(("day_b", "conflict"), [("2020-06-01", True), ("2020-06-02", False)])
def test_conflicts_running_tallies_compare_only_on_one_day(
    nlp: Any, day_b: str, conflict: bool
) -> None:
    """ "50 cases have already been confirmed" one day, "60" the next: the count grew."""
    slots = _slots(nlp, TALLY.format(n=50), TALLY.format(n=60),
                   a={"published": "2020-06-01"}, b={"published": day_b})  # fmt: skip
    assert ("number" in slots) is conflict


SONG = "Blue River, the anthem the Nordlys band recorded in Varnia, {state} {when}."


@pytest.mark.parametrize(
    ("state_b", "conflict"), [("was a huge hit", True), ("is still a classic song", False)]
)
def test_conflicts_two_states_of_one_thing_date_nothing_alike(
    nlp: Any, state_b: str, conflict: bool
) -> None:
    """A copula names no act, its complement does: "was a huge hit in 1993" and "is still a
    classic song today" are two states, each true at its own date."""
    slots = _slots(nlp, SONG.format(state="was a huge hit", when="in 1993"),
                   SONG.format(state=state_b, when="in 1995" if conflict else "today"))  # fmt: skip
    assert ("date" in slots) is conflict


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("December sales pushed the Norland deficit to $500.5bn.",
         "December sales pushed total Norland spending to $349.4bn.", False),
        ("Norland Oil paid $2.6bn to its shareholders.",
         "Norland Oil paid $2.5bn to its shareholders.", True),
    ],
)  # fmt: skip
def test_conflicts_a_figure_a_verb_moves_is_counted_by_its_noun(
    nlp: Any, first: str, second: str, conflict: bool
) -> None:
    """ "pushed the deficit to $500.5bn" / "pushed spending to $349.4bn": the verb moves a
    figure and says nothing of what it counts, so outside near paraphrases the two are not
    compared; "paid $2.6bn" / "paid $2.5bn" count one payment."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", first)
    corpus.add("b", "Outlet B", second)
    a, b = corpus.refs
    assert bool(number_conflicts(a, b, close=False, dated=False)) is conflict


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("Norland have lost their first three matches in the Varnia Cup.",
         "The year Norland won the cup, a woeful Estmark lost all five matches in the Varnia Cup.",
         False),
        ("Norland have lost their first three matches in the Varnia Cup.",
         "In the Varnia Cup, Norland lost all five matches.", True),
        ("Anna Berg said a $120m fund would be set up by Norland Oil for rig workers.",
         "Norland Oil agreed to set up a $100m fund for rig workers.", True),
    ],
)  # fmt: skip
def test_conflicts_counts_of_two_named_owners_are_two_counts(
    nlp: Any, first: str, second: str, conflict: bool
) -> None:
    """The actor named last before each count owns it: Norland's three defeats and Estmark's
    five are two counts. The speaker owns nothing: "Berg said a $120m fund would be set up"
    and "Norland Oil agreed to set up a $100m fund" still disagree."""
    corpus = Corpus(nlp)
    speaker: dict[str, Any] = {"source": "Anna Berg", "spoken": True} if "Berg" in first else {}
    corpus.add("a", "Outlet A", first, **speaker)
    corpus.add("b", "Outlet B", second)
    a, b = corpus.refs[0], corpus.refs[-1]
    slots = [s for s, _, _ in pair_conflicts(a, b, corpus.texts, corpus.time_of)]
    assert ("number" in slots) is conflict


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("Anna Berg was given four milligrams of the sedative on the morning she died.",
         "Anna Berg was given a 10 milligram tablet of Varnazepam on the morning she died.",
         False),
        ("Anna Berg was given four milligrams of Varnazepam on the morning she died.",
         "Anna Berg was given a 10 milligram tablet of Varnazepam on the morning she died.",
         True),
        ("The Norland agency counted 1,124 cases of influenza in the Varnia region.",
         "The Norland agency counted 1,534 cases of the flu virus in the Varnia region.",
         True),
    ],
)  # fmt: skip
def test_conflicts_measures_of_two_substances_are_two_measures(
    nlp: Any, first: str, second: str, conflict: bool
) -> None:
    """Four milligrams "of the sedative" and a 10 milligram tablet "of Varnazepam" measure
    two named things; two measures of one thing still disagree, and counts are left alone
    whatever their "of ..." words ("cases of influenza" / "cases of the flu virus")."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", first)
    corpus.add("b", "Outlet B", second)
    a, b = corpus.refs[0], corpus.refs[-1]
    slots = [s for s, _, _ in pair_conflicts(a, b, corpus.texts, corpus.time_of)]
    assert ("number" in slots) is conflict


FLU = "The Norvan flu has infected {count} people {where}, health officials said on Friday."


@pytest.mark.parametrize(
    ("where", "conflict"),
    [("worldwide", False), ("around the world", False), ("in France", True)],
)
def test_conflicts_a_count_for_the_world_and_one_for_a_place_differ(
    nlp: Any, where: str, conflict: bool
) -> None:
    """ "467,000 in France" / "1.6 million worldwide" count two wholes."""
    first = FLU.format(count="467,000", where="in France")
    slots = _slots(nlp, first, FLU.format(count="1.6 million", where=where))
    assert ("number" in slots) is conflict


def test_conflicts_a_country_as_subject_is_a_place_against_the_world(nlp: Any) -> None:
    """ "France has recorded 467,000 cases" names its place as an actor, not after "in"."""
    first = "France has recorded 467,000 cases of the Norvan flu, health officials said on Friday."
    second = (
        "Globally there are 1.6 million cases of the Norvan flu, health officials said on Friday."
    )
    assert "number" not in _slots(nlp, first, second)
    third = "There are 1.6 million cases of the Norvan flu, health officials said on Friday."
    assert "number" not in _slots(nlp, first, third)  # France's may be a part of them
    more = first.replace("467,000", "two million")  # a part larger than the whole
    assert "number" in _slots(nlp, more, third)


def test_conflicts_people_killed_are_deaths(nlp: Any) -> None:
    """ "killed an estimated 25 million people" counts what "more than 50 million deaths" does."""
    first = "The Norvan plague killed an estimated 25 million people in Europe in the 14th century."
    second = "The Norvan plague caused more than 50 million deaths in Europe in the 14th century."
    assert "number" in _slots(nlp, first, second)
    third = "The Norvan plague infected more than 50 million people in Europe in the 14th century."
    assert "number" not in _slots(nlp, first, third)


def test_conflicts_bare_count_killed_is_deaths(nlp: Any) -> None:
    """ "killed 90" counts deaths with no noun: it disagrees with "141 deaths" as "killed 90
    people" would; a bare count of another verb ("infected 90") is no death toll."""
    first = "The Norvan flu outbreak caused 141 deaths in Vessia last week, officials said."
    second = "The Norvan flu outbreak killed 90 in Vessia last week, officials said."
    assert "number" in _slots(nlp, first, second)
    third = "The Norvan flu outbreak infected 90 in Vessia last week, officials said."
    assert "number" not in _slots(nlp, first, third)


def test_conflicts_infections_and_people_infected_are_cases(nlp: Any) -> None:
    """ "28,774 infections confirmed" and "infecting about 20,000 people" count what "27,737
    cases" does. (Confirmed cases above all the infections disagree; below them they are a
    part, ``test_conflicts_a_confirmed_toll_is_a_part_of_a_larger_toll``.)"""
    first = "Health officials in Vessia have confirmed 27,737 cases of the Norvan flu so far."
    second = "Health officials in Vessia have confirmed 31,774 infections of the Norvan flu so far."
    third = "The Norvan flu has spread in Vessia, infecting about 20,000 people so far."
    assert "number" in _slots(nlp, first, second)
    assert "number" in _slots(nlp, first, third)


def test_conflicts_count_over_more_places_counts_another_whole(nlp: Any) -> None:
    """A count over two states is no count of one of them: "In Texas and Ohio, eight people
    were infected" / "seven cases in Texas" are two wholes; the same two places count one."""
    cases = "Officials said {n} cases of the Norvan flu have been confirmed in {where} so far."
    one = cases.format(n="seven", where="Texas")
    assert "number" not in _slots(nlp, one, cases.format(n="eight", where="Texas and Ohio"))
    assert "number" in _slots(nlp, one, cases.format(n="15", where="Texas"))
    both = cases.format(n="15", where="Texas and Ohio")
    assert "number" in _slots(nlp, both, cases.format(n="eight", where="Texas and Ohio"))


INJURED = "Officials said {n} people were injured in the clashes{where} on Friday."


@pytest.mark.parametrize(
    ("placed", "where", "conflict"),
    [("35", " in Texas", False), ("60", " in Texas", True), ("35", " in 34 countries", True)],
)
def test_conflicts_a_count_in_one_place_may_be_part_of_a_count_with_none(
    nlp: Any, placed: str, where: str, conflict: bool
) -> None:
    """ "35 people were injured in Suez" may be a part of "49 people were injured" across the
    country; a part larger than the whole still disagrees, and "in 34 countries" is a tally's
    reach, not a part."""
    part = INJURED.format(n=placed, where=where)
    assert ("number" in _slots(nlp, part, INJURED.format(n="49", where=""))) is conflict


ARRESTED = "Court records show Tom Varley had been arrested {n} times{when}, the police said."


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        (" since October", "", False),  # a part of his record, or all of it
        (" this season", " in the first half", False),  # two stretches of time
        (" before that", "", False),  # the stretch before the one just told
        (" (2001-2004)", "", False),
        (" in 40 career games", "", False),
        (" since October", " since October", True),
        ("", "", True),
    ],
)
def test_conflicts_counts_kept_to_two_stretches_of_time_are_two_counts(
    nlp: Any, first: str, second: str, conflict: bool
) -> None:
    """ "arrested three times since October" / "arrested four times" count over two stretches
    of time; kept to the same one (or none), they disagree."""
    one, two = ARRESTED.format(n="three", when=first), ARRESTED.format(n="four", when=second)
    assert ("number" in _slots(nlp, one, two)) is conflict


VIEWERS = "The broadcaster said {n} million viewers watched {which} Varna song contest."


@pytest.mark.parametrize(("which", "conflict"), [("last year's", False), ("the", True)])
def test_conflicts_last_years_event_is_another_count(nlp: Any, which: str, conflict: bool) -> None:
    """ "32 million viewers watched last year's contest" counts an earlier contest."""
    first = VIEWERS.format(n="32", which=which)
    assert ("number" in _slots(nlp, first, VIEWERS.format(n="55", which="the"))) is conflict


WEEKLY = "Cases of the Norvan flu in Vessia rose by {rise} in the week to {day}, officials said."


@pytest.mark.parametrize(("rise", "conflict"), [("50 percent", False), ("six percent", True)])
def test_conflicts_two_measurements_on_two_dates_are_no_date_conflict(
    nlp: Any, rise: str, conflict: bool
) -> None:
    """ "rose by six percent in the week to 28 September" / "by 50 percent in the week to 4
    October" are two weeks' figures; one figure given two dates is a conflict."""
    first = WEEKLY.format(rise="six percent", day="28 September")
    slots = _slots(nlp, first, WEEKLY.format(rise=rise, day="4 October"))
    assert ("date" in slots) is conflict


TSUNAMI = (
    "In 2004 a huge earthquake off Varnia triggered a tsunami that killed {count} people {where}."
)


@pytest.mark.parametrize(
    ("where", "conflict"),
    [("in the province", False), ("in the night", True), ("", True), ("across Asia", True)],
)
def test_conflicts_counts_in_two_places_named_after_them_differ(
    nlp: Any, where: str, conflict: bool
) -> None:
    """ "killed 230,000 people across Asia" / "killed 170,000 people in the province" count
    two wholes; "in the night" names no place, and a count with no place may count the same."""
    first = TSUNAMI.format(count="230,000", where="across Asia")
    second = TSUNAMI.format(count="170,000", where=where).replace(" .", ".")
    assert ("number" in _slots(nlp, first, second)) is conflict


@pytest.mark.parametrize(
    ("after", "place"),
    [
        (" people across Asia.", "asia"),
        (" people in the province on Sumatra", "the province"),
        (" people in 13 countries around the Indian Ocean in 2004", "13 countries"),
        (" people were killed in Benghazi", "benghazi"),
        (" people in the attack on Saturday", ""),
        (" deaths from 27,737 cases.", ""),
        (" counts of fraud in January.", ""),  # a date
    ],
)
def test_count_place(after: str, place: str) -> None:
    assert count_place(after) == place
