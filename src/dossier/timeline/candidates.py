"""Per article: sentences that date a happening and name someone in it.

A sentence is a candidate when it holds an entity mention and a calendar date, and no
comment-form chrome (``clean.signals.COMMENT_FORM``) nor print note (``PRINT_NOTE``): a
``TimeExpr`` of kind DATE or TIME with both bounds, an exact precision (not BEFORE or
AFTER) and a value other than PRESENT_REF. "Now" and "currently" describe a state at
publication, not a happening, and would pile every such sentence onto the publication
day, so PRESENT_REF does not count.

One candidate per clause (``clauses``): a sentence whose dates hang from different
clauses ("provided ... in 2001, and in 2007 ... sent") gives one candidate per clause,
each with the summary and the mentions of its own clause; the subject both share goes
to both. A clause without a mention gives none. When a clause holds several dates, the
one that dates its main verb wins: the date whose syntactic head is fewest dependency steps below the
sentence root ("was appointed ... in 1998" beats "who had risen ... in 1980" inside a
relative clause). Ties go to an absolute date over a relative one, then to the finer
precision, then to the first in the sentence.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import Any

from dossier.clean.signals import COMMENT_FORM, PRINT_NOTE
from dossier.model import EventCandidate, Span, TimeExpr, TimeKind, TimePrecision
from dossier.nlp import text_of
from dossier.timeline.clauses import Clause, split_clauses
from dossier.timeline.entries import heading_entries, own_dates
from dossier.timeline.items import (
    MIN_ITEM_WORDS,
    item_phrase,
    item_words,
    list_item,
    nominal_head,
)
from dossier.timeline.summary import summarize, summarize_stretch

# Kinds and precisions that place a happening on the calendar.
EVENT_KINDS = frozenset({TimeKind.DATE, TimeKind.TIME})
OPEN_PRECISIONS = frozenset({TimePrecision.BEFORE, TimePrecision.AFTER})
PRESENT_VALUE = "PRESENT_REF"
# Finest first: the tie-break rank of a precision when two dates are equally close
# to the root.
PRECISION_RANK = {p: k for k, p in enumerate(TimePrecision)}
# Dependency steps charged to a date spaCy cannot align to tokens: behind any parsed one.
UNALIGNED_DEPTH = 1_000


def event_candidates(
    doc: Any, document_id: str, times: Sequence[TimeExpr], mentions: Sequence[tuple[int, int]]
) -> list[EventCandidate]:
    """The dated, peopled sentences of one article; ``doc`` is spaCy's parse of its text."""
    dates = sorted((t for t in times if is_event_date(t)), key=lambda t: t.span.start)
    date_starts = [t.span.start for t in dates]
    spans = sorted(mentions)
    mention_starts = [s for s, _ in spans]
    found: list[EventCandidate] = []
    text = text_of(doc)
    for sent in doc.sents:
        if COMMENT_FORM.search(sent.text) or PRINT_NOTE.search(sent.text):
            continue  # a reader comment's time stamp, or a print note, is not a happening
        lo, hi = sent.start_char, sent.end_char
        first = bisect.bisect_left(date_starts, lo)
        inside = [t for t in dates[first : bisect.bisect_left(date_starts, hi)] if t.span.end <= hi]
        before = dates[max(0, first - 1) : first]
        named = [
            (s, e)
            for s, e in spans[
                bisect.bisect_left(mention_starts, lo) : bisect.bisect_left(mention_starts, hi)
            ]
            if e <= hi
        ]
        entries = heading_entries(text, inside, before, lo, hi)
        if entries:
            found.extend(_entry_candidates(sent, document_id, entries, inside, named))
            continue
        inside = own_dates(text, inside, before, lo, hi)
        if inside and named:
            found.extend(_clause_candidates(doc, sent, document_id, inside, named))
    return found


