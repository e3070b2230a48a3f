"""Stage 6, claims: invented sentences parsed by the real spaCy model."""

from __future__ import annotations

import math
import re
import signal
from collections.abc import Sequence
from typing import Any

import pytest

from dossier.claims import claim_id, extract_claims
from dossier.claims.clauses import trim_start
from dossier.model import Attribution, AttributionType, Claim, DatePrecision, PublishedDate, Span
from dossier.time import extract_times

DOC_ID = "doc"
PUBLISHED = PublishedDate("2020-06-01", DatePrecision.DAY)


def run(
    nlp: Any,
    text: str,
    mentions: Sequence[tuple[str, str]] | None = None,
    attributions: Sequence[Attribution] = (),
    quotes: Sequence[tuple[int, int]] = (),
) -> list[Claim]:
    """Claims of ``text``; ``mentions`` are (surface, label) pairs, else spaCy's entities."""
    doc = nlp(text)
    if mentions is None:
        found = [
            (e.start_char, e.end_char, e.label_)
            for e in doc.ents
            if e.label_ not in ("DATE", "CARDINAL")
        ]
    else:
        found = [
            (m.start(), m.end(), label)
            for s, label in mentions
            for m in re.finditer(re.escape(s), text)
        ]
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    times = extract_times(DOC_ID, text, bounds, PUBLISHED)
    return extract_claims(doc, DOC_ID, attributions, quotes, times, found)


def words(text: str, spans: Sequence[Span]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_claims_slots_of_a_simple_sentence(nlp: Any) -> None:
    text = "In March 2015, Soleimani sent a message to the commanders in Baghdad."
    (claim,) = run(nlp, text, [("Soleimani", "PERSON"), ("Baghdad", "GPE")])
    assert claim.predicate == "send message"
    assert words(text, claim.actors) == ["Soleimani"]
    assert words(text, claim.places) == ["Baghdad"]
    assert claim.time is not None and text[claim.time.start : claim.time.end] == "March 2015"
    assert claim.id == claim_id(DOC_ID, claim.sentence.start, claim.sentence.end)
    assert claim.id.startswith("c") and len(claim.id) == 13
    assert text[claim.sentence.start : claim.sentence.end] == claim.text


def test_claims_predicate_goes_through_light_verbs_and_with(nlp: Any) -> None:
    text = "Iran agreed to provide the United States with valuable intelligence."
    (claim,) = run(nlp, text, [("Iran", "GPE"), ("the United States", "GPE")])
    assert claim.predicate == "provide intelligence"
    assert words(text, claim.actors) == ["Iran", "the United States"]


def test_claims_date_on_a_light_verb_dates_that_act(nlp: Any) -> None:
    """ "decided last week to suspend" dates the decision: its predicate names it, so the
    date is never compared with the suspension's own ("suspended on Wednesday")."""
    text = "The Arab League decided last week to suspend Syria."
    (claim,) = run(nlp, text, [("The Arab League", "ORG"), ("Syria", "GPE")])
    assert claim.predicate == "decide suspend syria"
    assert claim.time is not None and text[claim.time.start : claim.time.end] == "last week"
    (undated,) = run(nlp, "The Arab League decided to suspend Syria.",
                     [("The Arab League", "ORG"), ("Syria", "GPE")])  # fmt: skip
    assert undated.predicate == "suspend syria"
    (on_event,) = run(nlp, "The Arab League decided to suspend Syria on Wednesday.",
                      [("The Arab League", "ORG"), ("Syria", "GPE")])  # fmt: skip
    assert on_event.predicate == "suspend syria"


def test_claims_list_entry_heading_dates_the_entry_after_it(nlp: Any) -> None:
    """A timeline pasted as one line: each "DATE:" heads the entry after it, not the one
    before, which the sentence splitter leaves it in."""
    text = (
        "18 August: The US imposes a full ban on oil imports 12 November: The Arab League "
        "suspends Syria from the organisation 14 November: King Abdullah urges Assad to go."
    )
    names = [("The US", "GPE"), ("The Arab League", "ORG"), ("Syria", "GPE"),
             ("King Abdullah", "PERSON"), ("Assad", "PERSON")]  # fmt: skip
    dated = {c.predicate: text[c.time.start : c.time.end] for c in run(nlp, text, names) if c.time}
    assert dated == {"impose ban": "18 August", "suspend syria": "12 November",
                     "urge assad": "14 November"}  # fmt: skip


def test_claims_dated_aside_is_a_claim_of_its_own(nlp: Any) -> None:
    """ "Russia and China, which last month vetoed a draft" states a dated fact the main
    clause only carries; an undated aside is description, not a claim."""
    text = "Russia and China, which last month vetoed a draft resolution, oppose new sanctions."
    claims = run(nlp, text, [("Russia", "GPE"), ("China", "GPE")])
    aside = next(c for c in claims if c.predicate == "veto resolution")
    assert aside.text == "which last month vetoed a draft resolution"
    assert words(text, aside.actors) == ["Russia", "China"]
    assert aside.time is not None and text[aside.time.start : aside.time.end] == "last month"
    assert any(c.predicate.startswith("oppose") for c in claims)
    undated = "Mousavian, who teaches at Princeton, met Soleimani in Tehran."
    found = run(nlp, undated, [("Mousavian", "PERSON"), ("Princeton", "ORG"),
                               ("Soleimani", "PERSON"), ("Tehran", "GPE")])  # fmt: skip
    assert [c.predicate for c in found] == ["meet soleimani"]


def test_claims_dated_aside_on_a_named_thing_is_a_claim_with_its_noun(nlp: Any) -> None:
    """ "The factory, which opened in 1989, employs ...": the aside dates an act of a thing
    the story named before, written out in the claim since no name says what opened; an
    undated aside is description, and "a factory" names nothing known."""
    text = "The factory, which opened in 1989, employs about 4,500 workers."
    assert "The factory, which opened in 1989" in [c.text for c in run(nlp, text, [])]
    for other in ("The factory, which is very large, employs about 4,500 workers.",
                  "A factory, which opened in 1989, employs about 4,500 workers."):  # fmt: skip
        assert not [c for c in run(nlp, other, []) if "which" in c.text and c.text != other]


def test_claims_an_opening_with_states_a_fact_of_its_own(nlp: Any) -> None:
    """ "With 300 people killed ..., the mood is grim": the opening "with" and its verb state
    a checkable fact even when the main clause is a view; a main clause that is a claim
    keeps it."""
    text = "With 300 people killed in the fighting in Varna, the mood in the city is grim."
    claims = run(nlp, text, [("Varna", "GPE")])
    assert [c.text for c in claims] == ["With 300 people killed in the fighting in Varna"]
    assert [q.low for q in claims[0].quantities] == [300.0]
    fact = "With 40 staff laid off in Varna, Norlam Oil reported a loss of $2m on Friday."
    texts = [c.text for c in run(nlp, fact, [("Varna", "GPE"), ("Norlam Oil", "ORG")])]
    assert texts == [fact, "With 40 staff laid off in Varna"]


def test_claims_a_with_before_a_clause_of_its_own_stays_in_it(nlp: Any) -> None:
    """A finite verb before the comma is a main clause, not part of the "with" phrase: in
    "With oil prices rising to $120, airlines in Norland are struggling, analysts said" the
    phrase is not cut at the reporter's comma."""
    text = "With oil prices rising to $120 a barrel, airlines in Norland are struggling, analysts said."
    claims = run(nlp, text, [("Norland", "GPE")])
    assert not any(c.text.startswith("With") and c.text.endswith("struggling") for c in claims)


def test_claims_an_aside_naming_a_post_is_a_claim(nlp: Any) -> None:
    """ "Soleimani, who heads Iran's elite Quds Force": a role other outlets report and may
    contradict, dated or not; "who teaches at Princeton" stays description."""
    text = "Soleimani, who heads Iran's elite Quds Force, met Mousavian in Tehran."
    claims = run(nlp, text, [("Soleimani", "PERSON"), ("Iran", "GPE"), ("Quds Force", "ORG"),
                             ("Mousavian", "PERSON"), ("Tehran", "GPE")])  # fmt: skip
    aside = next(c for c in claims if c.text == "who heads Iran's elite Quds Force")
    assert words(text, aside.actors)[0] == "Soleimani"
    assert aside.time is None
    assert any(c.predicate == "meet mousavian" for c in claims)


def test_claims_becoming_a_post_is_a_claim(nlp: Any) -> None:
    """ "became the first Arab leader to ..." states a new standing; "seemed invincible" and
    "became angry" describe a look or a mood."""
    names = [("King Abdullah", "PERSON"), ("Assad", "PERSON"), ("Varna", "GPE")]
    text = "King Abdullah became the first Arab leader to urge Assad to stand down."
    assert len(run(nlp, text, names)) == 1
    for text in (
        "King Abdullah seemed invincible in Varna.",
        "King Abdullah became angry in Varna.",
    ):
        assert run(nlp, text, names) == [], text


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Tom Ardley scored two traditional three-point plays for Varna.", [(2.0, "play")]),
        ("The Norland army dropped two 500-pound bombs on Varna.", [(2.0, "bomb")]),
        ("The 6.1-magnitude quake struck Varna on Sunday.", [(6.1, "magnitude")]),
    ],
)
def test_claims_a_hyphened_measure_of_a_counted_noun_is_a_kind(
    nlp: Any, text: str, counts: list[tuple[float, str]]
) -> None:
    """ "two three-point plays" counts two plays of a kind, not three points; alone, the
    hyphened measure measures its noun ("the 6.1-magnitude quake")."""
    (claim,) = run(nlp, text, [("Tom Ardley", "PERSON"), ("Norland", "GPE"), ("Varna", "GPE")])
    assert [(q.low, q.unit) for q in claim.quantities] == counts


