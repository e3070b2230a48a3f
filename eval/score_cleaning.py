"""Score the cleaner and the metadata reader against the hand-made seed gold.

Run from the repository root::

    .venv/bin/python -m eval.score_cleaning

The gold (``eval/gold/seeds_cleaning.json``) names lines by number and a short
sha1, never by text; the seed files themselves are read from ``DOSSIER_EVAL_SEEDS``
(default ``../shared/corpus/seeds`` beside the repository). Every gold hash is checked against the seed
file before anything is scored, and a mismatch raises :class:`GoldMismatchError`.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.model import (
    CleanArticle,
    Metadata,
    MetaField,
    MetaSource,
    RawArticle,
    Segment,
    SourceKind,
)
from eval.common import SEEDS_DIR, normalise

GOLD_PATH = Path(__file__).parent / "gold" / "seeds_cleaning.json"
HASH_CHARS = 10  # hex digits of sha1 kept per line: enough to catch any edit, short to diff
BODY, AMBIGUOUS = "body", "ambiguous"
LABELS = frozenset({BODY, "title", "byline", "dateline", "signoff", "boilerplate", AMBIGUOUS})
FIELDS = ("title", "authors", "outlet", "published", "not_before")
UNKNOWN_OUTLET = "unknown"

Reader = Callable[[Path], list[RawArticle]]
Cleaner = Callable[[RawArticle], CleanArticle]


class GoldMismatchError(RuntimeError):
    """The gold no longer describes the seed file (or the reader changed its lines)."""


@dataclass(frozen=True, slots=True)
class GoldLine:
    line: int
    sha1: str
    label: str


@dataclass(frozen=True, slots=True)
class ContentLine:
    """A non-blank line of RawArticle.content: stripped ``[start, end)`` and its hash."""

    start: int
    end: int
    sha1: str


def hash_line(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:HASH_CHARS]


def load_gold(path: Path = GOLD_PATH) -> list[dict[str, Any]]:
    seeds: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["seeds"]
    for seed in seeds:
        bad = {rec["label"] for rec in seed["lines"]} - LABELS
        if bad:
            raise GoldMismatchError(f"{seed['file']}: unknown labels {sorted(bad)}")
    return seeds


def gold_lines(seed: dict[str, Any]) -> list[GoldLine]:
    return [GoldLine(r["line"], r["sha1"], r["label"]) for r in seed["lines"]]


def verify_seed(seed: dict[str, Any], seeds_dir: Path) -> None:
    """Check that the gold labels exactly the non-blank lines of the file, by hash."""
    path = seeds_dir / seed["file"]
    lines = path.read_text(encoding="utf-8").splitlines()
    nonblank = [n for n, text in enumerate(lines, 1) if text.strip()]
    labelled = [g.line for g in gold_lines(seed)]
    if labelled != nonblank:
        missing, extra = set(nonblank) - set(labelled), set(labelled) - set(nonblank)
        raise GoldMismatchError(
            f"{path}: gold lines differ from the file's non-blank lines "
            f"(unlabelled {sorted(missing)}, not in file {sorted(extra)})"
        )
    for g in gold_lines(seed):
        if hash_line(lines[g.line - 1]) != g.sha1:
            raise GoldMismatchError(f"{path}:{g.line}: sha1 differs from the gold")


def split_content(content: str) -> list[ContentLine]:
    """The non-blank lines of ``content`` with their stripped character ranges."""
    out: list[ContentLine] = []
    pos = 0
    for piece in content.splitlines(keepends=True):
        text = piece.splitlines()[0]
        stripped = text.strip()
        if stripped:
            start = pos + len(text) - len(text.lstrip())
            out.append(ContentLine(start, start + len(stripped), hash_line(stripped)))
        pos += len(piece)
    return out


def align(seed: dict[str, Any], content: str) -> list[tuple[GoldLine, ContentLine]]:
    """Pair gold lines with content lines; their hash sequences must be identical."""
    gold, lines = gold_lines(seed), split_content(content)
    for i, (g, c) in enumerate(zip(gold, lines, strict=False)):
        if g.sha1 != c.sha1:
            raise GoldMismatchError(
                f"{seed['file']}: gold line {g.line} does not match non-blank content line "
                f"{i + 1} (the reader decoded the file differently)"
            )
    if len(gold) != len(lines):
        raise GoldMismatchError(
            f"{seed['file']}: gold has {len(gold)} non-blank lines, content has {len(lines)}"
        )
    return list(zip(gold, lines, strict=True))


def is_kept(line: ContentLine, segments: Sequence[Segment]) -> bool:
    return any(s.orig_start < line.end and s.orig_end > line.start for s in segments)


def predicted(meta: Metadata) -> dict[str, Any]:
    """The cleaner's metadata as plain values, with absence as None."""
    pub = meta.published.value
    outlet = meta.outlet.value
    return {
        "title": meta.title.value or None,
        "authors": sorted(meta.authors.value),
        "outlet": None if not outlet or outlet == UNKNOWN_OUTLET else outlet,
        "published": None if pub is None else {"value": pub.value, "precision": str(pub.precision)},
        "not_before": meta.not_before.value or None,
    }


