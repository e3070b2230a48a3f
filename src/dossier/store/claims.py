"""Store access for stages 5, 6 and 9: attributions, quotes, claims and claim groups."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import duckdb

from dossier.errors import StoreError
from dossier.model import (
    AnnotatedArticle,
    Attribution,
    AttributionType,
    Claim,
    Quantity,
    Quote,
    Span,
)

if TYPE_CHECKING:
    from dossier.corroboration import ClaimGroup
    from dossier.store.db import Store

_ATTRIBUTION_COLUMNS = [
    "document_id", "sentence_start", "sentence_end", "type", "source", "source_start",
    "source_end", "cue_start", "cue_end", "confidence",
]  # fmt: skip
_QUOTE_COLUMNS = [
    "document_id", "start_offset", "end_offset", "kind", "speaker", "speaker_start",
    "speaker_end", "marked",
]  # fmt: skip
_CLAIM_COLUMNS = [
    "id", "document_id", "sentence_start", "sentence_end", "text", "actor_spans", "predicate",
    "time_start", "time_end", "place_spans", "quantities", "attribution", "quote_start", "quote_end",
]  # fmt: skip
_NO_OFFSET = -1  # an absent span, stored as -1 so integer columns stay integer


def _start(span: Span | None) -> int:
    return span.start if span is not None else _NO_OFFSET


def _end(span: Span | None) -> int:
    return span.end if span is not None else _NO_OFFSET


def insert_claims(store: Store, articles: Sequence[AnnotatedArticle]) -> None:
    store.insert_rows("attributions", _ATTRIBUTION_COLUMNS,
                      [_attribution_row(x) for a in articles for x in a.attributions])  # fmt: skip
    store.insert_rows("quotes", _QUOTE_COLUMNS, [_quote_row(q) for a in articles for q in a.quotes])
    store.insert_rows("claims", _CLAIM_COLUMNS, [_claim_row(c) for a in articles for c in a.claims])


def _attribution_row(x: Attribution) -> tuple[Any, ...]:
    return (x.sentence.document_id, x.sentence.start, x.sentence.end, str(x.type), x.source,
            _start(x.source_span), _end(x.source_span), _start(x.cue), _end(x.cue), x.confidence)  # fmt: skip


def _quote_row(q: Quote) -> tuple[Any, ...]:
    return (q.span.document_id, q.span.start, q.span.end, str(q.kind), q.speaker,
            _start(q.speaker_span), _end(q.speaker_span), q.marked)  # fmt: skip


def _attribution_json(x: Attribution) -> str:
    return json.dumps({
        "type": str(x.type), "source": x.source, "confidence": x.confidence,
        "source_span": [x.source_span.start, x.source_span.end] if x.source_span else None,
        "cue": [x.cue.start, x.cue.end] if x.cue else None,
    })  # fmt: skip


def _claim_row(c: Claim) -> tuple[Any, ...]:
    quantities = [
        [q.span.start, q.span.end, q.low, _finite(q.high), q.unit, q.hedge, q.verb]
        for q in c.quantities
    ]
    return (
        c.id, c.sentence.document_id, c.sentence.start, c.sentence.end, c.text,
        json.dumps([[a.start, a.end] for a in c.actors]), c.predicate, _start(c.time), _end(c.time),
        json.dumps([[p.start, p.end] for p in c.places]), json.dumps(quantities),
        _attribution_json(c.attribution), _start(c.quote), _end(c.quote),
    )  # fmt: skip


def _finite(value: float) -> float | None:
    return None if value == float("inf") else value


def _quantity(doc: str, row: list[Any]) -> Quantity:
    """A stored quantity row; rows written before ``verb`` was kept have six fields."""
    x, y, low, high, unit, hedge, *verb = row
    return Quantity(Span(doc, x, y), low, float("inf") if high is None else high, unit, hedge,
                    verb[0] if verb else "")  # fmt: skip


def load_claims(store: Store) -> list[Claim]:
    rows = store.con.execute(
        f"SELECT {', '.join(_CLAIM_COLUMNS)} FROM claims ORDER BY id"
    ).fetchall()
    return [_claim(row) for row in rows]


def _claim(row: tuple[Any, ...]) -> Claim:
    (cid, doc, s_start, s_end, text, actors, predicate, t_start, t_end, places, quantities,
     attribution, q_start, q_end) = row  # fmt: skip

    def span(start: int, end: int) -> Span | None:
        return Span(doc, start, end) if start != _NO_OFFSET else None

    a = json.loads(attribution)
    kind = a.get("article_type", a["type"])  # stage 5's reading; "type" may be stage 9's
    source_span = span(*a["source_span"]) if a["source_span"] else None
    cue = span(*a["cue"]) if a["cue"] else None
    return Claim(
        cid, Span(doc, s_start, s_end), text,
        tuple(Span(doc, x, y) for x, y in json.loads(actors)), predicate, span(t_start, t_end),
        tuple(Span(doc, x, y) for x, y in json.loads(places)),
        tuple(_quantity(doc, row) for row in json.loads(quantities)),
        Attribution(Span(doc, s_start, s_end), AttributionType(kind), a["source"], source_span,
                    cue, a["confidence"]),
        span(q_start, q_end),
    )  # fmt: skip


def write_attribution_types(store: Store, types: Mapping[str, str]) -> None:
    """Stage 9's attribution type of each claim (``corroboration.subject``), kept beside stage
    5's ("article_type"), for the claims whose stored type differs."""
    rows = store.con.execute("SELECT id, attribution FROM claims").fetchall()
    changed = []
    for cid, text in rows:
        a = json.loads(text)
        kind = types.get(cid, a.get("article_type", a["type"]))
        if kind != a["type"]:
            a.setdefault("article_type", a["type"])
            a["type"] = kind
            changed.append((json.dumps(a), cid))
    if changed:
        store.con.executemany("UPDATE claims SET attribution = ? WHERE id = ?", changed)


def write_groups(store: Store, groups: Sequence[ClaimGroup]) -> None:
    """Replace every claim group, its members and conflicts in one transaction."""
    try:
        store.con.execute("BEGIN TRANSACTION")
        for table in ("claim_groups", "claim_group_members", "conflicts"):
            store.con.execute(f"DELETE FROM {table}")
        store.insert_rows(
            "claim_groups",
            ["id", "status", "outlets", "independent_outlets", "copies", "shared_sources", "summary"],
            [(g.id, g.status, list(g.outlets), g.independent_outlets, json.dumps(g.copies),
              list(g.shared_sources), g.summary) for g in groups],
        )  # fmt: skip
        store.insert_rows(
            "claim_group_members",
            ["group_id", "claim_id", "outlet"],
            [(g.id, ref.claim.id, ref.outlet) for g in groups for ref in g.claims],
        )
        store.insert_rows(
            "conflicts",
            ["group_id", "slot", "slot_values"],
            [(g.id, c.slot, json.dumps(c.values)) for g in groups for c in g.conflicts],
        )
        store.con.execute("COMMIT")
    except duckdb.Error as exc:
        store.con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: could not write claim groups: {exc}") from exc
