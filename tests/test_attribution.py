"""Stage 5, attribution: invented sentences parsed by the real spaCy model."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.attribution import attribute
from dossier.attribution.marks import marked_ranges
from dossier.model import Attribution, AttributionType, Quote, QuoteKind

DOC_ID = "doc"


def run(nlp: Any, text: str) -> tuple[Any, list[Attribution], list[Quote]]:
    doc = nlp(text)
    mentions = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    attributions, quotes = attribute(doc, DOC_ID, mentions)
    return doc, attributions, quotes


def first(nlp: Any, text: str) -> Attribution:
    return run(nlp, text)[1][0]


def sliced(text: str, span: Any) -> str:
    assert span is not None
    return str(text[span.start : span.end])


def test_attribution_named_source(nlp: Any) -> None:
    text = "The port will close next year, said Maria Lopez, the harbour director."
    found = first(nlp, text)
    assert found.type == AttributionType.NAMED
    assert found.source == "Maria Lopez"
    assert sliced(text, found.source_span) == "Maria Lopez"
    assert sliced(text, found.cue) == "said"


def test_attribution_an_owned_institution_is_a_named_source(nlp: Any) -> None:
    """ "the Libyan military", "his government": one named institution, not an insider."""
    text = "The Libyan military said 48 people were killed in the strikes."
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "The Libyan military")
    assert sliced(text, found.source_span) == "The Libyan military"
    text = "Gaddafi spoke on television. His government said the strikes killed 48 people."
    assert run(nlp, text)[1][-1].type == AttributionType.NAMED
    text = "A military spokesman said 48 people were killed in the strikes."
    assert first(nlp, text).type == AttributionType.ANONYMOUS_OFFICIAL


def test_attribution_blaming_and_naming_verbs(nlp: Any) -> None:
    """ "X blames Y for Z" and "X called him Y" are X's claims; "called for" reports nothing."""
    for text, source in (
        ("Norland publicly blames the Ostrian navy for the attacks on its ships.", "Norland"),
        ("The Estavian president even called him the living martyr of the revolution.",
         "The Estavian president"),
    ):  # fmt: skip
        found = first(nlp, text)
        assert found.type != AttributionType.UNATTRIBUTED, text
        assert found.source is not None and source.endswith(found.source.split()[-1]), text
    for text in ("Maria Lopez called for a ceasefire in the north.",
                 "Maria Lopez called the meeting to order on Monday."):  # fmt: skip
        assert first(nlp, text).type == AttributionType.UNATTRIBUTED, text


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez called on the navy to leave the northern port.",
        "The Estavian president urged the banks to lend more money to farmers.",
        "In an interview with the Courier, Maria Lopez recalled the harbour's role in the war.",
        "Speaking through a translator, Maria Lopez compared the port with Varnia.",
    ],
)
def test_attribution_a_demand_or_a_report_in_an_interview(nlp: Any, text: str) -> None:
    """A demand ("called on X to", "urged X to") is its maker's; so is what a weak verb says
    in an interview or a statement ("recalled the role")."""
    found = first(nlp, text)
    assert found.type == AttributionType.NAMED, text
    assert found.source is not None and found.source.split()[-1] in ("Lopez", "president")


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez urged caution.",  # no one told to act
        "Maria Lopez called on Friday to ask about the port.",  # a date, not whom she asked
        "Maria Lopez became the first mayor to urge the navy to leave the port.",  # an act
        "Maria Lopez recalled the harbour's role in the war.",  # no frame of speech
        "Maria Lopez compared the port with Varnia.",  # an appraisal, not framed as speech
        "The earthquake claimed 50 lives in the province.",  # a toll, not a claim
        "The storm claimed the lives of 12 people in Varnia.",
        "The Norland army maintained control of the port.",  # kept, not asserted
        "Thousands of people observed a minute's silence on Sunday.",  # kept, not remarked
        "Norland claimed their first Triple Crown for 19 years.",  # a win
        "The Varnia side conceded two goals in the first half.",  # let in, not admitted
        "The Varnia mill expressed the oil from the olives.",  # no attitude voiced
    ],
)
def test_attribution_no_demand_no_report(nlp: Any, text: str) -> None:
    assert first(nlp, text).type == AttributionType.UNATTRIBUTED, text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Norland army maintained that the port was calm.", "Norland"),
        ("Maria Lopez observed that the port was calm.", "Maria Lopez"),
        ("The rebels claimed responsibility for the attack on the port.", "The rebels"),
        ("The ministry said the storm had claimed 12 lives.", "ministry"),
        ("Norland officials voiced frustration that the port stayed shut.", "officials"),
        ("Maria Lopez expressed concern that the virus could reach Varnia.", "Maria Lopez"),
    ],
)
def test_attribution_kept_and_claimed_report_with_a_clause(
    nlp: Any, text: str, source: str
) -> None:
    """ "maintained that ...", "observed that ..." and "claimed responsibility" report; the
    same verbs with "control", "a silence" or "lives" do not (``test_attribution_no_...``)."""
    found = first(nlp, text)
    assert found.type != AttributionType.UNATTRIBUTED, text
    assert found.source is not None and source in found.source, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "In February, Norland officials detected four jets ferrying arms to Varnia.",
            AttributionType.ANONYMOUS_GROUP,
        ),
        ("Investigators identified the bomber as a local man.", AttributionType.ANONYMOUS_GROUP),
        # a named finder, people who act, and an activity are the outlet's to report
        ("Maria Lopez detected four jets over the port.", AttributionType.UNATTRIBUTED),
        ("Soldiers discovered a tunnel near the port.", AttributionType.UNATTRIBUTED),
        ("Officials are monitoring visitors from the port.", AttributionType.UNATTRIBUTED),
    ],
)
def test_attribution_what_an_unnamed_source_found(
    nlp: Any, text: str, kind: AttributionType
) -> None:
    """An unnamed informant ("officials", "investigators") that detected something is the
    source of what it found."""
    assert first(nlp, text).type == kind, text


