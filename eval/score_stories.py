"""Planted disagreements in invented stories: how many the claim ledger flags, and what else.

Usage (from the repository root)::

    .venv/bin/python -m eval.score_stories            # every story, a table
    .venv/bin/python -m eval.score_stories --json     # the figures as JSON
    .venv/bin/python -m eval.score_stories --story election --show

Each folder of ``eval/stories/`` is one invented story told by three invented outlets, which
differ on the slots ``eval/stories/planted.json`` lists. The folder is built into a temporary
DuckDB and exported; a planted disagreement is found when one exported conflict holds a value
containing each of its two values (case-folded substrings, "|" between spellings; any slot,
so that a kind of disagreement the tool does not yet name still counts when it is caught). A
flagged conflict that matches no planted disagreement is false: the stories' other slots
agree.

The stories were written to find gaps, and rules were then written against them, so these
figures measure regressions, not quality on unseen text (eval/README.md, "Invented stories").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eval.common import build_folder_export

STORIES_DIR = Path(__file__).parent / "stories"
PLANTED_PATH = STORIES_DIR / "planted.json"


def load_planted(path: Path = PLANTED_PATH) -> dict[str, Any]:
    stories: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["stories"]
    return stories


def conflicts_of(export: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Every exported conflict as (slot, its values)."""
    return [
        (c["slot"], [str(v["value"]) for v in c["values"]])
        for claim in export.get("claims", [])
        for c in claim.get("conflicts", [])
    ]


def holds(values: list[str], planted: list[str]) -> bool:
    """One value contains the first planted value and another the second (each planted value
    may list spellings: "23|twenty-three")."""
    first, second = (p.casefold().split("|") for p in planted)
    folded = [v.casefold() for v in values]
    return any(
        any(x in a for x in first) and any(y in b for y in second)
        for i, a in enumerate(folded)
        for j, b in enumerate(folded)
        if i != j
    )


def score_story(export: dict[str, Any], story: dict[str, Any]) -> dict[str, Any]:
    """Planted disagreements found and missed, and the conflicts that match none."""
    flagged = conflicts_of(export)
    found: list[str] = []
    missed: list[str] = []
    for item in story["planted"]:
        (found if any(holds(v, item["values"]) for _, v in flagged) else missed).append(
            item["what"]
        )
    false = [
        f"{slot}: {' / '.join(values)}"
        for slot, values in flagged
        if not any(holds(values, item["values"]) for item in story["planted"])
    ]
    return {
        "planted": len(story["planted"]),
        "found": found,
        "missed": missed,
        "flagged": len(flagged),
        "false": false,
    }


def score_all(names: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Each story (all of them unless ``names``) built and scored."""
    planted = load_planted()
    return {
        name: score_story(build_folder_export(STORIES_DIR / name), planted[name])
        for name in sorted(names or planted)
    }


def totals(scores: dict[str, dict[str, Any]]) -> dict[str, int]:
    return {
        "planted": sum(s["planted"] for s in scores.values()),
        "found": sum(len(s["found"]) for s in scores.values()),
        "false": sum(len(s["false"]) for s in scores.values()),
    }


def format_report(scores: dict[str, dict[str, Any]], show: bool = False) -> str:
    lines = [f"{'story':<12} found  false  missed"]
    for name, s in scores.items():
        lines.append(
            f"{name:<12} {len(s['found']):>2}/{s['planted']:<2} {len(s['false']):>5}  "
            + ", ".join(s["missed"])
        )
        if show:
            lines += [f"    found: {w}" for w in s["found"]]
            lines += [f"    FALSE: {w}" for w in s["false"]]
    t = totals(scores)
    lines.append(f"{'all':<12} {t['found']:>2}/{t['planted']:<2} {t['false']:>5}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--story", action="append", help="score only this story (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", action="store_true", help="list what was found and the false")
    args = parser.parse_args(argv)
    scores = score_all(args.story)
    if args.json:
        print(json.dumps({"stories": scores, "totals": totals(scores)}, indent=1))
    else:
        print(format_report(scores, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
