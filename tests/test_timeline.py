"""Stage 8, timeline: event candidates, their summaries, and merging across outlets."""

from __future__ import annotations

import calendar
import dataclasses
import random
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.model import (
    EventCandidate,
    EventEvidence,
    Span,
    TimeExpr,
    TimeKind,
    TimePrecision,
)
from dossier.timeline import event_candidates, merge_events, summarize
from dossier.timeline.related import fold_related
from dossier.timeline.summary import MAX_SUMMARY_WORDS, content_words


def _time(
    doc_id: str,
    text: str,
    phrase: str,
    value: str,
    kind: TimeKind = TimeKind.DATE,
) -> TimeExpr:
    """A TimeExpr for ``phrase`` in ``text``; ``value`` is YYYY, YYYY-MM or YYYY-MM-DD."""
    start = text.index(phrase)
    lo: str | None
    hi: str | None
    if kind is TimeKind.DURATION:
        lo, hi, precision = None, None, TimePrecision.YEAR
    else:
        lo, hi, precision = _interval(value)
    return TimeExpr(
        Span(doc_id, start, start + len(phrase)), phrase, kind, value, lo, hi, precision,
        "absolute", None, 0.9, 0,
    )  # fmt: skip


def _interval(value: str) -> tuple[str, str, TimePrecision]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return f"{value}-01-01", f"{value}-12-31", TimePrecision.YEAR
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return f"{value}-01", f"{value}-{last:02d}", TimePrecision.MONTH
    return value, value, TimePrecision.DAY


def _mentions(doc: Any) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in ("DATE", "TIME")]


def _evidence(
    nlp: Any, doc_id: str, outlet: str, text: str, phrase: str, value: str
) -> EventEvidence:
    doc = nlp(text)
    (candidate,) = event_candidates(
        doc, doc_id, [_time(doc_id, text, phrase, value)], _mentions(doc)
    )
    return EventEvidence(candidate, outlet)


def _actors(
    evidence: list[EventEvidence], names: dict[str, str]
) -> dict[tuple[str, int, int], str]:
    """Map each mention whose text is in ``names`` to its actor id."""
    found = {}
    for ev in evidence:
        cand = ev.candidate
        for m in cand.mentions:
            surface = cand.sentence_text[
                m.start - cand.sentence.start : m.end - cand.sentence.start
            ]
            if surface in names:
                found[m.document_id, m.start, m.end] = names[surface]
    return found


SUMMARY_CASES = [
    (
        "In January 2012, Soleimani met with President Bashar al-Assad in Syria and pledged "
        "additional military aid against rebel forces.",
        "Soleimani",
        "met",
        "January 2012",
    ),
    (
        "Soleimani, who had risen through the ranks during the war with Iraq, was appointed "
        "commander of the Quds Force in 1998.",
        "Soleimani",
        "appointed",
        "1998",
    ),
    (
        "The general, a close ally of the supreme leader (who rarely praised anyone), was killed "
        "in a drone strike near Baghdad airport on 3 January 2020.",
        "general",
        "killed",
        "3 January 2020",
    ),
    (
        "On 12 May 2015, the mayor of Springfield, who had long opposed the plan, signed a decree "
        "that closed the old harbour to commercial shipping, angering local fishermen and several "
        "business associations in the region.",
        "mayor",
        "signed",
        "12 May 2015",
    ),
    (
        "Last week, Mr. Brandt's long-time deputy, Ahmed Karimi, resigned abruptly after the scandal.",
        "Karimi",
        "resigned",
        "Last week",
    ),
]


@pytest.mark.parametrize(("text", "subject", "verb", "date"), SUMMARY_CASES)
def test_timeline_summary_keeps_who_did_what(
    nlp: Any, text: str, subject: str, verb: str, date: str
) -> None:
    sent = next(iter(nlp(text).sents))
    summary = summarize(sent)
    words = summary.split()
    assert subject in words and verb in words, summary
    assert date not in summary
    assert "who" not in words and "(" not in summary
    assert len(words) <= MAX_SUMMARY_WORDS
    position = 0  # the words appear in the sentence, in its order
    for word in words:
        position = text.index(word, position) + len(word)


def test_timeline_summary_falls_back_to_first_words(nlp: Any) -> None:
    text = "Photos of the meeting, " + "one more caption word " * 10
    summary = summarize(next(iter(nlp(text).sents)))
    assert summary.startswith("Photos of the meeting")
    assert len(summary.split()) == MAX_SUMMARY_WORDS