def test_claims_coordinated_main_clauses_split(nlp: Any) -> None:
    text = "The Quds Force planned the operation in Syria, and Hezbollah coordinated the offensive."
    claims = run(nlp, text, [("The Quds Force", "ORG"), ("Syria", "GPE"), ("Hezbollah", "ORG")])
    assert [c.predicate for c in claims] == ["plan operation", "coordinate offensive"]
    assert claims[1].text == "Hezbollah coordinated the offensive."
    assert words(text, claims[0].places) == ["Syria"]


def test_claims_quantities_with_hedges(nlp: Any) -> None:
    text = (
        "At least 13 troops were killed in Tikrit. Between 60-70 commanders of Hezbollah fled. "
        "About 800 civilians left Tikrit. Up to 10,000 fighters joined Hezbollah. "
        "More than 500 rebels attacked Tikrit. 11 Iranian diplomats paid $100 to Hezbollah. "
        "Hezbollah ended the 40-year war. Hezbollah shares fell as much as 5% in Tikrit."
    )
    claims = run(nlp, text, [("Tikrit", "GPE"), ("Hezbollah", "ORG")])
    got = {q.unit: (q.low, q.high, q.hedge) for c in claims for q in c.quantities}
    assert got["troop"] == (13, math.inf, "at least")
    assert got["commander"] == (60, 70, "between")
    assert got["civilian"] == pytest.approx((720, 880, "about"))
    assert got["fighter"] == (0, 10000, "up to")
    assert got["rebel"] == (501, math.inf, "more than")
    assert got["diplomat"] == (11, 11, "")
    assert got["USD"] == (100, 100, "")
    assert got["%"] == (0, 5, "up to")
    assert not any(q.low == 40 for c in claims for q in c.quantities)  # "40-year" is a duration


def test_claims_a_plural_proper_noun_is_what_is_counted(nlp: Any) -> None:
    """ "Nine Norlanders have been killed" counts Norlanders, not bare deaths ("killing 40"),
    so it is not set against a toll of other people."""
    text = "Nine Norlanders have been killed in the conflict. The shelling killed 40 in Varna."
    claims = run(nlp, text, [("Varna", "GPE")])
    got = {q.low: (q.unit, q.verb) for c in claims for q in c.quantities}
    assert got[9][0] == "norlanders"
    assert got[40] == ("", "kill")


def test_claims_sums_with_a_spaced_scale_and_what_they_name(nlp: Any) -> None:
    """ "$2.6 bn" is 2.6 billion (a spaced scale after a currency), and a sum names what it
    counts ("dividend payment"); "the 100 m race" is no sum."""
    text = "Norland Oil cancelled a $2.6 bn dividend payment. Varna ran the 100 m race in May."
    claims = run(nlp, text, [("Norland Oil", "ORG"), ("Varna", "GPE")])
    sums = [(q.low, q.unit, q.verb) for c in claims for q in c.quantities if q.unit == "USD"]
    assert sums == [(2.6e9, "USD", "payment")]
    assert not any(q.low >= 1e6 for c in claims for q in c.quantities if q.unit != "USD")


def test_claims_percentages_and_participles(nlp: Any) -> None:
    text = "Hezbollah said 40 percent of its units moved and 1,000 wounded reached Beirut in 2006."
    (claim,) = run(nlp, text, [("Hezbollah", "ORG"), ("Beirut", "GPE")])
    got = {q.unit: (q.low, q.high) for q in claim.quantities}
    assert got["% of unit"] == (40, 40)
    assert got["wounded"] == (1000, 1000)
    assert not any(q.low == 2006 for q in claim.quantities)  # a year, not a count


@pytest.mark.parametrize(
    "text",
    [
        "The enemy of our enemy is still our enemy.",
        "Did Soleimani send a message to Baghdad?",
        "Read more about Soleimani here.",
        "Soleimani was brilliant.",
        "Soleimani seemed invincible in Baghdad.",
        "Please don't prove me wrong, Soleimani.",  # a command, however it opens
        "Don't forget that Soleimani was in Baghdad.",
    ],
)
def test_claims_opinion_and_scene_setting_rejected(nlp: Any, text: str) -> None:
    mentions = [
        (w, "PERSON" if w == "Soleimani" else "GPE") for w in ("Soleimani", "Baghdad") if w in text
    ]
    assert run(nlp, text, mentions) == []


def test_claims_factual_copula_with_a_name_kept(nlp: Any) -> None:
    text = "Soleimani is not a clergyman."
    (claim,) = run(nlp, text, [("Soleimani", "PERSON")])
    assert claim.predicate == "not be clergyman"


