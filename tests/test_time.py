"""Stage 4: temporal expressions found, normalised and resolved (publication 2015-03-27, a Friday)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.model import DatePrecision, PublishedDate, TimeExpr, TimeKind, TimePrecision
from dossier.time import extract_times
from dossier.time.calendar import part_of
from dossier.time.lexicon import NUMBER_WORDS, number_pattern

P = TimePrecision
PUBLISHED = PublishedDate("2015-03-27", DatePrecision.DAY)


def sentences_of(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^.!?\n]+[.!?]*", text) if m.group().strip()]


def times(text: str, published: PublishedDate | None = PUBLISHED, **kw: str) -> list[TimeExpr]:
    return extract_times("doc", text, sentences_of(text), published, **kw)


def one(text: str, phrase: str, published: PublishedDate | None = PUBLISHED) -> TimeExpr:
    found = [t for t in times(text, published) if t.text == phrase]
    assert found, f"{phrase!r} not found in {[t.text for t in times(text, published)]}"
    return found[0]


def check(expr: TimeExpr, value: str, start: str | None, end: str | None, precision: P) -> None:
    assert (expr.value, expr.start, expr.end, expr.precision) == (value, start, end, precision)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "start", "end", "precision"),
    [
        ("It began on March 27, 2015.", "March 27, 2015", "2015-03-27", "2015-03-27", "2015-03-27", P.DAY),
        ("It began on 27 March 2015.", "27 March 2015", "2015-03-27", "2015-03-27", "2015-03-27", P.DAY),
        ("It began on 2015-03-27.", "2015-03-27", "2015-03-27", "2015-03-27", "2015-03-27", P.DAY),
        ("It began in Jan. 2012.", "Jan. 2012", "2012-01", "2012-01-01", "2012-01-31", P.MONTH),
        ("It began in 2008.", "2008", "2008", "2008-01-01", "2008-12-31", P.YEAR),
        ("It began in early 2008.", "early 2008", "2008", "2008-01-01", "2008-04-30", P.YEAR),
        ("It began in the late 1990s.", "the late 1990s", "199", "1997-01-01", "1999-12-31", P.DECADE),
        ("It began in the mid-1990s.", "the mid-1990s", "199", "1994-01-01", "1996-12-31", P.DECADE),
        ("It began in the 1980s.", "the 1980s", "198", "1980-01-01", "1989-12-31", P.DECADE),
        ("It began in the summer of 2014.", "the summer of 2014", "2014-SU", "2014-06-01", "2014-08-31", P.SEASON),
        ("Sales fell in the first quarter of 2015.", "the first quarter of 2015", "2015-Q1", "2015-01-01", "2015-03-31", P.QUARTER),
        ("It was the 20th century.", "the 20th century", "19", "1900-01-01", "1999-12-31", P.CENTURY),
    ],
)  # fmt: skip
def test_time_absolute_and_partial(
    text: str, phrase: str, value: str, start: str, end: str, precision: P
) -> None:
    expr = one(text, phrase)
    check(expr, value, start, end, precision)
    assert expr.anchor == "absolute"
    assert expr.kind == TimeKind.DATE


@pytest.mark.parametrize(
    ("text", "phrase", "value", "start", "end"),
    [
        ("He ruled from 1980 to 1988.", "from 1980 to 1988", "1980/1988", "1980-01-01", "1988-12-31"),
        ("He ruled in 1980-88.", "1980-88", "1980/1988", "1980-01-01", "1988-12-31"),
        ("He ruled between 2014 and 2017.", "between 2014 and 2017", "2014/2017", "2014-01-01", "2017-12-31"),
        ("The 1997/1998 season.", "1997/1998", "1997/1998", "1997-01-01", "1998-12-31"),
        ("He ruled 2004-2011.", "2004-2011", "2004/2011", "2004-01-01", "2011-12-31"),
    ],
)  # fmt: skip
def test_time_ranges_are_one_expression(
    text: str, phrase: str, value: str, start: str, end: str
) -> None:
    check(one(text, phrase), value, start, end, P.YEAR)
    assert len(times(text)) == 1


@pytest.mark.parametrize(
    ("text", "phrase", "value", "start", "end", "precision"),
    [
        ("It happened last October.", "last October", "2014-10", "2014-10-01", "2014-10-31", P.MONTH),
        ("It happened in January.", "January", "2015-01", "2015-01-01", "2015-01-31", P.MONTH),
        ("It happened in mid-March.", "mid-March", "2015-03", "2015-03-11", "2015-03-20", P.MONTH),
        ("It happened last week.", "last week", "2015-W12", "2015-03-16", "2015-03-22", P.DAY),
        ("It happened on Sunday.", "Sunday", "2015-03-22", "2015-03-22", "2015-03-22", P.DAY),
        ("It happened last year.", "last year", "2014", "2014-01-01", "2014-12-31", P.YEAR),
        ("It happened this month.", "this month", "2015-03", "2015-03-01", "2015-03-31", P.MONTH),
        ("It happened yesterday.", "yesterday", "2015-03-26", "2015-03-26", "2015-03-26", P.DAY),
        ("It happened four years ago.", "four years ago", "2011", "2011-01-01", "2011-12-31", P.YEAR),
        ("It happened last summer.", "last summer", "2014-SU", "2014-06-01", "2014-08-31", P.SEASON),
    ],
)  # fmt: skip
def test_time_relative_to_publication(
    text: str, phrase: str, value: str, start: str, end: str, precision: P
) -> None:
    expr = one(text, phrase)
    check(expr, value, start, end, precision)
    assert (expr.anchor, expr.anchor_value) == ("publication", "2015-03-27")


@pytest.mark.parametrize(
    ("hedge", "offset", "start", "end"),
    [
        ("", "two weeks", "2015-03-09", "2015-03-15"),
        ("less than ", "two weeks", "2015-03-09", "2015-03-27"),
        ("about ", "two years", "2012-01-01", "2014-12-31"),
        ("more than ", "two years", "2011-01-01", "2013-12-31"),
    ],
)
def test_time_a_hedged_offset_spans_what_its_hedge_allows(
    hedge: str, offset: str, start: str, end: str
) -> None:
    """ "less than two weeks ago" reaches up to the publication date, "about" widens the
    offset by a unit each way, "more than" reaches as far back again; the value stays the
    offset's own, so the timeline still places it."""
    expr = one(f"It failed {hedge}{offset} ago.", f"{hedge}{offset} ago")
    assert (expr.start, expr.end) == (start, end)
    assert expr.value == one(f"It failed {offset} ago.", f"{offset} ago").value


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("U.S. October crude rose $1.02 to settle at $85.44 a barrel.", False),
        ("The December contract fell 40 cents.", False),
        ("Traders sold March corn futures.", False),
        ("In October crude rose to $85 a barrel.", True),
        ("The October talks failed.", True),
    ],
)
def test_time_a_month_that_names_a_futures_contract_is_no_date(text: str, dated: bool) -> None:
    """ "October crude", "the December contract": the month of a contract, not of a
    happening; after a preposition of time a month still dates what follows."""
    months = [t for t in times(text) if t.precision == P.MONTH]
    assert bool(months) is dated