def test_attribution_an_announced_act_is_no_source(nlp: Any) -> None:
    """ "announced the start of military intervention" is an act the outlet reports;
    "announced that ..." attributes; "are expected to" forecasts, it hedges no claim."""
    text = "Leaders meeting in Paris announced the start of military intervention."
    assert first(nlp, text).type == AttributionType.UNATTRIBUTED
    text = "Maria Lopez announced that the border would close on Monday."
    assert first(nlp, text).type == AttributionType.NAMED
    text = "Foreign ministers are expected to suspend Norland from the league on Wednesday."
    assert first(nlp, text).type == AttributionType.UNATTRIBUTED


def test_attribution_by_a_count(nlp: Any) -> None:
    found = first(nlp, "The war has killed 3,500 people, by a U.N. count.")
    assert (found.type, found.source) == (AttributionType.NAMED, "U.N.")
    assert first(nlp, "Prices rose by a third in March.").type == AttributionType.UNATTRIBUTED


def test_attribution_media(nlp: Any) -> None:
    found = first(nlp, "The factory was sold in May, according to a report by the BBC.")
    assert found.type == AttributionType.MEDIA


def test_attribution_a_document_quoted_is_media(nlp: Any) -> None:
    """ "said one email": a document the outlet quotes, like "a cable obtained by WikiLeaks"."""
    text = '"Who cares, it is done, end of story," said one email from the Norland rig.'
    assert first(nlp, text).type == AttributionType.MEDIA


def test_attribution_anonymous_official(nlp: Any) -> None:
    text = "The army moved north, according to an official familiar with the plan."
    found = first(nlp, text)
    assert found.type == AttributionType.ANONYMOUS_OFFICIAL
    assert sliced(text, found.cue) == "according to"


def test_attribution_anonymous_group(nlp: Any) -> None:
    found = first(nlp, "Senior European officials say the talks have failed.")
    assert found.type == AttributionType.ANONYMOUS_GROUP
    text = "Two officials spoke on Monday. They said the talks had failed."
    assert run(nlp, text)[1][-1].type == AttributionType.ANONYMOUS_GROUP
    # "they" after a named institution as the subject before is that institution
    text = "The Syrian authorities have banned most media. They blame the unrest on gangs."
    found = run(nlp, text)[1][-1]
    assert (found.type, found.source) == (AttributionType.NAMED, "The Syrian authorities")
    # a body of people, unnamed, is a group; one of its members is one official
    for text, kind in (
        ("A government panel of scientists now believes the leak is larger.",
         AttributionType.ANONYMOUS_GROUP),
        ("The committee said the port would close.", AttributionType.ANONYMOUS_GROUP),
        ("A member of the committee said the port would close.",
         AttributionType.ANONYMOUS_OFFICIAL),
        ("Three Norland members said the port would close.", AttributionType.ANONYMOUS_GROUP),
    ):  # fmt: skip
        assert first(nlp, text).type == kind, text
    # the members of a named body, all of them, speak as that body
    text = "At a meeting on Wednesday, the Arab League's 22 members said the port must close."
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "the Arab League's 22 members")


def test_attribution_hedges(nlp: Any) -> None:
    for text in (
        "The minister reportedly met the rebels in March.",
        "He is believed to be hiding in the mountains.",
        "It is widely presumed that the deal will collapse.",
    ):
        assert first(nlp, text).type == AttributionType.HEDGED, text
    # an adjective hedges its noun (the charge), not the claim (the indictment)
    text = "Prosecutors indicted Maria Lopez last year for her alleged role in the plot."
    assert first(nlp, text).type == AttributionType.UNATTRIBUTED


def test_attribution_denial(nlp: Any) -> None:
    text = "Norland has denied the charges."
    found = first(nlp, text)
    assert found.type == AttributionType.DENIAL
    assert sliced(text, found.cue) == "denied"


def test_attribution_author(nlp: Any) -> None:
    assert first(nlp, "Clearly, the plan has failed.").type == AttributionType.AUTHOR
    assert first(nlp, "There is no doubt that the plan failed.").type == AttributionType.AUTHOR
    assert first(nlp, "The rebels are our enemy.").type == AttributionType.AUTHOR


def test_attribution_subject(nlp: Any) -> None:
    found = first(nlp, "Maria Lopez said she would resign in June.")
    assert found.type == AttributionType.SUBJECT
    assert found.source == "Maria Lopez"


def test_attribution_unattributed(nlp: Any) -> None:
    assert first(nlp, "The bridge was built in 1990.").type == AttributionType.UNATTRIBUTED


def test_attribution_a_thing_that_shows_is_no_speaker(nlp: Any) -> None:
    """ "an assault that showed how close ...": the relative pronoun is not a source."""
    text = ("Rebels attacked a base near the capital in an assault that showed how close "
            "the uprising now is to a civil war.")  # fmt: skip
    assert first(nlp, text).type == AttributionType.UNATTRIBUTED


def test_attribution_next_sentence(nlp: Any) -> None:
    text = "“The army is ready for the war.” Maria Lopez said this on the radio on Monday."
    _doc, attributions, _quotes = run(nlp, text)
    quoting = attributions[0]
    assert quoting.type == AttributionType.NAMED
    assert quoting.source == "Maria Lopez"
    assert quoting.confidence < attributions[-1].confidence


def test_attribution_according_to_closing_a_paragraph_covers_it(nlp: Any) -> None:
    text = (
        "In January, Maria Lopez traveled in secret to Varna to meet the president. "
        "At the meeting, she agreed to send more aid, according to Norland officials."
    )
    first_sentence, second = run(nlp, text)[1]
    assert second.type == first_sentence.type == AttributionType.ANONYMOUS_GROUP
    text = "The army attacked the town on Monday. Residents said twenty people died there."
    first_sentence, second = run(nlp, text)[1]
    assert (first_sentence.type, second.type) == (AttributionType.UNATTRIBUTED,
                                                  AttributionType.ANONYMOUS_GROUP)  # fmt: skip


