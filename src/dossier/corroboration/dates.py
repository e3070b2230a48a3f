"""Dates of claims compared: intervals that overlap agree, and how near two disjoint ones lie.

A claim's date is a stage-5 time expression, looked up by its span (``TimeIndex``); its other
dates are the time expressions inside its sentence besides that one (``other_times``).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from dossier.corroboration.records import ClaimRef
from dossier.model import TimeExpr, TimePrecision

# A day's act told as one more of its kind: "anti-aircraft fire was also heard on Sunday
# evening" is another night's fire than "explosions were heard Saturday evening".
AGAIN = re.compile(r"\b(?:also|again|once more)\b", re.I)
# The value of "now", "these days": the moment of writing, which differs by article.
PRESENT_REF = "PRESENT_REF"
TimeIndex = Mapping[tuple[str, int, int], TimeExpr]
OtherTimes = Mapping[str, tuple[TimeExpr, ...]]  # claim id -> its dates besides its own
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")


def claim_time(ref: ClaimRef, time_of: TimeIndex) -> TimeExpr | None:
    """The claim's date, when it has an interval ("last year" in an undated article has none)."""
    span = ref.claim.time
    time = time_of.get((span.document_id, span.start, span.end)) if span else None
    return time if time is not None and (time.start or time.end) else None


def day_dates(
    refs: Sequence[ClaimRef], members: Sequence[int], time_of: TimeIndex
) -> dict[str, list[tuple[int, TimeExpr]]]:
    """The ``members`` (indexes into ``refs``) dated to the day, with their dates, by article."""
    found: dict[str, list[tuple[int, TimeExpr]]] = defaultdict(list)
    for m in members:
        date = claim_time(refs[m], time_of)
        if date is not None and date.precision == TimePrecision.DAY:
            found[refs[m].document_id].append((m, date))
    return found


def also_dated_alike(
    dated: Sequence[tuple[int, TimeExpr]], pair: tuple[int, int], date: TimeExpr
) -> bool:
    """A claim of one article's group members dated to the day (``day_dates``) besides the
    ``pair`` is dated as the other article's claim is (``date``): that article reports the
    act on that date too, so its claim does not disagree with the other. A happening of
    several days: "shelled Latakia on Sunday" in one article, and "shelled Latakia Monday, the
    third day of the assault" beside "shelled southern parts of Latakia on Sunday" in another.
    Days only: an article that dates one cast's dealings in two years ("began last year",
    "this year") may still disagree with another on when they began."""
    if date.precision != TimePrecision.DAY:
        return False
    return any(m not in pair and dates_agree(mine, date) for m, mine in dated)


def other_times(refs: Sequence[ClaimRef], time_of: TimeIndex) -> dict[str, tuple[TimeExpr, ...]]:
    """Each claim's dated time expressions besides its own date (claim id -> times): "exploded
    on April 20 and sank two days later" is dated by its second, and also names the first."""
    by_document: dict[str, list[tuple[int, int, TimeExpr]]] = defaultdict(list)
    for (document, start, end), time in time_of.items():
        if (time.start or time.end) and time.value != PRESENT_REF:
            by_document[document].append((start, end, time))
    for times in by_document.values():
        times.sort(key=lambda t: (t[0], t[1]))
    found = {}
    for ref in refs:
        span, own = ref.claim.sentence, ref.claim.time
        times = by_document.get(ref.document_id, [])
        inside = []
        for start, end, time in times[bisect.bisect_left(times, span.start, key=lambda t: t[0]) :]:
            if start >= span.end:
                break
            if end <= span.end and not (own and (start, end) == (own.start, own.end)):
                inside.append(time)
        if inside:
            found[ref.claim.id] = tuple(inside)
    return found


def dates_agree(a: TimeExpr, b: TimeExpr) -> bool:
    """Intervals that overlap agree; an unknown bound is open; no interval at all agrees."""
    if (a.start is None and a.end is None) or (b.start is None and b.end is None):
        return True
    a_start, b_start = a.start or "0000", b.start or "0000"
    a_end, b_end = a.end or "9999", b.end or "9999"
    return a_start <= b_end and b_start <= a_end


def days_apart(a: TimeExpr, b: TimeExpr) -> bool:
    """Two weekdays that could not be placed on the calendar (the article's own date unknown),
    named differently: "Earlier Saturday, a crowd of about 1,000" / "On Wednesday night, about
    200 people" are two days."""
    if a.start or b.start:
        return False
    found = [_WEEKDAY.findall(t.text.casefold()) for t in (a, b)]
    return all(found) and not set(found[0]) & set(found[1])


def unplaced_apart(a: TimeExpr | None, b: TimeExpr | None) -> bool:
    """Two dates the calendar cannot place (no publication date), worded apart: "in the fourth
    quarter" / "last year" may be two periods, so they are not dated alike."""
    if a is None or b is None or a.start or b.start or a.end or b.end:
        return False
    return " ".join(a.text.casefold().split()) != " ".join(b.text.casefold().split())


def two_nows(a: ClaimRef, b: ClaimRef, ta: TimeExpr, tb: TimeExpr) -> bool:
    """Both claims are dated "now" in two articles, and one article's date is unknown: "The
    price of an average UK property now stands at £152,879" / "... now stands at £162,086"
    may be two months' prices. (With both dates known, ``numbers`` compares counts of articles
    published a day apart at most.)"""
    return (
        ta.value == tb.value == PRESENT_REF
        and a.document_id != b.document_id
        and not (a.published and b.published)
    )


def dates_near(a: TimeExpr, b: TimeExpr) -> bool:
    """Disjoint dates no further apart than the longer one lasts: "Saturday" and "Sunday",
    "2011" and "2012", "June 2014" and "late 2014". Outlets date one happening this loosely
    (a night's strikes, the year support began), so this is weak evidence of two happenings."""
    days = [_day(x) for x in (a.start, a.end, b.start, b.end)]
    if any(d is None for d in days):
        return False
    a_start, a_end, b_start, b_end = (d for d in days if d is not None)
    gap = max((b_start - a_end).days, (a_start - b_end).days)
    longest = max((a_end - a_start).days, (b_end - b_start).days) + 1
    return gap <= longest


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def another_of_its_kind(a: ClaimRef, b: ClaimRef, ta: TimeExpr | None, tb: TimeExpr | None) -> bool:  # fmt: skip
    """One claim tells its act as one more of its kind (``AGAIN``) and only one of the two is
    dated on the calendar: "An 8.7-magnitude earthquake also hit off Banda Aceh in May 2012"
    is another quake than "A 6.1 magnitude earthquake hit Aceh province early Tuesday", so
    their counts are not compared. Undated, "also" adds an effect of one act ("The storm also
    destroyed 2,000 homes")."""
    return told_again(a, b) and _on_calendar(ta) != _on_calendar(tb)


def told_again(a: ClaimRef, b: ClaimRef) -> bool:
    """One of the two claims tells its act as one more of its kind (``AGAIN``)."""
    return bool(AGAIN.search(a.claim.text) or AGAIN.search(b.claim.text))


def _on_calendar(t: TimeExpr | None) -> bool:
    """A date placed on the calendar: not "Tuesday" in an article of no known date."""
    return t is not None and t.start is not None
