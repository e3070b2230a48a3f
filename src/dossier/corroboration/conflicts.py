"""Slot disagreements between two claims that report the same thing.

Precision first: a pair is only compared when the two claims are near paraphrases (for
dates, also when both date a beginning and share two actors, ``_one_onset``: "has advised
Syria's forces ever since the uprisings began last year" / "In 2012, the Quds Force began
providing ..."), and a slot only disagrees when the values cannot both be true:

- **date**: the normalised intervals do not overlap ("2003" vs "January 2002"); containment
  or overlap agrees ("the late 1990s" vs "1998"). Not compared: the same words ("this Sunday"
  in two articles of different days), "now" and its kin, two days of different acts (in a
  running story each day has its own happenings: "died on Saturday" / "shelled on Sunday"; so
  does an act told as one more of its kind, ``dates.told_again``: "fire was also heard on Sunday"),
  and inside one article, two dates of different acts (an article tells a sequence: "30 years
  ago, a demographer could have told you" / "in the late 1970s, fertility rose"). Two dates
  disagree there only for one predicate. Nor an act announced for a later day than another
  report dates it ("will be suspended on Wednesday" / "suspends Syria", 12 November: its
  effect and its decision), nor when another date of one claim agrees with the other's
  ("exploded on 20 April and sank two days later" / "exploded on 20 April": two acts), nor
  in claims of two places or casts (``scope.same_scope``, as for numbers: "on Monday, nine
  cases in the UK" / "last night, five cases in Brazil"; for dates a capital is its country's
  government, "Moscow vetoed" / "Russia and China vetoed"), nor when their counts of one
  unit differ (``_counts_differ``: "increased by six percent in the week to 28 September" /
  "by 50 percent in the week to 4 October", two measurements), nor when one gives a rate
  (``_rate``: "15,000 barrels a day last week" / "15,800 barrels on Wednesday"), nor two
  states (``same_act``: "was a huge hit back in 1993" / "is a classic song ... today");
- a claim that opens with a pronoun no name was found for ("It employs 50,000 staff") is
  compared on no date or number (``scope.unnamed_subject``): whose it is is unknown; one whose
  "he" or "she" is the one person the sentence before names (``subject.referent``) is, but
  its counts only with a claim dated alike ("He was convicted on 11 counts ... in January" /
  "Hale was found guilty on nine counts of fraud in January"; not "He finished with 269
  yards", which may be another season's);
- **number**: inside one article, only when one figure differs (two that differ, "The
  13-inch models start at $1,199" / "The 11-inch models will start at $999", describe two
  items); one thing counted by one verb, not two things (``things.two_things``: counts owned by
  two actors, the actor named last before each count, the speaker aside: "England have lost
  their first three matches" / "a woeful Wales lost all five matches"; measures of two
  substances, ``numbers.measured``: "four milligrams of the drug" / "a 10 milligram tablet of
  Diazepam"; a name and a longer name beginning with it, "the Orbit" / "the Orbit Sport";
  counts such as "cases of ..." are left alone), with values that cannot both be true
  (``numbers``: "48" vs "64 killed"; not "7,500 dead" in March against "9,000" in April),
  unless every count the two share differs (``numbers.two_measurements``: "226 cases across
  30 states" / "160 cases in 21 states" are one tally taken twice),
  in claims that may count one whole (``scope.same_scope``), dated alike or not at all ("killed
  48 on 3 March" / "killed 64 on 9 March" are two days' tolls): not in two places ("337 cases in
  Scotland" / "more than 800 cases in the UK"), nor in the world and one place ("globally,
  1.6 million cases" / "the US has recorded 467,000"), nor of two casts ("India's economy grew" /
  "the UK economy grew"), nor a smaller count in one place against a count whose claim names
  no place (``things.two_things``: "35 people were injured in Suez" may be a part of "49
  people have been injured"). Percentages only in near paraphrases dated alike, unless both
  name what they are of ("Turnout was 61%", "28.4% of the vote") and no verb moves them;
- **duration**: in near paraphrases of one act whose actors one claim names all of
  (``scope.cast_within``), a thing's length ("a 20-year deal" / "a 25-year deal",
  ``durations``); not an age, nor two teams' offers to one player;
- **position**: across two articles, in near paraphrases or in one building named alike, a
  floor or a rank by a superlative ("on the third floor" / "on the second floor", "the
  second-largest bank" / "the third-largest bank"; ``positions``), not a chart place, a round
  or a day, which move;
- **age**: in near paraphrases or claims of one verb, from two articles dated within a month,
  one age in each claim of one holder named by a word that says who ("The driver, 54," / "the
  train's driver, a 52-year-old man"; not "a 54-year-old woman"), two years apart or more
  (``ages``: one year may be a birthday);
- **place**: places disagree only when each claim names exactly one besides the places both
  name ("from Leeds to Edinburgh" / "from Leeds to Liverpool"), the names differ and
  are no spellings of one name ("Deraa"/"Daraa", ``VARIANT_SIMILARITY``), neither lies in
  the other by the gazetteer (``places.nested``: "Geneva" in "Switzerland", "New Orleans" in
  "Louisiana"), both are places the gazetteer knows (a village may lie in the other place,
  and "the Golden Bear" is no place at all), neither name occurs within ``PLACE_WINDOW``
  characters of the other claim, and the two tell one act
  (``same_act``: "will not attend the meeting in Morocco" and "withdrew its ambassador from
  Damascus" name two places for two acts) with counts that do not differ ("nine cases in the
  UK" and "five cases in Brazil" are two happenings);
- one act of one cast (near paraphrases, one verb, the same two actors or more besides the
  sources, ``scope.same_cast``: "The agreement, worth $12 billion, was signed in Tallinn by
  Energy Minister Oskar Pell" / "... worth $15 billion, was signed in Riga by ... Oskar Pell")
  is compared on its place and its sums both, though each differs: the place is where the act
  was done, not the ground a count covers;
- **other**: a person's title or a title's holder (``titles``): "Central Command commander" vs
  "commander of U.S. forces in Iraq", or two posts of one organisation ("chief executive of
  Norvik Bank" vs "chief financial officer of Norvik Bank");
- **quote**: the same speaker quoted in two wordings of one statement (``quotes``), each
  sentence of a quotation read within the whole quotation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dossier.corroboration.ages import age_conflict
from dossier.corroboration.dates import (
    PRESENT_REF,
    OtherTimes,
    TimeIndex,
    another_of_its_kind,
    dates_agree,
    days_apart,
    told_again,
    two_nows,
    unplaced_apart,
)
from dossier.corroboration.durations import duration_conflict
from dossier.corroboration.numbers import (
    number_conflicts,
    numbers_agree,
    two_measurements,
)
from dossier.corroboration.places import known, nested
from dossier.corroboration.positions import position_conflict
from dossier.corroboration.quotes import quote_conflict
from dossier.corroboration.records import ClaimRef, ConflictSlot, span_text
from dossier.corroboration.scope import (
    borrowed_date,
    cast_within,
    more_places,
    same_act,
    same_cast,
    same_scope,
)
from dossier.corroboration.things import one_name, two_things
from dossier.corroboration.titles import title_conflict
from dossier.model import Quantity, TimeExpr, TimePrecision

# How far around a claim a place name may appear and still count as mentioned with it.
PLACE_WINDOW = 400

# Words that date a beginning, and the actors two such claims must share to date one.
_ONSET = re.compile(r"\b(?:began|begun|begin|begins|started|starting|since)\b", re.I)
ONSET_ACTORS = 2
# An act announced for later: "will be suspended", "is due to pay", "is set to meet".
_SCHEDULED = re.compile(r"\b(?:will|shall)\b|\b(?:is|are) (?:due |set |scheduled )?to\b", re.I)
Value = tuple[str, str, str]  # (document id, claim id, value as text)


def pair_conflicts(
    a: ClaimRef, b: ClaimRef, texts: Mapping[str, str], time_of: TimeIndex, close: bool = True,
    others: OtherTimes | None = None,
) -> list[tuple[str, Value, Value]]:  # fmt: skip
    """Each slot on which ``a`` and ``b`` disagree, with the two values.

    ``close`` says the two are near paraphrases; otherwise only a quote's wording and a count
    of one thing by one verb ("48 killed" / "64 killed", see ``same_count``) are compared.
    ``others`` holds each claim's dates besides its own (``other_times``).
    """
    found: list[tuple[str, Value, Value]] = []
    dates = _times(a, time_of), _times(b, time_of)
    one_act = close and same_act(a, b)
    one_cast = one_act and same_cast(a, b)  # one act of one cast: its place and its sums
    scope = same_scope(a, b, texts) or one_cast
    if (
        dates[0] and dates[1] and (close or _one_onset(a, b))
        and (scope or same_scope(a, b, texts, capitals=True))
        and not (borrowed_date(a) or borrowed_date(b))
        and _dates_conflict(a, b, dates[0], dates[1])
        and not _another_date_agrees(a, b, dates[0], dates[1], others or {})
        and not (_rate(a) or _rate(b)) and not _counts_differ(a, b)
    ):  # fmt: skip
        found.append((ConflictSlot.DATE, _value(a, dates[0].text), _value(b, dates[1].text)))
    dated = bool(dates[0] and dates[1] and dates_agree(dates[0], dates[1]))
    alike = dated and not unplaced_apart(dates[0], dates[1])  # for percentages
    apart = bool(
        dates[0] and dates[1]
        and (not dated or days_apart(dates[0], dates[1]) or two_nows(a, b, dates[0], dates[1]))
    )  # fmt: skip
    wider = more_places(a, b, texts) and not one_cast
    compared = (
        scope and not apart and not two_measurements(a, b) and not wider
        and not another_of_its_kind(a, b, dates[0], dates[1])
        and (dated or not (a.referent or b.referent))  # "He finished with 269 yards": when?
    )  # fmt: skip
    counts = [
        (qa, qb) for qa, qb in (number_conflicts(a, b, close, alike) if compared else ())
        if not two_things(a, qa, b, qb, texts)
    ]  # fmt: skip
    if a.document_id != b.document_id or len(counts) == 1:  # one article: two items' figures
        found.extend((ConflictSlot.NUMBER, _value(a, count_text(a, qa, texts)),
                      _value(b, count_text(b, qb, texts))) for qa, qb in counts)  # fmt: skip
    durations = duration_conflict(a, b) if one_act and cast_within(a, b) else None
    if durations:
        found.append((ConflictSlot.NUMBER, _value(a, durations[0]), _value(b, durations[1])))
    one_verb = close or same_act(a, b)
    ages = age_conflict(a, b, one_verb) if a.document_id != b.document_id else None
    if ages:
        found.append((ConflictSlot.NUMBER, _value(a, ages[0]), _value(b, ages[1])))
    ranks = position_conflict(a, b, close) if a.document_id != b.document_id else None
    if ranks:
        found.append((ConflictSlot.NUMBER, _value(a, ranks[0]), _value(b, ranks[1])))
    places = (
        _place_conflict(a, b, texts) if close and (one_cast or not _counts_differ(a, b)) else None
    )
    if places:
        found.append((ConflictSlot.PLACE, _value(a, places[0]), _value(b, places[1])))
    quotes = quote_conflict(a, b, texts)
    if quotes:
        found.append((ConflictSlot.QUOTE, _value(a, quotes[0]), _value(b, quotes[1])))
    titles = title_conflict(a, b, texts) if close else None
    if titles:
        found.append((ConflictSlot.OTHER, _value(a, titles[0]), _value(b, titles[1])))
    return found


def _one_onset(a: ClaimRef, b: ClaimRef) -> bool:
    """Both claims date when something began ("has been advising Syria's forces ever since the
    uprisings began last year" / "In 2012, the Quds Force began providing Syria ...") and
    share two actors: two reports of when one cast's dealings started."""
    shared = set(a.actors) & set(b.actors)
    return len(shared) >= ONSET_ACTORS and all(_ONSET.search(r.claim.text) for r in (a, b))


def _another_date_agrees(
    a: ClaimRef, b: ClaimRef, ta: TimeExpr, tb: TimeExpr, others: OtherTimes
) -> bool:
    """A second date of one claim agrees with the other's date: the two report two acts of one
    sentence, not one act on two dates."""
    return any(dates_agree(t, tb) for t in others.get(a.claim.id, ())) or any(
        dates_agree(ta, t) for t in others.get(b.claim.id, ())
    )


def _rate(ref: ClaimRef) -> bool:
    """The claim gives a rate ("collecting 15,000 barrels a day last week"): a process that
    runs on many dates, so another date ("collected 15,800 barrels on Wednesday") is another
    moment of it."""
    return any(q.hedge == "rate" for q in ref.claim.quantities)


def _value(ref: ClaimRef, text: str) -> Value:
    return (ref.document_id, ref.claim.id, text)


def _times(ref: ClaimRef, time_of: TimeIndex) -> TimeExpr | None:
    span = ref.claim.time
    return time_of.get((span.document_id, span.start, span.end)) if span else None


def _dates_conflict(a: ClaimRef, b: ClaimRef, ta: TimeExpr, tb: TimeExpr) -> bool:
    if dates_agree(ta, tb) or PRESENT_REF in (ta.value, tb.value):
        return False
    if _scheduled_after(a, ta, b, tb) or _scheduled_after(b, tb, a, ta):
        return False
    if " ".join(ta.text.casefold().split()) == " ".join(tb.text.casefold().split()):
        return False
    if _other_figures(a, b):
        return False  # two tolls of two days, or a day's toll and a period's tally
    if TimePrecision.DAY in (ta.precision, tb.precision) or a.document_id == b.document_id:
        return same_act(a, b) and not told_again(a, b)
    return True


def _other_figures(a: ClaimRef, b: ClaimRef) -> bool:
    """Both claims give figures, and none of one's is one of the other's: dated apart, they
    are two counts of two periods ("at least 40 people were killed ... on Thursday" / "At least
    95 people were killed on Monday alone"; "at least five ... Saturday" / "At least 27 ...
    this week"), not one count dated twice, as the same "15,000 barrels" "in April" and "on
    May 27" is. (Counts of two disagreeing dates are not compared either: ``apart``.)"""
    figures = {(q.low, q.high) for q in a.claim.quantities}
    return (
        bool(figures)
        and bool(b.claim.quantities)
        and not any((q.low, q.high) in figures for q in b.claim.quantities)
    )


def _scheduled_after(a: ClaimRef, ta: TimeExpr, b: ClaimRef, tb: TimeExpr) -> bool:
    """``a`` announces its act for a later date than ``b`` gives, and ``b`` does not: "Syria
    will be suspended on Wednesday" and "Arab League suspends Syria" (12 November) date the
    act's effect and its decision. An act announced for an earlier date than another report
    gives it is still compared (a delay, or an error)."""
    if not _SCHEDULED.search(a.claim.text) or _SCHEDULED.search(b.claim.text):
        return False
    return bool(ta.start and tb.end and ta.start > tb.end)


def count_text(ref: ClaimRef, q: Quantity, texts: Mapping[str, str]) -> str:
    """A count as a conflict shows it: its words in the article, or its interval and unit."""
    text = texts.get(ref.document_id, "")
    return text[q.span.start : q.span.end] or f"{q.low:g}-{q.high:g} {q.unit}"


def _place_conflict(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> tuple[str, str] | None:
    """The one place each claim names that the other's sentence does not ("from Leeds to
    Edinburgh" / "from Leeds to Liverpool": Edinburgh and Liverpool), when the two disagree."""
    if not (a.claim.places and b.claim.places and same_act(a, b)):
        return None
    sentences = [span_text(r, r.claim.sentence, texts).casefold() for r in (b, a)]
    own_a, own_b = (
        [n for p in r.claim.places if (n := span_text(r, p, texts)).casefold() not in other]
        for r, other in zip((a, b), sentences, strict=True)
    )
    if len(own_a) != 1 or len(own_b) != 1:
        return None
    name_a, name_b = own_a[0], own_b[0]
    folded_a, folded_b = name_a.casefold(), name_b.casefold()
    if one_name(folded_a, folded_b):
        return None
    if folded_a in _near(b, texts) or folded_b in _near(a, texts) or nested(name_a, name_b):
        return None
    return (name_a, name_b) if known(name_a) and known(name_b) else None


def _counts_differ(a: ClaimRef, b: ClaimRef) -> bool:
    """Both claims count one unit, with numbers that do not agree: "nine further cases in the
    UK" and "five cases in Brazil" are two happenings, not one put in two places."""
    units_a = {q.unit: q for q in a.claim.quantities if q.unit}
    return any(
        q.unit in units_a and not numbers_agree(units_a[q.unit], q) for q in b.claim.quantities
    )


def _near(ref: ClaimRef, texts: Mapping[str, str]) -> str:
    text, sentence = texts.get(ref.document_id, ""), ref.claim.sentence
    return text[max(0, sentence.start - PLACE_WINDOW) : sentence.end + PLACE_WINDOW].casefold()
