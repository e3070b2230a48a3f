"""The Claims section: the claim ledger as a matrix of claims (rows) by outlets (columns).

Each cell says whether the outlet reports the claim (with who it attributes it to), reports
it with a value that conflicts with another outlet's (the cell shows that value), or does
not report it. Evidence links to its sentence in the article view (the ``s-DOC-START``
anchors of ``articles.py``, shared with the timeline). Each claim also has a detail row with
the evidence side by side, per outlet, and the conflicting slots; without JavaScript it is
a ``<details>`` under the claim. Every value here is untrusted text for the template to
escape; classes and labels come only from the closed vocabularies below.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.report.fields import count, drawn_anchors, evidence_href, records, strings

STATUSES = ("corroborated", "conflicting", "single-source")  # the order of the counts
SLOTS = frozenset({"date", "number", "place", "quote", "other"})
# attribution type -> (cell label, full name); unknown types read "unknown"
ATTRIBUTIONS = {
    "named-source": ("named", "named source"),
    "anonymous-official": ("anon. official", "anonymous official"),
    "anonymous-group": ("anon. group", "anonymous group"),
    "other-media": ("media", "other media"),
    "hedged": ("hedged", "hedged"),
    "subject": ("subject", "the subject"),
    "denial": ("denial", "denial"),
    "author": ("author", "the author"),
    "unattributed": ("unattr.", "unattributed"),
    "unknown": ("?", "unknown attribution"),
}
TIP_SENTENCE_CHARS = 160  # a title tooltip shows a few lines well; the detail row has it all
# Single-source claims drawn in the matrix, most important first. A row costs a cell per
# outlet: 2,555 claims by 118 outlets made a 35 MB page. Claims two outlets or more report
# are always drawn; the rest are listed by `dossier claims` and the JSON export.
MATRIX_SINGLE_SOURCE = 400


@dataclass(frozen=True, slots=True)
class _Context:
    outlets: Mapping[str, str]  # document id -> outlet
    drawn: frozenset[str]  # sentence and document anchors in the article view


def build_claims(claims: Any, views: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The claims by importance, the outlet columns, each row's cells, and status counts."""
    context = _Context({view["id"]: view["outlet"] for view in views}, drawn_anchors(views))
    raw = records(claims)
    order = sorted(range(len(raw)), key=lambda n: _rank(raw[n], n))
    every = [_claim(raw[n], n, context) for n in order]
    _unique_anchors(every)
    single = [row for row in every if row["status"] == "single-source"]
    # by anchor, unique after ``_unique_anchors``; an id may repeat in a hand-made export
    left_out = {row["anchor"] for row in single[MATRIX_SINGLE_SOURCE:]}
    rows = [row for row in every if row["anchor"] not in left_out]
    outlets = _outlets(views, rows)
    for row in rows:
        row["cells"] = [_cell(row, outlet) for outlet in outlets]
        row["by_outlet"] = _by_outlet(row, outlets)
    statuses = Counter(row["status"] for row in every)
    extra = sorted(set(statuses) - set(STATUSES))
    return {
        "rows": rows,
        "outlets": outlets,
        "counts": [(status, statuses[status]) for status in (*STATUSES, *extra)],
        "total": len(every),
        "left_out": len(left_out),
        "single_drawn": len(single) - len(left_out),
    }


def _rank(raw: Mapping[str, Any], n: int) -> tuple[float, int, int, int]:
    """Importance first (highest first), then the number of outlets, then of evidence."""
    importance = raw.get("importance")
    weight = 0.0
    if isinstance(importance, int | float) and not isinstance(importance, bool):
        weight = float(importance) if math.isfinite(importance) else 0.0
    outlets = len(set(strings(raw.get("outlets"))))
    return -weight, -outlets, -len(records(raw.get("evidence"))), n


def _claim(raw: Mapping[str, Any], n: int, context: _Context) -> dict[str, Any]:
    copies = _copies(raw.get("copies"), context)
    evidence = [_evidence(item, context, copies) for item in records(raw.get("evidence"))]
    outlets = strings(raw.get("outlets")) + [item["outlet"] for item in evidence]
    status = raw.get("status")
    claim_id = str(raw.get("id") or n)
    return {
        "id": claim_id,
        "anchor": f"claim-{claim_id}",
        "summary": " ".join(str(raw.get("summary") or "").split()) or "(no summary)",
        "status": status if status in STATUSES else "unknown",
        "outlets": list(dict.fromkeys(outlets)),
        "independent": count(raw.get("independent_outlets")),
        "copies": [f"{copy} copies {source}" for copy, source in copies.values()],
        "shared": list(dict.fromkeys(strings(raw.get("shared_sources")))),
        "evidence": evidence,
        "conflicts": [_conflict(item, context) for item in records(raw.get("conflicts"))],
    }