def test_timeline_candidate_needs_a_date_and_a_mention(nlp: Any) -> None:
    text = (
        "In March 2008, Soleimani brokered a ceasefire in Basra. "
        "In 2009, the fighting stopped for good. "
        "Soleimani spent three years in the region."
    )
    doc = nlp(text)
    times = [
        _time("d1", text, "March 2008", "2008-03"),
        _time("d1", text, "2009", "2009"),
        _time("d1", text, "three years", "P3Y", TimeKind.DURATION),
    ]
    mentions = [(m.start(), m.end()) for m in re.finditer(r"Soleimani|Basra", text)]
    found = event_candidates(doc, "d1", times, mentions)
    assert len(found) == 1
    (cand,) = found
    assert cand.time.text == "March 2008"
    assert cand.sentence_text == text[cand.sentence.start : cand.sentence.end]
    assert cand.sentence_text.startswith("In March 2008")
    assert [text[m.start : m.end] for m in cand.mentions] == ["Soleimani", "Basra"]
    assert "Soleimani brokered a ceasefire" in cand.summary
    assert "2008" not in cand.summary


@pytest.mark.parametrize(
    ("chrome", "date", "value"),
    [
        # a page copied without its line breaks glues a comment's time stamp to its text
        ("March 9, 2011 at 2:52 pm | Reply Obama has proven nothing in Libya.",
         "March 9, 2011", "2011-03-09"),
        # a print note dates the print edition, not a happening
        ("A version appeared on p6 of the Main section of the Norland Times on Friday 28 May "
         "2011.", "Friday 28 May 2011", "2011-05-28"),
    ],
)  # fmt: skip
def test_timeline_candidate_none_from_chrome_glued_into_prose(
    nlp: Any, chrome: str, date: str, value: str
) -> None:
    text = f"On March 8, 2011, rebels seized Brega. {chrome}"
    doc = nlp(text)
    times = [_time("d1", text, "March 8, 2011", "2011-03-08"), _time("d1", text, date, value)]
    names = r"Brega|Obama|Libya|Norland Times"
    mentions = [(m.start(), m.end()) for m in re.finditer(names, text)]
    found = event_candidates(doc, "d1", times, mentions)
    assert [c.time.text for c in found] == ["March 8, 2011"]


def test_timeline_candidate_prefers_the_main_verbs_date(nlp: Any) -> None:
    text = "Soleimani, who joined the Guards in 1979, was appointed commander in 1998."
    doc = nlp(text)
    times = [_time("d1", text, "1979", "1979"), _time("d1", text, "1998", "1998")]
    (cand,) = event_candidates(doc, "d1", times, [(0, len("Soleimani"))])
    assert cand.time.text == "1998"
    assert "1979" not in cand.summary and "1998" not in cand.summary


def test_timeline_merge_joins_two_outlets_on_the_finest_date(nlp: Any) -> None:
    evidence = [
        _evidence(
            nlp, "a", "Outlet A", "In March 2008, Soleimani brokered a ceasefire in Basra.",
            "March 2008", "2008-03",
        ),
        _evidence(
            nlp, "b", "Outlet B", "Soleimani helped negotiate an end to fighting in Basra in 2008.",
            "2008", "2008",
        ),
        _evidence(
            nlp, "b", "Outlet B", "In 2008, Maliki visited Tehran for talks on oil exports.",
            "2008", "2008",
        ),
    ]  # fmt: skip
    actor_of = _actors(evidence, {"Soleimani": "q1", "Maliki": "q2"})
    events = merge_events(evidence, actor_of)
    assert len(events) == 2
    (basra,) = [e for e in events if "q1" in e.actors]
    assert {ev.outlet for ev in basra.evidence} == {"Outlet A", "Outlet B"}
    assert (basra.start, basra.end, basra.precision) == ("2008-03-01", "2008-03-31", "month")
    assert not basra.disagreement
    assert basra.summary.startswith("Soleimani brokered a ceasefire")
    (other,) = [e for e in events if e is not basra]
    assert other.actors == ("q2",) and len(other.evidence) == 1


