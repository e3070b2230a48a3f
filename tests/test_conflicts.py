"""Stage 9, corroboration: slot conflicts (dates, numbers, quotes) between grouped claims."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration.conflicts import pair_conflicts
from dossier.corroboration.dates import dates_agree, dates_near, other_times
from dossier.corroboration.quotes import shared_count
from dossier.model import AttributionType, Span, TimeExpr, TimeKind, TimePrecision
from tests.claim_corpus import Corpus, conflict_slots


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


@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("Negotiations started in 2021, the ministry said.", True),  # one start
        ("Negotiations resumed in 2021, the ministry said.", False),  # talks resume often
    ],
)
def test_corroboration_one_start_dated_two_ways_is_grouped(
    nlp: Any, second: str, conflict: bool
) -> None:
    """A start happens once: two years for it are a conflict, not two happenings."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "The talks began in 2019, according to the ministry.")
    corpus.add("b", "Outlet B", second)
    assert conflict_slots(corpus) == (["date"] if conflict else [])


def test_corroboration_consistent_dates_not_flagged(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In the late 1990s, Iran gave Hezbollah a map of Israeli bases.")
    corpus.add("b", "Outlet B", "In 1998, Iran gave Hezbollah a map of Israeli bases.")
    group = corpus.group_of("a")
    assert group.conflicts == () and group.status == "corroborated"


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("13", "30", True),
        ("at least 13", "15", False),
        ("about 800", "820", False),
        ("as many as 30", "25", False),  # an upper bound
        ("48", "49", True),  # exact figures disagree by one
        ("2,000", "1,980", False),  # a round figure is rounded
    ],
)
def test_corroboration_number_conflicts(nlp: Any, first: str, second: str, conflict: bool) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", f"In 2015, Hezbollah killed {first} soldiers near Tikrit.")
    corpus.add("b", "Outlet B", f"In 2015, Hezbollah killed {second} soldiers near Tikrit.")
    group = corpus.group_of("a")
    assert [c.slot for c in group.conflicts] == (["number"] if conflict else [])


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [("$2.6bn", "$2.5bn", True), ("$2.6bn", "about $2.5bn", False), ("$120m", "$100m", True)],
)
def test_corroboration_sums_disagree_in_their_last_digit(
    nlp: Any, first: str, second: str, conflict: bool
) -> None:
    """A figure given to one decimal means that decimal: 2.6 is 2.55 to 2.65, not 2.6 ± 5%."""
    line = "In 2015, Norland Oil paid {} to its shareholders in Varnia."
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", line.format(first))
    corpus.add("b", "Outlet B", line.format(second))
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


def test_corroboration_shared_wording_counts_words_shared_in_order() -> None:
    short = _words("i manage policy in iraq and gaza")
    long = _words("you should know that i control the policy for iran in iraq and gaza")
    assert shared_count(short, long) == 6  # of the shorter's 7
    assert shared_count(short, _words("we met at noon")) == 0


def _words(text: str) -> list[str]:
    return text.split()


def test_corroboration_name_spelt_two_ways_in_one_quote_is_not_a_conflict(nlp: Any) -> None:
    corpus = Corpus(nlp)
    for doc, outlet, name in (("a", "Outlet A", "Gadhafi"), ("b", "Outlet B", "Gaddafi")):
        text = f'"Colonel {name} has made this happen," Cameron told reporters in Paris.'
        corpus.add(doc, outlet, text, source="David Cameron", kind=AttributionType.NAMED)
    group = corpus.group_of("a")
    assert group.conflicts == ()
    assert group.status == "single-source"  # one speaker relayed by two outlets: one source
    assert group.shared_sources == ("David Cameron",)


@pytest.mark.parametrize(
    ("quote_a", "quote_b", "conflict"),
    [
        ("We're not selling the Varnia fields.", "We are not selling the Varnia fields.", False),
        ("We won't sell the Varnia fields.", "We will not sell the Varnia fields.", False),
        ("We will keep the Varnia field open.", "We will keep the Varnia fields open.", False),
        ("We will keep the Varnia field open.", "We will keep the Varnia port open.", True),
    ],
)
def test_conflicts_quotes_folded_for_contractions_and_plurals(
    nlp: Any, quote_a: str, quote_b: str, conflict: bool
) -> None:
    corpus = Corpus(nlp)
    for doc, outlet, quote in (("a", "Outlet A", quote_a), ("b", "Outlet B", quote_b)):
        text = f'"{quote}" Anna Berg of Norland Oil told reporters in Varnia.'
        corpus.add(doc, outlet, text, source="Anna Berg", kind=AttributionType.NAMED)
    (group,) = [g for g in corpus.groups() if all(r.claim.quote for r in g.claims)]
    assert len(group.claims) == 2
    assert [c.slot for c in group.conflicts] == (["quote"] if conflict else [])