def test_claims_author_appraisal_rejected(nlp: Any) -> None:
    text = "Clearly, Soleimani outfoxed the Americans in Iraq."
    mentions = [("Soleimani", "PERSON"), ("Americans", "NORP"), ("Iraq", "GPE")]
    author = Attribution(Span(DOC_ID, 0, len(text)), AttributionType.AUTHOR, None, None, None, 0.6)
    assert run(nlp, text, mentions, [author]) == []
    assert len(run(nlp, text.replace("Clearly, S", "S"), mentions, [author])) == 1


def test_claims_attribution_and_quote_attached(nlp: Any) -> None:
    text = 'Iran will respond, Soleimani said. "We will strike the bases in Iraq," Soleimani told reporters.'
    second = text.index('"We')
    named = Attribution(
        Span(DOC_ID, second, len(text)), AttributionType.NAMED, "Soleimani", None, None, 0.9
    )
    quote = (second + 1, text.index(',"'))
    claims = run(
        nlp, text, [("Iran", "GPE"), ("Soleimani", "PERSON"), ("Iraq", "GPE")], [named], [quote]
    )
    assert [c.attribution.type for c in claims] == [
        AttributionType.UNATTRIBUTED,
        AttributionType.NAMED,
    ]
    assert claims[0].quote is None
    assert claims[1].quote == Span(DOC_ID, *quote)
    assert claims[1].predicate == "strike basis"  # spaCy lemmatises "bases" as "basis"


def test_claims_between_without_a_range_is_a_plain_number(nlp: Any) -> None:
    text = "Talks between two envoys of Hezbollah took place in Beirut."
    (claim,) = run(nlp, text, [("Hezbollah", "ORG"), ("Beirut", "GPE")])
    assert [(q.low, q.high, q.hedge) for q in claim.quantities] == [(2, 2, "")]


def test_claims_a_count_with_no_named_entity_is_checkable(nlp: Any) -> None:
    (claim,) = run(nlp, "Those attackers killed 48 people in the night.", [])
    assert [(q.low, q.high, q.unit) for q in claim.quantities] == [(48, 48, "people")]
    assert claim.actors == ()
    assert run(nlp, "Those attackers left in the night.", []) == []
    assert run(nlp, "The attackers left after three days.", []) == []  # a duration is no count


def test_claims_vague_and_spelt_out_counts(nlp: Any) -> None:
    text = (
        "Nineteen warplanes struck Tikrit. Tens of thousands of people fled Tikrit. "
        "Hundreds of cars left Tikrit. Half a dozen rebels guarded Tikrit. "
        "Hezbollah marked the eighth anniversary in Tikrit. Twenty-five soldiers reached Tikrit."
    )
    claims = run(nlp, text, [("Tikrit", "GPE"), ("Hezbollah", "ORG")])
    got = {q.unit: (q.low, q.high, q.hedge) for c in claims for q in c.quantities}
    assert got == {
        "warplane": (19, 19, ""), "people": (20_000, 99_000, "vague"),
        "car": (200, 1999, "vague"), "rebel": (6, 6, "vague"), "soldier": (25, 25, ""),
    }  # fmt: skip


def test_claims_one_before_a_scale_word_and_a_rate_named_first(nlp: Any) -> None:
    """ "about one million people" and "about a million people" are counts ("one" alone is none: "One of them died"), and
    "Each year, flu kills up to 500,000 people" a rate, as "500,000 people each year" and
    "$5 billion annually" are; a rate named in the sentence before does not make one."""
    names = [("Varna", "GPE")]

    def counts(text: str) -> list[tuple[float, float, str, str]]:
        return [(q.low, q.high, q.unit, q.hedge)
                for c in run(nlp, text, names) for q in c.quantities]  # fmt: skip

    assert counts("The 1968 pandemic killed about one million people in Varna.") == [
        (900_000, 1_100_000, "people", "about")
    ]
    assert counts("One of them died in Varna.") == []
    # "a" before a scale word is "one": "about a million people", "half a million" stays half
    assert counts("The 1968 pandemic killed about a million people in Varna.") == [
        (900_000, 1_100_000, "people", "about")
    ]
    assert counts("The flood left half a million people homeless in Varna.")[0][:2] == (
        500_000, 500_000)  # fmt: skip
    assert counts("A man was killed in Varna.") == []
    assert counts("Each year, flu kills up to 500,000 people in Varna.") == [
        (0, 500_000, "people", "rate")
    ]
    assert counts("Flu came to Varna each year. The pandemic killed 2,000 people in Varna.") == [
        (2000, 2000, "people", "")
    ]
    # an adverb of frequency names a rate too: "$5 billion annually" is no total
    assert [q[3] for q in counts("Varna will pay $5 billion annually for four years.")] == ["rate"]


def test_claims_counts_of_people_share_a_unit_and_keep_their_verb(nlp: Any) -> None:
    text = "Hezbollah killed 48 martyrs in Tikrit. In Tikrit, 64 persons were killed by Hezbollah."
    claims = run(nlp, text, [("Tikrit", "GPE"), ("Hezbollah", "ORG")])
    assert [(q.low, q.unit, q.verb) for c in claims for q in c.quantities] == [
        (48, "people", "kill"), (64, "people", "kill")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Hezbollah held talks with Tikrit about the damage from the 2003 invasion of Iraq.", None),
        ("Crowds met in Tikrit at the palace, a fort that Hezbollah bombed in 1986.", None),
        ("Soleimani, who joined Hezbollah in 1980, met Assad in Damascus.", None),
        ("Soleimani met Assad in Damascus in January 2012.", "January 2012"),
        ("Hezbollah lost 13 troops killed between 2014 and 2017 in Iraq.", "between 2014 and 2017"),
    ],
)
def test_claims_date_of_a_noun_or_an_aside_is_not_the_claims(
    nlp: Any, text: str, date: str | None
) -> None:
    names = ("Hezbollah", "Tikrit", "Iraq", "Soleimani", "Assad", "Damascus")
    labels = {"Hezbollah": "ORG", "Soleimani": "PERSON", "Assad": "PERSON"}
    mentions = [(n, labels.get(n, "GPE")) for n in names if n in text]
    (claim, *_) = run(nlp, text, mentions)
    assert (text[claim.time.start : claim.time.end] if claim.time else None) == date


def test_claims_a_named_speaker_is_an_actor_enough(nlp: Any) -> None:
    """ "He said he had made safety improvements": no name in the clause, but the speaker the
    attribution resolved is one; an unnamed speaker is not."""
    text = "He said he had made dramatic safety improvements at the plant."
    whole = Span(DOC_ID, 0, len(text))
    named = Attribution(whole, AttributionType.NAMED, "Tony Hale", Span(DOC_ID, 0, 2), None, 0.8)
    (claim,) = run(nlp, text, [], [named])
    assert claim.actors == ()
    anonymous = Attribution(whole, AttributionType.ANONYMOUS_OFFICIAL, "He", None, None, 0.5)
    assert run(nlp, text, [], [anonymous]) == []


