"""Stage 9: what is and is not a disagreement (titles and names, places, running totals,
increments, dates of different days, reported speech), on invented articles."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.corroboration import rewording
from dossier.corroboration.titles import read_title
from dossier.model import AttributionType
from tests.claim_corpus import FILLER, Corpus, pair_corpus


def _slots(corpus: Corpus) -> list[str]:
    return sorted(c.slot for g in corpus.groups() for c in g.conflicts)


MESSAGE = "In 2008, Ivan Petrov sent a message to {title} about the northern ports of Norland."


@pytest.mark.parametrize(
    ("title_b", "conflict"),
    [
        ("then-commander of Norland forces in Estovia, Gen. Karl Brenner,", True),
        ("Central Command commander Gen. Karl Brenner", False),
        ("the Central Command commander, Gen. Karl Brenner,", False),
        # the other sentence names the first title's qualifiers: no disagreement shown
        (
            "then-commander of Norland forces in Estovia, Gen. Karl Brenner, at Central Command,",
            False,
        ),
    ],
)
def test_conflicts_title_of_one_person(nlp: Any, title_b: str, conflict: bool) -> None:
    corpus = pair_corpus(
        nlp,
        MESSAGE.format(title="Central Command commander Gen. Karl Brenner"),
        MESSAGE.format(title=title_b),
    )
    assert _slots(corpus) == (["other"] if conflict else [])
    if conflict:
        (found,) = corpus.group_of("a").conflicts
        assert {v[2] for v in found.values} == {
            "Central Command commander", "then-commander of Norland forces in Estovia",
        }  # fmt: skip


ARREST = "Police arrested {name}, {title}, in Varnport on Wednesday over the fraud."


@pytest.mark.parametrize(
    ("title_b", "conflict"),
    [
        ("the chief financial officer of Norvik Bank", True),
        ("the CEO of Norvik Bank", False),  # one post written two ways
        ("the chief executive officer of Norvik Bank", False),
        ("the chairman and chief executive of Norvik Bank", False),  # holds both
        ("the chief financial officer of Varn Motors", False),  # another organisation
    ],
)
def test_conflicts_two_posts_of_one_organisation(nlp: Any, title_b: str, conflict: bool) -> None:
    """One person is the chief executive of a bank in one outlet and its chief financial
    officer in another: "Viktor Hale, the former chief executive" / "... chief financial
    officer"."""
    corpus = pair_corpus(
        nlp,
        ARREST.format(name="Viktor Hale", title="the chief executive of Norvik Bank"),
        ARREST.format(name="Viktor Hale", title=title_b),
    )
    assert ("other" in _slots(corpus)) is conflict


@pytest.mark.parametrize("time_word", ["Former", "Retired", "Then-"])
def test_read_title_leaves_out_words_of_time(time_word: str) -> None:
    """ "Retired coastguard Admiral Thad Allen" and "Former US coastguard" are one post: a
    time word opening a title is no qualifier, though it is capitalised."""
    title, plain = (read_title("allen", t) for t in (f"{time_word} Norland coastguard",
                                                      "Norland coastguard"))  # fmt: skip
    assert title is not None and plain is not None and title.head == "coastguard"
    assert title.qualifiers == plain.qualifiers


SPOKESMAN = "{title} {name} said the northern ports of Varnia would reopen to ships in June."


@pytest.mark.parametrize(
    ("name_b", "conflict"),
    # one surname, in any case: one person
    [("Erik Lund", True), ("Anna Berg", False), ("Annika Berg", False), ("Annika BERG", False)],
)
def test_conflicts_one_title_two_holders(nlp: Any, name_b: str, conflict: bool) -> None:
    title = "Norland Foreign Minister"
    corpus = pair_corpus(
        nlp,
        SPOKESMAN.format(title=title, name="Anna Berg"),
        SPOKESMAN.format(title=title, name=name_b),
    )
    assert ("other" in _slots(corpus)) is conflict
    if conflict:  # each title is shown with its holder's name
        (found,) = corpus.group_of("a").conflicts
        assert {v[2] for v in found.values} == {f"{title} Anna Berg", f"{title} Erik Lund"}