TOLL = "Rescue teams said 64 people had been killed, most of them in the old town near the river."
CLAIMED_TOLL = (
    "The governor, speaking on the radio after a sleepless night, claimed nearly 50 people "
    "were {verb}."
)


def _tolls(nlp: Any, verb: str) -> Corpus:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", TOLL)
    corpus.add("b", "Outlet B", CLAIMED_TOLL.format(verb=verb))
    return corpus


def test_conflicts_death_tolls_worded_differently(nlp: Any) -> None:
    """Two tolls, worded apart (cosine under 0.5) with no named actor: shared words block them
    together, one verb counting one thing links them, and the counts disagree."""
    group = _tolls(nlp, "killed").group_of("a")
    (conflict,) = group.conflicts
    assert conflict.slot == "number"
    assert sorted(v[2] for v in conflict.values) == ["64", "nearly 50"]


def test_conflicts_counts_of_different_verbs_not_compared(nlp: Any) -> None:
    corpus = _tolls(nlp, "wounded")
    assert all(c.slot != "number" for g in corpus.groups() for c in g.conflicts)


def test_conflicts_vague_crowd_sizes_disagree(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In Varnia, nearly 1,000 people gathered at the palace.")
    corpus.add("b", "Outlet B", "In Varnia, several thousand people gathered at the palace.")
    (conflict,) = corpus.group_of("a").conflicts
    assert sorted(v[2] for v in conflict.values) == ["nearly 1,000", "several thousand"]


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        (("2011-03-19", "2011-03-19"), ("2011-03-20", "2011-03-20"), True),  # Saturday, Sunday
        (("2011-01-01", "2011-12-31"), ("2012-01-01", "2012-12-31"), True),  # 2011, 2012
        (("2014-06-01", "2014-06-30"), ("2014-09-01", "2014-12-31"), True),  # June, late 2014
        (("2012-01-01", "2012-01-31"), ("2012-08-01", "2012-08-31"), False),  # January, August
        (("2011-03-19", "2011-03-19"), ("2011-03-22", "2011-03-22"), False),  # three days apart
    ],
)
def test_conflicts_dates_near(a: tuple[str, str], b: tuple[str, str], near: bool) -> None:
    def time(bounds: tuple[str, str]) -> TimeExpr:
        return TimeExpr(Span("d", 0, 1), "x", TimeKind.DATE, "x", *bounds, TimePrecision.DAY,
                        "absolute", None, 1.0, 0)  # fmt: skip

    assert dates_near(time(a), time(b)) is near
    assert dates_near(time(b), time(a)) is near
    assert not dates_agree(time(a), time(b))


def test_conflicts_counts_of_happenings_compare_whatever_the_verb(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In Varnia, the agency has confirmed 141 deaths from the flu.")
    corpus.add("b", "Outlet B",
               "In Varnia, the flu has spread widely, including 144 confirmed deaths.")  # fmt: skip
    group = corpus.group_of("a")
    assert {r.document_id for r in group.claims} == {"a", "b"}
    (conflict,) = group.conflicts
    assert conflict.slot == "number"
    assert sorted(v[2] for v in conflict.values) == ["141", "144"]


@pytest.mark.parametrize(("killed", "conflict"), [("81", False), ("12", True)])
def test_conflicts_a_confirmed_toll_is_a_part_of_a_larger_toll(
    nlp: Any, killed: str, conflict: bool
) -> None:
    """ "Officials have confirmed 20 deaths" counts a part of what "has killed 81" counts (the
    suspected deaths besides); confirmed deaths above all the deaths still disagree."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "In Varnia, officials have confirmed 20 deaths from the flu.")
    corpus.add("b", "Outlet B", f"In Varnia, the flu has killed {killed} people.")
    slots = {c.slot for g in corpus.groups() for c in g.conflicts}
    assert ("number" in slots) is conflict


def test_conflicts_counts_in_two_places_count_two_wholes(nlp: Any) -> None:
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "The agency has confirmed 337 cases of the flu in Varnia.")
    corpus.add("b", "Outlet B", "The agency has confirmed 800 cases of the flu in Norland.")
    assert all(c.slot != "number" for g in corpus.groups() for c in g.conflicts)


def _number_slots(nlp: Any, first: str, second: str, close: bool) -> list[str]:
    """The slots ``pair_conflicts`` finds between the claims of two invented articles."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", first)
    corpus.add("b", "Outlet B", second)
    a, b = corpus.refs
    return [slot for slot, *_ in pair_conflicts(a, b, corpus.texts, corpus.time_of, close)]


