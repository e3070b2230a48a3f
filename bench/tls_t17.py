"""Timeline17 (T17) timeline summarisation with the news-tls protocol.

Reads the articles and the 19 reference timelines in place (shared/eval/data/tls-t17, see
its README and shared/eval/BENCHMARKS.md section 1). One task per reference timeline; its
collection is every article of the topic (all outlets' folders of e.g. ``bpoil_*``) published
within the reference's first..last date. Our system:

1. split the PTB-tokenised text into sentences, detokenise lightly, run ``extract_times``
   with the article's publication date and keep day-precision single-day expressions;
2. rank the dates inside the reference's range by the number of articles mentioning them
   (ties: more sentences) and keep the top l = number of reference dates;
3. per date pick k = round(mean sentences per reference date) sentences mentioning it,
   closest (cosine) to the centroid of those sentences, skipping near-duplicates.

The topic keyword queries of news-tls are not in this copy, so no keyword filter is used.
Two extra rows reuse the same loading: "+ pub dates" (sentences without a day date count
for their article's publication date, as news-tls does) and "provided date lists" (the
preprocessor's per-article dates rank the dates: NOT our system).

Scores: Date P/R/F (exact day match) and alignment ROUGE-1/2 "align+ m:1" as in tilse, P and
R averaged over tasks and F computed from the averages. ROUGE counts are our own
re-implementation ("reimpl": lowercase alphanumeric tokens, spaCy stop words, light suffix
stripping instead of Porter) so they are NOT comparable to the Perl ROUGE figures to the
decimal. ``Finan_washingtonpost`` has no articles in this copy: that task is skipped.

    .venv/bin/python bench/tls_t17.py [--topics bpoil,H1N1] [--limit N] [--quiet]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.model import DatePrecision, PublishedDate, TimePrecision
from dossier.time import extract_times

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data" / "tls-t17"
# Table 4 of Ghalandari & Ifrim (ACL 2020), T17: AR1-F, AR2-F, Date-F1 (Perl ROUGE).
PUBLISHED = {
    "DATEWISE": (0.12, 0.035, 0.544),
    "MARTSCHAT 2018": (0.105, 0.03, 0.544),
    "PUBCOUNT": (0.105, 0.027, 0.481),
    "CHIEU 2004": (0.066, 0.019, 0.251),
}
# Sentences shorter than this are datelines and captions; longer ones are run-ons where
# the tokenised text lost its sentence breaks. Neither reads as a timeline entry.
MIN_WORDS, MAX_WORDS = 6, 60
# A candidate sharing this share of its content words with a chosen one repeats it.
MAX_OVERLAP = 0.5
# Suffixes stripped for ROUGE, longest first; the stem must keep MIN_STEM letters.
SUFFIXES = ("ations", "ation", "ies", "ing", "ed", "es", "ly", "s")
MIN_STEM = 3
# Tokens ROUGE-1.5.5's stop list drops that spaCy's lacks (clitic leftovers).
EXTRA_STOP = frozenset({"s", "t", "d", "ll", "ve", "re", "m"})
PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
PTB.update({"``": '"', "''": '"'})
_NO_SPACE_BEFORE = re.compile(r" (?=[.,;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")
_WORD = re.compile(r"[a-z0-9]+")
TIMELINE_SUFFIX = ".txt.timeline.json"
SENTENCE_END = frozenset({".", "!", "?"})
CLOSERS = frozenset({"''", "-RRB-", "-RSB-", "'"})


@dataclass(frozen=True, slots=True)
class Article:
    outlet: str
    published: str
    sentences: list[str]
    mentions: dict[str, list[int]]  # day -> indices of sentences mentioning it
    provided: frozenset[str]


@dataclass(slots=True)
class Task:
    name: str
    topic: str
    reference: dict[str, list[str]]  # day -> sentences
    scores: dict[str, dict[str, float]] = field(default_factory=dict)


def split_sentences(tokenised: str) -> list[str]:
    """Sentences of PTB text: break after . ! ? (and closing quotes or brackets after them)
    when the next token is neither lowercase nor another closer."""
    tokens, sentences, current = tokenised.split(), [], []
    ended = False
    for index, token in enumerate(tokens):
        current.append(PTB.get(token, token))
        ended = token in SENTENCE_END or (ended and token in CLOSERS)
        following = tokens[index + 1] if index + 1 < len(tokens) else "A"
        if ended and not following[:1].islower() and following not in CLOSERS:
            sentences.append(detokenise(current))
            current = []
    if current:
        sentences.append(detokenise(current))
    return sentences


def detokenise(tokens: list[str]) -> str:
    return _NO_SPACE_AFTER.sub("", _NO_SPACE_BEFORE.sub("", " ".join(tokens)))


def read_article(item: dict[str, object], outlet: str) -> Article:
    sentences = split_sentences(str(item["text"]))
    text, spans, offset = " ".join(sentences), [], 0
    for sentence in sentences:
        spans.append((offset, offset + len(sentence)))
        offset += len(sentence) + 1
    published = str(item["dct"])
    times = extract_times(
        str(item["uid"]), text, spans, PublishedDate(published, DatePrecision.DAY)
    )
    mentions: dict[str, list[int]] = defaultdict(list)
    for expr in times:
        day = expr.start if expr.precision == TimePrecision.DAY else None
        if day and day == expr.end and expr.sentence_index >= 0:
            mentions[day].append(expr.sentence_index)
    provided = frozenset(str(d) for d in item["dates"])  # type: ignore[attr-defined]
    return Article(outlet, published, sentences, dict(mentions), provided)


def read_topics(wanted: set[str] | None, limit: int | None) -> tuple[dict, list[Task]]:
    articles: dict[str, list[Article]] = defaultdict(list)
    tasks = []
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
        topic, outlet = folder.name.split("_", 1)
        if wanted and topic not in wanted:
            continue
        archive = folder / "articles.json.gz"
        if archive.exists():
            with gzip.open(archive, "rt") as handle:
                items = json.load(handle)[:limit]
            articles[topic].extend(read_article(item, outlet) for item in items)
        for path in sorted(folder.glob("*" + TIMELINE_SUFFIX)):
            tasks.append(
                Task(
                    f"{folder.name}/{path.name.removesuffix(TIMELINE_SUFFIX)}",
                    topic,
                    read_reference(path),
                )
            )
    return articles, tasks


def read_reference(path: Path) -> dict[str, list[str]]:
    reference: dict[str, list[str]] = defaultdict(list)
    for entry in json.loads(path.read_text()):
        reference[entry["date"]].extend(split_sentences(entry["text"]))
    return dict(sorted(reference.items()))


def mentions_of(article: Article, with_pub: bool) -> dict[str, list[int]]:
    """Day -> sentences; with ``with_pub`` undated sentences count for the publication day."""
    if not with_pub:
        return article.mentions
    dated = {i for indices in article.mentions.values() for i in indices}
    merged = {day: list(indices) for day, indices in article.mentions.items()}
    undated = [i for i in range(len(article.sentences)) if i not in dated]
    merged.setdefault(article.published, []).extend(undated)
    return merged


def build_timeline(articles: list[Article], task: Task, variant: str) -> dict[str, list[str]]:
    first, last = min(task.reference), max(task.reference)
    pool = [a for a in articles if first <= a.published <= last]
    by_day: dict[str, list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    for article in pool:
        mentions = mentions_of(article, variant == "+ pub dates")
        days = article.provided if variant == "provided date lists" else mentions
        counts.update(d for d in days if first <= d <= last)
        for day, indices in mentions.items():
            by_day[day].extend(article.sentences[i] for i in sorted(set(indices)))
    ranked = sorted(counts, key=lambda d: (-counts[d], -len(by_day[d]), d))
    size = round(sum(map(len, task.reference.values())) / len(task.reference))
    return {day: pick_sentences(by_day[day], size) for day in sorted(ranked[: len(task.reference)])}


def pick_sentences(candidates: list[str], size: int) -> list[str]:
    """The ``size`` candidates closest to their centroid, near-duplicates skipped."""
    bags = {s: Counter(content_words(s)) for s in dict.fromkeys(candidates)}
    bags = {s: b for s, b in bags.items() if MIN_WORDS <= len(s.split()) <= MAX_WORDS and b}
    centroid: Counter[str] = Counter()
    for bag in bags.values():
        centroid.update(bag)
    chosen: list[str] = []
    for sentence in sorted(bags, key=lambda s: -cosine(bags[s], centroid)):
        if len(chosen) == size:
            break
        if all(overlap(bags[sentence], bags[c]) <= MAX_OVERLAP for c in chosen):
            chosen.append(sentence)
    return chosen


def cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(count * b[word] for word, count in a.items())
    norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def overlap(a: Counter[str], b: Counter[str]) -> float:
    return len(a.keys() & b.keys()) / min(len(a), len(b))


def content_words(text: str) -> list[str]:
    """ROUGE-style tokens: lowercase alphanumerics, stop words out, light stemming."""
    words = _WORD.findall(text.lower())
    return [stem(w) for w in words if w not in STOP_WORDS and w not in EXTRA_STOP]


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def ngrams(sentences: list[str], n: int) -> Counter[tuple[str, ...]]:
    grams: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        words = content_words(sentence)
        grams.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return grams


def plain_words(sentences: list[str]) -> Counter[str]:
    """tilse's alignment cost counts plain tokens (lowercased here), no stemming."""
    return Counter(w for s in sentences for w in _WORD.findall(s.lower()))


