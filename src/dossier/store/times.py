"""Store access for stages 4 and 8: time expressions, event candidates and events."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import duckdb

from dossier.errors import StoreError
from dossier.model import (
    EXTRACTOR_VERSION,
    AnnotatedArticle,
    Event,
    EventCandidate,
    TimeExpr,
    TimeKind,
    TimePrecision,
)
from dossier.model import Span as _Span
from dossier.store.sql import OUTLET_LABEL_SQL

if TYPE_CHECKING:
    from dossier.store.db import Store

_TIME_COLUMNS = [
    "document_id", "start_offset", "end_offset", "text", "kind", "value", "date_start", "date_end",
    "precision", "anchor", "anchor_value", "confidence", "sentence_idx", "extractor_version",
]  # fmt: skip
_CANDIDATE_COLUMNS = [
    "document_id", "sentence_start", "sentence_end", "sentence_text", "time_start", "time_end",
    "mentions", "summary",
]  # fmt: skip


def insert_times(store: Store, articles: Sequence[AnnotatedArticle]) -> None:
    times = [_time_row(t) for a in articles for t in a.times]
    store.insert_rows("time_expressions", _TIME_COLUMNS, times)
    candidates = [_candidate_row(c) for a in articles for c in a.candidates]
    store.insert_rows("event_candidates", _CANDIDATE_COLUMNS, candidates)


def _time_row(t: TimeExpr) -> tuple[Any, ...]:
    return (
        t.span.document_id, t.span.start, t.span.end, t.text, str(t.kind), t.value, t.start, t.end,
        str(t.precision), t.anchor, t.anchor_value, t.confidence, t.sentence_index, EXTRACTOR_VERSION,
    )  # fmt: skip


def _candidate_row(c: EventCandidate) -> tuple[Any, ...]:
    mentions = json.dumps([[m.start, m.end] for m in c.mentions])
    return (c.document_id, c.sentence.start, c.sentence.end, c.sentence_text, c.time.span.start,
            c.time.span.end, mentions, c.summary)  # fmt: skip


# The columns of a time expression, in the order `time_from_row` reads them.
_TIME_FIELDS = (
    "t.document_id, t.start_offset, t.end_offset, t.text, t.kind, t.value, t.date_start, "
    "t.date_end, t.precision, t.anchor, t.anchor_value, t.confidence, t.sentence_idx"
)
_CANDIDATES_SQL = f"""
SELECT c.sentence_start, c.sentence_end, c.sentence_text, c.mentions, c.summary,
       {_TIME_FIELDS},
       {OUTLET_LABEL_SQL} AS outlet
FROM event_candidates c
JOIN documents d ON d.id = c.document_id
JOIN time_expressions t ON t.document_id = c.document_id AND t.start_offset = c.time_start
                       AND t.end_offset = c.time_end
ORDER BY c.document_id, c.sentence_start
"""


def time_from_row(row: Sequence[Any]) -> TimeExpr:
    """A TimeExpr from the columns of `_TIME_FIELDS`."""
    (
        doc,
        start,
        end,
        text,
        kind,
        value,
        d_start,
        d_end,
        precision,
        anchor,
        anchor_value,
        conf,
        idx,
    ) = row
    return TimeExpr(_Span(doc, start, end), text, TimeKind(kind), value, d_start, d_end,
                    TimePrecision(precision), anchor, anchor_value, conf, idx)  # fmt: skip


def load_times(store: Store) -> dict[tuple[str, int, int], TimeExpr]:
    """Every stored time expression, keyed by (document, start, end)."""
    found = {}
    for row in store.con.execute(f"SELECT {_TIME_FIELDS} FROM time_expressions t").fetchall():
        time = time_from_row(row)
        found[(time.span.document_id, time.span.start, time.span.end)] = time
    return found


def load_candidates(store: Store) -> list[tuple[EventCandidate, str]]:
    """Every stored event candidate with its outlet."""
    found = []
    for row in store.con.execute(_CANDIDATES_SQL).fetchall():
        s_start, s_end, s_text, mentions, summary = row[:5]
        time, outlet = time_from_row(row[5:-1]), row[-1]
        doc = time.span.document_id
        spans = tuple(_Span(doc, a, b) for a, b in json.loads(mentions))
        found.append(
            (EventCandidate(doc, _Span(doc, s_start, s_end), s_text, time, spans, summary), outlet)
        )
    return found


def write_events(store: Store, events: Sequence[Event]) -> None:
    """Replace every event and its evidence in one transaction."""
    try:
        store.con.execute("BEGIN TRANSACTION")
        store.con.execute("DELETE FROM events")
        store.con.execute("DELETE FROM event_evidence")
        store.insert_rows(
            "events",
            ["id", "date_start", "date_end", "precision", "summary", "actors", "disagreement"],
            [
                (e.id, e.start, e.end, str(e.precision), e.summary, list(e.actors), e.disagreement)
                for e in events
            ],
        )
        store.insert_rows(
            "event_evidence",
            ["event_id", "document_id", "sentence_start", "sentence_end", "time_start", "time_end", "outlet"],
            [
                (e.id, v.candidate.document_id, v.candidate.sentence.start, v.candidate.sentence.end,
                 v.candidate.time.span.start, v.candidate.time.span.end, v.outlet)
                for e in events
                for v in e.evidence
            ],
        )  # fmt: skip
        store.con.execute("COMMIT")
    except duckdb.Error as exc:
        store.con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: could not write events: {exc}") from exc


def load_event_sentences(store: Store) -> dict[tuple[str, int, int], str]:
    """(document, sentence start, end) -> the id of the event reported by several documents."""
    rows = store.con.execute(
        "SELECT event_id, document_id, sentence_start, sentence_end FROM event_evidence "
        "WHERE event_id IN (SELECT event_id FROM event_evidence GROUP BY event_id "
        "HAVING count(DISTINCT document_id) > 1) ORDER BY event_id, document_id, sentence_start"
    ).fetchall()
    return {(str(d), int(s), int(e)): str(event) for event, d, s, e in rows}
