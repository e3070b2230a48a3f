"""Stage 9: who a count or a date belongs to. A source shares no cast, a place one claim names
may lie in one the other names, and a clause cut off its subject names no one; on invented
articles with real place names."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration.dates import days_apart
from dossier.corroboration.scope import borrowed_date, same_scope, unnamed_subject
from dossier.model import AttributionType, Span, TimeExpr, TimeKind, TimePrecision
from tests.claim_corpus import Corpus, pair_corpus

SAID = {"source": "the Norland Survey", "kind": AttributionType.MEDIA, "spoken": True}
QUAKE = "The earthquake, of magnitude {m}, struck near {place} on Sunday, the Norland Survey said."


@pytest.mark.parametrize(("place_b", "compared"), [("Manokwari", True), ("Medan", False)])
def test_a_shared_source_is_no_shared_cast(nlp: Any, place_b: str, compared: bool) -> None:
    """Two quakes the same agency reports, near two towns, are two quakes: the agency is who
    says it, not whom it is about."""
    corpus = pair_corpus(nlp, QUAKE.format(m="7.6", place="Manokwari"),
                         QUAKE.format(m="6.1", place=place_b), a=SAID, b=SAID)  # fmt: skip
    first, second = corpus.group_of("a").claims
    assert first.speakers == second.speakers == ("norland survey",)
    assert same_scope(first, second, corpus.texts) is compared
    slots = {c.slot for c in corpus.group_of("a").conflicts}
    assert ("number" in slots) is compared


ISLAND = (
    "The earthquake injured {n} people on the island of {island} on Sunday, Iran's state TV said."
)
COAST = "An earthquake hit an island off Iran's southern coast on Sunday, injuring five people."


@pytest.mark.parametrize(("island", "compared"), [("Qeshm", True), ("Crete", False)])
def test_a_place_inside_a_place_the_other_names_is_one_scope(
    nlp: Any, island: str, compared: bool
) -> None:
    """ "an island off Iran's southern coast" and "the island of Qeshm" (which lies in Iran) may
    count one quake's injured; "the island of Crete" may not. Iran is the second's source."""
    said = {"source": "Iran's state TV", "kind": AttributionType.MEDIA, "spoken": True}
    corpus = pair_corpus(nlp, COAST, ISLAND.format(n="three", island=island), b=said)
    first, second = corpus.group_of("a").claims
    assert same_scope(first, second, corpus.texts) is compared


@pytest.mark.parametrize(
    ("fragment", "borrowed"),
    [("and injured 170 more.", True), ("and injured 170 more in Texas City.", False)],
)
def test_a_clause_cut_off_its_subject_and_date_is_dated_by_neither(
    nlp: Any, fragment: str, borrowed: bool
) -> None:
    """ "... a refinery blast in 2005 that killed 15 people and injured 170 more": the clause
    names no one and its date is the blast's, so it is not dated against "injuring 17 others"
    of another blast. Naming a place, it says where its own act was."""
    corpus = Corpus(nlp)
    text = f"The fine covered a refinery blast in 2005 that killed 15 people {fragment}"
    corpus.add("a", "Outlet A", text)
    (ref,) = [r for r in corpus.refs if r.claim.text.startswith("and")]
    assert ref.claim.time is not None
    assert borrowed_date(ref) is borrowed
    assert not unnamed_subject(ref, corpus.texts)


KILLED = "Shelling by the Norland army killed {n} people in Varnia on {day}, the ministry said."


@pytest.mark.parametrize(("day_b", "slots"), [("3 March", {"number"}), ("9 March", set())])
def test_counts_on_two_days_are_two_happenings(nlp: Any, day_b: str, slots: set[str]) -> None:
    """ "killed 48 on 3 March" / "killed 64 on 9 March": the dates disagree, the counts are two
    days' tolls and both may be true."""
    corpus = pair_corpus(nlp, KILLED.format(n=48, day="3 March"), KILLED.format(n=64, day=day_b))
    assert {c.slot for c in corpus.group_of("a").conflicts} == slots


PRICE = "The {size} Norvax laptop starts at {price} in Varnia, the company said on Tuesday."