def test_attribution_quote_speaker_after(nlp: Any) -> None:
    text = "“The port will stay open for every ship,” said Ana Ruiz."
    _doc, _atts, quotes = run(nlp, text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.kind == QuoteKind.STATEMENT and quote.marked
    assert quote.speaker == "Ana Ruiz"
    assert sliced(text, quote.span) == "The port will stay open for every ship"


def test_attribution_a_weak_verb_opening_the_paragraph_after_a_quote(nlp: Any) -> None:
    """ "…,” Ana Ruiz added." tags the quote before it; "Tom Varley added 16 points" opening
    the next paragraph reports nothing."""
    quote = "“This is a great honour for the whole port,” Ana Ruiz said.\n\n“We will stay.”"
    text = quote + "\n\nTom Varley added 16 points for the Norland side."
    assert run(nlp, text)[1][-1].type == AttributionType.UNATTRIBUTED
    tagged = quote[:-2] + ",” Tom Varley added."
    assert run(nlp, tagged)[1][-1].type != AttributionType.UNATTRIBUTED


def test_attribution_quote_speaker_before_colon(nlp: Any) -> None:
    text = "Ana Ruiz sent a letter: “The port will stay open for every ship.”"
    _doc, attributions, quotes = run(nlp, text)
    assert quotes[0].speaker == "Ana Ruiz"
    assert attributions[0].type == AttributionType.SUBJECT


def test_attribution_quote_pronoun_speaker(nlp: Any) -> None:
    text = (
        "John Miller arrived in Vell on Monday. “The port will stay open for every ship,” he said."
    )
    doc, _atts, quotes = run(nlp, text)
    assert quotes[0].speaker == "John Miller"
    assert sliced(doc.text, quotes[0].speaker_span) == "John Miller"


def test_attribution_scare_quotes(nlp: Any) -> None:
    text = "The council called the plan an “imminent threat” to the town."
    quotes = run(nlp, text)[2]
    assert [q.kind for q in quotes] == [QuoteKind.SCARE]
    assert sliced(text, quotes[0].span) == "imminent threat"
    assert quotes[0].speaker is None


def test_attribution_slogan(nlp: Any) -> None:
    text = "Protesters marched under the slogan “Bread for the Hungry Towns” on Friday."
    quotes = run(nlp, text)[2]
    assert [q.kind for q in quotes] == [QuoteKind.SLOGAN]


def test_attribution_lost_marks(nlp: Any) -> None:
    text = "Ana Ruiz wrote, for example, I manage the port of Vell and the railway."
    _doc, attributions, quotes = run(nlp, text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert not quote.marked and quote.kind == QuoteKind.STATEMENT
    assert quote.speaker == "Ana Ruiz"
    assert sliced(text, quote.span) == "I manage the port of Vell and the railway."
    assert attributions[0].type in {AttributionType.SUBJECT, AttributionType.NAMED}


def test_attribution_spans_slice_back(nlp: Any) -> None:
    text = (
        "Ana Ruiz arrived on Monday.\n\n“We will win,” she said, according to an aide.\n\n"
        "Officials believe the “deal” is dead."
    )
    doc, attributions, quotes = run(nlp, text)
    assert len(attributions) == len(list(doc.sents))
    for found in attributions:
        assert sliced(text, found.sentence).strip() == sliced(text, found.sentence)
        if found.source_span is not None:
            assert sliced(text, found.source_span) == found.source
    for quote in quotes:
        assert sliced(text, quote.span)
        if quote.speaker_span is not None:
            assert sliced(text, quote.speaker_span) == quote.speaker


_WORDS = ["said", "he", "Ana", "Ruiz", "according", "to", "officials", "“", "”", '"', "‘", "’"]
_TEXT = st.lists(
    st.one_of(st.sampled_from([*_WORDS, ".", ",", ":", "\n\n", "I", "we"]), st.text(max_size=8)),
    max_size=40,
).map(" ".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_attribution_fuzz_never_crashes(nlp: Any, text: str) -> None:
    doc, attributions, quotes = run(nlp, text)
    assert len(attributions) == len(list(doc.sents))
    for quote in quotes:
        assert 0 <= quote.span.start <= quote.span.end <= len(text)


def test_attribution_pronoun_finds_a_person_the_tagger_mislabelled_once(nlp: Any) -> None:
    """The tagger calls a name a PERSON in most of an article and a place once; "he" after that
    one still means him, not the last person the tagger got right."""
    text = (
        "Ivan Petrov runs the harbour. Ivan Petrov met the mayor in June.\n\n"
        "Ivan Petrov has accused Karl Brenner of poor management. The port will close, he said."
    )
    doc = nlp(text)
    mentions = [
        (m.start(), m.end(), "PERSON") for m in re.finditer("Ivan Petrov|Karl Brenner", text)
    ]
    mentions[2] = (*mentions[2][:2], "LOC")  # the third "Ivan Petrov", mislabelled
    attributions, _quotes = attribute(doc, DOC_ID, mentions)
    said = next(
        a for a in attributions if "port will close" in text[a.sentence.start : a.sentence.end]
    )
    assert said.source_span is not None
    assert (said.source_span.start, said.source_span.end) == mentions[2][:2]


def test_attribution_pronoun_means_the_main_clause_subject(nlp: Any) -> None:
    """ "he" after "the ambassador, Casson, recalled the role which Petrov played" is Casson,
    the one speaking, not Petrov, the subject of a clause inside the object."""
    text = (
        "Last year, the former ambassador to Egypt, John Casson, recalled the role which "
        "Ivan Petrov played in the talks.\n\n“The envoy called for breaks,” he said."
    )
    _doc, attributions, _quotes = run(nlp, text)
    assert attributions[-1].source == "John Casson"


def test_attribution_a_named_speaker_who_tells_another_outlet_is_the_speaker(nlp: Any) -> None:
    """ "he told the BBC" after a name is that person speaking (the gold's convention: Crocker
    "told The New Yorker" is named-source Crocker); a "he" no name stands for leaves the
    outlet spoken to as the source."""
    text = (
        "Former ambassador Ryan Casson served in Kabul for two years.\n\n"
        '"They kept the ministry informed," he told the BBC.'
    )
    found = run(nlp, text)[1][-1]
    assert (found.type, found.source) == (AttributionType.NAMED, "Ryan Casson")
    found = first(nlp, '"They kept the ministry informed," he told the BBC.')
    assert (found.type, found.source) == (AttributionType.MEDIA, "BBC")


def test_attribution_his_own_words_are_his(nlp: Any) -> None:
    """ "according to his prepared testimony" is the person "his" stands for, as "he said"
    would be; "according to his lawyer" is still someone else."""
    for cue in ("his prepared testimony", "excerpts of his statement"):
        text = (
            "John Casson will tell lawmakers the industry needs to be better prepared for "
            f"accidents, according to {cue}."
        )
        found = first(nlp, text)
        assert (found.type, found.source) == (AttributionType.NAMED, "John Casson")
    text = "John Casson had inspected the plant twice, according to his lawyer."
    assert first(nlp, text).type == AttributionType.ANONYMOUS_OFFICIAL


@pytest.mark.parametrize(
    "text",
    [
        'John Casson described the deal as "a disaster for the country".',
        'John Casson branded the deal "a disaster for the country".',
        'The deal was described by John Casson as "a disaster for the country".',
    ],
)
def test_attribution_a_quoted_appraisal_is_the_appraisers(nlp: Any, text: str) -> None:
    """The quoted complement of a verb of appraisal is the appraiser's words, and the
    sentence is his: active, naming, or passive with "by"."""
    _doc, attributions, quotes = run(nlp, text)
    assert [(q.kind, q.speaker) for q in quotes] == [(QuoteKind.STATEMENT, "John Casson")]
    assert (attributions[0].type, attributions[0].source) == (AttributionType.NAMED, "John Casson")
    unquoted = first(nlp, "John Casson described the scene in Vessia on Monday.")
    assert unquoted.type == AttributionType.UNATTRIBUTED


def test_attribution_a_participle_of_appraisal_sources_only_its_quote(nlp: Any) -> None:
    """ "a man praised by Lind as “...”": the quotation is Lind's, the sentence is not (here
    it is hedged by "reportedly")."""
    text = (
        "The person reportedly guiding the talks was John Casson, a man praised by President "
        'Ivo Lind as "a living martyr of the revolution".'
    )
    _doc, attributions, quotes = run(nlp, text)
    assert [(q.kind, q.speaker) for q in quotes] == [(QuoteKind.STATEMENT, "Ivo Lind")]
    assert attributions[0].type == AttributionType.HEDGED


def test_attribution_a_passive_report_is_its_agents(nlp: Any) -> None:
    text = "When he returned on Saturday, he was told by the authorities he would be held."
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.ANONYMOUS_GROUP, "the authorities")


@pytest.mark.parametrize(("opening", "source"), [('"', "Anna Berg"), ("", "He")])
def test_attribution_pronoun_after_paragraphs_of_quotation_is_the_last_speaker(
    nlp: Any, opening: str, source: str
) -> None:
    """Paragraphs that open with a quotation mark carry on the last speaker's words, so "He
    added" after two of them is still the harbour director; after a paragraph of the
    outlet's own words, "he" finds nobody two paragraphs back."""
    text = (
        "Harbour director Anna Berg said the port would stay open this winter.\n\n"
        f"{opening}We will keep every berth working through the storms.\n\n"
        f"{opening}The pilots have trained for this since the spring.\n\n"
        'He added: "The ferries will run as they always have."'
    )
    _doc, attributions, _quotes = run(nlp, text)
    assert attributions[-1].source == source


def test_attribution_a_post_named_again_is_its_holder(nlp: Any) -> None:
    """ "the prime minister said" after "Prime Minister Anna Berg" is Berg, not the foreign
    minister named after her; the age is no part of the title; "the government says" is no
    post of "government spokeswoman Lena Holt"; a post nobody held before stays anonymous."""
    text = (
        "Prime Minister Anna Berg and Foreign Minister Karl Lund met in Varnia on Monday. "
        "Government spokeswoman Lena Holt attended.\n\n"
        "The prime minister said the harbour would stay open. "
        "The 52-year-old minister told reporters the talks had gone well. "
        "At least 20 people have been hurt, the government says. "
        "The mayor said the roads were closed."
    )
    _doc, attributions, _quotes = run(nlp, text)
    sources = {sliced(text, a.sentence)[:12]: (a.type, a.source) for a in attributions}
    assert sources["The prime mi"] == (AttributionType.NAMED, "Anna Berg")
    assert sources["The 52-year-"] == (AttributionType.NAMED, "Karl Lund")
    assert sources["At least 20 "][1] != "Lena Holt"
    assert sources["The mayor sa"][0] != AttributionType.NAMED


def test_attribution_a_quote_continued_into_the_next_paragraph(nlp: Any) -> None:
    """A copy that lost the opening mark of a quotation's second paragraph: the paragraph is
    still the speaker's words, and the quotation after it is still found."""
    text = (
        'Maria Lopez, the harbour director, said: "The harbour will stay open all winter.\n\n'
        'We expect the first ships in March." The council met on Monday. '
        '"It is far too early to say," the mayor told reporters.'
    )
    _doc, attributions, quotes = run(nlp, text)
    words = [sliced(text, q.span) for q in quotes]
    assert words == [
        "The harbour will stay open all winter.",
        "We expect the first ships in March.",
        "It is far too early to say",
    ]
    assert [q.speaker for q in quotes[:2]] == ["Maria Lopez", "Maria Lopez"]
    second = next(a for a in attributions if sliced(text, a.sentence).startswith("We expect"))
    assert (second.type, second.source) == (AttributionType.NAMED, "Maria Lopez")
    monday = next(a for a in attributions if "Monday" in sliced(text, a.sentence))
    assert monday.type == AttributionType.UNATTRIBUTED


def test_attribution_a_quotation_reopened_on_one_line_is_one_quotation(nlp: Any) -> None:
    """A copy that ran a quotation's paragraphs into one line keeps each one's opening mark
    and only the last closing one: a straight mark after a space and before a word reopens
    the quotation rather than closing it, so every sentence is the speaker's and the
    sentence after the quotation is no quotation."""
    text = (
        'Maria Lopez, the harbour director, said: "We expect the first ships in March. "Moving '
        'the fleet does not mean we will see more delays." She added that "the port" was '
        "ready. The council met."
    )
    _doc, attributions, quotes = run(nlp, text)
    words = [sliced(text, q.span) for q in quotes]
    assert words[0].startswith("We expect") and words[0].endswith("more delays.")
    assert [q.speaker for q in quotes[:1]] == ["Maria Lopez"]
    second = next(a for a in attributions if sliced(text, a.sentence).startswith('"Moving'))
    assert (second.type, second.source) == (AttributionType.NAMED, "Maria Lopez")
    assert "the port" in words
    council = next(a for a in attributions if "council" in sliced(text, a.sentence))
    assert council.type == AttributionType.UNATTRIBUTED


def test_attribution_a_lone_surname_is_the_person_named_in_full(nlp: Any) -> None:
    """The tagger often calls "Hayward" an organisation once "Tony Hayward" was a person: the
    pronoun after it still finds him."""
    text = (
        "Norland Oil named Tony Hayward chief executive in 2007. Under questioning, Hayward "
        "defended his record. He said he had made dramatic safety improvements."
    )
    doc = nlp(text)
    labels = {"Norland Oil": "ORG", "Tony Hayward": "PERSON", "Hayward": "ORG"}
    mentions = sorted(
        (m.start(), m.end(), label)
        for name, label in labels.items()
        for m in re.finditer(rf"(?<!Tony ){name}", text)
    )
    last = attribute(doc, DOC_ID, mentions)[0][-1]
    assert (last.type, last.source) == (AttributionType.SUBJECT, "Hayward")  # on himself
    alone = [m for m in mentions if text[m[0] : m[1]] != "Tony Hayward"]
    assert attribute(doc, DOC_ID, alone)[0][-1].type == AttributionType.ANONYMOUS_OFFICIAL


def test_attribution_a_reporting_verb_sharing_its_subject(nlp: Any) -> None:
    """ "X will be suspended ... and has said it will not attend": X said it."""
    text = (
        "Norland will be suspended from the Northern League on Wednesday and has said it "
        "will not attend the meeting in Varnia."
    )
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "Norland")
    text = "The company will pay $5bn into the fund, called an escrow fund, before the end of 2010."
    assert first(nlp, text).type == AttributionType.UNATTRIBUTED


def test_attribution_a_participle_speaks_for_its_clause_subject(nlp: Any) -> None:
    """ "X distanced themselves from Y, saying ...": X said it; a passive ("was reported to
    have launched") names no speaker."""
    text = (
        "Executives from Norland Oil distanced themselves from Varnia Gas, saying Varnia Gas "
        "had failed to adhere to industry standards."
    )
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "Norland Oil")
    text = (
        "Mr Berg was speaking a day after a group of renegade soldiers was reported to have "
        "launched an attack on an army base outside Varnia."
    )
    assert first(nlp, text).type != AttributionType.NAMED


