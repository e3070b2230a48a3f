"""Stage 4: find every temporal expression in an article and normalise it to an interval.

Absolute dates stand on their own; deictic ones ("last year", "on Sunday") resolve against
the publication date, and those that refer back ("that same year", "seven years later")
against the *focus*: the last date resolved before them, starting on the publication date.
The focus carries over a paragraph break, since news prose often opens a paragraph with
"Later that year" about the previous one, but only when an explicit date set it: one read off
another relative date ("a year ago") goes back to the publication date at the break. Conventions (documented because they are choices):

- early / mid / late cover the first / middle / last third of the period; for decades whole
  years: early 1990s = 1990-1993, mid = 1994-1996, late = 1997-1999 (value stays "199").
- "before 2007" ends on 2006-12-31; "until/by/through 2007" on 2007-12-31; "since 2007" starts
  on 2007-01-01; "after 2007" on 2008-01-01 (precision BEFORE / AFTER, the value stays "2007").
- Weeks have no precision of their own: "last week" is precision DAY over its seven days.
- A range "1980-88" is one expression, value "1980/1988", precision YEAR.
- "now" -> PRESENT_REF on the publication date; "recently" -> PAST_REF (BEFORE it);
  "soon" -> FUTURE_REF (AFTER it).
- Without a publication date, relative expressions keep their span with anchor "none" and
  no interval, unless ``not_before`` gives a weak anchor ("not_before", low confidence).
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.model import PublishedDate, Span, TimeExpr, TimeKind, TimePrecision
from dossier.time.bounds import apply_bound
from dossier.time.calendar import interval_of
from dossier.time.grammar import RULES
from dossier.time.reading import Anchor, Context, Reading, Resolve

__all__ = ["extract_times"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    resolve: Resolve


def extract_times(
    document_id: str,
    text: str,
    sentences: Sequence[tuple[int, int]],
    published: PublishedDate | None,
    not_before: str | None = None,
) -> list[TimeExpr]:
    """Every temporal expression in ``text``, in order, with spans indexing ``text``."""
    publication = _anchor(published.value if published else None, "publication")
    fallback = None if publication else _anchor(not_before, "not_before")
    starts = [start for start, _ in sentences]
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    focus, explicit, paragraph = publication, False, 0
    month_focus: tuple[int, Anchor] | None = None  # the last undated month and its sentence
    found: list[TimeExpr] = []
    for candidate in _select(text):
        here = bisect.bisect_right(paragraph_starts, candidate.start) - 1
        if here != paragraph and not explicit:
            focus = publication  # a focus read off another relative date stays in its paragraph
        paragraph = here
        index = bisect.bisect_right(starts, candidate.start) - 1
        sentence = text[slice(*sentences[index])] if index >= 0 else text
        in_sentence = month_focus[1] if month_focus and month_focus[0] == index else None
        context = Context(sentence, publication, focus, fallback, in_sentence)
        reading = candidate.resolve(context)
        if reading is None:
            continue
        start, reading = apply_bound(text, candidate.start, reading)
        found.append(_expr(document_id, text, start, candidate.end, reading, index))
        if (moved := _next_focus(focus, reading)) is not focus and moved is not None:
            focus, explicit = moved, reading.anchor == "absolute"
            if reading.precision == TimePrecision.MONTH and not explicit:
                month_focus = (index, moved)
    log.debug("%s: %d temporal expressions", document_id, len(found))
    return found


def _select(text: str) -> list[_Candidate]:
    """Matches of every rule whose handler accepts them; overlaps go to the longest."""
    candidates: list[_Candidate] = []
    for priority, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            resolve = rule.handler(match, text)
            if resolve is not None:
                start, end = match.span("span") if "span" in match.groupdict() else match.span()
                candidates.append(_Candidate(start, end, priority, resolve))
    candidates.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    taken: list[_Candidate] = []
    for candidate in candidates:
        if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
            taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


def _anchor(value: str | None, source: str) -> Anchor | None:
    if not value:
        return None
    interval = interval_of(value)
    if interval is None:
        log.warning("unusable anchor date %r", value)
        return None
    precision = {10: TimePrecision.DAY, 7: TimePrecision.MONTH}.get(len(value), TimePrecision.YEAR)
    return Anchor(interval[0], value, precision, source)


def _next_focus(focus: Anchor | None, reading: Reading) -> Anchor | None:
    """The last calendar date resolved so far becomes what "that year" refers to."""
    if not reading.sets_focus or reading.interval is None or reading.kind == TimeKind.DURATION:
        return focus
    if reading.precision in (TimePrecision.BEFORE, TimePrecision.AFTER) or "/" in reading.value:
        return focus
    return Anchor(reading.interval[0], reading.value, reading.precision, "focus")


def _expr(
    document_id: str, text: str, start: int, end: int, reading: Reading, sentence: int
) -> TimeExpr:
    first: dt.date | None = reading.interval[0] if reading.interval else None
    last: dt.date | None = reading.interval[1] if reading.interval else None
    if reading.precision == TimePrecision.BEFORE:
        first = None
    elif reading.precision == TimePrecision.AFTER:
        last = None
    return TimeExpr(
        span=Span(document_id, start, end),
        text=text[start:end],
        kind=reading.kind,
        value=reading.value,
        start=first.isoformat() if first else None,
        end=last.isoformat() if last else None,
        precision=reading.precision,
        anchor=reading.anchor,
        anchor_value=reading.anchor_value,
        confidence=round(reading.confidence, 3),
        sentence_index=sentence,
    )