def test_timeline_merge_keeps_disagreeing_dates(nlp: Any) -> None:
    evidence = [
        _evidence(
            nlp, "a", "Outlet A",
            "In 2003, Soleimani was named commander of the Quds Force by Khamenei.",
            "2003", "2003",
        ),
        _evidence(
            nlp, "b", "Outlet B",
            "Soleimani was named commander of the Quds Force by Khamenei in January 2002.",
            "January 2002", "2002-01",
        ),
    ]  # fmt: skip
    actor_of = _actors(evidence, {"Soleimani": "q1", "the Quds Force": "q3", "Khamenei": "q4"})
    (event,) = merge_events(evidence, actor_of)
    assert event.disagreement
    assert {ev.candidate.time.value for ev in event.evidence} == {"2003", "2002-01"}
    assert (event.start, event.precision) == ("2002-01-01", "month")  # the finer of a tie


def test_timeline_merge_keeps_different_events_of_one_actor_apart(nlp: Any) -> None:
    evidence = [
        _evidence(
            nlp, "a", "Outlet A", "In March 2008, Soleimani brokered a ceasefire in Basra.",
            "March 2008", "2008-03",
        ),
        _evidence(
            nlp, "b", "Outlet B", "In June 2008, Soleimani was promoted to major general.",
            "June 2008", "2008-06",
        ),
        _evidence(
            nlp, "c", "Outlet C", "In 2008, Soleimani survived an assassination attempt.",
            "2008", "2008",
        ),
    ]  # fmt: skip
    events = merge_events(evidence, _actors(evidence, {"Soleimani": "q1"}))
    assert len(events) == 3
    assert [e.start for e in events] == ["2008-01-01", "2008-03-01", "2008-06-01"]


def test_timeline_merge_puts_a_year_inside_a_coarse_period(nlp: Any) -> None:
    coarse = _evidence(
        nlp, "a", "Outlet A", "In the late 1990s, Soleimani was appointed commander of the Quds Force.",
        "the late 1990s", "1996",
    )  # fmt: skip
    late_90s = dataclasses.replace(
        coarse.candidate.time, value="199", end="1999-12-31", precision=TimePrecision.DECADE
    )
    coarse = EventEvidence(dataclasses.replace(coarse.candidate, time=late_90s), "Outlet A")
    fine = _evidence(
        nlp, "b", "Outlet B", "Soleimani was appointed commander of the Quds Force in 1998.",
        "1998", "1998",
    )  # fmt: skip
    actor_of = _actors([coarse, fine], {"Soleimani": "q1", "the Quds Force": "q3"})
    (event,) = merge_events([coarse, fine], actor_of)
    assert (event.start, event.end, event.precision) == ("1998-01-01", "1998-12-31", "year")
    assert not event.disagreement


VOCAB = ["ceasefire", "strike", "meeting", "visit", "talks", "attack", "election", "deal"]


@st.composite
def _random_evidence(draw: st.DrawFn) -> list[EventEvidence]:
    n = draw(st.integers(min_value=1, max_value=25))
    found = []
    for k in range(n):
        doc_id = f"d{draw(st.integers(0, 5))}"
        year = draw(st.integers(2000, 2003))
        month = draw(st.sampled_from([None, 1, 6, 12]))
        value = str(year) if month is None else f"{year}-{month:02d}"
        lo, hi, precision = _interval(value)
        actors = draw(st.lists(st.sampled_from(["Ali", "Badr", "Cyrus"]), min_size=1, max_size=2))
        words = draw(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=4))
        text = " ".join([*actors, *words])
        start = k * 100
        mentions, offset = [], start
        for name in actors:
            mentions.append(Span(doc_id, offset, offset + len(name)))
            offset += len(name) + 1
        time = TimeExpr(
            Span(doc_id, start, start), "", TimeKind.DATE, value, lo, hi, precision,
            "absolute", None, 0.9, 0,
        )  # fmt: skip
        sentence = Span(doc_id, start, start + len(text))
        cand = EventCandidate(doc_id, sentence, text, time, tuple(mentions), text)
        found.append(EventEvidence(cand, f"outlet-{doc_id}"))
    return found


def _random_actor_of(evidence: list[EventEvidence]) -> dict[tuple[str, int, int], str]:
    found = {}
    for ev in evidence:
        cand = ev.candidate
        for m in cand.mentions:
            name = cand.sentence_text[m.start - cand.sentence.start : m.end - cand.sentence.start]
            found[m.document_id, m.start, m.end] = name.lower()
    return found