@pytest.mark.parametrize(("size_b", "conflict"), [("13-inch", True), ("15-inch", False)])
def test_prices_of_two_sizes_of_a_thing_are_two_prices(
    nlp: Any, size_b: str, conflict: bool
) -> None:
    """ "The 13-inch models start at $1,199" / "The 15-inch MacBook Pro starts at $1,799". (The
    sizes themselves are counts, and are compared as such: "13-inch" / "15-inch".)"""
    corpus = pair_corpus(nlp, PRICE.format(size="13-inch", price="$1,199"),
                         PRICE.format(size=size_b, price="$1,799"))  # fmt: skip
    values = {v[2] for c in corpus.group_of("a").conflicts for v in c.values}
    assert ({"$1,199", "$1,799"} <= values) is conflict


def _day(text: str, start: str | None = None) -> TimeExpr:
    value = start or "XXXX-XX-XX"
    return TimeExpr(Span("d", 0, len(text)), text, TimeKind.DATE, value, start, start,
                    TimePrecision.DAY, "none", None, 0.4, 0)  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (_day("Earlier Saturday"), _day("On Wednesday night"), True),
        (_day("Saturday"), _day("late on Saturday"), False),
        (_day("Saturday"), _day("this week"), False),  # not a day named: unknown
        (
            _day("Saturday", "2020-06-06"),
            _day("Wednesday", "2020-06-03"),
            False,
        ),  # placed: compared
    ],
)
def test_weekdays_not_placed_on_the_calendar_are_apart_when_named_apart(
    a: TimeExpr, b: TimeExpr, apart: bool
) -> None:
    """With no publication date, "Saturday" and "Wednesday" cannot be placed, but are still
    two days; placed days are compared as intervals (``dates_agree``)."""
    assert days_apart(a, b) is apart


def test_a_reported_tally_is_a_tally(nlp: Any) -> None:
    """ "said it had confirmed 160 cases" (2 May) / "226 cases have been confirmed" (3 May):
    the count grew overnight; on one day, the two disagree."""
    first = "Norland said it had confirmed 160 cases of the virus in Varnia province."
    second = "In Norland, 226 cases of the virus have been confirmed in Varnia province."
    for day_b, conflict in (("2020-06-02", False), ("2020-06-01", True)):
        corpus = pair_corpus(nlp, first, second, b={"published": day_b})
        slots = {c.slot for c in corpus.group_of("a").conflicts}
        assert ("number" in slots) is conflict, day_b


@pytest.mark.parametrize(("countries_b", "conflict"), [("15", False), ("17", True)])
def test_a_tally_taken_twice_is_no_conflict(nlp: Any, countries_b: str, conflict: bool) -> None:
    """ "787 infections in 17 countries" / "615 infections in 15 countries": every count the
    two share differs, so they are two moments of one tally; with one count alike, the other
    disputes it."""
    text = "The Norland health agency confirmed {n} infections in {c} countries on Sunday."
    corpus = pair_corpus(nlp, text.format(n="787", c="17"), text.format(n="615", c=countries_b))
    assert ("number" in {c.slot for c in corpus.group_of("a").conflicts}) is conflict


@pytest.mark.parametrize(("speaker_b", "compared"), [("Ivo Lind", True), ("Ada Quist", False)])
def test_claims_naming_only_their_sources_are_their_sources(
    nlp: Any, speaker_b: str, compared: bool
) -> None:
    """ "Ivo Lind told investors the company will shed thousands of jobs" / "... 7,000 jobs,
    Ada Quist said": naming no one else, each count is its speaker's company's."""
    text = "{who} told investors on Monday that the company will have to cut {n} jobs."
    corpus = pair_corpus(nlp, text.format(who="Ivo Lind", n="5,000"),
                         text.format(who=speaker_b, n="9,000"),
                         a={"source": "Ivo Lind", "spoken": True},
                         b={"source": speaker_b, "spoken": True})  # fmt: skip
    first, second = corpus.group_of("a").claims
    assert not first.actors or first.speakers == first.actors
    assert same_scope(first, second, corpus.texts) is compared


@pytest.mark.parametrize(("published", "conflict"), [("", False), ("2020-06-01", True)])
def test_two_nows_of_unknown_days_are_two_moments(nlp: Any, published: str, conflict: bool) -> None:
    """ "The average price of a house in Varnia now stands at £152,879" / "... £162,086": with
    an article's date unknown, two "now"s may be two months."""
    text = "The average price of a house in Varnia now stands at {p}, the Norland index shows."
    corpus = pair_corpus(nlp, text.format(p="£152,879"), text.format(p="£162,086"),
                         a={"published": published}, b={"published": published})  # fmt: skip
    assert ("number" in {c.slot for c in corpus.group_of("a").conflicts}) is conflict