def test_attribution_a_speaker_named_in_another_part_of_the_quotation(nlp: Any) -> None:
    """The speaker named after a quotation's continuation speaks its first paragraph too, and
    a paragraph that is one unattributed quotation goes on quoting the last speaker."""
    text = (
        'Earlier on Saturday, the colonel sent messages abroad. "I have the people with me '
        "and I am prepared to die.\n\n"
        'And they are prepared to die for me," Omar Haddad said in a letter.\n\n'
        '"Colonel Haddad has made this happen," Karl Berg told reporters.\n\n'
        '"He has lied to the world. He has promised a ceasefire and broken it."'
    )
    _doc, attributions, quotes = run(nlp, text)
    speakers = [q.speaker for q in quotes]
    assert speakers == ["Omar Haddad", "Omar Haddad", "Karl Berg", "Karl Berg"]
    last = attributions[-1]
    assert (last.type, last.source) == (AttributionType.NAMED, "Karl Berg")


def test_attribution_a_speaker_the_parser_hung_elsewhere(nlp: Any) -> None:
    """ "..., a spokesman for the Italian leader said": the parser may hang "spokesman" on the
    place before it; the verb without a subject still has its speaker."""
    text = (
        "Italian Prime Minister Marco Bellini, another participant at the meeting, proposed "
        "the use of the NATO base in Naples as a command center for allied action in Libya, a "
        "spokesman for the Italian leader said."
    )
    spokesman = next(t for t in nlp(text) if t.text == "spokesman")
    assert spokesman.dep_ == "appos"  # the misparse this is about
    found = first(nlp, text)
    assert found.type == AttributionType.ANONYMOUS_OFFICIAL
    assert found.source is not None and "spokesman" in found.source