def test_conflicts_counts_of_two_casts_are_not_compared(nlp: Any) -> None:
    """Claims that both name actors or places, none shared, count two wholes."""
    killed = "In 2015, {} forces killed {} soldiers near the river."
    same = _number_slots(nlp, killed.format("Varnian", 13), killed.format("Varnian", 30), False)
    two = _number_slots(nlp, killed.format("Varnian", 13), killed.format("Norlandic", 30), False)
    assert (same, two) == (["number"], [])


@pytest.mark.parametrize("close", [True, False])
def test_conflicts_percentages_compare_only_in_near_paraphrases(nlp: Any, close: bool) -> None:
    """ "Grew 6.9%" and "grew 3.1%" are changes of bases the sentence need not name."""
    first = "Varnia's economy grew 6.9% in 2004, the Norland Bank said."
    second = "In 2004 Varnia's economy grew 3.1% after a strong last quarter."
    assert _number_slots(nlp, first, second, close) == (["number"] if close else [])


def test_conflicts_counts_inside_one_article_compare_only_as_paraphrases(nlp: Any) -> None:
    """Two counts by one verb in one article are mostly a list's parts ("in seven cases ... a
    burn", "in 23 cases ... smoke damage"); across articles they may be one count twice."""
    first = "In seven cases, customers of Norland Power reported a minor burn."
    second = "In 23 cases, customers of Norland Power reported smoke damage."
    across = _number_slots(nlp, first, second, False)
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", f"{first} {second}")
    a, b = corpus.refs
    inside = [slot for slot, *_ in pair_conflicts(a, b, corpus.texts, corpus.time_of, False)]
    assert (across, inside) == (["number"], [])


def test_conflicts_a_second_date_that_agrees_is_no_date_conflict(nlp: Any) -> None:
    """ "Which exploded on 20 April and sank two days later" is dated by its second date, but
    also names the first: against "exploded on 20 April" it reports two acts, not two dates."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "Oil has leaked into the sea from the Varnia rig, which exploded "
               "on 20 April and sank two days later.")  # fmt: skip
    corpus.add("b", "Outlet B", "Oil has leaked into the sea since the Varnia rig exploded on 20 "
               "April, killing 11 workers.")  # fmt: skip
    # (the aside "the Varnia rig, which exploded ..." is a claim of its own too)
    a, b = (next(r for r in corpus.refs if r.claim.text.startswith(f"Oil has leaked into the sea {w}"))
            for w in ("from", "since"))  # fmt: skip
    args = (a, b, corpus.texts, corpus.time_of, True)
    alone = [slot for slot, *_ in pair_conflicts(*args)]
    both = [slot for slot, *_ in pair_conflicts(*args, other_times(corpus.refs, corpus.time_of))]
    assert (alone, both) == (["date"], [])


def test_conflicts_percentages_undated_are_not_compared(nlp: Any) -> None:
    """ "Tumbled 9.71 percent" and "tumbled almost 7% yesterday" may be two days' falls."""
    first = "Norland Oil's shares in Varnia tumbled 9.71 percent on fears over its dividend."
    second = (
        "Norland Oil's shares in Varnia tumbled almost 7% yesterday on fears over its dividend."
    )
    assert _number_slots(nlp, first, second, True) == []
    assert _number_slots(nlp, first.replace("tumbled", "tumbled yesterday"), second, True) == [
        "number"
    ]


def test_conflicts_a_capital_dates_its_government_s_act(nlp: Any) -> None:
    """ "Moscow vetoed" and "Russia and China vetoed" name one cast, so their dates compare;
    "Paris vetoed" names another."""
    vetoed = "In {} 2015, {} vetoed a draft resolution on the ceasefire."
    first = vetoed.format("March", "Russia and China")
    same = _number_slots(nlp, first, vetoed.format("May", "Moscow"), True)
    other = _number_slots(nlp, first, vetoed.format("May", "Paris"), True)
    assert (same, other) == (["date"], [])


@pytest.mark.parametrize(
    ("second", "slots"),
    [
        ("In 2015, the Varnian Guard began training Norland's police.", ["date"]),
        ("In 2015, the Varnian Guard trained Norland's police.", []),
    ],
)
def test_conflicts_two_dates_of_one_beginning_disagree_unworded_alike(
    nlp: Any, second: str, slots: list[str]
) -> None:
    """Two claims that date when one cast's dealings began compare their dates though they
    are no near paraphrases; two dates of what it did, worded apart, do not."""
    first = "Ever since the protests began in 2014, the Varnian Guard has advised Norland's police."
    assert _number_slots(nlp, first, second, False) == slots


