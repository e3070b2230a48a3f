"""Score ``dossier.clean.html.extract_html(...).text`` on two main-text extraction benchmarks.

Run: ``.venv/bin/python bench/html_extraction.py [--limit N] [--favor precision|balanced|recall]``.
The data is read in place from ``../shared/eval/data`` (see ``BENCHMARKS.md`` section 3).

Protocol
--------
Zyte article-extraction-benchmark (181 pages, ``html/<id>.html.gz`` decoded as UTF-8, gold
``articleBody`` in ``ground-truth.json``): tokens are ``\\w+`` matches; each text becomes the
multiset of its token 4-grams (a text of fewer than 4 tokens gives one shorter shingle). Per page,
TP/FP/FN are the multiset overlap, surplus and shortfall, divided by TP+FP+FN so every page weighs
the same. Page precision is TP/(TP+FP) and recall TP/(TP+FN), both 1 when FP = FN = 0; pages with
TP+FP = 0 are left out of precision and those with TP+FN = 0 out of recall. Corpus P and R are
means over pages, F1 = 2PR/(P+R), accuracy is the share of pages whose token sequence equals the
gold one, and ± is the bootstrap standard deviation of F1 over pages (1,000 resamples).

trafilatura eval (990 documents, ``evaldata.json``): the raw bytes are decoded as our ingest does
(UTF-8, else charset_normalizer's best guess). Output and segments are whitespace-normalised; a
"with" segment found as a substring is a TP (else FN), a "without" segment found is an FP (else
TN). Counts are summed over the corpus: P = TP/(TP+FP), R = TP/(TP+FN), accuracy = (TP+TN)/all,
F1 = 2TP/(2TP+FP+FN).

On both, a crash (any exception, ``ExtractionError`` included) counts as empty output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from dossier.clean import html

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data"  # ../shared beside the repo
ZYTE = DATA / "article-extraction-benchmark"
TRAFILATURA_EVAL = DATA / "trafilatura-eval"
SHINGLE = 4  # the Zyte benchmark's n-gram size
BOOTSTRAP_SAMPLES = 1000  # as in the Zyte README
TOKEN = re.compile(r"\w+")

# Published figures (BENCHMARKS.md 3.1 and 3.2): name -> (F1, P, R, accuracy).
ZYTE_PUBLISHED = {
    "rs_trafilatura 9261e08": (0.970, 0.951, 0.990, 0.287),
    "trafilatura 2.0.0": (0.958, 0.938, 0.978, 0.293),
    "newspaper4k 0.9.3.1": (0.949, 0.964, 0.934, 0.326),
    "readability-lxml 0.8.4.1": (0.922, 0.913, 0.931, 0.315),
    "goose3 3.1.20": (0.896, 0.940, 0.856, 0.232),
}
EVAL_PUBLISHED = {
    "trafilatura 2.2.0 (standard)": (0.924, 0.906, 0.943, 0.923),
    "trafilatura 2.2.0 (precision)": (0.920, 0.925, 0.915, 0.921),
    "trafilatura 2.2.0 (recall)": (0.918, 0.899, 0.939, 0.917),
    "magic-html 0.1.8": (0.889, 0.887, 0.891, 0.889),
    "readability-lxml 0.8.4.1": (0.826, 0.898, 0.764, 0.839),
}


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float
    accuracy: float
    pages_per_s: float
    spread: float = 0.0  # bootstrap std of F1, where computed


def extract_text(content: str, source: str) -> str:
    """Our extractor's body text; any exception is scored as empty output."""
    try:
        return html.extract_html(content, source).text
    except Exception:
        return ""