def test_attribution_finding_no_evidence_is_a_denial(nlp: Any) -> None:
    """ "said he had seen no evidence of ..." denies what others allege; telling someone
    that no evidence of his care was found charges him; "no sign" states a finding."""
    denials = [
        "Admiral Mike Mullen said he had seen no reports of civilian casualties.",
        "Tony Hayward said he had seen no evidence of reckless behavior on the rig.",
        '"There is nothing I have seen that suggests anyone put costs ahead of safety," '
        "Tony Hayward said.",
    ]
    for text in denials:
        assert first(nlp, text).type == AttributionType.DENIAL, text
    others = [
        '"We could find no evidence you paid any attention to the risks," Henry Waxman said.',
        "Police officials said they had found no sign of forced entry.",
        "Tony Hayward said he had seen the report of the panel.",
    ]
    for text in others:
        assert first(nlp, text).type != AttributionType.DENIAL, text


def test_attribution_a_quotation_of_several_sentences_is_its_closing_speakers(
    nlp: Any,
) -> None:
    """The speaker named where a long quotation closes speaks all of it, not the source of
    the sentence before it."""
    text = (
        "Washington says it has seen no evidence of civilian casualties, but Muammar Gaddafi "
        'accused Western powers of massacres. "Stop your brutal attack on our country. '
        "Hundreds of Libyans are being killed by the bombs. Massacres are being committed "
        'against the Libyan people," he said in a letter.'
    )
    _, attributions, quotes = run(nlp, text)
    assert [a.source for a in attributions[1:]] == ["Muammar Gaddafi"] * 3
    assert [q.speaker for q in quotes] == ["Muammar Gaddafi"]


