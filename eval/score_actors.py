"""Score actor resolution against the hand-made actor gold of the seed articles.

Run from the repository root::

    .venv/bin/python -m eval.score_actors             # build the seeds into a temp DuckDB, score
    .venv/bin/python -m eval.score_actors --db PATH   # score an existing dossier database

The gold (``eval/gold/seeds_actors.json``) lists actor clusters as surface forms (short
names only, never article text) plus ``distinct`` pairs of forms that must stay apart.
The export's ``entities`` are read as the predicted clusters:

- **forms found**: share of gold forms whose occurrences in the clean text are covered by a
  mention of some entity (so span edges such as a title or possessive do not matter);
- **pairwise merge P/R/F1** over the found forms: a pair is gold-same when both forms sit
  in one gold cluster, predicted-same when both map to one entity (a form that occurs in
  several entities maps to the one holding most of its mentions);
- **distinct merged**: gold ``distinct`` pairs that ended up in one entity.

Forms are compared exactly (curly apostrophes included) after dropping a leading
"the "/"The ". Forms listed in ``ambiguous_forms`` are ignored.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.common import SEEDS_DIR, run_scorer

GOLD_PATH = Path(__file__).parent / "gold" / "seeds_actors.json"
DETERMINERS = ("the ", "The ")
SHOW = 12  # rows of each "worst" list in the printed report


class GoldMismatchError(RuntimeError):
    """The actor gold is inconsistent, or names a form that no seed contains."""


@dataclass(frozen=True, slots=True)
class Gold:
    cluster_of: dict[str, int]  # form key -> cluster index
    names: tuple[str, ...]  # cluster index -> canonical name
    distinct: tuple[tuple[str, str], ...]
    ignored: frozenset[str]


def key_form(form: str) -> str:
    """The comparison key of a surface form: whitespace collapsed, leading article dropped."""
    form = " ".join(form.split())
    for det in DETERMINERS:
        if form.startswith(det):
            return form[len(det) :]
    return form


def load_gold(path: Path = GOLD_PATH) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    cluster_of: dict[str, int] = {}
    for index, cluster in enumerate(data["clusters"]):
        for form in cluster["forms"]:
            key = key_form(form)
            if cluster_of.setdefault(key, index) != index:
                raise GoldMismatchError(f"form {form!r} is in two gold clusters")
    distinct = tuple((key_form(a), key_form(b)) for a, b in data["distinct"])
    unknown = [f for pair in distinct for f in pair if f not in cluster_of]
    if unknown:
        raise GoldMismatchError(f"distinct pairs name forms outside the gold: {unknown}")
    names = tuple(c["name"] for c in data["clusters"])
    ignored = frozenset(key_form(f) for f in data.get("ambiguous_forms", []))
    return Gold(cluster_of, names, distinct, ignored)


def check_gold(path: Path = GOLD_PATH, seeds_dir: Path = SEEDS_DIR) -> None:
    """Raise unless every gold form occurs verbatim in some seed file."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt")))
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = [f for c in data["clusters"] for f in c["forms"] if f not in text]
    if missing:
        raise GoldMismatchError(f"gold forms not found in {seeds_dir}: {missing}")