def test_claims_an_appraisal_quoted_from_a_named_speaker_is_a_claim(nlp: Any) -> None:
    """What a named speaker said in quotation marks is checkable, even an appraisal; the
    same words in the outlet's own voice are opinion. The claim's quote is the part of the
    quotation inside its sentence."""
    text = '"The harbour plan is a disgrace. Norland was wrong," Anna Berg said.'
    mentions = [("Norland", "GPE"), ("Anna Berg", "PERSON")]
    named = Attribution(
        Span(DOC_ID, 0, len(text)), AttributionType.NAMED, "Anna Berg",
        Span(DOC_ID, text.index("Anna"), text.index(" said")), None, 0.9,
    )  # fmt: skip
    quote = (1, text.index(',"'))
    claims = run(nlp, text, mentions, [named], [quote])
    assert [text[c.quote.start : c.quote.end] for c in claims if c.quote] == [
        "The harbour plan is a disgrace.",
        "Norland was wrong",
    ]
    assert all(c.sentence.start <= c.quote.start < c.quote.end <= c.sentence.end
               for c in claims if c.quote)  # fmt: skip
    assert run(nlp, "Norland was wrong about the harbour plan.", mentions) == []


def test_claims_what_a_named_speaker_reports_is_a_claim_in_reported_speech_too(nlp: Any) -> None:
    """ "Berg said the ceasefire was now in place": what a named speaker said, reported without
    quotation marks, is checkable like a quotation; an unnamed "he" saying it is not, nor the
    outlet's own "the ceasefire was now in place"."""
    text = "Admiral Anna Berg said the ceasefire was now in place."
    whole = Span(DOC_ID, 0, len(text))
    speaker = Span(DOC_ID, text.index("Anna"), text.index(" said"))
    cue = Span(DOC_ID, text.index("said"), text.index("said") + 4)
    named = Attribution(whole, AttributionType.NAMED, "Anna Berg", speaker, cue, 0.9)
    (claim,) = run(nlp, text, [("Anna Berg", "PERSON")], [named])
    assert claim.text == text
    anonymous = Attribution(whole, AttributionType.ANONYMOUS_OFFICIAL, "he", None, cue, 0.5)
    assert run(nlp, "He said the ceasefire was now in place.", [], [anonymous]) == []
    assert run(nlp, "The ceasefire was now in place.", []) == []


def test_claims_what_an_unnamed_speaker_reports_is_a_claim_when_it_names_someone(
    nlp: Any,
) -> None:
    """ "A spokesman for Norland Air said all its flights were lawful": an anonymous speaker's
    report is checkable when the clause names an actor; the same words in the outlet's voice
    are not."""
    text = "A spokesman for Norland Air said all its flights were in accordance with the law."
    whole = Span(DOC_ID, 0, len(text))
    cue = Span(DOC_ID, text.index("said"), text.index("said") + 4)
    speaker = Span(DOC_ID, 0, text.index(" said"))
    source = text[: text.index(" said")]
    anonymous = Attribution(whole, AttributionType.ANONYMOUS_OFFICIAL, source, speaker, cue, 0.7)
    (claim,) = run(nlp, text, [("Norland Air", "ORG")], [anonymous])
    assert claim.text == text
    unattributed = Attribution(whole, AttributionType.UNATTRIBUTED, None, None, None, 0.5)
    plain = "At Norland Air, all its flights were in accordance with the law."
    assert run(nlp, plain, [("Norland Air", "ORG")], [unattributed]) == []


def test_claims_an_adjective_with_an_infinitive_states_an_act(nlp: Any) -> None:
    """ "was due to make a payment" schedules an act; "was keen" alone appraises."""
    mentions = [("Norland Oil", "ORG")]
    (claim,) = run(nlp, "Norland Oil was due to make a payment to its shareholders.", mentions)
    assert claim.text.startswith("Norland Oil was due")
    assert run(nlp, "Norland Oil was very keen.", mentions) == []


def test_claims_be_with_an_infinitive_schedules_an_act(nlp: Any) -> None:
    """ "The fund is to be run by Anna Berg": an act arranged, not a copula without a name;
    "the aim is to isolate Norland" defines a purpose, and "it is hard to judge" appraises."""
    mentions = [("Anna Berg", "PERSON"), ("Norland", "GPE")]
    text = "The harbour fund is to be run by Anna Berg, a lawyer from the coast."
    assert [c.text for c in run(nlp, text, mentions)] == [text]
    assert run(nlp, "The aim is to isolate Norland before the summit.", mentions) == []
    assert run(nlp, "It is hard to judge Norland from the outside.", mentions) == []


def test_claims_a_prepositional_predicate_can_hold_the_name(nlp: Any) -> None:
    """ "The release of prisoners is among the demands of the Arab League": the name stands
    in the predicate's phrase; an empty "it" with such a phrase is still no report."""
    mentions = [("the Arab League", "ORG"), ("Norland", "GPE")]
    text = "The release of prisoners is among the demands of the Arab League."
    assert [c.text for c in run(nlp, text, mentions)] == [text]
    assert run(nlp, "It is out of the question for Norland to close its doors.", mentions) == []


def test_claims_a_sentence_misparsed_with_a_noun_root_keeps_its_verb(nlp: Any) -> None:
    """The tagger roots this sentence on "comments"; "Berg said" still heads a claim."""
    text = (
        '"Norland cut corner after corner to save a million dollars here and a few hours or '
        "days there,\" Anna Berg said, her comments reflecting public anger over Norland's "
        "handling of the crisis."
    )
    assert next(nlp(text).sents).root.pos_ == "NOUN"  # the misparse this is about
    mentions = [("Norland", "ORG"), ("Anna Berg", "PERSON")]
    (claim,) = run(nlp, text, mentions)
    assert claim.text == text


def test_claims_a_date_in_a_sentence_rooted_on_a_noun_ends(nlp: Any) -> None:
    """Looking for the verb above a date must stop at a root that is no verb (spaCy gives a
    new Token object for each ``.head``, so an identity test never stops)."""
    text = (
        "Their first UK single hit number three last January, followed by two more top 20 "
        "hits, while the album has sold more than 600,000 copies in 11 months on release."
    )
    assert next(nlp(text).sents).root.pos_ == "NOUN"  # the parse this is about

    def hung(*_: Any) -> None:
        raise TimeoutError("claim extraction did not end")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    try:
        claims = run(nlp, text, [("UK", "GPE")])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [c.text for c in claims] == [text]


def test_claims_none_from_comment_form_chrome(nlp: Any) -> None:
    """A page copied without its line breaks glues a reader comment's time stamp and the
    comment form to a sentence; that is no claim of the outlet, and the article's is."""
    text = (
        "Rebels seized the town of Brega on Sunday. "
        "March 9, 2011 at 2:52 pm | Reply Large US corporations want stability in Libya. "
        "(required, but will not be displayed) CNN welcomes a lively discussion of Libya."
    )
    claims = run(nlp, text, [("Rebels", "NORP"), ("Brega", "GPE"), ("CNN", "ORG"),
                             ("Libya", "GPE"), ("US", "GPE")])  # fmt: skip
    assert [c.text for c in claims] == ["Rebels seized the town of Brega on Sunday."]