@pytest.mark.parametrize(
    ("title_b", "conflict"),
    [
        ("NCC commander Gen. Karl Brenner", False),  # the initials of Norland Central Command
        ("NFE commander Gen. Karl Brenner", True),
    ],
)
def test_conflicts_a_title_in_initials_agrees(nlp: Any, title_b: str, conflict: bool) -> None:
    corpus = pair_corpus(
        nlp,
        MESSAGE.format(title="Norland Central Command commander Gen. Karl Brenner"),
        MESSAGE.format(title=title_b),
    )
    assert _slots(corpus) == (["other"] if conflict else [])


@pytest.mark.parametrize(
    ("title", "other", "conflict"),
    [
        ("Mob boss", "The Norland crime family boss", False),
        ("Estovian Mob boss", "The Norland crime family boss", True),
        # a title in title case opening the sentence: "Interior" is part of it
        ("Interior Minister", "Defence Minister", True),
        ("Interior Minister", "Interior Minister", False),
        # "Professor" is an honorific, like "Dr": "Flu expert" is the title
        ("Flu expert Professor", "The Varna Institute professor", False),
    ],
)
def test_conflicts_a_capital_that_opens_the_sentence_is_no_qualifier(
    nlp: Any, title: str, other: str, conflict: bool
) -> None:
    """ "Mob boss Karl Brenner said ..." may be capitalised only because it opens the sentence;
    "Estovian Mob boss" holds a second capital, and "Interior Minister" a capitalised head, so
    their first words are read."""
    corpus = pair_corpus(
        nlp,
        SPOKESMAN.format(title=title, name="Karl Brenner"),
        SPOKESMAN.format(title=other, name="Karl Brenner"),
    )
    assert ("other" in _slots(corpus)) is conflict


@pytest.mark.parametrize(
    ("title", "other", "conflict"),
    [
        ("Deputy Energy Minister", "Energy Minister", True),
        ("Norland Vice-President", "Norland President", True),
        ("Deputy Energy Minister", "Deputy Energy Minister", False),
        ("Norland Energy Minister", "Energy Minister", False),  # one says less
    ],
)
def test_conflicts_a_lower_post_is_another_title(
    nlp: Any, title: str, other: str, conflict: bool
) -> None:
    """ "Deputy Energy Minister" holds every word of "Energy Minister", yet names another post."""
    corpus = pair_corpus(
        nlp,
        SPOKESMAN.format(title=title, name="Karl Brenner"),
        SPOKESMAN.format(title=other, name="Karl Brenner"),
    )
    assert ("other" in _slots(corpus)) is conflict


def test_conflicts_a_title_held_by_both_in_one_sentence_agrees(nlp: Any) -> None:
    """One claim names both holders ("former" is not read): the other names one of them."""
    corpus = pair_corpus(
        nlp,
        SPOKESMAN.format(
            title="Former Norland Foreign Minister Anna Berg and Norland Foreign Minister",
            name="Erik Lund",
        ),
        SPOKESMAN.format(title="Norland Foreign Minister", name="Erik Lund"),
    )
    assert "other" not in _slots(corpus)


@pytest.mark.parametrize(
    ("text", "head", "qualifiers"),
    [
        ("Central Command commander Gen.", "commander", {"cent", "comm"}),
        ("then-commander of U.S. forces in Iraq", "commander", {"us", "iraq"}),
        ("French President", "president", {"fran"}),
        ("ambassador of the United States", "ambassador", {"us"}),
        ("U.S. ambassador", "ambassador", {"us"}),
        ("American ambassador", "ambassador", {"us"}),
        ("President of France", "president", {"fran"}),
        ("Libya's Foreign Minister", "minister", {"liby", "fore"}),
        ("the former spy", "spy", set()),
    ],
)
def test_read_title_head_and_qualifiers(text: str, head: str, qualifiers: set[str]) -> None:
    title = read_title("x", text)
    assert title is not None
    assert (title.head, set(title.qualifiers)) == (head, qualifiers)


def test_read_title_rank_alone_is_no_title() -> None:
    assert read_title("x", "Maj. Gen.") is None


TOLL = "Rescue teams in Varnia said {n} people had been killed in the floods near the river."


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("13", "30", True),
        ("9", "120", False),  # too far apart to be one count: two different groups
        ("13", "nine more", False),  # an increment is no total
    ],
)
def test_conflicts_only_totals_of_one_thing_compared(
    nlp: Any, a: str, b: str, conflict: bool
) -> None:
    _numbers_disagree(nlp, TOLL.format(n=a), TOLL.format(n=b), conflict)


