"""schema.org ClaimReview export of the claim ledger, from a hand-made export dict."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from dossier.cli import main
from dossier.export.claimreview import claim_reviews, write_claimreview

HOSTILE = "Qorvan said </script><script>alert(1)</script> & more"


def _evidence(doc: str, outlet: str, text: str, source: str | None, kind: str) -> dict[str, Any]:
    return {"document": doc, "outlet": outlet, "text": text, "attribution": source,
            "attribution_type": kind, "claim": f"c-{doc}", "quote": False}  # fmt: skip


@pytest.fixture()
def export() -> dict[str, Any]:
    return {
        "generated": "2026-11-26T00:00:00Z",
        "dossier_version": "0.1.0",
        "documents": [
            {"id": "d1", "outlet": "Herald", "outlet_label": "Herald", "title": "Port closes",
             "url": "https://herald.test/port", "authors": ["Lena Berg"],
             "published": {"value": "2020-06-01", "precision": "day"}},
            {"id": "d2", "outlet": "Courier", "outlet_label": "Courier", "title": "Port shut",
             "url": None, "authors": [], "published": None},
        ],
        "claims": [
            {"id": "g1", "summary": "The port of Varnia closed in 2003.", "status": "conflicting",
             "independent_outlets": 2, "copies": [], "shared_sources": [],
             "evidence": [_evidence("d1", "Herald", "The port closed in 2003.", "Ivan Petrov", "named-source"),
                          _evidence("d2", "Courier", HOSTILE, None, "unattributed")],
             "conflicts": [{"slot": "date", "values": [
                 {"document": "d1", "claim": "c-d1", "value": "2003"},
                 {"document": "d2", "claim": "c-d2", "value": "January 2002"}]}]},
            {"id": "g2", "summary": "The mayor resigned.", "status": "corroborated",
             "independent_outlets": 2, "copies": [], "shared_sources": ["Ivan Petrov"],
             "evidence": [_evidence("d1", "Herald", "The mayor resigned.", None, "unattributed")],
             "conflicts": []},
            {"id": "g3", "summary": "A bridge opened.", "status": "single-source",
             "independent_outlets": 1, "copies": [], "shared_sources": [], "evidence": [],
             "conflicts": []},
        ],
    }  # fmt: skip


def test_claimreview_one_review_per_claim_with_its_sourcing(export: dict[str, Any]) -> None:
    doc = claim_reviews(export)
    assert doc["@context"] == "https://schema.org"
    reviews = {r["identifier"]: r for r in doc["@graph"]}
    assert list(reviews) == ["g1", "g2", "g3"]  # the ledger's order
    assert all(r["@type"] == "ClaimReview" for r in reviews.values())
    ratings = {k: r["reviewRating"]["alternateName"] for k, r in reviews.items()}
    assert ratings == {"g1": "Conflicting reports: date",
                       "g2": "Corroborated by 2 independent outlets", "g3": "Single source"}  # fmt: skip
    explanation = reviews["g1"]["reviewRating"]["ratingExplanation"]
    assert "2003 (Herald)" in explanation and "January 2002 (Courier)" in explanation
    assert "Herald (named-source: Ivan Petrov)" in explanation
    assert "Ivan Petrov" in reviews["g2"]["reviewRating"]["ratingExplanation"]


def test_claimreview_appearances_carry_the_article(export: dict[str, Any]) -> None:
    (review, *_rest) = claim_reviews(export)["@graph"]
    first, second = review["itemReviewed"]["appearance"]
    assert first["url"] == "https://herald.test/port" and first["datePublished"] == "2020-06-01"
    assert first["publisher"]["name"] == "Herald" and first["author"][0]["name"] == "Lena Berg"
    assert "url" not in second and "datePublished" not in second
    assert second["text"] == HOSTILE  # the JSON value keeps the article's words


def test_claimreview_file_is_safe_inside_a_script_tag(export: dict[str, Any]) -> None:
    out = io.StringIO()
    write_claimreview(export, out)
    assert "</script>" not in out.getvalue()
    assert json.loads(out.getvalue()) == claim_reviews(export)  # "<\\/" is still valid JSON


def test_claimreview_cli_on_the_seed_dossier(seeds_db: Any, tmp_path: Any) -> None:
    target = tmp_path / "reviews.jsonld"
    assert (
        main(["export", "--db", str(seeds_db), "--format", "claimreview", "-o", str(target)]) == 0
    )
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["@graph"] and all(r["itemReviewed"]["appearance"] for r in doc["@graph"])
