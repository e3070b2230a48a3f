"""The claim ledger as schema.org ClaimReview (JSON-LD), for fact-checking tools.

One ``ClaimReview`` per claim group of the JSON export, in the ledger's order (importance).
The review rates *sourcing*, not truth: ``reviewRating.alternateName`` says how the claim is
sourced ("Corroborated by 3 independent outlets", "Single source", "Conflicting reports:
date"), and ``ratingExplanation`` names the outlets, their attributions and each
disagreeing value. ``itemReviewed`` is the ``Claim``, with one ``appearance`` per report:
the article (headline, outlet as publisher, date, address when known) and the sentence.

The output is a JSON-LD document (``@context`` and ``@graph``). "</" is written as "<\\/",
so the file can be pasted into an HTML ``<script type="application/ld+json">`` as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TextIO

SCHEMA = "https://schema.org"
# Longest claim text and sentence kept, in characters (ClaimReview's texts are summaries).
MAX_TEXT = 500


def claim_reviews(data: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-LD document for an export dict (``dossier.export.build_export``)."""
    documents = {d["id"]: d for d in data.get("documents", [])}
    author = {"@type": "Organization", "name": f"dossier {data.get('dossier_version', '')}".strip()}
    reviews = [_review(c, documents, author, data.get("generated")) for c in data.get("claims", [])]
    return {"@context": SCHEMA, "@graph": reviews}


def write_claimreview(data: Mapping[str, Any], out: TextIO) -> None:
    text = json.dumps(claim_reviews(data), ensure_ascii=False, indent=1)
    out.write(text.replace("</", "<\\/") + "\n")


def _review(
    claim: Mapping[str, Any],
    documents: Mapping[str, Mapping[str, Any]],
    author: dict[str, str],
    generated: Any,
) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": claim["id"],
        "claimReviewed": str(claim["summary"])[:MAX_TEXT],
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [_appearance(e, documents) for e in claim.get("evidence", [])],
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": _verdict(claim),
            "ratingExplanation": _explanation(claim, documents),
        },
        "author": author,
    }
    if generated:
        review["datePublished"] = generated
    return review


def _verdict(claim: Mapping[str, Any]) -> str:
    if claim["status"] == "conflicting":
        slots = sorted({c["slot"] for c in claim.get("conflicts", [])})
        return "Conflicting reports: " + ", ".join(slots)
    if claim["status"] == "corroborated":
        return f"Corroborated by {claim['independent_outlets']} independent outlets"
    return "Single source"


def _explanation(claim: Mapping[str, Any], documents: Mapping[str, Mapping[str, Any]]) -> str:
    parts = []
    for e in claim.get("evidence", []):
        source = e.get("attribution") or "no source given"
        parts.append(f"{e['outlet']} ({e['attribution_type']}: {source})")
    lines = ["Reported by " + "; ".join(dict.fromkeys(parts)) + "."]
    for conflict in claim.get("conflicts", []):
        values = "; ".join(
            f"{v['value']} ({_outlet(documents, v['document'])})" for v in conflict["values"]
        )
        lines.append(f"They disagree on the {conflict['slot']}: {values}.")
    copies = claim.get("copies") or []
    if copies:
        lines.append(f"{len(copies)} report(s) are copies of another and count once.")
    shared = claim.get("shared_sources") or []
    if shared:
        lines.append("Outlets cite the same source: " + ", ".join(shared) + "; it counts once.")
    return " ".join(lines)


def _appearance(
    evidence: Mapping[str, Any], documents: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    doc = documents.get(evidence["document"], {})
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": evidence["outlet"]},
        "text": str(evidence["text"])[:MAX_TEXT],
    }
    if doc.get("title"):
        work["headline"] = doc["title"]
    if doc.get("url"):
        work["url"] = doc["url"]
    if doc.get("published"):
        work["datePublished"] = doc["published"]["value"]
    if doc.get("authors"):
        work["author"] = [{"@type": "Person", "name": a} for a in doc["authors"]]
    return work


def _outlet(documents: Mapping[str, Mapping[str, Any]], document: str) -> str:
    doc = documents.get(document, {})
    return str(doc.get("outlet_label") or doc.get("outlet") or document)