def test_conflicts_a_rate_is_no_total_nor_grouped_with_one(nlp: Any) -> None:
    """ "30 a day" is a rate: two facts, so no group and no conflict with "13" killed."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", TOLL.format(n="13"))
    corpus.add("b", "Outlet B", TOLL.format(n="30 a day"))
    assert all(len(g.claims) == 1 and not g.conflicts for g in corpus.groups())


def _numbers_disagree(nlp: Any, first: str, second: str, conflict: bool) -> None:
    """The two sentences are grouped, with a number conflict exactly when ``conflict``."""
    assert _slots(pair_corpus(nlp, first, second)) == (["number"] if conflict else [])


RELEASE = "Officials in Varnia said {n} prisoners had been {verb} from the jail near the river."


@pytest.mark.parametrize(("verb", "conflict"), [("freed", True), ("released", True),
                                                 ("moved", False)])  # fmt: skip
def test_conflicts_counts_by_verbs_used_for_one_another_compare(
    nlp: Any, verb: str, conflict: bool
) -> None:
    """ "200 prisoners released" and "600 freed" count one thing; "600 moved" another."""
    first = RELEASE.format(n="200", verb="released")
    _numbers_disagree(nlp, first, RELEASE.format(n="600", verb=verb), conflict)


FUND = "Officials in Varnia said Norland Oil will {verb} a {sum} fund for the idled rig workers."


@pytest.mark.parametrize(
    ("sum_b", "conflict"),
    [("$100 million", True), ("$120m", False), ("$20bn", False)],  # $20bn: another fund
)
def test_conflicts_sums_that_name_what_they_are_compare(
    nlp: Any, sum_b: str, conflict: bool
) -> None:
    """ "set up a $120m fund" / "establish a $100 million fund": one fund, whatever the verb."""
    first = FUND.format(verb="set up", sum="$120m")
    _numbers_disagree(nlp, first, FUND.format(verb="establish", sum=sum_b), conflict)


@pytest.mark.parametrize(
    ("published", "conflict"), [("2020-06-02", True), ("2020-06-03", False), ("2020-06-20", False)]
)
def test_conflicts_running_totals_of_different_days_not_compared(
    nlp: Any, published: str, conflict: bool
) -> None:
    corpus = pair_corpus(
        nlp,
        TOLL.format(n="7,500"),
        TOLL.format(n="9,000"),
        b={"published": published},
    )
    assert _slots(corpus) == (["number"] if conflict else [])


CAPTURE = "On {day}, the rebels {verb} the port of Varnia after a long battle with the army."


@pytest.mark.parametrize(
    ("verb_b", "conflict"), [("captured", True), ("shelled", False)]
)  # fmt: skip
def test_conflicts_two_days_disagree_only_about_one_act(
    nlp: Any, verb_b: str, conflict: bool
) -> None:
    corpus = pair_corpus(
        nlp,
        CAPTURE.format(day="Saturday", verb="captured"),
        CAPTURE.format(day="Sunday", verb=verb_b),
    )
    assert _slots(corpus) == (["date"] if conflict else [])


CRUDE = "Norland {grade} crude rose {move} cents to settle at ${level} a barrel, traders said on Friday."


@pytest.mark.parametrize(("level_b", "conflict"), [("109.31", True), ("83.20", False)])
def test_conflicts_two_moves_to_two_levels_move_two_prices(
    nlp: Any, level_b: str, conflict: bool
) -> None:
    """ "rose 95 cents to settle at $109.31" and "rose 79 cents to settle at $83.20" move two
    prices (two grades, two contracts); to one level, the two moves disagree."""
    corpus = pair_corpus(
        nlp,
        CRUDE.format(grade="Brent", move="95", level="109.31"),
        CRUDE.format(grade="Brent", move="79", level=level_b),
    )
    assert _slots(corpus) == (["number"] if conflict else [])


@pytest.mark.parametrize(("mark", "conflict"), [("", True), ("also ", False), ("again ", False)])
def test_conflicts_an_act_told_as_one_more_is_another_days(
    nlp: Any, mark: str, conflict: bool
) -> None:
    """ "Anti-aircraft fire was also heard on Sunday evening" tells another night's fire than
    "was heard on Saturday evening": one more of its kind, not the same act dated twice."""
    text = "On {day} evening, heavy anti-aircraft fire was {mark}heard in the port of Varnia."
    corpus = pair_corpus(
        nlp, text.format(day="Saturday", mark=""), text.format(day="Sunday", mark=mark)
    )
    assert _slots(corpus) == (["date"] if conflict else [])


@pytest.mark.parametrize(("verb_b", "conflict"), [("captured", True), ("shelled", False)])
def test_conflicts_inside_one_article_dates_of_different_acts_agree(
    nlp: Any, verb_b: str, conflict: bool
) -> None:
    """An article tells a sequence: two years for two acts are no self-contradiction."""
    corpus = Corpus(nlp)
    first = "In 1998, the rebels captured the port of Varnia after a long battle with the army."
    second = f"In 2003, the rebels {verb_b} the port of Varnia after a long battle with the army."
    corpus.add("a", "Outlet A", f"{first} {FILLER} {second}")
    group = corpus.group_of("a")
    assert len(group.claims) == 2
    assert [c.slot for c in group.conflicts] == (["date"] if conflict else [])


def test_conflicts_same_date_words_of_different_articles_agree(nlp: Any) -> None:
    """ "Sunday" in articles a week apart names two days, but says the same thing."""
    corpus = pair_corpus(
        nlp,
        CAPTURE.format(day="Sunday", verb="captured"),
        CAPTURE.format(day="Sunday", verb="captured"),
        b={"published": "2020-06-09"},
    )
    assert _slots(corpus) == []


def test_conflicts_now_is_no_date_to_disagree_with(nlp: Any) -> None:
    corpus = pair_corpus(
        nlp,
        "The opposition groups have now agreed to back the council in Varnia, activists said.",
        "On Tuesday, the opposition groups agreed to back the council in Varnia, activists said.",
        a={"published": "2020-06-05"},
        b={"published": "2020-06-05"},
    )
    assert _slots(corpus) == []


PORT = "Rebels captured an arms depot in {place} on Friday after a long battle with the army."


@pytest.mark.parametrize(
    ("place_a", "place_b", "conflict"),
    [("Idlib", "Idleb", False), ("Zawiya", "Zawiyah", False), ("Idlib", "Tripoli", True)],
)
def test_conflicts_place_spelt_two_ways_agrees(
    nlp: Any, place_a: str, place_b: str, conflict: bool
) -> None:
    corpus = pair_corpus(nlp, PORT.format(place=place_a), PORT.format(place=place_b))
    assert _slots(corpus) == (["place"] if conflict else [])


REPORTED = "Anna Berg said {words} full access to the flooded towns of northern Varnia."


@pytest.mark.parametrize(
    ("words", "conflict"),
    [("she had asked the government for", False), ("I have asked the government for", True)],
)
def test_conflicts_reported_speech_is_no_quotation(nlp: Any, words: str, conflict: bool) -> None:
    """Unmarked words after "said" are the speaker's own only in the first person."""
    kind = {"source": "Anna Berg", "kind": AttributionType.SUBJECT, "cue": "said"}
    corpus = pair_corpus(
        nlp,
        REPORTED.format(words=words),
        REPORTED.format(words=words.replace("the government", "the ministry")),
        a=kind,
        b=kind,
    )
    assert _slots(corpus) == (["quote"] if conflict else [])