def map_forms(entities: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Map each form key to the entity holding most of its mentions (aliases count as zero)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for entity in entities:
        for alias in entity.get("aliases", []):
            counts[key_form(alias)][entity["id"]] += 0
        for mention in entity.get("mentions", []):
            counts[key_form(mention["text"])][entity["id"]] += 1
    return {form: max(sorted(c), key=lambda e: c[e]) for form, c in counts.items()}


def map_occurrences(export: dict[str, Any], forms: Iterable[str]) -> dict[str, str]:
    """Occurrence-based mapping; a form seen only inside longer forms is mapped there."""
    forms = list(forms)
    strict = _map_occurrences(export, forms, skip_nested=True)
    loose = _map_occurrences(export, [f for f in forms if f not in strict], skip_nested=False)
    return {**loose, **strict}


def _map_occurrences(export: dict[str, Any], forms: list[str], skip_nested: bool) -> dict[str, str]:
    """Map each gold form to the entity whose mentions overlap its occurrences in the text.

    This does not depend on where the NER draws span edges: "Gen. Soleimani’s" counts as
    found when a mention inside it ("Soleimani") belongs to some entity, and that entity is
    the form's predicted actor (the one overlapping most occurrences).
    """
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in export["entities"]:
        for m in entity.get("mentions", []):
            spans[m["document"]].append((m["start"], m["end"], entity["id"]))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in export["documents"]:
        text, mentions = doc["text"], spans.get(doc["id"], [])
        claimed: list[tuple[int, int]] = []  # a form inside a longer gold form is not itself
        for form in sorted(forms, key=len, reverse=True):
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                a, b = match.span()
                if skip_nested and any(s <= a and b <= t for s, t in claimed):
                    continue
                claimed.append((a, b))
                overlaps = [  # best: covers most of the form while spilling least outside it
                    (2 * (min(t, b) - max(s, a)) - (t - s), e)
                    for s, t, e in mentions
                    if s < b and t > a
                ]
                if overlaps:  # the mention covering most of the occurrence speaks for it
                    votes[form][max(overlaps)[1]] += 1
    return {form: max(sorted(c), key=lambda e: c[e]) for form, c in votes.items()}


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_pairs(found: list[str], gold: Gold, entity_of: dict[str, str]) -> dict[str, Any]:
    tp = fp = fn = 0
    split: list[tuple[str, str]] = []
    merged: list[tuple[str, str]] = []
    for a, b in itertools.combinations(found, 2):
        same_gold = gold.cluster_of[a] == gold.cluster_of[b]
        same_pred = entity_of[a] == entity_of[b]
        tp += same_gold and same_pred
        if same_gold and not same_pred:
            fn += 1
            split.append((a, b))
        elif same_pred and not same_gold:
            fp += 1
            merged.append((a, b))
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {"pair_precision": p, "pair_recall": r, "pair_f1": _f1(p, r),
            "pairs_true": tp, "pairs_split": split, "pairs_wrongly_merged": merged}  # fmt: skip


def split_clusters(found: list[str], gold: Gold, entity_of: dict[str, str]) -> list[dict[str, Any]]:
    """Gold clusters whose found forms landed in more than one entity, worst first."""
    parts: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for form in found:
        parts[gold.cluster_of[form]][entity_of[form]].append(form)
    rows = [
        {"name": gold.names[c], "parts": sorted(p.values(), key=len, reverse=True)}
        for c, p in parts.items()
        if len(p) > 1
    ]
    return sorted(rows, key=lambda r: -len(r["parts"]))


def wrong_merges(found: list[str], gold: Gold, entity_of: dict[str, str]) -> list[dict[str, Any]]:
    """Entities holding forms of more than one gold cluster, worst first."""
    by_entity: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for form in found:
        by_entity[entity_of[form]][gold.names[gold.cluster_of[form]]].append(form)
    rows = [{"entity": e, "clusters": dict(c)} for e, c in by_entity.items() if len(c) > 1]
    return sorted(rows, key=lambda r: -len(r["clusters"]))


def score_actors(export: dict[str, Any], gold: Gold | None = None) -> dict[str, Any]:
    """Score an export (``dossier export --format json``) against the actor gold."""
    gold = gold or load_gold()
    forms = sorted(f for f in gold.cluster_of if f not in gold.ignored)
    entity_of = (
        map_occurrences(export, forms) if "documents" in export else map_forms(export["entities"])
    )
    found = [f for f in forms if f in entity_of]
    result = score_pairs(found, gold, entity_of)
    distinct = [p for p in gold.distinct if all(f in entity_of for f in p)]
    wrong = [p for p in distinct if entity_of[p[0]] == entity_of[p[1]]]
    result.update(
        forms_total=len(forms),
        forms_found=len(found),
        forms_found_share=_ratio(len(found), len(forms)),
        forms_missed=[f for f in forms if f not in entity_of],
        distinct_checked=len(distinct),
        distinct_merged=len(wrong),
        distinct_merged_pairs=wrong,
        entities=len(export["entities"]),
        split_clusters=split_clusters(found, gold, entity_of),
        wrong_merges=wrong_merges(found, gold, entity_of),
    )
    return result


def format_report(r: dict[str, Any]) -> str:
    lines = [
        f"{'figure':<28}{'value':>10}",
        f"{'entities exported':<28}{r['entities']:>10}",
        f"{'forms found':<28}{r['forms_found_share']:>10.3f}  ({r['forms_found']}/{r['forms_total']})",
        f"{'pair precision':<28}{r['pair_precision']:>10.3f}",
        f"{'pair recall':<28}{r['pair_recall']:>10.3f}",
        f"{'pair F1':<28}{r['pair_f1']:>10.3f}",
        f"{'distinct pairs merged':<28}{r['distinct_merged']:>10}  (of {r['distinct_checked']} checkable)",
        "",
        "gold actors split across entities (worst first):",
    ]
    lines += [f"  {row['name']}: {row['parts']}" for row in r["split_clusters"][:SHOW]]
    lines.append("entities merging several gold actors:")
    lines += [f"  {row['clusters']}" for row in r["wrong_merges"][:SHOW]]
    lines.append(f"distinct pairs merged: {r['distinct_merged_pairs']}")
    lines.append(f"forms not found ({len(r['forms_missed'])}): {r['forms_missed'][: SHOW * 3]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    description = (__doc__ or "").splitlines()[0]
    return run_scorer(argv, description, check_gold, score_actors, format_report)


if __name__ == "__main__":
    raise SystemExit(main())
