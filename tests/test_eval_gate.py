"""The eval gate: quality figures must not fall below the floors pinned in eval_baseline.json."""

from __future__ import annotations

import json
import sys
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


def _load_bench(name: str) -> Any:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pasted_text() -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = _load_bench("pasted_text").score_splits()
    return result


@pytest.mark.slow
@pytest.mark.parametrize("figure", sorted(BASELINE["pasted_text_test_split"]))
def test_eval_gate_pasted_text_held_out_pages(
    pasted_text: dict[str, dict[str, float]], figure: str
) -> None:
    floor = BASELINE["pasted_text_test_split"][figure]
    assert pasted_text["test"][figure] >= floor, (
        f"{figure} fell to {pasted_text['test'][figure]:.2f}"
    )