@pytest.mark.parametrize(("place_b", "verb_b", "conflict"),
                         [("Tripoli", "captured", True), ("Tripoli", "shelled", False)])  # fmt: skip
def test_conflicts_two_places_disagree_only_about_one_act(
    nlp: Any, place_b: str, verb_b: str, conflict: bool
) -> None:
    corpus = pair_corpus(
        nlp,
        PORT.format(place="Idlib"),
        PORT.format(place=place_b).replace("captured", verb_b),
    )
    assert _slots(corpus) == (["place"] if conflict else [])


SPEECH = (
    '"{name} should see the tragic ends of the ones who declared war against their own people," '
    "Karl Brenner told members of parliament in Varnia."
)


@pytest.mark.parametrize(
    ("name_b", "verb_b", "conflict"),
    [("Bashar Assad", "declared war against", False), ("Bashar Assad", "made war on", True)],
)
def test_conflicts_a_name_particle_is_spelling_not_wording(
    nlp: Any, name_b: str, verb_b: str, conflict: bool
) -> None:
    kind = {"source": "Karl Brenner", "kind": AttributionType.NAMED}
    corpus = pair_corpus(
        nlp,
        SPEECH.format(name="Bashar al-Assad"),
        SPEECH.format(name=name_b).replace("declared war against", verb_b),
        a=kind,
        b=kind,
    )
    assert ("quote" in _slots(corpus)) is conflict