@settings(max_examples=60, deadline=None)
@given(_random_evidence(), st.randoms(use_true_random=False))
def test_timeline_merge_is_a_stable_partition(
    evidence: list[EventEvidence], rnd: random.Random
) -> None:
    actor_of = _random_actor_of(evidence)
    events = merge_events(evidence, actor_of)
    placed = [ev for e in events for ev in e.evidence]
    assert sorted(map(id, placed)) == sorted(map(id, evidence))
    for e in events:
        assert e.id.startswith("v") and len(e.id) == 13
        assert e.start <= e.end
    shuffled = list(evidence)
    rnd.shuffle(shuffled)
    again = merge_events(shuffled, actor_of)
    assert [(e.id, e.start, e.end, e.summary) for e in again] == [
        (e.id, e.start, e.end, e.summary) for e in events
    ]


def test_timeline_candidate_list_heading_dates_the_entry_after_it(nlp: Any) -> None:
    """A timeline pasted as one line: the sentence splitter leaves "12 November:" at the end
    of the entry before it; it dates the entry after it."""
    text = (
        "18 August: The US imposes a full ban on oil imports 12 November: The Arab League "
        "suspends Syria from the organisation 14 November: King Abdullah urges Assad to go."
    )
    doc = nlp(text)
    times = [_time("d", text, d, v) for d, v in
             (("18 August", "2011-08-18"), ("12 November", "2011-11-12"),
              ("14 November", "2011-11-14"))]  # fmt: skip
    names = ("The US", "The Arab League", "King Abdullah")
    mentions = [(text.index(n), text.index(n) + len(n)) for n in names]
    dated = {text[c.mentions[0].start : c.mentions[0].end]: c.time.text
             for c in event_candidates(doc, "d", times, mentions)}  # fmt: skip
    assert dated == {"The US": "18 August", "The Arab League": "12 November",
                     "King Abdullah": "14 November"}  # fmt: skip


def test_timeline_candidate_per_entry_of_a_box_in_one_sentence(nlp: Any) -> None:
    """Entries the splitter leaves in one sentence: each is its own candidate, dated by its
    heading and summarised from its own words."""
    text = (
        "10 June: Norland PM condemns the response to the unrest 19 July: Ostria closes its "
        "embassy in Varna after an attack by loyalists 8 August: Velmaria condemns crackdown "
        "and recalls its envoy in Varna 10 August: Estavia imposes new sanctions on banks."
    )
    doc = nlp(text)
    times = [_time("d", text, d, v) for d, v in
             (("10 June", "2011-06-10"), ("19 July", "2011-07-19"),
              ("8 August", "2011-08-08"), ("10 August", "2011-08-10"))]  # fmt: skip
    names = ("Norland", "Ostria", "Velmaria", "Estavia")
    mentions = [(text.index(n), text.index(n) + len(n)) for n in names]
    cands = event_candidates(doc, "d", times, mentions)
    dated = {text[c.mentions[0].start : c.mentions[0].end]: c.time.text for c in cands}
    assert dated == {"Norland": "10 June", "Ostria": "19 July", "Velmaria": "8 August",
                     "Estavia": "10 August"}  # fmt: skip
    assert all(len(c.mentions) == 1 for c in cands)
    ostria = next(c for c in cands if c.time.text == "19 July")
    assert (
        ostria.summary.startswith("Ostria closes its embassy") and "Velmaria" not in ostria.summary
    )


def test_timeline_candidate_splits_two_dated_clauses(nlp: Any) -> None:
    text = "Norland sold grain to Estavia in 1994, and in 1999 Velmar and Ostrin signed a treaty."
    doc = nlp(text)
    times = [_time("d", text, "1994", "1994"), _time("d", text, "1999", "1999")]
    mentions = [(text.index(n), text.index(n) + len(n)) for n in ("Norland", "Estavia", "Velmar")]
    first, second = event_candidates(doc, "d", times, mentions)
    assert (first.time.text, second.time.text) == ("1994", "1999")
    assert "signed" not in first.summary and "sold grain" in first.summary
    assert second.summary.startswith("Velmar and Ostrin signed")
    assert [text[m.start : m.end] for m in first.mentions] == ["Norland", "Estavia"]
    assert [text[m.start : m.end] for m in second.mentions] == ["Velmar"]


def test_timeline_candidate_gives_a_shared_subject_to_both_clauses(nlp: Any) -> None:
    text = "Karimi took over the Navy in the late 1990s after leading a brigade during the 1980s."
    doc = nlp(text)
    times = [
        _time("d", text, "the late 1990s", "1997"),
        _time("d", text, "the 1980s", "1985"),
    ]
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Karimi", "the Navy")]
    cands = event_candidates(doc, "d", times, spans)
    assert [c.time.text for c in cands] == ["the late 1990s", "the 1980s"]
    assert all(text[c.mentions[0].start : c.mentions[0].end] == "Karimi" for c in cands)
    assert "leading a brigade" in cands[1].summary