def test_claims_a_reporting_verb_reports_only_its_own_clause(nlp: Any) -> None:
    """ "France withdrew its ambassador and Juppe said ...": the withdrawal is the outlet's
    own report, not Juppe's; an aside on the speaker is the outlet's too. A coordinated
    complement ("..., but that Assad was courting trouble") is still the speaker's."""
    from dossier.attribution import attribute

    def typed(text: str, names: list[tuple[str, str]]) -> dict[str, AttributionType]:
        found = [(m.start(), m.end(), label) for s, label in names
                 for m in re.finditer(re.escape(s), text)]  # fmt: skip
        attributions, quotes = attribute(nlp(text), DOC_ID, found)
        spans = [(q.span.start, q.span.end) for q in quotes]
        return {c.text: c.attribution.type for c in run(nlp, text, names, attributions, spans)}

    text = (
        "France withdrew its ambassador from Syria, and Foreign Minister Alain Juppe said "
        "Paris was working with the Arab League on a resolution."
    )
    names = [("France", "GPE"), ("Syria", "GPE"), ("Alain Juppe", "PERSON"), ("Paris", "GPE"),
             ("the Arab League", "ORG")]  # fmt: skip
    types = typed(text, names)
    assert types["France withdrew its ambassador from Syria"] == AttributionType.UNATTRIBUTED
    assert next(t for c, t in types.items() if "Juppe said" in c) == AttributionType.NAMED
    text = "Lavrov, who last week met Assad in Damascus, said the plan would fail."
    types = typed(text, [("Lavrov", "PERSON"), ("Assad", "PERSON"), ("Damascus", "GPE")])
    assert types["who last week met Assad in Damascus"] == AttributionType.UNATTRIBUTED
    assert types[text] == AttributionType.NAMED
    text = (
        "Washington said it had no confirmation of the attack, but that Assad was courting trouble."
    )
    types = typed(text, [("Washington", "GPE"), ("Assad", "PERSON")])
    assert set(types.values()) == {AttributionType.NAMED}, types


def claims_of(nlp: Any, text: str, names: list[tuple[str, str]]) -> list[Claim]:
    """Claims of ``text`` with the attribution stage run first on the given names."""
    from dossier.attribution import attribute

    found = [(m.start(), m.end(), label) for s, label in names
             for m in re.finditer(re.escape(s), text)]  # fmt: skip
    attributions, quotes = attribute(nlp(text), DOC_ID, found)
    spans = [(q.span.start, q.span.end) for q in quotes]
    return run(nlp, text, names, attributions, spans)


def test_claims_a_report_beside_an_act_of_the_same_subject_is_its_own_clause(nlp: Any) -> None:
    """ "Norland will be suspended on Wednesday and has said it will not attend": the
    suspension is the outlet's report, the refusal Norland's; the second clause keeps its
    subject as an actor. Two speech acts ("acknowledged ..., but blamed ...") stay one clause,
    and so does a bare "told CNN"."""
    text = (
        "Norland will be suspended from the Arab League on Wednesday and has said it will "
        "not attend the meeting in Rabat."
    )
    names = [("Norland", "GPE"), ("the Arab League", "ORG"), ("Rabat", "GPE")]
    act, report = claims_of(nlp, text, names)
    assert act.text == "Norland will be suspended from the Arab League on Wednesday"
    assert act.attribution.type == AttributionType.UNATTRIBUTED
    assert report.text == "has said it will not attend the meeting in Rabat."
    assert (report.attribution.type, report.attribution.source) == (
        AttributionType.NAMED,
        "Norland",
    )
    assert any(text[a.start : a.end] == "Norland" for a in report.actors)
    text = "The Norland government acknowledged the deaths, but blamed armed gangs in Rabat."
    assert len(claims_of(nlp, text, [("Norland", "GPE"), ("Rabat", "GPE")])) == 1
    text = "Hundreds of residents fled Rabat on Monday and told CNN."
    assert [c.text for c in claims_of(nlp, text, [("Rabat", "GPE"), ("CNN", "ORG")])] == [text]


@pytest.mark.parametrize("framed", [False, True])
def test_claims_a_declaration_is_an_act_beside_the_report_joined_to_it(
    nlp: Any, framed: bool
) -> None:
    """ "The Varnian Health Agency declared an influenza pandemic and advised governments to
    prepare": the declaration is the outlet's to tell, the advice the agency's, also in a
    clause of time after a report ("..., Norvax said on Friday, a day after the agency
    declared ..."). "announced that it would ..." still reports."""
    act = "the Varnian Health Agency declared an influenza pandemic on Thursday"
    advice = "advised governments to prepare for a long battle against the virus"
    before = "The Norvax vaccine will enter trials next month, Norvax said on Friday, a day after "
    opening = ("a day after " + act) if framed else "T" + act[1:]
    text = f"{before}{act} and {advice}." if framed else f"{opening} and {advice}."
    names = [("Varnian Health Agency", "ORG"), ("Norvax", "ORG")]
    found = {c.text.rstrip("."): c for c in claims_of(nlp, text, names)}
    assert found[opening].attribution.type == AttributionType.UNATTRIBUTED
    advised = found[advice].attribution
    assert (advised.type, advised.source) == (AttributionType.NAMED, "Varnian Health Agency")
    text = (
        "The Varnian Health Agency announced that it would close its offices and advised "
        "staff to stay home."
    )
    assert len(claims_of(nlp, text, names)) == 1


def test_claims_a_participle_of_speech_beside_an_act_is_its_own_clause(nlp: Any) -> None:
    """ "X apologized to Y, saying Z": the apology is the outlet's to tell, Z is X's, and the
    participle keeps X as an actor. '"...," X said, referring to W': W is the outlet's. A
    passive "was confirmed" is no speaker's act, and "announced a ceasefire, saying ..."
    holds two reports: each stays one clause."""
    text = "Tom Ardley apologized to Norvax on Tuesday, saying the deal was a shakedown."
    names = [("Tom Ardley", "PERSON"), ("Norvax", "ORG")]
    act, report = claims_of(nlp, text, names)
    assert act.text == "Tom Ardley apologized to Norvax on Tuesday"
    assert act.attribution.type == AttributionType.UNATTRIBUTED
    assert report.text == "saying the deal was a shakedown."
    assert (report.attribution.type, report.attribution.source) == (
        AttributionType.NAMED, "Tom Ardley",
    )  # fmt: skip
    assert any(text[a.start : a.end] == "Tom Ardley" for a in report.actors)
    text = (
        '"We will close the mission," Tom Ardley said, referring to attacks on the Norland '
        "embassy in Rabat."
    )
    names = [("Tom Ardley", "PERSON"), ("Norland", "GPE"), ("Rabat", "GPE")]
    by_text = {c.text: c.attribution.type for c in claims_of(nlp, text, names)}
    assert by_text["referring to attacks on the Norland embassy in Rabat."] == (
        AttributionType.UNATTRIBUTED
    )
    text = "Another 25 cases were confirmed in Norland, taking the total to 848."
    assert [c.text for c in claims_of(nlp, text, [("Norland", "GPE")])] == [text]
    text = "The Norland army announced a ceasefire on Sunday, saying all units would stop."
    assert [c.text for c in claims_of(nlp, text, [("Norland", "GPE")])] == [text]