@pytest.mark.parametrize(
    ("quote_b", "conflict"),
    [("the blood of the oppressed", False), ("the ruin of the ports of the north", True)],
)
def test_conflicts_quotes_compared_on_their_content_words(
    nlp: Any, quote_b: str, conflict: bool
) -> None:
    """ "the ... of the" is shared by any two quotes: only content words show one statement."""
    assert _quote_conflict(nlp, "the future of the ports of the north", quote_b) is conflict


@pytest.mark.parametrize(
    ("quote_b", "conflict"),
    [
        ("We will keep the ports open to every ship from Varnia", False),  # words left out
        ("We will keep the ports of the north open to every ship", False),  # ends earlier
        ("We will keep the ports of the north shut to every ship from Varnia", True),
        # ... but no trim leaves out a negation
        ("We will not keep the ports of the north open to every ship from Varnia", True),
        # nor a number ("the trust of thousands" / "of tens of thousands")
        ("We will keep the three ports of the north open to every ship from Varnia", True),
        # nor ends on other words after the same ones
        ("We will keep the ports of the north open to every ship from Estovia", True),
        ("We will keep the ports of the north open to every ship from Varnia today", False),
    ],
)
def test_conflicts_a_trimmed_quote_is_no_rewording(nlp: Any, quote_b: str, conflict: bool) -> None:
    """Outlets cut words out of a quote; a word standing where the other has another is a
    wording conflict ("manage" / "control")."""
    quote_a = "We will keep the ports of the north open to every ship from Varnia"
    assert _quote_conflict(nlp, quote_a, quote_b) is conflict


def test_conflicts_a_number_written_otherwise_is_no_rewording(nlp: Any) -> None:
    """ "this 11th hour regulation" / "this eleventh-hour regulation" quote one statement; a
    number added ("the three ports") rewords it."""
    quote_a = "By rolling back this 11th hour rule we keep the ports of the north open"
    assert not _quote_conflict(nlp, quote_a, quote_a.replace("11th hour", "eleventh-hour"))
    assert _quote_conflict(nlp, quote_a, quote_a.replace("the ports", "the three ports"))


def test_conflicts_a_quote_end_after_function_words_only_is_no_rewording(nlp: Any) -> None:
    """Other last words after shared words that are all function words: nothing anchors the
    substitution (and the comparison reaches past the last run without failing)."""
    quote_a = "It was up to them and to all of those who were there with them"
    assert not _quote_conflict(nlp, quote_a, quote_a.replace("with them", "with us"))
    # a short quoted label ends on other words in many statements
    assert not _quote_conflict(nlp, "the northern crusader aggression", "northern crusader enemies")


@pytest.mark.parametrize(
    ("quote_b", "conflict"),
    [
        ("We realized the harbour will stay open to every ship after 6:41pm", False),  # spelling
        ("We realised the harbor will stay open to every ship after 18:41", False),  # clock
        ("We realised the harbour will stay open to every ship from 6:41pm", False),  # stop word
        ("We realised the harbour will stay open to every vessel after 6:41pm", True),
        ("We realised the harbour will stay shut to every ship after 6:41pm", True),
    ],
)
def test_conflicts_a_quote_written_otherwise_is_no_rewording(
    nlp: Any, quote_b: str, conflict: bool
) -> None:
    """Spellings ("realised"), clock times ("6:41pm" / "18:41") and one function word for
    another are transcriptions of one quote; a content word for another is a rewording."""
    quote_a = "We realised the harbour will stay open to every ship after 6:41pm"
    assert _quote_conflict(nlp, quote_a, quote_b) is conflict


@pytest.mark.parametrize(
    ("left", "right", "reworded"),
    [
        (["data", "center"], ["datacenter"], False),
        (["ie"], ["internet", "explorer"], False),
        (["11th"], ["eleventh"], False),
        (["want"], ["wanted"], False),
        (["judgement"], ["judgment"], False),
        (["policy"], ["police"], True),
        (["hear"], ["heart"], True),
        (["four"], ["for"], True),
        (["filled"], ["filed"], True),
        (["colour"], ["color"], False),
        (["travelled"], ["traveled"], False),
        (["three"], ["four"], True),
        (["always"], ["never"], True),
        (["sustained"], ["suffered"], True),
        (["will"], ["would"], True),
        (["the"], ["a"], False),
    ],
)
def test_conflicts_rewording_is_another_word(
    left: list[str], right: list[str], reworded: bool
) -> None:
    assert rewording.reworded(left, right) is reworded