def test_attribution_quoted_as_saying_is_the_quoted_speakers(nlp: Any) -> None:
    text = (
        "Egypt's state news agency quoted Arab League chief Amr Moussa as saying that the "
        "strikes went beyond a no-fly zone."
    )
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "Amr Moussa")


def test_attribution_a_paragraph_quotation_speaks_for_the_last_speaker_before(
    nlp: Any,
) -> None:
    """A paragraph opening on a quotation with no speaker quotes whoever speaks in the last
    sentence before it, not a speaker two sentences back; nor does a speaker's name take
    the quotation mark the parser hung on it."""
    text = (
        "In Tehran, Foreign Minister Ali Akbar Salehi criticized the Arab League. He told "
        "the news agency IRNA that Syria had pledged reforms.\n\n"
        '"Unfortunately, some countries believe that they are outside the crisis."'
    )
    assert [q.speaker for q in run(nlp, text)[2]] == ["Ali Akbar Salehi"]
    text = (
        '"This oil is already in the wetlands and more is coming up every day," John Hocevar, '
        "a marine biologist, told Reuters. During the hearing, Joe Barton stunned lawmakers "
        "when he apologized to Tony Hayward.\n\n"
        '"I think it is a tragedy that a private corporation can be subjected to a shakedown."'
    )
    _, attributions, quotes = run(nlp, text)
    assert [q.speaker for q in quotes] == ["John Hocevar", None]
    assert sliced(text, quotes[0].speaker_span) == "John Hocevar"
    assert attributions[-1].type == AttributionType.UNATTRIBUTED


def test_attribution_a_closing_tag_names_the_medium(nlp: Any) -> None:
    """ "..., the Associated Press reports." ends the sentence on its source even where the
    parser hangs "reports" on a noun before it; CNBC is a broadcaster."""
    text = (
        "Mr Barton was rebuked by his own party leaders and retracted his words, the "
        "Associated Press reports."
    )
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.MEDIA, "the Associated Press")
    found = first(nlp, "BP might try to sell $5 billion in bonds next week, CNBC reported.")
    assert (found.type, found.source) == (AttributionType.MEDIA, "CNBC")


def test_attribution_a_post_one_person_holds_is_a_named_source(nlp: Any) -> None:
    """ "Russia's foreign minister" and "the French president" name one person; "a Syrian
    minister", "Russia's minister" (which one?) and "his adviser" do not."""
    named = [
        "Russia's foreign minister has said the situation in Syria resembles civil war.",
        "The French president said the strikes would go on.",
    ]
    for text in named:
        assert first(nlp, text).type == AttributionType.NAMED, text
    unnamed = [
        "A Syrian minister said the strikes would go on.",
        "Russia's minister said the plan would fail.",
        "His adviser said the plan would fail.",
    ]
    for text in unnamed:
        assert first(nlp, text).type == AttributionType.ANONYMOUS_OFFICIAL, text


def test_attribution_a_speaker_after_a_quotation_misparsed_as_object(nlp: Any) -> None:
    """'"God, Syria, Bashar, nothing else!" shouted demonstrators': the parser makes "God"
    the subject and the demonstrators an object."""
    text = '"God, Syria, Bashar, nothing else!" shouted demonstrators in central Damascus.'
    _, attributions, quotes = run(nlp, text)
    assert (attributions[0].type, attributions[0].source) == (
        AttributionType.ANONYMOUS_GROUP,
        "demonstrators",
    )
    assert [q.speaker for q in quotes] == ["demonstrators"]


def test_attribution_asking_next_to_a_quotation_reports_it(nlp: Any) -> None:
    text = 'India\'s U.N. ambassador asked, "Who will implement the no-fly zone?"'
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "India's U.N. ambassador")
    # a question with no words next to it reports nothing; a demand is its maker's
    assert first(nlp, "The minister asked about the port.").type == AttributionType.UNATTRIBUTED
    assert first(nlp, "The minister asked him to resign.").type != AttributionType.UNATTRIBUTED