def test_timeline_merge_weights_a_shared_rare_actor(nlp: Any) -> None:
    evidence = [
        _evidence(nlp, "a", "Outlet A",
                  "In early 2008, Karimi passed a message to the envoy of Norland, Gen. Halvor Brisk.",
                  "early 2008", "2008-03"),
        _evidence(nlp, "b", "Outlet B",
                  "In one such message that he sent in 2008 to envoy Halvor Brisk, Karimi boasted.",
                  "2008", "2008"),
        _evidence(nlp, "c", "Outlet C", "In 2008, Karimi inspected a dam in Estavia.",
                  "2008", "2008"),
        _evidence(nlp, "d", "Outlet C", "In 2008, Karimi opened a school in Norland.",
                  "2008", "2008"),
    ]  # fmt: skip
    names = {"Karimi": "k", "Halvor Brisk": "hb", "Norland": "n", "Estavia": "e"}
    events = merge_events(evidence, _actors(evidence, names))
    (message,) = [e for e in events if "hb" in e.actors]
    assert {ev.outlet for ev in message.evidence} == {"Outlet A", "Outlet B"}
    assert len(events) == 3


def test_timeline_candidate_per_dated_list_item(nlp: Any) -> None:
    text = (
        "Karimi advised the army in its victories at Velmar (June 2014) and Ostrin (August 2014)."
    )
    doc = nlp(text)
    times = [_time("d", text, "June 2014", "2014-06"), _time("d", text, "August 2014", "2014-08")]
    cands = event_candidates(doc, "d", times, [(0, len("Karimi"))])
    assert [c.time.text for c in cands] == ["June 2014", "August 2014"]
    assert all("2014" not in c.summary for c in cands)


def test_timeline_candidate_item_keeps_its_own_words(nlp: Any) -> None:
    text = (
        "Karimi's brigade took part in operations including the siege of Velmar in March 2015, "
        "and the liberation of Ostrin, a port in the south, in October 2016."
    )
    doc = nlp(text)
    times = [_time("d", text, "March 2015", "2015-03"), _time("d", text, "October 2016", "2016-10")]
    cands = event_candidates(doc, "d", times, [(0, len("Karimi"))])
    assert sorted(c.time.text for c in cands) == ["March 2015", "October 2016"]
    assert any(c.summary == "the siege of Velmar" for c in cands)
    assert not any("March" in c.summary or "October" in c.summary for c in cands)


def test_timeline_related_folds_news_synonyms() -> None:
    invaded = fold_related(content_words("Norland invaded Estavia"))
    invasion = fold_related(content_words("the invasion of Estavia by Norland"))
    assert invaded & invasion
    assert fold_related(content_words("met")) == fold_related(content_words("meeting"))
    assert not fold_related(content_words("defended")) & fold_related(content_words("attacked"))


def _offensive(nlp: Any, second: str, value: str) -> list[EventEvidence]:
    return [
        _evidence(nlp, "a", "Outlet A",
                  "On May 20, 2013, Karimi directed the offensive on Dunmere with his advisers,"
                  " engineers, medics and gunners.",
                  "May 20, 2013", "2013-05-20"),
        _evidence(nlp, "b", "Outlet B",
                  f"In {second}, Karimi led an offensive near Dunmere that retook a border city,"
                  " its airport and two bridges.",
                  second, value),
        _evidence(nlp, "c", "Outlet C", "In 2013, Norland opened a school in Estavia.",
                  "2013", "2013"),
    ]  # fmt: skip


def test_timeline_merge_close_dates_and_a_rare_actor_need_one_word(nlp: Any) -> None:
    evidence = _offensive(nlp, "May 2013", "2013-05")
    names = {"Karimi": "k", "Dunmere": "d", "Norland": "n", "Estavia": "e"}
    events = merge_events(evidence, _actors(evidence, names))
    (offensive,) = [e for e in events if "k" in e.actors]
    assert {ev.outlet for ev in offensive.evidence} == {"Outlet A", "Outlet B"}


def test_timeline_merge_a_year_and_a_day_need_more_words(nlp: Any) -> None:
    evidence = _offensive(nlp, "2013", "2013")
    names = {"Karimi": "k", "Dunmere": "d", "Norland": "n", "Estavia": "e"}
    events = merge_events(evidence, _actors(evidence, names))
    assert len([e for e in events if "k" in e.actors]) == 2