def test_conflicts_a_moved_negation_rewords_a_quote(nlp: Any) -> None:
    """ "I feel we weren't keeping the ports open" / "I didn't feel we were keeping the ports
    open": the same words, but a negation moved from one verb to another."""
    quote_a = "I feel on the quays we weren't keeping the ports of the north open"
    quote_b = "I didn't feel on the quays we were keeping the ports of the north open"
    assert _quote_conflict(nlp, quote_a, quote_b)


@pytest.mark.parametrize(
    ("quote_b", "conflict"),
    [
        ("I believe any further closure would make the situation worse", True),
        ("I believe that further closure will make the situation worse", False),
    ],
)
def test_conflicts_a_modal_verb_rewords_a_quote(nlp: Any, quote_b: str, conflict: bool) -> None:
    """ "will make it worse" and "would make it worse" say two things; "that" added says
    nothing more."""
    quote_a = "I believe further closure will make the situation worse"
    assert _quote_conflict(nlp, quote_a, quote_b) is conflict


@pytest.mark.parametrize(
    ("quote_b", "conflict"),
    [
        ("The future of Varnia will come from the Varnians themselves through dialogue", False),
        ("The future of Varnia will emerge from the Varnians themselves through dialogue", True),
    ],
)
def test_conflicts_a_plural_name_is_no_variant_of_its_place(
    nlp: Any, quote_b: str, conflict: bool
) -> None:
    """ "the Varnians" quoted twice is one word, though "Varnia" stands in the quote too: a
    comma more or less is the same wording, another word is not."""
    quote_a = "The future of Varnia will come from the Varnians themselves, through dialogue"
    assert _quote_conflict(nlp, quote_a, quote_b) is conflict


def _quote_conflict(nlp: Any, quote_a: str, quote_b: str) -> bool:
    """Two outlets quote Karl Brenner's words about the ports: is a quote conflict flagged?"""
    line = '"{q}," Karl Brenner told members of parliament in Varnia about the northern ports.'
    kind = {"source": "Karl Brenner", "kind": AttributionType.NAMED}
    corpus = pair_corpus(nlp, line.format(q=quote_a), line.format(q=quote_b), a=kind, b=kind)
    return "quote" in _slots(corpus)


@pytest.mark.parametrize(
    ("quote_a", "quote_b", "conflict"),
    [
        (
            "The gates were locked. We could not get out of the yard,",
            "The doors were locked. We could not get out of the yard,",
            True,
        ),
        # the claims' own sentences agree; the quotations go on to other sentences
        (
            "That is not so at the port. We care about the small traders,",
            "She cares about the small traders. And we care about the small traders,",
            False,
        ),
    ],
)
def test_conflicts_a_quotation_of_two_sentences_is_compared_whole(
    nlp: Any, quote_a: str, quote_b: str, conflict: bool
) -> None:
    """Each sentence of a quotation is a claim of its own, too short alone to show that two
    wordings are one statement; the whole quotation shows it. The sentences are shown."""
    line = '"{q}" said Anna Berg, a guard at the port of Varnia.'
    kind = {"source": "Anna Berg", "kind": AttributionType.NAMED}
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", line.format(q=quote_a), **kind)
    corpus.add("b", "Outlet B", line.format(q=quote_b), **kind)
    found = [c for g in corpus.groups() for c in g.conflicts if c.slot == "quote"]
    assert bool(found) is conflict
    if conflict:
        assert {v[2] for v in found[0].values} == {
            q.split(". ")[0] + "." for q in (quote_a, quote_b)
        }


@pytest.mark.parametrize(
    ("published_b", "day_b", "conflict"),
    [("2020-06-01", "Saturday", False), ("2020-06-09", "Friday", True)],
)
def test_conflicts_an_act_announced_for_later_dates_its_effect(
    nlp: Any, published_b: str, day_b: str, conflict: bool
) -> None:
    """ "will suspend ... on Wednesday" (3 June) and "suspended ... on Saturday" (30 May)
    date the effect and the decision; announced for an earlier day than another report
    gives (a delay, or an error), the dates still disagree."""
    corpus = pair_corpus(
        nlp,
        "Norland's parliament will suspend the Varnia delegation on Wednesday, officials said.",
        f"Norland's parliament suspended the Varnia delegation on {day_b}, officials said.",
        a={"published": "2020-06-01"},
        b={"published": published_b},
    )
    assert _slots(corpus) == (["date"] if conflict else [])