OFFER = "{team} made the pitcher Ivo Lind an eight-year, {sum} offer, the Varnia Post reported."


@pytest.mark.parametrize(
    ("team_b", "conflict"), [("The Norland Hawks", True), ("The Oslo Giants", False)]
)
def test_counts_of_two_agents_are_two_counts(nlp: Any, team_b: str, conflict: bool) -> None:
    """Two clubs' offers to one player: the last name before each sum is the player's, the
    first is the club's, and two clubs make two offers."""
    corpus = pair_corpus(nlp, OFFER.format(team="The Norland Hawks", sum="$200 million"),
                         OFFER.format(team=team_b, sum="$160 million"))  # fmt: skip
    assert ("number" in {c.slot for c in corpus.group_of("a").conflicts}) is conflict


def test_two_periods_the_calendar_cannot_place_are_not_dated_alike(nlp: Any) -> None:
    """ "rose by 0.8% in the fourth quarter" / "rose by 1.7% last year", in articles of unknown
    date: percentages are compared only when dated alike, and these may be two periods."""
    text = "Norland's gross domestic product rose by {p} {when}, the statistics office said."
    slots = {}
    for when in ("in the fourth quarter", "last year"):
        corpus = pair_corpus(nlp, text.format(p="0.8%", when="in the fourth quarter"),
                             text.format(p="1.7%", when=when),
                             a={"published": ""}, b={"published": ""})  # fmt: skip
        slots[when] = {c.slot for c in corpus.group_of("a").conflicts}
    assert slots == {"in the fourth quarter": {"number"}, "last year": set()}


@pytest.mark.parametrize(("subject", "conflict"), [("it", False), ("Norvax", True)])
def test_a_count_only_a_pronoun_owns_is_nobody_s_by_name(
    nlp: Any, subject: str, conflict: bool
) -> None:
    """ "Under its turnaround plan it had aimed to save £220m" / "Cadbury ... saved £75m": with
    no name before the count, whose saving it is is unknown."""
    first = f"Under its three-year turnaround plan {subject} had saved £220m in Varnia last year."
    second = "Norvax said its cost-cutting programme had saved £75m in Varnia last year."
    corpus = pair_corpus(nlp, first, second)
    assert ("number" in {c.slot for c in corpus.group_of("a").conflicts}) is conflict


@pytest.mark.parametrize(
    ("words_b", "conflict"),
    [
        ("She made a few errors.", True),
        ("Then I had that lapse at the net, I think serving for the set, and made a few errors "
         "and opened the door for her.", False),
    ],
)  # fmt: skip
def test_a_short_quote_is_not_a_rewording_of_two_words_of_a_long_one(
    nlp: Any, words_b: str, conflict: bool
) -> None:
    """ "She made some errors" shares two content words with a long quote of the same speaker:
    another statement, not the same one reworded ("some" / "a few")."""
    kind = {"source": "Anna Berg", "kind": AttributionType.NAMED}
    quote = 'Anna Berg told reporters in Varnia: "{words}"'
    corpus = pair_corpus(nlp, quote.format(words="She made some errors."),
                         quote.format(words=words_b), a=kind, b=kind)  # fmt: skip
    assert ("quote" in {c.slot for c in corpus.group_of("a").conflicts}) is conflict


@pytest.mark.parametrize(("place_b", "conflict"), [("second place", True), ("fourth place", False)])
def test_two_ranks_are_two_moments(nlp: Any, place_b: str, conflict: bool) -> None:
    """ "entered the chart in second place ..., taking $12.7m" / "moved down the chart to fourth
    place after taking $10.7m": a film's takings of two weekends."""
    text = "The Norland comedy Varnia Nights was in {place} in the chart after taking {sum}."
    corpus = pair_corpus(nlp, text.format(place="second place", sum="$12.7m"),
                         text.format(place=place_b, sum="$10.7m"))  # fmt: skip
    assert ("number" in {c.slot for c in corpus.group_of("a").conflicts}) is conflict