def read_gzip(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


# --- Zyte metric -------------------------------------------------------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    starts = range(max(1, len(tokens) - SHINGLE + 1))
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in starts if tokens[i : i + SHINGLE])


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of the 4-gram shingle multisets of one page."""
    gold_set, pred_set = shingles(gold), shingles(predicted)
    tp = sum((gold_set & pred_set).values())
    fp = sum((pred_set - gold_set).values())
    fn = sum((gold_set - pred_set).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_ratio(tp: float, wrong: float, other_wrong: float) -> float:
    if wrong == other_wrong == 0:
        return 1.0
    return tp / (tp + wrong) if tp + wrong else 0.0


def corpus_pr(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(page_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(page_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    return 2 * precision * recall / (precision + recall), precision, recall


def bootstrap_spread(counts: list[tuple[float, float, float]]) -> float:
    rng = random.Random(0)
    samples = [corpus_pr(rng.choices(counts, k=len(counts)))[0] for _ in range(BOOTSTRAP_SAMPLES)]
    return statistics.stdev(samples)


def score_zyte(limit: int | None) -> Score:
    gold = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[:limit]
    pages = {key: read_gzip(ZYTE / "html" / f"{key}.html.gz").decode() for key in ids}
    start = time.perf_counter()
    outputs = {key: extract_text(pages[key], key) for key in ids}
    elapsed = time.perf_counter() - start
    counts = [page_counts(gold[key]["articleBody"], outputs[key]) for key in ids]
    exact = sum(
        TOKEN.findall(gold[key]["articleBody"]) == TOKEN.findall(outputs[key]) for key in ids
    )
    f1, precision, recall = corpus_pr(counts)
    spread = bootstrap_spread(counts)
    return Score(f1, precision, recall, exact / len(ids), len(ids) / elapsed, spread)


# --- trafilatura eval metric -------------------------------------------------------------


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def segment_counts(output: str, with_: Iterable[str], without: Iterable[str]) -> Counter[str]:
    text = normalise(output)
    counts: Counter[str] = Counter()
    for segment in with_:
        counts["tp" if normalise(segment) in text else "fn"] += 1
    for segment in without:
        counts["fp" if normalise(segment) in text else "tn"] += 1
    return counts


def score_trafilatura_eval(limit: int | None) -> Score:
    items = json.loads((TRAFILATURA_EVAL / "evaldata.json").read_text(encoding="utf-8"))
    chosen = list(items.items())[:limit]
    docs = [decode(read_gzip(TRAFILATURA_EVAL / "html" / f"{i['file']}.gz")) for _, i in chosen]
    start = time.perf_counter()
    outputs = [extract_text(doc, url) for doc, (url, _) in zip(docs, chosen, strict=True)]
    elapsed = time.perf_counter() - start
    total: Counter[str] = Counter()
    for output, (_, item) in zip(outputs, chosen, strict=True):
        total += segment_counts(output, item["with"], item["without"])
    tp, fp, fn, tn = total["tp"], total["fp"], total["fn"], total["tn"]
    return Score(
        f1=2 * tp / (2 * tp + fp + fn),
        precision=tp / (tp + fp),
        recall=tp / (tp + fn),
        accuracy=(tp + tn) / (tp + fp + fn + tn),
        pages_per_s=len(chosen) / elapsed,
    )


# --- report ------------------------------------------------------------------------------


def print_table(title: str, ours: Score, published: dict[str, tuple[float, ...]]) -> None:
    print(f"\n{title}")
    print(f"{'system':<42} {'F1':>6} {'P':>6} {'R':>6} {'acc.':>6}  pages/s")
    spread = f" ± {ours.spread:.3f}" if ours.spread else ""
    mine = (ours.f1, ours.precision, ours.recall, ours.accuracy)
    print(
        f"{'dossier (' + html.FAVOR + ')':<42} "
        + _cells(mine)
        + f"  {ours.pages_per_s:.1f}{spread}"
    )
    for name, figures in published.items():
        print(f"{name + ' (published)':<42} " + _cells(figures))


def _cells(figures: Iterable[float]) -> str:
    return " ".join(f"{value:6.3f}" for value in figures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--favor", choices=[f.value for f in html.Favor], default=None)
    args = parser.parse_args(argv)
    if args.favor:  # an experiment: try another trafilatura trade-off without editing the module
        html.FAVOR = html.Favor(args.favor)  # type: ignore[misc]
    runs: list[tuple[str, Callable[[int | None], Score], dict[str, tuple[float, ...]]]] = [
        ("Zyte article-extraction-benchmark (181 pages)", score_zyte, ZYTE_PUBLISHED),
        ("trafilatura eval (990 documents)", score_trafilatura_eval, EVAL_PUBLISHED),
    ]
    for title, scorer, published in runs:
        print_table(title, scorer(args.limit), published)


if __name__ == "__main__":
    main()