def test_time_weekday_in_future_sentence_looks_ahead() -> None:
    check(
        one("The vote will be held on Tuesday.", "Tuesday"),
        "2015-03-31",
        "2015-03-31",
        "2015-03-31",
        P.DAY,
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The company was due to make a payment on Tuesday.", "2015-03-31"),
        ("The delay was due to the storm on Tuesday.", "2015-03-24"),  # "due to" = because of
    ],
)
def test_time_due_to_and_a_verb_looks_ahead(text: str, value: str) -> None:
    assert one(text, "Tuesday").value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Some doses of the vaccine could be available by October.", "2015-10"),
        ("The new terminal may be ready in October.", "2015-10"),
        ("Some doses of the vaccine were available by October.", "2014-10"),
    ],
)
def test_time_what_could_be_ready_by_a_month_looks_ahead(text: str, value: str) -> None:
    """A modal of readiness ("could be available", "may be ready") puts the month ahead."""
    assert one(text, next(t.text for t in times(text))).value == value


@pytest.mark.parametrize(
    ("follow", "phrase", "value", "start", "end", "precision"),
    [
        ("That same year, Y.", "That same year", "2008", "2008-01-01", "2008-12-31", P.YEAR),
        ("The following month, Y.", "The following month", "2008-04", "2008-04-01", "2008-04-30", P.MONTH),
        ("Later that year, Y.", "Later that year", "2008", "2008-01-01", "2008-12-31", P.YEAR),
        ("Seven years later, Y.", "Seven years later", "2015", "2015-01-01", "2015-12-31", P.YEAR),
    ],
)  # fmt: skip
def test_time_focus_refers_back(
    follow: str, phrase: str, value: str, start: str, end: str, precision: P
) -> None:
    text = f"In March 2008, the group was founded. {follow}"
    expr = one(text, phrase)
    check(expr, value, start, end, precision)
    assert (expr.anchor, expr.anchor_value) == ("focus", "2008-03")


