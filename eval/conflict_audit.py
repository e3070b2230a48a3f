"""Conflict precision on articles nobody wrote gold for: build a wider Timeline17 sample and
print every conflict the dossier flags, with its evidence, for a person to judge.

Run from the repository root::

    PYTHONPATH=. .venv/bin/python -m eval.conflict_audit            # 30 articles per topic
    PYTHONPATH=. .venv/bin/python -m eval.conflict_audit --per 10   # smaller, faster
    PYTHONPATH=. .venv/bin/python -m eval.conflict_audit --bbc      # BBC business and politics
    PYTHONPATH=. .venv/bin/python -m eval.conflict_audit --bbc sport,tech,entertainment
    PYTHONPATH=. .venv/bin/python -m eval.conflict_audit --per 20 --topics bpoil_bbc,bpoil_reuters

The sample is four T17 topic folders (Libya: CNN, Reuters, March 2011; Syria: BBC, Reuters,
each in its busiest month) read in place, leaving out the held-out gold articles
(``eval/heldout.py``). Each conflict is printed with up to ``SHOW`` evidence sentences; the
judgements are a person's, recorded with their date in ``eval/README.md``.

``--topics`` samples other T17 folders the same way (the outlet is the folder name's last
part; the busiest month of each). ``--month YYYY-MM`` takes that month instead, for the default
topics or ``--topics``: a pile no rule was read off (the busiest months were audited first). ``--bbc`` audits another kind of pile: every third article
of the given categories (business and politics by default) of the 2,225 BBC News articles
(``BBC_STEP``): undated, one outlet, dense with figures. Nothing here is a score: the gold
sets measure recall, this shows what the rules flag on text they never saw.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.common import SEEDS_DIR, build_folder_export
from eval.heldout import (
    ARTICLES,
    ARTICLES_2,
    ARTICLES_3,
    ARTICLES_4,
    HeldOutArticle,
    load_topic,
    materialise,
)

TOPICS = (
    ("LibyaWar_cnn", "CNN", "2011-03"), ("LibyaWar_reuters", "Reuters", "2011-03"),
    ("SyrianCrisis_bbc", "BBC", ""), ("SyrianCrisis_reuters", "Reuters", ""),
)  # fmt: skip
SHOW = 4
BBC = SEEDS_DIR.parents[1] / "eval" / "data" / "bbc-news-2225" / "bbc_fulltext.jsonl.gz"
BBC_STEP = 3  # every third article of the categories asked for


def sample(
    per_topic: int, topics: Sequence[tuple[str, str, str]] = TOPICS
) -> tuple[HeldOutArticle, ...]:
    """``per_topic`` articles of each topic's month ("" for its busiest), held-out ones left out."""
    held = {(a.topic, a.uid) for a in (*ARTICLES, *ARTICLES_2, *ARTICLES_3, *ARTICLES_4)}
    picked: list[HeldOutArticle] = []
    for topic, outlet, month in topics:
        by_month: dict[str, list[str]] = defaultdict(list)
        for uid, record in load_topic(topic).items():
            by_month[record["dct"][:7]].append(uid)
        month = month or max(sorted(by_month), key=lambda m: len(by_month[m]))
        uids = sorted(u for u in by_month[month] if (topic, u) not in held)[:per_topic]
        picked += [HeldOutArticle(topic, u, outlet, f"{topic} {u}") for u in uids]
    return tuple(picked)


def write_bbc(folder: Path, categories: Sequence[str], first: int = BBC_STEP - 1) -> None:
    """Every ``BBC_STEP``-th article of the ``categories`` from the ``first``, as a pasted .txt
    (title, blank line, body), read in place from the shared BBC data set, with a
    ``metadata.csv`` naming the outlet."""
    folder.mkdir(parents=True)
    with gzip.open(BBC, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    picked = [r for r in records if r["category"] in categories][first::BBC_STEP]
    rows = ["file,outlet"]
    for r in picked:
        name = r["id"].replace("/", "_") + ".txt"
        (folder / name).write_text(f"{r['title']}\n\n{r['text']}\n", encoding="utf-8")
        rows.append(f"{name},BBC")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def report(export: dict[str, Any]) -> list[str]:
    claims = export["claims"]
    lines = [f"{len(export['documents'])} articles, {len(claims)} claim groups: "
             + ", ".join(f"{n} {s}" for s, n in sorted(Counter(c["status"] for c in claims).items()))]  # fmt: skip
    for claim in claims:
        for conflict in claim.get("conflicts", []):
            values = " | ".join(v["value"][:60] for v in conflict["values"])
            lines.append(f"== {claim['id']} {conflict['slot']}: {values}")
            for e in claim["evidence"][:SHOW]:
                lines.append(f"   - {e['outlet']}: {' '.join(e['text'].split())[:200]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per", type=int, default=30, help="articles per topic folder")
    parser.add_argument(
        "--topics",
        metavar="FOLDERS",
        help="T17 folders instead, comma-separated (bpoil_bbc,bpoil_reuters)",
    )
    parser.add_argument("--month", metavar="YYYY-MM",
                        help="this month of each topic instead of its busiest one")  # fmt: skip
    parser.add_argument("--bbc", nargs="?", const="business,politics", metavar="CATEGORIES",
                        help="BBC News articles of these categories instead")  # fmt: skip
    parser.add_argument("--first", type=int, default=BBC_STEP - 1,
                        help=f"with --bbc, the first article taken (then every {BBC_STEP}th)")  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-audit-") as tmp:
        folder = Path(tmp) / "articles"
        if args.bbc:
            write_bbc(folder, args.bbc.split(","), args.first)
        elif args.topics:
            folders = args.topics.split(",")
            topics = [(t, t.split("_")[-1], args.month or "") for t in folders]
            materialise(folder, sample(args.per, topics))
        else:
            topics = [(t, o, args.month or m) for t, o, m in TOPICS]
            materialise(folder, sample(args.per, topics))
        print("\n".join(report(build_folder_export(folder))))


if __name__ == "__main__":
    main()