def test_attribution_a_pronoun_skips_a_person_of_the_other_gender(nlp: Any) -> None:
    """The article's titles and nouns give gender: "she" after "Mr Hague met Mrs Clinton"
    is Mrs Clinton, though Mr Hague is the subject; a noun of kin marks the name as written
    ("her father, Ali Obeidy"), not everyone of that surname."""
    text = (
        "Mr William Hague met Mrs Hillary Clinton in London on Monday. She said the talks "
        "had gone well."
    )
    assert run(nlp, text)[1][1].source == "Mrs Hillary Clinton"
    text = (
        "Eman Obeidy spoke to reporters in the hotel, and her father, Ali Obeidy, waited "
        "outside. She said she had been held for two days."
    )
    assert run(nlp, text)[1][1].source == "Obeidy"  # the tagger leaves "Eman" out


def test_attribution_an_acronym_is_no_person_for_a_pronoun(nlp: Any) -> None:
    """The tagger may call "Sell BP" a person, which made every "BP" his surname and the
    subject a later "he" stood for; an acronym is never a person."""
    text = (
        "Analysts told clients to Sell BP. BP declined to comment.\n\n"
        'Tony Hayward\'s statement, in which he said he was "deeply sorry" for the spill, '
        "was interrupted by a protester."
    )
    doc = nlp(text)
    mentions = [(m.start(), m.end(), label) for name, label in
                [("Sell BP", "PERSON"), ("BP", "ORG"), ("Tony Hayward", "PERSON")]
                for m in re.finditer(re.escape(name), text)]  # fmt: skip
    mentions = [m for m in mentions if not (m[2] == "ORG" and text[m[0] - 5 : m[0]] == "Sell ")]
    attributions, _ = attribute(doc, DOC_ID, sorted(set(mentions)))
    assert attributions[-1].source == "Tony Hayward"


def test_attribution_relative_pronouns_neither_nor_and_contrast(nlp: Any) -> None:
    """ "Ashton, who said ..." is Ashton's; "neither denied nor confirmed" reports nothing;
    "did not name them but said ..." still reports."""
    text = (
        "He spoke after talks with foreign policy chief Catherine Ashton, who said the world "
        "must bring all its influence to bear."
    )
    assert first(nlp, text).source == "Catherine Ashton"
    found = first(nlp, "Israel has neither denied nor confirmed the report.")
    assert found.type == AttributionType.UNATTRIBUTED
    found = first(nlp, "Khaled Kaim did not name them but said the circle included his sons.")
    assert (found.type, found.source) == (AttributionType.NAMED, "Khaled Kaim")


def test_attribution_a_negated_belief_is_still_the_speakers_view(nlp: Any) -> None:
    text = "American intelligence officials do not believe he knew about the attack."
    assert first(nlp, text).type == AttributionType.ANONYMOUS_GROUP
    assert first(nlp, "I don't think the strikes will work.").type == AttributionType.AUTHOR
    found = first(nlp, "Officials did not say whether the strikes would go on.")
    assert found.type == AttributionType.UNATTRIBUTED


def test_attribution_advice_is_its_givers_even_withheld(nlp: Any) -> None:
    """Advice is a statement of its giver's ("recommended", "advised"), and advice withheld
    ("does not recommend") still is; a negated report of speech is not ("did not say")."""
    text = "Dr Ana Ferris recommended that drugmakers stay on track with the vaccine."
    assert first(nlp, text).type == AttributionType.NAMED
    found = first(nlp, "Officials advised governments to prepare for a long battle.")
    assert found.type == AttributionType.ANONYMOUS_GROUP
    found = first(nlp, "Mr Ferris does not recommend closure of the borders.")
    assert (found.type, found.source) == (AttributionType.NAMED, "Ferris")
    found = first(nlp, "Mr Ferris did not say whether the borders would close.")
    assert found.type == AttributionType.UNATTRIBUTED


def test_attribution_a_promise_is_its_maker_speaking_of_himself(nlp: Any) -> None:
    """ "promised", "vowed": the speaker's words about his own acts; a pledge of aid is an act
    and no statement ("pledged more aid")."""
    found = first(nlp, "Maria Lopez promised the strikers a long fight.")
    assert (found.type, found.source) == (AttributionType.SUBJECT, "Maria Lopez")
    found = first(nlp, "Maria Lopez has vowed to stay in Varnia and fight on.")
    assert (found.type, found.source) == (AttributionType.SUBJECT, "Maria Lopez")
    found = first(nlp, "Maria Lopez pledged more aid to the strikers.")
    assert found.type == AttributionType.UNATTRIBUTED


def test_attribution_the_first_person_outside_quotation_is_the_author(nlp: Any) -> None:
    """ "I think", "I told them", "we promise" outside quotation marks: a columnist's or a
    reader's own words, no anonymous official called "I"."""
    for text in (
        "I told them the harbour would stay open all winter.",
        "We promise the next report will be shorter.",
        "Thankfully, the harbour stayed open all winter.",
    ):
        assert first(nlp, text).type == AttributionType.AUTHOR, text


def test_attribution_an_acronym_in_a_sentence_is_a_name(nlp: Any) -> None:
    """A word in capitals names an organisation even where the tagger reads it as a word:
    "WHO" as the pronoun "who", "US" as "us". A headline in capitals reads as words."""
    for name in ("WHO", "US"):
        found = first(nlp, f"{name} recommended that countries keep their borders open.")
        assert (found.type, found.source) == (AttributionType.NAMED, name)
    found = first(nlp, "WHO SAID THE BORDERS WOULD STAY OPEN?")
    assert found.type != AttributionType.NAMED


def test_attribution_a_speaker_the_parser_hung_inside_an_opening_phrase(nlp: Any) -> None:
    """spaCy parses "Since Soleimani's visit to Damascus, U.S. and Arab officials said" with
    "visit" as the subject and the officials inside its phrase; a name or a noun for people
    as the subject is left alone."""
    text = (
        "Since Gen. Soleimani's January visit to Damascus, U.S. and Arab officials said "
        "Tehran appears to have upped its support for the Syrian regime."
    )
    found = first(nlp, text)
    assert (found.type, found.source) == (
        AttributionType.ANONYMOUS_GROUP,
        "U.S. and Arab officials",
    )
    text = "The head of the Arab League, Nabil Elaraby, said the plan would fail."
    assert first(nlp, text).source == "Nabil Elaraby"