def test_conflicts_a_title_holding_the_other_in_lower_case_agrees(nlp: Any) -> None:
    """ "Women's world number one" holds "World number one": one title, not two."""
    corpus = Corpus(nlp)
    corpus.add(
        "a", "Outlet A", "World number one Anna Berg won her first match in Varnia on Monday."
    )
    corpus.add(
        "b",
        "Outlet B",
        "Women's world number one Anna Berg won her first match in Varnia on Monday.",
    )
    group = corpus.group_of("a")
    assert [r.titles for r in group.claims if r.titles], "the titles were not read"
    assert all(c.slot != "other" for c in group.conflicts)


def test_conflicts_a_title_many_hold_has_no_wrong_holder(nlp: Any) -> None:
    """ "A Norland Radio columnist" is one of several: two people can both be one."""
    line = "{name}, a Norland Radio columnist, said the northern ports of Varnia would reopen."
    corpus = pair_corpus(nlp, line.format(name="Anna Berg"), line.format(name="Erik Lund"))
    assert [r.titles for r in corpus.refs if r.titles], "the titles were not read"
    assert "other" not in _slots(corpus)
    shared, one = (read_title("x", f"{d} Norland Radio columnist") for d in ("a", "the"))
    assert shared is not None and one is not None and (shared.unique, one.unique) == (False, True)
    # One side unique is not enough, in either order: "the columnist" beside "a columnist".
    lines = [line.format(name="Anna Berg"),
             line.format(name="Erik Lund").replace(", a Norland", ", the Norland")]  # fmt: skip
    for first, second in (lines, lines[::-1]):
        assert "other" not in _slots(pair_corpus(nlp, first, second))


@pytest.mark.parametrize(("count_b", "conflict"), [("three", True), ("five", False)])
def test_conflicts_two_places_with_two_counts_are_two_happenings(
    nlp: Any, count_b: str, conflict: bool
) -> None:
    """ "Rebels captured three arms depots in Idlib" / "five arms depots in Tripoli": two
    captures, not one put in two places; with one count it is one capture and a place slot."""
    depots = (
        "Rebels captured {n} arms depots in {place} on Friday after a long battle with the army."
    )
    corpus = pair_corpus(
        nlp, depots.format(n="three", place="Idlib"), depots.format(n=count_b, place="Tripoli")
    )
    assert ("place" in _slots(corpus)) is conflict


@pytest.mark.parametrize(("both_days", "conflict"), [(False, True), (True, False)])
def test_conflicts_an_article_reporting_both_dates_does_not_disagree(
    nlp: Any, both_days: bool, conflict: bool
) -> None:
    """ "shelled Varnport on Sunday" against "shelled Varnport on Monday" disagree, unless the
    second article also reports the shelling on Sunday: an act of several days."""
    corpus = Corpus(nlp)
    corpus.add("a", "Outlet A", "Norland's navy shelled the port of Varnport on Sunday, "
               "residents said.", published="2020-06-01")  # fmt: skip
    second = "Norland's forces shelled the port of Varnport on Monday, residents said."
    if both_days:
        second += " Tanks and navy ships shelled the southern districts of Varnport on Sunday, residents said."
    corpus.add("b", "Outlet B", second, published="2020-06-02")
    assert len(corpus.group_of("a").claims) == (3 if both_days else 2)
    assert _slots(corpus) == (["date"] if conflict else [])


@pytest.mark.parametrize(
    ("count_b", "dated_b", "conflict"),
    [("27", "this week", False), ("27", "on Sunday", False), ("five", "on Sunday", True)],
)
def test_conflicts_two_figures_dated_apart_are_two_counts(
    nlp: Any, count_b: str, dated_b: str, conflict: bool
) -> None:
    """ "at least five people were killed in Varnport on Saturday" and "at least 27 people have
    been killed in Varnport this week" (or "on Sunday") count two periods, not one toll dated
    twice; the same "at least five" dated "on Sunday" is one toll put on two days."""
    corpus = pair_corpus(
        nlp,
        "At least five people were killed in Varnport on Saturday, rebels said.",
        f"At least {count_b} people have been killed in Varnport {dated_b}, rebels said.",
        a={"published": "2020-06-01"},
        b={"published": "2020-06-01"},
    )
    assert _slots(corpus) == (["date"] if conflict else [])