def field_correct(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    want, got = gold[name], pred[name]
    if not want:  # absent in the text: only "no guess" is right
        return not got
    if got is None:
        return False
    if name == "title":
        return bool(normalise(got) == normalise(want))
    if name == "authors":
        return {normalise(a) for a in got} == {normalise(a) for a in want}
    if name == "outlet":
        return normalise(got) in {normalise(o) for o in [want, *gold["outlet_aliases"]]}
    return bool(got == want)  # published (value and precision) and not_before


def score_seed(seed: dict[str, Any], raw: RawArticle, clean: CleanArticle) -> dict[str, Any]:
    """Line figures and metadata verdicts for one seed."""
    labels: dict[str, list[int]] = {}  # label -> [lines, kept]
    missed, leaked = [], []
    for g, line in align(seed, raw.content):
        kept = is_kept(line, clean.segments)
        counts = labels.setdefault(g.label, [0, 0])
        counts[0] += 1
        counts[1] += kept
        if g.label == BODY and not kept:
            missed.append(g.line)
        elif g.label not in (BODY, AMBIGUOUS) and kept:
            leaked.append(g.line)
    body_total = labels.get(BODY, [0, 0])[0]
    nonbody_total = sum(n for lab, (n, _) in labels.items() if lab not in (BODY, AMBIGUOUS))
    pred, gold = predicted(clean.metadata), seed["metadata"]
    return {
        "body_kept": ratio(body_total - len(missed), body_total),
        "nonbody_removed": ratio(nonbody_total - len(leaked), nonbody_total),
        "body_total": body_total,
        "body_kept_n": body_total - len(missed),
        "nonbody_total": nonbody_total,
        "nonbody_removed_n": nonbody_total - len(leaked),
        "missed_body": missed,
        "leaked": leaked,
        "labels": {lab: {"total": n, "removed": n - k} for lab, (n, k) in labels.items()},
        "metadata": {
            f: {"gold": gold[f], "predicted": pred[f], "correct": field_correct(f, gold, pred)}
            for f in FIELDS
        },
    }


def ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def total(rows: Iterable[dict[str, Any]], key: str) -> int:
    return sum(int(row[key]) for row in rows)


def summarise(per_seed: dict[str, dict[str, Any]]) -> dict[str, Any]:
    seeds = list(per_seed.values())
    per_field: dict[str, dict[str, Any]] = {}
    for f in FIELDS:
        rows = [s["metadata"][f] for s in seeds]
        stated = [r for r in rows if r["gold"]]
        absent = [r for r in rows if not r["gold"]]
        correct = total(rows, "correct")
        per_field[f] = {
            "accuracy": ratio(correct, len(rows)),
            "correct": correct,
            "total": len(rows),
            "stated_correct": total(stated, "correct"),
            "stated_total": len(stated),
            "absent_correct": total(absent, "correct"),
            "absent_total": len(absent),
        }
    per_label: dict[str, dict[str, int]] = {}
    for s in seeds:
        for lab, row in s["labels"].items():
            acc = per_label.setdefault(lab, {"total": 0, "removed": 0})
            acc["total"] += row["total"]
            acc["removed"] += row["removed"]
    fields = per_field.values()
    return {
        "body_kept": ratio(total(seeds, "body_kept_n"), total(seeds, "body_total")),
        "nonbody_removed": ratio(total(seeds, "nonbody_removed_n"), total(seeds, "nonbody_total")),
        "metadata_accuracy": ratio(total(fields, "correct"), total(fields, "total")),
        "per_field": per_field,
        "per_label": per_label,
        "per_seed": per_seed,
    }


def read_plain(path: Path) -> list[RawArticle]:
    """A stand-in reader: the file decoded as UTF-8, one article."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    return [RawArticle(str(path), SourceKind.TEXT, data.decode("utf-8"), "utf-8", digest)]


def keep_everything(raw: RawArticle) -> CleanArticle:
    """The keep-all baseline: every character kept, no metadata guessed."""

    def absent(value: Any) -> MetaField[Any]:
        return MetaField(value, MetaSource.NONE, 0.0)

    meta = Metadata(
        absent(None), absent(()), absent(UNKNOWN_OUTLET), absent(None), absent(None), absent(None)
    )
    n = len(raw.content)
    sha, everything = raw.original_sha256, (Segment(0, n, 0, n),)
    return CleanArticle(
        sha, raw.source, raw.kind, raw.encoding, sha, raw.content, meta, segments=everything
    )


def default_reader() -> Reader:
    from dossier.ingest import read_source  # imported late: the scorer predates the stages

    reader: Reader = read_source
    return reader


def default_cleaner() -> Cleaner:
    from dossier.clean import clean_article

    cleaner: Cleaner = clean_article
    return cleaner


def score_seeds(
    clean: Cleaner | None = None,
    read: Reader | None = None,
    seeds_dir: Path = SEEDS_DIR,
    gold_path: Path = GOLD_PATH,
) -> dict[str, Any]:
    """Verify the gold, clean every seed and return the figures (see module docstring)."""
    seeds = load_gold(gold_path)
    for seed in seeds:
        verify_seed(seed, seeds_dir)
    read = read or default_reader()
    clean = clean or default_cleaner()
    per_seed: dict[str, dict[str, Any]] = {}
    for seed in seeds:
        raws = read(seeds_dir / seed["file"])
        if len(raws) != 1:
            raise GoldMismatchError(f"{seed['file']}: reader returned {len(raws)} articles, not 1")
        per_seed[seed["file"]] = score_seed(seed, raws[0], clean(raws[0]))
    return summarise(per_seed)


def format_report(result: dict[str, Any]) -> Iterable[str]:
    """The figures as a plain-text table, then what went wrong, line by line."""
    yield f"{'seed':<28}{'body kept':>16}{'non-body removed':>20}"
    for name, s in result["per_seed"].items():
        body = f"{s['body_kept_n']}/{s['body_total']} {s['body_kept']:.2f}"
        nonbody = f"{s['nonbody_removed_n']}/{s['nonbody_total']} {s['nonbody_removed']:.2f}"
        yield f"{name:<28}{body:>16}{nonbody:>20}"
    yield f"{'all (micro)':<28}{result['body_kept']:>16.3f}{result['nonbody_removed']:>20.3f}"
    labels = sorted(result["per_label"].items())
    yield "removed by label: " + ", ".join(f"{k} {v['removed']}/{v['total']}" for k, v in labels)
    yield ""
    yield f"{'field':<12}{'accuracy':>10}{'stated ok':>11}{'absent ok':>11}"
    for f, row in result["per_field"].items():
        stated = f"{row['stated_correct']}/{row['stated_total']}"
        absent = f"{row['absent_correct']}/{row['absent_total']}"
        yield f"{f:<12}{row['accuracy']:>10.2f}{stated:>11}{absent:>11}"
    yield f"{'all':<12}{result['metadata_accuracy']:>10.3f}"
    yield ""
    for name, s in result["per_seed"].items():
        if s["missed_body"]:
            yield f"{name}: body lines dropped {s['missed_body']}"
        if s["leaked"]:
            yield f"{name}: non-body lines kept {s['leaked']}"
        for f, m in s["metadata"].items():
            if not m["correct"]:
                yield f"{name}: {f} predicted {m['predicted']!r}, gold {m['gold']!r}"


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args not in ([], ["--keep-all"]):
        print("usage: python -m eval.score_cleaning [--keep-all]", file=sys.stderr)
        return 2
    # --keep-all scores the keep-everything baseline; it needs no dossier.ingest or clean
    result = score_seeds(keep_everything, read_plain) if args else score_seeds()
    for line in format_report(result):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