@pytest.mark.parametrize(
    ("follow", "phrase", "value", "start", "end", "precision"),
    [
        ("Later that year, Y.", "Later that year", "2008", "2008-01-01", "2008-12-31", P.YEAR),
        ("That same year, Y.", "That same year", "2008", "2008-01-01", "2008-12-31", P.YEAR),
        ("The following month, Y.", "The following month", "2008-04", "2008-04-01", "2008-04-30", P.MONTH),
    ],
)  # fmt: skip
def test_time_focus_carries_over_paragraph(
    follow: str, phrase: str, value: str, start: str, end: str, precision: P
) -> None:
    text = f"The club opened a branch in March 2008 after a long search.\n\n{follow}"
    expr = one(text, phrase)
    check(expr, value, start, end, precision)
    assert (expr.anchor, expr.anchor_value) == ("focus", "2008-03")


def test_time_deictic_ignores_carried_focus() -> None:
    text = "The club opened in March 2008.\n\nLast year, it closed; this month it reopened."
    check(one(text, "Last year"), "2014", "2014-01-01", "2014-12-31", P.YEAR)
    check(one(text, "this month"), "2015-03", "2015-03-01", "2015-03-31", P.MONTH)


def test_time_relative_focus_resets_at_paragraph() -> None:
    text = "Sales fell from a year ago.\n\nCosts rose compared with a year earlier."
    expr = one(text, "a year earlier")
    check(expr, "2014", "2014-01-01", "2014-12-31", P.YEAR)
    assert expr.anchor == "publication"


@pytest.mark.parametrize(
    ("text", "phrase", "value", "start", "end"),
    [
        ("In mid-May through early June 2013, the fair ran.", "mid-May through early June 2013",
         "2013-05/2013-06", "2013-05-11", "2013-06-10"),
        ("It ran from March to May 2013.", "March to May 2013", "2013-03/2013-05", "2013-03-01",
         "2013-05-31"),
        ("It ran between April and June 2013.", "April and June 2013", "2013-04/2013-06",
         "2013-04-01", "2013-06-30"),
        ("It ran March–May 2013.", "March–May 2013", "2013-03/2013-05", "2013-03-01", "2013-05-31"),
        ("It ran November to February 2013.", "November to February 2013", "2012-11/2013-02",
         "2012-11-01", "2013-02-28"),
    ],
)  # fmt: skip
def test_time_month_range_takes_the_year_of_its_end(
    text: str, phrase: str, value: str, start: str, end: str
) -> None:
    expr = one(text, phrase)
    check(expr, value, start, end, P.MONTH)
    assert expr.anchor == "absolute"


def test_time_month_linked_to_dated_month_takes_its_year() -> None:
    text = "The orchard flowered in March and May 2011, and from March 3 until April 9, 2010."
    check(one(text, "March"), "2011-03", "2011-03-01", "2011-03-31", P.MONTH)
    check(one(text, "May 2011"), "2011-05", "2011-05-01", "2011-05-31", P.MONTH)
    check(one(text, "March 3"), "2010-03-03", "2010-03-03", "2010-03-03", P.DAY)


def test_time_parenthetical_months_share_a_year() -> None:
    # Published 2015-03-27: alone, "(June)" would be 2015 and "(December)" 2014.
    text = "The band toured Lyon (December) and Porto (June)."
    check(one(text, "December"), "2014-12", "2014-12-01", "2014-12-31", P.MONTH)
    check(one(text, "June"), "2014-06", "2014-06-01", "2014-06-30", P.MONTH)
    alone = "The band toured Porto (June)."
    check(one(alone, "June"), "2015-06", "2015-06-01", "2015-06-30", P.MONTH)


def test_time_age_implies_birth_year() -> None:
    expr = one("Soleimani, 58, is a general.", "58")
    assert (expr.kind, expr.value, expr.precision) == (TimeKind.DATE, "1957", P.YEAR)
    assert (expr.start, expr.end) == ("1956-03-28", "1957-03-27")
    assert expr.confidence < 0.5


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("His family's 40-year rule ended.", "40-year", "P40Y"),
        ("The talks lasted two weeks.", "two weeks", "P2W"),
        ("An eight-year war.", "eight-year", "P8Y"),
        ("It took several days.", "several days", "PXD"),
        ("It took a decade.", "a decade", "P10Y"),
        # a match starts where a word does: not at the "a" that ends "extra"
        ("Staff worked an extra four hours.", "four hours", "PT4H"),
    ],
)
def test_time_durations(text: str, phrase: str, value: str) -> None:
    expr = one(text, phrase)
    assert (expr.kind, expr.value, expr.start, expr.end) == (TimeKind.DURATION, value, None, None)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "start", "end", "precision"),
    [
        ("No vote was held before 2007.", "before 2007", "2007", None, "2006-12-31", P.BEFORE),
        ("It has ruled since 2011.", "since 2011", "2011", "2011-01-01", None, P.AFTER),
        ("It will rule until 2020.", "until 2020", "2020", None, "2020-12-31", P.BEFORE),
    ],
)  # fmt: skip
def test_time_open_bounds(
    text: str, phrase: str, value: str, start: str | None, end: str | None, precision: P
) -> None:
    check(one(text, phrase), value, start, end, precision)