@pytest.mark.parametrize(("subject", "slots"), [("He", []), ("The singer", ["number"])])
def test_conflicts_a_clause_cut_off_a_pronoun_s_sentence_names_no_one(
    nlp: Any, subject: str, slots: list[str]
) -> None:
    """ "but returned regularly and donated $5m" shares the subject of its sentence; when that
    is a pronoun nobody is named, whose donation it is is unknown, as for a claim that opens
    with one."""
    first = (
        f"{subject} lived in Varna from the age of eight until he joined the Navy, but "
        "returned regularly and donated $5m (£2.7m) to local causes."
    )
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", first)
    corpus.add("b", "Outlet B", "The actress has donated $1m to local causes.")
    *cut, other = corpus.refs
    assert [r.claim.text.split(" lived")[0] for r in cut] == [
        subject,
        "but returned regularly and donated $5m (£2.7m) to local causes.",
    ]
    found = [pair_conflicts(r, other, corpus.texts, corpus.time_of, False) for r in cut]
    assert [slot for pairs in found for slot, *_ in pairs] == slots


ORBIT = "Varna Motors said the Orbit{model} will start at ${price} in Norland."


@pytest.mark.parametrize(("second_model", "conflict"), [(" Sport", False), ("", True)])
def test_conflicts_an_article_giving_a_count_two_figures_prices_several_items(
    nlp: Any, second_model: str, conflict: bool
) -> None:
    """An article that prices the Orbit at $20,000 and the Orbit Sport at $26,000 tells of two
    models: another article's $31,000 may be a third, not another price for either. With one
    figure in each article, the two disagree. (Article A's own two figures are
    ``pair_conflicts``' to judge.)"""
    corpus = Corpus(nlp)
    first = ORBIT.format(model="", price="20,000")
    if second_model:
        first += "\n\n" + ORBIT.format(model=second_model, price="26,000")
    corpus.add("a", "Outlet A", first)
    corpus.add("b", "Outlet B", ORBIT.format(model="", price="31,000"))
    assert any(len({r.document_id for r in g.claims}) == 2 for g in corpus.groups())
    across = [
        c for g in corpus.groups() for c in g.conflicts
        if c.slot == "number" and len({v[0] for v in c.values}) == 2
    ]  # fmt: skip
    assert bool(across) is conflict


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("the Orbit", "the Orbit Sport", False),
        ("the Orbit Sport", "the Orbit", False),
        ("the Orbit", "the Orbit", True),
        ("Orbit", "the Orbit on Monday", True),  # a weekday is no part of a name
    ],
)
def test_conflicts_a_name_and_a_longer_name_beginning_with_it_price_two_things(
    nlp: Any, first: str, second: str, conflict: bool
) -> None:
    """ "The Orbit will start at $20,000" / "the Orbit Sport will start at $26,000", in one
    article or in two, price two models: a longer name that begins with the other's name is
    another thing ("Manchester" / "Manchester United"). The same name priced twice disagrees."""
    sentence = "Varna Motors said {name} will start at ${price} in Norland."
    for one_article in (True, False):
        corpus = Corpus(nlp)
        a_text = sentence.format(name=first, price="20,000")
        b_text = sentence.format(name=second, price="26,000")
        if one_article:
            corpus.add("a", "Outlet A", a_text + "\n\n" + b_text)
        else:
            corpus.add("a", "Outlet A", a_text)
            corpus.add("b", "Outlet B", b_text)
        a, b = corpus.refs
        found = [slot for slot, *_ in pair_conflicts(a, b, corpus.texts, corpus.time_of)]
        assert ("number" in found) is conflict, (one_article, found)


def test_conflicts_a_longer_name_of_the_speaker_counts_no_other_thing(nlp: Any) -> None:
    """ "Police said 40 people were killed" / "Police Chief Tom Varley said 35 people were
    killed": the speaker's longer name is who tells the toll, not a second thing counted."""
    corpus = Corpus(nlp)
    for doc, speaker in (("a", "Police"), ("b", "Police Chief Tom Varley")):
        text = f"{speaker} said {40 if doc == 'a' else 35} people were killed in Varna on Monday."
        corpus.add(doc, f"Outlet {doc}", text, source=speaker, spoken=True)
    a, b = corpus.refs
    assert "number" in [slot for slot, *_ in pair_conflicts(a, b, corpus.texts, corpus.time_of)]