def _unique_anchors(rows: Iterable[dict[str, Any]]) -> None:
    """Claim ids come from the export; a repeated one gets its rank appended."""
    seen: set[str] = set()
    for n, row in enumerate(rows):
        if row["anchor"] in seen:
            row["anchor"] = f"{row['anchor']}-{n}"
        seen.add(row["anchor"])


def _copies(value: Any, context: _Context) -> dict[str, tuple[str, str]]:
    """Copied document -> (its outlet, the outlet of the document it copies)."""
    copies: dict[str, tuple[str, str]] = {}
    if not isinstance(value, Sequence) or isinstance(value, str):
        return copies
    for pair in value:
        docs = strings(pair)
        if len(docs) == 2 and len(pair) == 2:
            copy, source = (context.outlets.get(doc, doc) for doc in docs)
            copies[docs[0]] = (copy, source)
    return copies


def _evidence(
    item: Mapping[str, Any], context: _Context, copies: Mapping[str, tuple[str, str]]
) -> dict[str, Any]:
    doc_id = str(item.get("document"))
    kind = item.get("attribution_type")
    kind = kind if isinstance(kind, str) and kind in ATTRIBUTIONS else "unknown"
    source = item.get("attribution")
    return {
        "document": doc_id,
        "outlet": str(item.get("outlet") or context.outlets.get(doc_id) or "unknown"),
        "sentence": " ".join(str(item.get("text") or "").split()),
        "kind": kind,
        "label": ATTRIBUTIONS[kind][0],
        "name": ATTRIBUTIONS[kind][1],
        "source": " ".join(source.split()) if isinstance(source, str) else "",
        "quote": item.get("quote") is True,
        "copy_of": copies[doc_id][1] if doc_id in copies else None,
        "href": evidence_href(item, context.drawn),
    }


def _conflict(item: Mapping[str, Any], context: _Context) -> dict[str, Any]:
    slot = item.get("slot")
    values = []
    for value in records(item.get("values")):
        if value.get("value") is None:
            continue
        doc_id = str(value.get("document"))
        outlet = context.outlets.get(doc_id) or str(value.get("outlet") or "unknown")
        values.append({"document": doc_id, "outlet": outlet, "value": str(value["value"])})
    return {"slot": slot if slot in SLOTS else "other", "values": values}


def _outlets(views: Iterable[Mapping[str, Any]], rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every outlet with a document, then any only the claims name; most claims first."""
    reported = Counter(outlet for row in rows for outlet in row["outlets"])
    outlets = set(reported) | {view["outlet"] for view in views}
    return sorted(outlets, key=lambda outlet: (-reported[outlet], outlet.casefold(), outlet))


def _cell(row: Mapping[str, Any], outlet: str) -> dict[str, Any]:
    """One outlet's cell: ``reported``, ``conflicting`` (with its values) or ``none``."""
    items = [item for item in row["evidence"] if item["outlet"] == outlet]
    values = [
        (conflict["slot"], value["value"])
        for conflict in row["conflicts"]
        for value in conflict["values"]
        if value["outlet"] == outlet
    ]
    if not items and not values and outlet not in row["outlets"]:
        return {"state": "none", "outlet": outlet}
    kinds = dict.fromkeys(item["kind"] for item in items)
    return {
        "state": "conflicting" if values else "reported",
        "outlet": outlet,
        "values": list(dict.fromkeys(value for _, value in values)),
        "attributions": [{"kind": kind, "label": ATTRIBUTIONS[kind][0]} for kind in kinds],
        "quote": any(item["quote"] for item in items),
        "copy": any(item["copy_of"] for item in items),
        "href": next((item["href"] for item in items if item["href"]), None),
        "tip": "\n".join([*(f"{slot}: {value}" for slot, value in values), *map(_tip, items)]),
    }


def _tip(item: Mapping[str, Any]) -> str:
    sentence = item["sentence"]
    if len(sentence) > TIP_SENTENCE_CHARS:
        sentence = sentence[: TIP_SENTENCE_CHARS - 1] + "…"
    source = f": {item['source']}" if item["source"] else ""
    quote = " (quote)" if item["quote"] else ""
    return f"{item['name']}{source}{quote} — “{sentence}”"


def _by_outlet(row: Mapping[str, Any], outlets: Sequence[str]) -> list[dict[str, Any]]:
    """The evidence grouped per outlet, in column order, for the side-by-side detail."""
    cells = dict(zip(outlets, row["cells"], strict=True))
    return [
        {
            "outlet": outlet,
            "conflicting": cells[outlet]["state"] == "conflicting",
            "items": [item for item in row["evidence"] if item["outlet"] == outlet],
        }
        for outlet in outlets
        if cells[outlet]["state"] != "none"
    ]