def test_claims_a_quotation_a_verb_introduces_does_not_head_the_sentence(nlp: Any) -> None:
    """ "he sent a message to Petraeus: “..., you should know that ...”" parses with its root
    in the quotation ("know", under "should", an opinion modal): the sentence is the sending,
    with the quotation in it. A root after a closing mark is not inside a quotation."""
    text = (
        "That same year, he sent a message to then-commander of U.S. forces in Iraq, Gen. "
        "David Petraeus: \u201cGeneral Petraeus, you should know that I, Qasem Soleimani, "
        "control the policy for Iran with respect to Iraq, Lebanon, Gaza and Afghanistan.\u201d"
    )
    names = [("David Petraeus", "PERSON"), ("Qasem Soleimani", "PERSON"), ("Iraq", "GPE"),
             ("Iran", "GPE"), ("U.S.", "GPE")]  # fmt: skip
    (claim,) = run(nlp, text, names)
    assert claim.predicate.startswith("send")
    assert claim.time is not None and text[claim.time.start : claim.time.end] == "That same year"
    assert claim.text == text
    text = 'We understand we will and we should be judged by our actions," Carl Svanberg said.'
    claims = run(nlp, text, [("Carl Svanberg", "PERSON")])
    assert [c.text for c in claims] == [text]


def test_claims_clauses_a_semicolon_joins_split_there(nlp: Any) -> None:
    """spaCy hangs "placed" under "remain" across the semicolon; each side is its own
    statement. A semicolon in a list of names splits nothing."""
    text = (
        "The U.S. Treasury has placed sanctions on the Qods Force commander three times; "
        "those sanctions remain in place."
    )
    claims = run(nlp, text, [("The U.S. Treasury", "ORG"), ("the Qods Force", "ORG")])
    texts = [c.text for c in claims]
    assert texts[0] == text[: text.index(";")]
    assert claims[0].predicate.startswith("place")
    text = "Soleimani visited Iraq; Syria; and Lebanon in 2014."
    claims = run(nlp, text, [("Soleimani", "PERSON"), ("Iraq", "GPE"), ("Syria", "GPE"),
                             ("Lebanon", "GPE")])  # fmt: skip
    assert [c.text for c in claims] == [text]


def test_claims_a_clause_beside_the_cue_takes_its_own_reporting_verb(nlp: Any) -> None:
    """ "Israel publicly blames the Qods Force ...; U.S. officials have publicly blamed Iran":
    the first part is Israel's, not the officials'."""
    from dossier.attribution import attribute

    text = (
        "Israel publicly blames the Qods Force for a string of attacks on its diplomats; "
        "U.S. officials have publicly blamed Iran."
    )
    names = [("Israel", "GPE"), ("the Qods Force", "ORG"), ("U.S.", "GPE"), ("Iran", "GPE")]
    found = [(m.start(), m.end(), label) for s, label in names
             for m in re.finditer(re.escape(s), text)]  # fmt: skip
    attributions, quotes = attribute(nlp(text), DOC_ID, found)
    claims = run(nlp, text, names, attributions, [(q.span.start, q.span.end) for q in quotes])
    first_part = next(c for c in claims if c.text.startswith("Israel"))
    assert (first_part.attribution.type, first_part.attribution.source) == (
        AttributionType.NAMED,
        "Israel",
    )


def test_claims_a_count_of_happenings_names_itself(nlp: Any) -> None:
    """ "141 deaths" counts deaths, whatever verb it hangs from ("confirmed", "including")."""
    text = (
        "The agency has confirmed 141 deaths in Varnia. "
        "The flu has spread in Varnia, including 144 deaths."
    )
    claims = run(nlp, text, [("Varnia", "GPE"), ("Varnia", "GPE")])
    assert [(q.low, q.unit, q.verb) for c in claims for q in c.quantities] == [
        (141, "death", "death"), (144, "death", "death")
    ]  # fmt: skip


def test_claims_a_rank_is_no_count(nlp: Any) -> None:
    text = (
        "Norland Records said the album fell from number 2 to No. 6, its 3rd fall, while 40 "
        "singles rose."
    )
    claims = run(nlp, text, [("Norland Records", "ORG")])
    assert [(q.low, q.unit) for c in claims for q in c.quantities] == [(40, "single")]


def test_claims_a_label_is_no_count(nlp: Any) -> None:
    """The number after its noun names a thing: "Phase 2", "level 6", "Resolution 1970"."""
    text = "Norland Health moved from Phase 2 to level 6 under Resolution 1970 after 40 cases."
    claims = run(nlp, text, [("Norland Health", "ORG")])
    assert [(q.low, q.unit) for c in claims for q in c.quantities] == [(40, "case")]


@pytest.mark.parametrize(
    "text",
    [
        "5.18 pm: Anna Berg bangs her gavel as 40 workers leave Varnia.",
        "At 3.03pm Norland Oil said 40 workers left Varnia.",
        "At 10:20 a.m. Norland Oil said 40 workers left Varnia.",
        "By 18.00 GMT, Norland Oil said 40 workers had left Varnia.",
        "At 4:36 PM Norland Oil said 40 workers left Varnia.",
    ],
)
def test_claims_a_time_of_day_is_no_count(nlp: Any, text: str) -> None:
    claims = run(nlp, text, [("Varnia", "GPE")])
    assert [(q.low, q.unit) for c in claims for q in c.quantities] == [(40, "worker")]


def test_claims_an_earlier_value_is_no_total(nlp: Any) -> None:
    text = "The agency reported 2,254 cases in Varnia, up from 1,639 cases previously."
    claims = run(nlp, text, [("Varnia", "GPE")])
    got = [(q.low, q.hedge) for c in claims for q in c.quantities]
    assert got == [(2254, ""), (1639, "previous")]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        # the team's 17 is the whole McDermott's 10 were counted out of
        ("Ivo Lind scored 10 of the team's first 17 points for Varnia.", [(10, ""), (17, "whole")]),
        # "per run" is a rate, whatever is counted per; "per cent" is no rate
        ("Ivo Lind averaged 3.8 yards per run for Varnia.", [(3.8, "rate")]),
        # one period after another is a rate, before or after the number
        ("Flu kills 500,000 people in Varnia year after year.", [(500_000, "rate")]),
        ("Year after year, flu kills 500,000 people in Varnia.", [(500_000, "rate")]),
        ("Norvax in Varnia raised its prices by 5 per cent.", [(5, "")]),
        # seven besides the one named before are a remainder; "17 others" are counted
        ("Besides Lind, seven other members of the Varnia club were convicted.",
         [(7, "additional")]),
        ("The blast in Varnia killed 11 workers and injured 17 others.", [(11, ""), (17, "")]),
        # the base a figure is compared with is an earlier or another's value
        ("Norvax in Varnia made a profit of 1.4bn rupees, compared with 874.2m rupees a year "
         "earlier.", [(874_200_000, "previous"), (1_400_000_000, "")]),
    ],
)  # fmt: skip
def test_claims_a_whole_a_rate_per_anything_a_remainder_and_a_base_are_no_totals(
    nlp: Any, text: str, hedges: list[tuple[float, str]]
) -> None:
    claims = run(nlp, text, [("Varnia", "GPE"), ("Ivo Lind", "PERSON"), ("Lind", "PERSON")])
    assert sorted((q.low, q.hedge) for c in claims for q in c.quantities) == hedges