def test_attribution_a_wire_dateline_names_no_speaker(nlp: Any) -> None:
    """ "GENEVA (Reuters) - ..." names a place and an agency; the parser may make the place a
    subject. "declared an influenza pandemic" (an object, no clause) reports nothing; the
    advice in a verb joined to it is the council's, dateline or not."""
    text = "OSTRIA (Reuters) - The Norland Health Council declared an influenza pandemic."
    found = first(nlp, text)
    assert found.source != "OSTRIA"
    assert found.type == AttributionType.UNATTRIBUTED
    advised = (
        "The Norland Health Council declared an influenza pandemic on Thursday and advised "
        "governments to prepare."
    )
    assert first(nlp, advised).source == "The Norland Health Council"
    assert first(nlp, "OSTRIA (Reuters) - " + advised).source == "The Norland Health Council"
    text = "OSTRIA (Reuters) - The Norland Health Council said on Thursday it was ready."
    assert first(nlp, text).source == "The Norland Health Council"


def test_attribution_a_name_inside_a_misparsed_clausal_subject_speaks(nlp: Any) -> None:
    """ "WHO chief Dr Margaret Chan said", after another sentence, is parsed as a clause
    ("WHO chiefs Chan") that is the subject of "said"; the name before the verb speaks."""
    text = (
        "It rains. WHO chief Dr Margaret Chan said the move did not mean the virus was "
        "causing more severe illness."
    )
    found = [a for a in run(nlp, text)[1] if a.source]
    assert [a.source for a in found] == ["Margaret Chan"]
    assert found[0].type == AttributionType.NAMED


def test_attribution_a_named_organisation_names_its_source(nlp: Any) -> None:
    """An organisation in apposition names the source ("One manufacturer, Norvax Ltd,");
    a named body whose name ends in a media word is no outlet ("the Health Protection
    Agency"), a common noun still is ("the news agency")."""
    text = "One manufacturer, GlaxoSmithKline PLC, said it could start production by July."
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "GlaxoSmithKline PLC")
    text = "In Norland, the Health Protection Agency says there is no sustained transmission."
    found = first(nlp, text)
    assert (found.type, found.source) == (AttributionType.NAMED, "the Health Protection Agency")
    text = "The state news agency said there was no sustained transmission in Norland."
    assert first(nlp, text).type == AttributionType.MEDIA


def test_attribution_a_participle_of_speech_after_a_promise_is_the_promisers(nlp: Any) -> None:
    """The parser hangs ", telling reporters" on the promised clause ("BP would change"); the
    one who promised tells, not the clause's subject."""
    text = (
        "Mr Erik Lund promised that Norvax would do things differently, telling the Ostria "
        'Chronicle newspaper: "The task is to restore confidence."'
    )
    assert first(nlp, text).source == "Erik Lund"


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        (
            '"Everyone has a price," as one neo-bank CEO told me, and fees keep rising.',
            AttributionType.ANONYMOUS_OFFICIAL,
            "one neo-bank CEO",
        ),
        (
            "The news organization, citing an anonymous source, reported that Norvax had "
            "closed its Vessia plant.",
            AttributionType.MEDIA,
            "The news organization",
        ),
        (
            "Ivo Lind told a Vessia news conference that the harbour would reopen in May.",
            AttributionType.NAMED,
            "Ivo Lind",
        ),
    ],
)
def test_attribution_titles_made_indefinite_and_news_bodies(
    nlp: Any, text: str, kind: AttributionType, source: str
) -> None:
    """An indefinite title the tagger reads as a name is one unnamed source; a news
    organisation is a medium; a news conference is where a named speaker spoke."""
    found = first(nlp, text)
    assert (found.type, found.source) == (kind, source)


def test_attribution_a_name_never_ends_in_its_verb(nlp: Any) -> None:
    """The tagger may run the reporting verb into the name ("Teresa Nielsen Hayden
    explained", one entity); the source stops before the verb."""
    text = (
        "“All it took was one bad infection and Mike would wipe out every penny he had,” "
        "Teresa Nielsen Hayden explained."
    )
    found = first(nlp, text)
    assert found.source == "Teresa Nielsen Hayden"
    assert sliced(text, found.source_span) == "Teresa Nielsen Hayden"


def test_attribution_a_hedged_quoting_sentence_keeps_its_hedge(nlp: Any) -> None:
    """A sentence that quotes someone and says "reportedly" is hedged: it does not borrow the
    source of the sentence before it ("According to Ostrian army sources, ...")."""
    text = (
        "According to Ostrian army sources, Norland gave the harbour guards new rifles. "
        "The man reportedly guiding the effort was Karl Brenner, a general praised by the "
        "Norland president as “a hero of the harbour.”"
    )
    attributions = run(nlp, text)[1]
    assert attributions[0].type == AttributionType.ANONYMOUS_GROUP
    assert attributions[1].type == AttributionType.HEDGED
    assert sliced(text, attributions[1].cue) == "reportedly"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a straight opener closed by a curly closer: the copy mixed its marks
        ('Ada Quist said "it looks like a fair call\u201d under the rules.', ["it looks like a fair call"]),
        # a curly closer that a curly opener claims is not the straight quote's
        ('He said "we will \u201cwin\u201d this" today.', ["we will \u201cwin\u201d this"]),
        ('A "b" c \u201cd\u201d e', ["b", "d"]),
    ],
)  # fmt: skip
def test_quotes_a_straight_opener_closed_by_a_curly_mark(text: str, quoted: list[str]) -> None:
    ranges, _ = marked_ranges(text)
    assert [text[s:e] for s, e in ranges] == quoted
