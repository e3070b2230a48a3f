"""``dossier claims ID``: the evidence table marks each differing value on its own claim's row."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from dossier.cli_claims import _evidence_table


def _evidence(claim: str, text: str) -> dict[str, Any]:
    return {"claim": claim, "document": "d1", "outlet": "Outlet A", "text": text,
            "attribution": None, "attribution_type": "unattributed", "quote": False}  # fmt: skip


def test_claims_evidence_marks_the_value_on_its_own_claims_row() -> None:
    claim = {
        "id": "g1", "status": "conflicting", "summary": "A message to the commander.",
        "evidence": [_evidence("c1", "Petrov wrote often."), _evidence("c2", "Petrov wrote to him.")],
        "conflicts": [{"slot": "other", "values": [
            {"document": "d1", "claim": "c2", "value": "Central Command commander"},
            {"document": "d2", "claim": "c9", "value": "commander in Estovia"},
        ]}],
    }  # fmt: skip
    console = Console(width=200, record=True)
    console.print(_evidence_table(claim, {"documents": [{"id": "d1", "source": "a.txt"}]}))
    rows = [line for line in console.export_text().splitlines() if "Petrov" in line]
    assert "other: Central Command commander" in rows[1]
    assert "Central Command" not in rows[0]
    assert "Estovia" not in "".join(rows)  # another article's value


def test_claims_ledger_shows_each_conflicting_value_once_with_its_outlets() -> None:
    """Three outlets, two values: "48 (Outlet A, Outlet C) vs 64 (Outlet B)"."""
    from dossier.cli_claims import _conflict_text

    conflict = {"slot": "number", "values": [
        {"document": "d1", "claim": "c1", "value": "48"},
        {"document": "d2", "claim": "c2", "value": "64"},
        {"document": "d3", "claim": "c3", "value": "48."},
    ]}  # fmt: skip
    outlets = {"d1": "Outlet A", "d2": "Outlet B", "d3": "Outlet C"}
    assert _conflict_text(conflict, outlets) == "number: 48 (Outlet A, Outlet C) vs 64 (Outlet B)"