def test_claims_a_number_in_a_clause_of_condition_is_no_total(nlp: Any) -> None:
    """ "if it breaks above $13.60" supposes a figure; the main clause's figure is reported."""
    text = "If Norvax shares break above $13.60 in Varnia, analysts said 400 jobs would be added."
    claims = run(nlp, text, [("Varnia", "GPE"), ("Norvax", "ORG")])
    got = sorted((q.low, q.hedge) for c in claims for q in c.quantities)
    assert got == [(13.6, "conditional"), (400, "")]


def test_claims_a_blog_post_line_glued_into_prose_gives_no_claim(nlp: Any) -> None:
    text = (
        "Norland Oil said the spill in Varnia was over. Posted by Ada Quist on May 1, 2005 10:03 "
        "AM. Posted by Per Lund, on May 2, 2005 4:36 PM."
    )
    claims = run(nlp, text, [("Norland Oil", "ORG"), ("Varnia", "GPE"), ("Ada Quist", "PERSON"),
                             ("Per Lund", "PERSON")])  # fmt: skip
    assert [c.text for c in claims] == ["Norland Oil said the spill in Varnia was over."]


def test_claims_a_print_note_glued_into_prose_gives_no_claim(nlp: Any) -> None:
    """A print note run into the last paragraph names the outlet and the print date, not a
    happening; an article about a version of something still makes claims."""
    text = (
        "Norland Oil said the spill in Varnia was over. A version appeared on p6 of the Main "
        "section of the Norland Times on Friday 28 May 2010. A version of the Norvax plan "
        "appeared in Varnia on Monday."
    )
    claims = run(nlp, text, [("Norland Oil", "ORG"), ("Varnia", "GPE"), ("Norvax", "ORG"),
                             ("Norland Times", "ORG")])  # fmt: skip
    assert [c.text for c in claims] == [
        "Norland Oil said the spill in Varnia was over.",
        "A version of the Norvax plan appeared in Varnia on Monday.",
    ]


def test_claims_what_a_cited_unnamed_source_says_is_a_claim(nlp: Any) -> None:
    """ "The move was not prompted by any one country, officials said": officials the outlet
    cites are a source, so what they said is a claim though it names no one; a bare "he" no
    name was found for is nobody, and the same words in the outlet's voice are no claim."""
    text = "The move was not prompted by the situation in any one country, officials said."
    whole = Span(DOC_ID, 0, len(text))
    cue = Span(DOC_ID, text.index("said"), text.index("said") + 4)
    speaker = Span(DOC_ID, text.index("officials"), text.index(" said"))
    group = Attribution(whole, AttributionType.ANONYMOUS_GROUP, "officials", speaker, cue, 0.7)
    claims = run(nlp, text, [], [group])
    assert [c.text for c in claims if "prompted" in c.text] != []
    he_said = text.replace("officials", "he")
    said = Span(DOC_ID, he_said.index("said"), he_said.index("said") + 4)
    pronoun = Attribution(
        Span(DOC_ID, 0, len(he_said)), AttributionType.ANONYMOUS_OFFICIAL, "he", None, said, 0.5
    )
    assert run(nlp, he_said, [], [pronoun]) == []
    assert run(nlp, "The move was not prompted by the situation in any one country.", []) == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The plant opened in 1987.", True),
        ("Its factory closed on 3 March 2009.", True),
        ("A plant opened in 1987.", False),  # which plant: no thing named before
        ("The plant is now closed.", False),  # "now" is no date of an act
        ("This article was amended on 18 June 2010.", False),  # a page's note
        ("The plant was busy.", False),  # undated
    ],
)
def test_claims_a_dated_act_of_a_named_thing(nlp: Any, text: str, claim: bool) -> None:
    """ "The plant opened in 1987" names no one, but dates an act of a thing the story named
    before: other outlets can give another year."""
    assert bool(run(nlp, text, [])) is claim


@pytest.mark.parametrize(("cue", "claim"), [("according to", True), ("in line with", False)])
def test_claims_what_a_source_is_cited_for_is_a_claim(nlp: Any, cue: str, claim: bool) -> None:
    """ "The talks broke down over prices, according to the ministry" cites the ministry as
    "..., the ministry said" does, though no verb reports speech; other words do not."""
    text = f"The talks broke down over prices, {cue} the ministry."
    words = Span(DOC_ID, text.index(cue), text.index(cue) + len(cue))
    source = Span(DOC_ID, text.index("the ministry"), len(text) - 1)
    cited = Attribution(
        Span(DOC_ID, 0, len(text)), AttributionType.ANONYMOUS_OFFICIAL, "the ministry", source,
        words, 0.7,
    )  # fmt: skip
    assert bool(run(nlp, text, [], [cited])) is claim


def test_claims_a_verb_of_speech_with_a_clause_reports_what_was_said(nlp: Any) -> None:
    """ "Experts have warned that poorer nations face the greatest risk": "warn" with a
    clause of what was said reports it, like "say", so the experts the outlet cites make it a
    claim; "warned of storms" reports no clause, and names no one."""
    text = "Experts have warned that poorer nations face the greatest risk from the virus."
    whole = Span(DOC_ID, 0, len(text))
    cue = Span(DOC_ID, text.index("warned"), text.index("warned") + 6)
    speaker = Span(DOC_ID, 0, len("Experts"))
    group = Attribution(whole, AttributionType.ANONYMOUS_GROUP, "Experts", speaker, cue, 0.7)
    (claim,) = run(nlp, text, [], [group])
    assert claim.text == text
    plain = "Experts have warned of storms in the north."
    assert run(nlp, plain, [], [Attribution(Span(DOC_ID, 0, len(plain)),
               AttributionType.ANONYMOUS_GROUP, "Experts", speaker, None, 0.7)]) == []  # fmt: skip


def test_claims_a_report_in_a_clause_of_time_or_concession_is_its_speakers(nlp: Any) -> None:
    """ "X withdrew his remarks, after Y condemned them and the board issued a statement": the
    withdrawal is the outlet's report, the condemnation Y's, as a claim of its own, cut off the
    main clause, and the board's act joined to it is the outlet's again. A reason or a
    condition ("because his aides told him", "if the mayor says so") states nothing of its
    own, and "..., while stressing that ..." with no subject of its own is still the main
    subject speaking."""
    names = [("Tom Ardley", "PERSON"), ("Ann Vexley", "PERSON"), ("Norvax", "ORG")]
    text = (
        "Hours later, Tom Ardley withdrew his remarks, after Ann Vexley condemned them as "
        "reckless and the Norvax board issued a statement."
    )
    by_text = {c.text: c.attribution for c in claims_of(nlp, text, names)}
    assert by_text["Hours later, Tom Ardley withdrew his remarks"].type == (
        AttributionType.UNATTRIBUTED
    )
    report = by_text["after Ann Vexley condemned them as reckless"]
    assert (report.type, report.source) == (AttributionType.NAMED, "Ann Vexley")
    assert by_text["the Norvax board issued a statement"].type == AttributionType.UNATTRIBUTED
    text = (
        "While Ann Vexley stressed the deal would not cap Norvax's liabilities, investors "
        "cheered the news, driving up its share price by 4 percent."
    )
    by_text = {c.text: c.attribution for c in claims_of(nlp, text, names)}
    main = "investors cheered the news, driving up its share price by 4 percent."
    assert by_text[main].type == AttributionType.UNATTRIBUTED
    report = by_text["While Ann Vexley stressed the deal would not cap Norvax's liabilities"]
    assert (report.type, report.source) == (AttributionType.NAMED, "Ann Vexley")
    text = "Tom Ardley left Norvax because his aides told him the firm would fail."
    assert [c.text for c in claims_of(nlp, text, names)] == [text]
    text = "Norvax closed its plant in Varna, though its owners did not say why."
    assert len(claims_of(nlp, text, [*names, ("Varna", "GPE")])) == 1
    text = "Norvax was increasing its output in Varna, while stressing that prices would not rise."
    by_text = {c.text: c.attribution for c in claims_of(nlp, text, [*names, ("Varna", "GPE")])}
    report = by_text["while stressing that prices would not rise."]
    assert (report.type, report.source) == (AttributionType.NAMED, "Norvax")