def rouge1_approx(a: Counter[str], b: Counter[str]) -> float:
    """ROUGE-1 F between two bags, tilse's approximation used for alignment costs."""
    hits = sum((a & b).values())
    return 2 * hits / (sum(a.values()) + sum(b.values())) if hits else 0.0


def distance(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def align_rouge(
    pred: dict[str, list[str]], ref: dict[str, list[str]], n: int
) -> tuple[float, float]:
    """tilse "align+ m:1": each date goes to its cheapest counterpart; hits weighted by date gap."""

    plain = {("p", d): plain_words(s) for d, s in pred.items()}
    plain.update({("r", d): plain_words(s) for d, s in ref.items()})

    def cost(p: str, r: str) -> float:
        content = 1 - rouge1_approx(plain["p", p], plain["r", r])
        return (1 - 1 / (distance(p, r) + 1)) * content

    grams = {("p", d): ngrams(s, n) for d, s in pred.items()}
    grams.update({("r", d): ngrams(s, n) for d, s in ref.items()})

    def weighted_hits(p: str, r: str) -> float:
        return sum((grams["p", p] & grams["r", r]).values()) / (distance(p, r) + 1)

    hits_p = sum(weighted_hits(p, min(ref, key=lambda r: cost(p, r))) for p in pred)
    hits_r = sum(weighted_hits(min(pred, key=lambda p: cost(p, r)), r) for r in ref) if pred else 0
    total_p = sum(sum(grams["p", d].values()) for d in pred)
    total_r = sum(sum(grams["r", d].values()) for d in ref)
    return (hits_p / total_p if total_p else 0.0), (hits_r / total_r if total_r else 0.0)


def score(pred: dict[str, list[str]], ref: dict[str, list[str]]) -> dict[str, float]:
    common = len(pred.keys() & ref.keys())
    result = {"date P": common / len(pred) if pred else 0.0, "date R": common / len(ref)}
    for n in (1, 2):
        result[f"AR{n} P"], result[f"AR{n} R"] = align_rouge(pred, ref, n)
    return result


def f_score(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def averaged(rows: Iterable[dict[str, float]]) -> tuple[float, float, float, float, float]:
    """news-tls: P and R averaged over tasks, F from the averages. Date P, R, F, AR1 F, AR2 F."""
    rows = list(rows)
    mean: Callable[[str], float] = lambda key: sum(r[key] for r in rows) / len(rows)  # noqa: E731
    date_p, date_r = mean("date P"), mean("date R")
    ar = [f_score(mean(f"AR{n} P"), mean(f"AR{n} R")) for n in (1, 2)]
    return date_p, date_r, f_score(date_p, date_r), ar[0], ar[1]


VARIANTS = ("ours (extract_times)", "+ pub dates", "provided date lists")


def print_tasks(tasks: list[Task], variant: str) -> None:
    print(f"\nper task, {variant} (l = reference dates, AR reimpl)")
    print(
        f"{'task':48} {'l':>4} {'date P':>7} {'date R':>7} {'date F':>7} {'AR1 F':>7} {'AR2 F':>7}"
    )
    for task in tasks:
        s = task.scores[variant]
        ar = [f_score(s[f"AR{n} P"], s[f"AR{n} R"]) for n in (1, 2)]
        date_f = f_score(s["date P"], s["date R"])
        print(
            f"{task.name:48} {len(task.reference):4d} {s['date P']:7.3f} {s['date R']:7.3f}"
            f" {date_f:7.3f} {ar[0]:7.3f} {ar[1]:7.3f}"
        )


def print_summary(tasks: list[Task], skipped: int) -> None:
    print(f"\noverall over {len(tasks)} tasks (P, R averaged over tasks; F from the averages)")
    print(f"{'system':34} {'date P':>7} {'date R':>7} {'date F':>7} {'AR1 F':>7} {'AR2 F':>7}")
    zero = dict.fromkeys(tasks[0].scores[VARIANTS[0]], 0.0)
    rows = [(v, [t.scores[v] for t in tasks]) for v in VARIANTS]
    if skipped:  # a task without articles scores zero, so all 19 tasks stay in the mean
        rows.append((f"ours, {skipped} skipped as 0", [*rows[0][1], *[zero] * skipped]))
    for name, scores in rows:
        p, r, f, ar1, ar2 = averaged(scores)
        print(f"{name:34} {p:7.3f} {r:7.3f} {f:7.3f} {ar1:7.3f} {ar2:7.3f}  (AR reimpl)")
    for name, (ar1, ar2, date_f) in PUBLISHED.items():
        print(
            f"{name + ' (published)':34} {'':7} {'':7} {date_f:7.3f} {ar1:7.3f} {ar2:7.3f}  (Perl)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", help="comma-separated topic prefixes, e.g. bpoil,H1N1")
    parser.add_argument("--limit", type=int, help="read only the first N articles per folder")
    parser.add_argument("--quiet", action="store_true", help="skip the per-task table")
    args = parser.parse_args()
    started = time.perf_counter()
    wanted = set(args.topics.split(",")) if args.topics else None
    articles, tasks = read_topics(wanted, args.limit)
    loaded = time.perf_counter()
    skipped = [t.name for t in tasks if not articles[t.topic]]
    tasks = [t for t in tasks if articles[t.topic]]
    for task in tasks:
        for variant in VARIANTS:
            timeline = build_timeline(articles[task.topic], task, variant)
            task.scores[variant] = score(timeline, task.reference)
    n_articles = sum(map(len, articles.values()))
    print(f"{n_articles:,} articles, {len(tasks)} tasks; skipped (no articles): {skipped}")
    if not args.quiet:
        print_tasks(tasks, VARIANTS[0])
    print_summary(tasks, len(skipped))
    finished = time.perf_counter()
    print(
        f"\nrun time {finished - started:.1f} s (reading + extract_times {loaded - started:.1f} s)"
    )


if __name__ == "__main__":
    main()