def _entry_candidates(
    sent: Any,
    document_id: str,
    entries: list[tuple[TimeExpr, int, int]],
    dates: list[TimeExpr],
    named: list[tuple[int, int]],
) -> list[EventCandidate]:
    """One candidate per entry of a timeline box that names someone, dated by its heading."""
    drop = [(t.span.start, t.span.end) for t in dates]
    found = []
    for time, start, end in entries:
        mine = [(s, e) for s, e in named if start <= s and e <= end]
        if mine:
            summary = summarize_stretch(sent, start, end, drop)
            found.append(_make(document_id, sent, mine, time, summary))
    return found


def _clause_candidates(
    doc: Any, sent: Any, document_id: str, times: list[TimeExpr], named: list[tuple[int, int]]
) -> list[EventCandidate]:
    clauses = split_clauses(doc, sent, times)
    if len(clauses) == 1:
        return _candidates(doc, sent, document_id, times, named)
    found = []
    for clause in clauses:
        starts = {doc[i].idx for i in clause.tokens}
        mine = [(s, e) for s, e in named if any(s <= x < e for x in starts)]
        if mine:
            found.extend(_candidates(doc, sent, document_id, list(clause.times), mine, clause))
    return found


def is_event_date(time: TimeExpr) -> bool:
    """Whether ``time`` places something on the calendar (see the module docstring)."""
    return (
        time.kind in EVENT_KINDS
        and time.start is not None
        and time.end is not None
        and time.precision not in OPEN_PRECISIONS
        and time.value != PRESENT_VALUE
    )


def _candidates(
    doc: Any,
    sent: Any,
    document_id: str,
    times: list[TimeExpr],
    mentions: list[tuple[int, int]],
    clause: Clause | None = None,
) -> list[EventCandidate]:
    """The clause's candidate, and one per list item dated apart from it (``items``)."""
    time = min(times, key=lambda t: _date_rank(doc, sent, t))
    drop = [(t.span.start, t.span.end) for t in times]
    if clause is None:
        summary = summarize(sent, drop)
    else:
        summary = summarize(sent, drop, clause.verb, clause.others)
    make = functools.partial(_make, document_id, sent, mentions)
    found = [make(time, summary)]
    found.extend(make(t, label) for t, label in _item_dates(doc, time, times, summary))
    return found


def _make(
    document_id: str, sent: Any, mentions: list[tuple[int, int]], time: TimeExpr, summary: str
) -> EventCandidate:
    return EventCandidate(
        document_id=document_id,
        sentence=Span(document_id, sent.start_char, sent.end_char),
        sentence_text=sent.text,
        time=time,
        mentions=tuple(Span(document_id, s, e) for s, e in mentions),
        summary=summary,
    )


def _item_dates(
    doc: Any, main: TimeExpr, times: list[TimeExpr], summary: str
) -> list[tuple[TimeExpr, str]]:
    """Dates of other list items than the main date's, each with its label (``items``)."""
    head = nominal_head(doc, main)
    taken = {list_item(head).i} if head is not None else set()
    skip = {
        tok.i
        for t in times
        for tok in doc.char_span(t.span.start, t.span.end, alignment_mode="expand") or ()
    }
    found = []
    for time in times:
        head = nominal_head(doc, time)
        if time is main or head is None or (time.start, time.end) == (main.start, main.end):
            continue
        item = list_item(head)
        if item.i in taken:
            continue
        taken.add(item.i)
        span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        phrase = item_phrase(item, span[0].i if span else len(doc), skip)
        found.append((time, phrase if item_words(phrase) >= MIN_ITEM_WORDS else summary))
    return found


def _date_rank(doc: Any, sent: Any, time: TimeExpr) -> tuple[int, int, int, int]:
    relative = 0 if time.anchor == "absolute" else 1
    precision = PRECISION_RANK[time.precision]
    return (_root_distance(doc, sent, time), relative, precision, time.span.start)


def _root_distance(doc: Any, sent: Any, time: TimeExpr) -> int:
    """Dependency steps from the date's head token up to the sentence root."""
    span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return UNALIGNED_DEPTH
    tok = span.root
    steps = 0
    while tok.i != sent.root.i and tok.head.i != tok.i and steps < UNALIGNED_DEPTH:
        tok = tok.head
        steps += 1
    return steps