def test_claims_a_clause_of_time_after_a_reports_comma_is_the_outlets(nlp: Any) -> None:
    """ "X said ..., a day after the council passed a resolution": when the report was made
    is the outlet's to tell, as a claim of its own. Without the comma the clause is what was
    reported ("officials said 40 people died when the bridge collapsed")."""
    names = [("Tom Ardley", "PERSON"), ("the Norland Council", "ORG"), ("Varna", "GPE")]
    text = (
        '"All attacks must stop," Tom Ardley said, a day after the Norland Council passed a '
        "resolution on Varna."
    )
    by_text = {c.text: c.attribution for c in claims_of(nlp, text, names)}
    said = by_text['"All attacks must stop," Tom Ardley said']
    assert (said.type, said.source) == (AttributionType.NAMED, "Tom Ardley")
    framing = by_text["a day after the Norland Council passed a resolution on Varna"]
    assert framing.type == AttributionType.UNATTRIBUTED
    text = "Tom Ardley said on Monday that 40 people died when the bridge in Varna collapsed."
    assert [c.text for c in claims_of(nlp, text, names)] == [text]


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Maren Oslund; Editing by Tomas Brekke)",
        "Reporting by Maren Oslund; additional reporting by Ivo Lind; Editing by Tomas Brekke",
        "Norland Daily's Maren Oslund contributed to this report.",
        "Associated Press writers Ivo Lind and Maren Oslund contributed to this report.",
        "Contributing: Maren Oslund",
    ],
)
def test_claims_a_credit_line_is_no_claim(nlp: Any, credit: str) -> None:
    """Who worked on the article is no claim; a report by a named outlet still is."""
    text = f"The Norland council approved the harbour plan on Monday.\n\n{credit}\n"
    claims = run(nlp, text)
    assert [c.text for c in claims] == ["The Norland council approved the harbour plan on Monday."]
    reported = "Reporting by the Norland Times found that the council hid the harbour costs."
    assert [c.text for c in run(nlp, reported)] == [reported]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("A spokeswoman for the Norland council declined to comment.", False),
        ("Norvax did not immediately respond to a request for comment.", False),
        ("The mayor could not be reached on Monday.", False),
        ("Norland refused a request from Vessia to inspect the harbour.", True),
        (
            "The Norland council declined to comment, but its budget shows the harbour plan "
            "will cost 120 million crowns over four years, according to documents seen by "
            "the Norland Times.",
            True,
        ),
    ],
)
def test_claims_a_short_refusal_to_comment_is_no_claim(
    nlp: Any, sentence: str, claim: bool
) -> None:
    """Every story has a source that declined to comment; across outlets they look alike."""
    assert bool(run(nlp, sentence)) is claim


def test_claims_a_row_of_a_table_is_no_claim(nlp: Any) -> None:
    """ "| DL | Ivo Lind | 63 | 85% | 1 tackle. |" is data; a sentence in a one-cell frame
    ("| Norland won the cup on Sunday. |", a pull quote) is still prose."""
    rows = (
        "| Pos | Player | Plays | Stats |\n| DL | Ivo Lind | 63 | Lind made 3 tackles for Norland. |\n"
        "| DL | Per Holm | 57 | Holm made 1 tackle for Norland. |\n"
    )
    assert run(nlp, rows) == []
    framed = "| Norland won the cup against Vessia on Sunday. |\n"
    assert len(run(nlp, framed)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a score or a record is no range
        ("Norland opened with a 71-57 win over Varnia.", []),
        ("Per Lund compiled a mark of 122-147 in Varnia.", []),
        ("Norland marched 1,000-2,000 people through Varnia.", [(1000, 2000, "")]),
        # "three-plus" is more than three
        (
            "Per Lund coached Norland for three-plus seasons in Varnia.",
            [(4, float("inf"), "more than")],
        ),
        # ... but "plus" before a number adds it: no "more than"
        ("Norland sent 30 plus 40 trucks to Varnia.", [(30, 30, ""), (40, 40, "")]),
        # a sum in brackets after another is that sum converted
        (
            "Norland paid $US1 million ($1.52 million) to Varnia.",
            [(1e6, 1e6, ""), (1.52e6, 1.52e6, "conversion")],
        ),
        # ... also after a currency named in words, and the second sum in one bracket
        (
            "Norland spent 80bn rupees ($1.8bn; £1bn) in Varnia.",
            [(8e10, 8e10, ""), (1.8e9, 1.8e9, "conversion"), (1e9, 1e9, "conversion")],
        ),
    ],
)
def test_claims_scores_plus_and_conversions(
    nlp: Any, text: str, expected: list[tuple[float, float, str]]
) -> None:
    claims = run(nlp, text, [("Norland", "ORG"), ("Varnia", "GPE"), ("Per Lund", "PERSON")])
    assert [(q.low, q.high, q.hedge) for c in claims for q in c.quantities] == expected


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The body of Ada Quist, 58, was found at a house in Varnia on Saturday.", "58"),
        ("Ada Quist died at a house in Varnia aged 91 on Saturday.", "aged 91"),
    ],
)
def test_claims_an_age_does_not_date_the_claim(nlp: Any, text: str, age: str) -> None:
    """ "Ada Quist, 58," and "aged 91" give a year of birth (stage 4); the claim is dated by
    "on Saturday"."""
    (claim,) = run(nlp, text, [("Ada Quist", "PERSON"), ("Varnia", "GPE")])
    assert claim.time is not None
    assert text[claim.time.start : claim.time.end] == "Saturday"
    times = extract_times(DOC_ID, text, [(0, len(text))], PUBLISHED)
    assert age in [t.text for t in times]  # read, as a year of birth, by stage 4


@pytest.mark.parametrize(
    ("text", "start", "trimmed"),
    [
        ("of Forks, Washington to live", 8, "Washington to live"),
        ("week and; he said", 8, "he said"),
        ('said: "it was', 4, '"it was'),  # a quotation mark opens the claim's words
        ("a,,,", 1, ""),
    ],
)
def test_claims_a_clause_starts_after_its_leading_comma(
    text: str, start: int, trimmed: str
) -> None:
    assert text[trim_start(text, start, len(text)) :] == trimmed