@pytest.mark.parametrize(
    ("parties", "conflict"),
    [("by Norland and Estovia", True), ("by the Norland side", False)],
)
def test_conflicts_one_act_of_one_cast_has_one_place_and_sum(
    nlp: Any, parties: str, conflict: bool
) -> None:
    """ "signed in Tallinn by Norland and Estovia" / "signed in Riga by Norland and Estovia":
    one act of two parties, whose place and sum both differ. With one actor it may be two
    signings, each with its sum (as two captures of arms depots)."""
    deal = "The agreement, worth ${n} billion, was signed in {place} {parties} on Monday."
    corpus = pair_corpus(
        nlp,
        deal.format(n=12, place="Tallinn", parties=parties),
        deal.format(n=15, place="Riga", parties=parties),
    )
    assert _slots(corpus) == (["number", "place"] if conflict else [])


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("a 20-year gas supply deal", "a 25-year gas supply deal", True),
        ("a 20-year gas supply deal", "a 20-year gas supply deal with an option", False),
        ("a three-day state visit", "a two-day state visit", True),
        ("a 20-year gas supply deal", "a 25-year gas pipeline deal", False),  # two things
    ],
)
def test_conflicts_a_things_duration(nlp: Any, first: str, second: str, conflict: bool) -> None:
    """A duration that qualifies a noun is the thing's length, fixed once agreed."""
    line = "Norland signed {what} with Estovia in Varnport on Monday, officials said."
    corpus = pair_corpus(nlp, line.format(what=first), line.format(what=second))
    assert _slots(corpus) == (["number"] if conflict else [])


def test_conflicts_an_age_is_no_duration(nlp: Any) -> None:
    """ "A 40-year-old man" / "a 41-year-old man": a birthday may fall between two articles."""
    line = "A {age}-year-old Norland man was arrested in Varnport on Monday over the fire, police said."
    corpus = pair_corpus(nlp, line.format(age=40), line.format(age=41))
    assert _slots(corpus) == []


@pytest.mark.parametrize(
    ("route_b", "conflict"),
    [
        ("from Leeds to Liverpool", True),
        ("from Leeds to Edinburgh", False),
        ("from Newcastle to Liverpool", False),
    ],
)
def test_conflicts_the_place_one_claim_alone_names(nlp: Any, route_b: str, conflict: bool) -> None:
    """ "from Leeds to Edinburgh" / "from Leeds to Liverpool": the places both name set aside,
    each names one more, and those disagree. Two places each apart are not read."""
    line = "The Rail North train derailed on Friday while travelling {route}, police said."
    corpus = pair_corpus(
        nlp, line.format(route="from Leeds to Edinburgh"), line.format(route=route_b)
    )
    assert _slots(corpus) == (["place"] if conflict else [])


def test_conflicts_two_teams_offers_are_two_durations(nlp: Any) -> None:
    """ "Norland Rovers offered Karl Brenner an eight-year contract" / "Varna United offered
    Karl Brenner a seven-year contract": two offers, not one length told twice."""
    line = "{team} offered Karl Brenner {n}-year contract on Monday, his agent said."
    corpus = pair_corpus(
        nlp,
        line.format(team="Norland Rovers", n="an eight"),
        line.format(team="Varna United", n="a seven"),
    )
    assert "number" not in _slots(corpus)


@pytest.mark.parametrize(("also", "conflict"), [("", True), ("also ", False)])
def test_conflicts_a_count_of_another_of_its_kind(nlp: Any, also: str, conflict: bool) -> None:
    """ "An 8.7-magnitude earthquake also hit Varna province" beside "A 6.1-magnitude earthquake
    hit Varna province on Tuesday" (an article of a known date) tells another quake."""
    from dossier.corroboration.conflicts import pair_conflicts

    corpus = Corpus(nlp)
    corpus.add(
        "a", "Outlet A", "A 6.1-magnitude earthquake hit Norland's Varna province on Tuesday."
    )
    corpus.add("b", "Outlet B", f"An 8.7-magnitude earthquake {also}hit Norland's Varna province.")
    a, b = corpus.refs
    slots = [s for s, *_ in pair_conflicts(a, b, corpus.texts, corpus.time_of, True)]
    assert ("number" in slots) is conflict
