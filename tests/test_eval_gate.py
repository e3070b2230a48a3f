"""The eval gate: quality figures must not fall below the floors pinned in eval_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from eval.score_cleaning import score_seeds

BASELINE: dict[str, dict[str, float]] = json.loads(
    (Path(__file__).parent / "eval_baseline.json").read_text()
)


@pytest.fixture(scope="module")
def seeds_cleaning(seeds_dir: Path) -> dict[str, Any]:
    return score_seeds(seeds_dir=seeds_dir)


@pytest.mark.parametrize("figure", sorted(BASELINE["seeds_cleaning"]))
def test_eval_gate_seeds_cleaning(seeds_cleaning: dict[str, Any], figure: str) -> None:
    floor = BASELINE["seeds_cleaning"][figure]
    assert seeds_cleaning[figure] >= floor, (
        f"{figure} fell to {seeds_cleaning[figure]:.3f} < {floor}"
    )