def test_time_present_reference() -> None:
    expr = one("The group now controls the city.", "now")
    check(expr, "PRESENT_REF", "2015-03-27", "2015-03-27", P.DAY)
    assert expr.confidence < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "He paid off a $100 debt.",
        "The council passed Resolution 1701.",
        "Europe won the Ryder Cup 2012.",
        "It sent 10,000 fighters.",
        "It sent 2000 fighters.",
        "They flew a Boeing 747.",
        "The attacks of 9/11 changed everything.",
        "There were 1,000 wounded.",
        "Unemployment rose to 1999 percent.",
        "Officials said 2000 killed and 300 injured.",
    ],
)
def test_time_non_dates_are_skipped(text: str) -> None:
    assert times(text) == []


def test_time_a_year_after_in_before_killed_is_a_year() -> None:
    """ "the last in 1968 killed about one million people": the preposition makes it a year;
    "2000 killed" alone stays a count."""
    assert one("The last pandemic in 1968 killed about one million people.", "1968").value == "1968"
    assert one("Clashes in 2011 wounded hundreds.", "2011").value == "2011"


def test_time_no_publication_keeps_span_unresolved() -> None:
    expr = one("It happened last year.", "last year", published=None)
    assert (expr.anchor, expr.start, expr.end) == ("none", None, None)
    assert one("It happened in 2008.", "2008", published=None).value == "2008"


def test_time_not_before_is_a_weak_anchor() -> None:
    [expr] = times("It happened last year.", None, not_before="2015-03-01")
    assert (expr.anchor, expr.value) == ("not_before", "2014")
    assert expr.confidence <= 0.2


def test_time_coarse_publication_lowers_confidence() -> None:
    month = PublishedDate("2015-03", DatePrecision.MONTH)
    assert one("It happened yesterday.", "yesterday", month).confidence < 0.5
    assert one("It happened last year.", "last year", month).value == "2014"


def test_time_spans_slice_back_and_sentences() -> None:
    text = "In 2008 it began.\n\nLast week, on Sunday, it ended. It was March 27, 2015."
    found = times(text)
    assert [t.text for t in found] == ["2008", "Last week", "Sunday", "March 27, 2015"]
    assert [t.sentence_index for t in found] == [0, 1, 1, 2]
    for expr in found:
        assert text[expr.span.start : expr.span.end] == expr.text
        assert expr.span.document_id == "doc"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["In", "March", "2008", "last", "year", "1980-88", "the", "1990s", "Friday", "ago",
             "two", "weeks", "$100", ",", ".", "\n\n", "since", "mid-May", "58", "Q3", "/",
             "that", "same", "later", "seven", "years", "now", "-", "9/11", "summer", "of"]
        )
        | st.text(max_size=5)
    ).map(" ".join),
    st.sampled_from([PUBLISHED, PublishedDate("2015", DatePrecision.YEAR), None]),
)  # fmt: skip
def test_time_fuzz_never_crashes_and_spans_are_valid(
    text: str, published: PublishedDate | None
) -> None:
    for expr in times(text, published):
        assert 0 <= expr.span.start < expr.span.end <= len(text)
        assert text[expr.span.start : expr.span.end] == expr.text
        if expr.start and expr.end:
            assert expr.start <= expr.end


def test_number_pattern_matches_every_number_word_longest_first() -> None:
    pattern = re.compile(rf"\b{number_pattern()}\b", re.IGNORECASE)
    for word in NUMBER_WORDS:
        match = pattern.match(word.upper())
        assert match is not None and match.group() == word.upper()
    # a longer word wins over its prefix; a prefix of a word alone is not a number
    assert [m.group() for m in pattern.finditer("seventy-three, sixty seven, seven, seventh")] == [
        "seventy-three", "sixty", "seven", "seven",
    ]  # fmt: skip
    assert pattern.search("sevens") is None


@pytest.mark.parametrize("part", ["early", "mid", "late"])
def test_time_a_part_of_a_day_is_that_day(part: str) -> None:
    """ "The beginning of last night" is the day itself, never an interval ending before it
    starts (round(1/3) - 1 made the early third of one day end the day before)."""
    day = dt.date(2011, 2, 2)
    assert part_of((day, day), part) == (day, day)
    two = (day, day + dt.timedelta(days=1))
    assert part_of(two, part) == two
