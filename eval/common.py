"""What every scorer in eval/ shares: where the seeds are, building a folder, the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

_DEFAULT_SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
SEEDS_DIR = Path(os.environ.get("DOSSIER_EVAL_SEEDS", _DEFAULT_SEEDS))
QUOTES = str.maketrans("‘’‚′“”„″", "''''\"\"\"\"")  # curly -> straight


def normalise(text: str) -> str:
    """Text as scorers compare it: NFKC, straight quotes, collapsed spaces, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(QUOTES).split()).casefold()


def build_folder_export(folder: Path) -> dict[str, Any]:
    """Build a folder of articles into a temporary DuckDB and export it."""
    from dossier.export import load_export
    from dossier.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.duckdb"
        build([folder], db)
        return load_export(db)


def key_problems(records: Sequence[dict[str, Any]], folder: Path) -> list[str]:
    """Gold records whose id repeats or whose ``key`` is not verbatim in ``file``:``line``."""
    problems: list[str] = []
    lines: dict[str, list[str]] = {}
    ids: set[str] = set()
    for r in records:
        if r["id"] in ids:
            problems.append(f"{r['id']}: duplicate id")
        ids.add(r["id"])
        if r["file"] not in lines:
            lines[r["file"]] = (folder / r["file"]).read_text(encoding="utf-8").splitlines()
        text = lines[r["file"]][r["line"] - 1] if 0 < r["line"] <= len(lines[r["file"]]) else ""
        if r["key"] not in text:
            problems.append(f"{r['id']}: key {r['key']!r} not in {r['file']}:{r['line']}")
    return problems


def build_seed_export(seeds_dir: Path = SEEDS_DIR) -> dict[str, Any]:
    """Build the seed folder into a temporary DuckDB and export it."""
    return build_folder_export(seeds_dir)


def run_scorer(
    argv: Sequence[str] | None,
    description: str,
    check_gold: Callable[[], None],
    score: Callable[[dict[str, Any]], dict[str, Any]],
    format_report: Callable[[dict[str, Any]], str],
    selftest: Callable[[], None] | None = None,
    build: Callable[[], dict[str, Any]] = build_seed_export,
    add_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
) -> int:
    """The shared command line: ``[--db PATH] [--json] [--selftest]``.

    ``build`` makes the export scored without ``--db`` (the seeds by default);
    ``add_arguments`` adds a scorer's own options, which the scorer reads itself.
    """
    parser = argparse.ArgumentParser(description=description)
    if add_arguments is not None:
        add_arguments(parser)
    parser.add_argument("--db", type=Path, help="score this dossier database instead of building")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    if selftest is not None:
        parser.add_argument(
            "--selftest", action="store_true", help="check the scorer on the gold itself"
        )
    args = parser.parse_args(argv)
    check_gold()
    if selftest is not None and args.selftest:
        selftest()
        sys.stdout.write("selftest passed\n")
        return 0
    if args.db:
        from dossier.export import load_export

        export = load_export(args.db)
    else:
        export = build()
    result = score(export)
    out = json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_report(result)
    sys.stdout.write(out + "\n")
    return 0
