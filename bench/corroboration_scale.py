"""Corroboration-stage scaling at 1x and 4x the claims of 10,000 articles, and embedding cost.

Protocol
--------
Real claims are taken once: ``dossier.pipeline.build`` runs over ``--sample`` BBC News articles
(``../shared/eval/data/bbc-news-2225``, every ``SAMPLE_STRIDE``-th so all five categories are
in), each written as a ``.txt`` (headline, blank line, body) into a temporary folder and built
into a temporary DuckDB file. Claims, actor index, time expressions, the timeline's event
sentences and texts are read back as ``dossier.corroboration.stage`` reads them.

The sample is then replicated. Replica ``r`` of an article is a new document (``<id>#r<r>``)
with new claim ids and every span moved to it. Replicas come in stories of ``COVERAGE``: the
``COVERAGE`` replicas of an article in story ``r // COVERAGE`` are reports by distinct synthetic
outlets (of ``OUTLETS``). Each story rewords the text: each word of five letters or more is
respelt with probability ``STORY_WORD_RATE`` (its last two letters replaced, so lengths and span
offsets stay valid), names and predicates included. Stage-8 events, and actors found in fewer
than ``SHARED_ACTOR_ARTICLES`` sample articles, get story-specific ids (the other actors, such
as "US", stay shared by all stories). Each outlet then respells its lowercase words with
probability ``OUTLET_WORD_RATE``; with probability ``COPY_PROBABILITY`` its article is instead
a verbatim copy of the previous outlet's (syndication). Draws are seeded per replica and story, so the 1x
corpus (the first ``--replicas`` replicas; by default enough for 10,000 articles) is exactly
the first quarter of the 4x corpus.

Vectors: the model runs only on the sample. A priming call of ``group_claims`` on the sample
records the (text, cuts) items it asks ``embed`` for, and those are embedded for real. A
replica's text, and its text without the cuts (its content), gets the real vector of its sample
counterpart (matched with the respelt letters masked) plus word noise (``Synthetic``), made on
first request and cached.

Timed, for each size: ``group_claims(claims, texts, time_of, embed, events)`` (the last two
where its signature has them), best of ``--repeat`` with ``gc.collect()`` first, minus the
seconds ``Synthetic`` spent in its calls (making and looking up vectors, which stand in for
model inference and the store's cache). The figure includes copy detection, features,
blocking, pair scores, clustering, conflicts and the groups; it excludes the model and the
store.
Peak memory is the process's peak RSS during the call (``VmHWM``, reset before it).

Embedding cost: on the sample's distinct texts that ``group_claims`` embeds, the project's
``Embedder().embed_pairs`` (tokenise, bucket by length, run, pool each text's vector and its
content vector) against the model alone
(``InferenceSession.run`` on the same batches, tokenised beforehand), each best of ``--repeat``
after a warm-up batch.

Run: ``.venv/bin/python bench/corroboration_scale.py [--sample 400] [--replicas N] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import gzip
import inspect
import json
import random
import re
import resource
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dossier import pipeline
from dossier.corroboration import ClaimRef, GroupStatus, group_claims
from dossier.corroboration.stage import claim_refs
from dossier.embed import BATCH, DIMENSION, Embedder, Item
from dossier.model import Claim, Span, TimeExpr
from dossier.store import open_store
from dossier.store.sql import OUTLET_LABEL_SQL
from dossier.store.times import load_event_sentences, load_times

SHARED = Path(__file__).resolve().parents[2] / "shared"  # ../shared beside the repository
BBC = SHARED / "eval" / "data" / "bbc-news-2225" / "bbc_fulltext.jsonl.gz"
DEFAULT_SAMPLE = 400  # about 4,200 claims; building them takes about a minute on 2 cores
SAMPLE_STRIDE = 5  # the file is sorted by category, so a prefix would be all business
SCALE = 4
TARGET_RATIO = 5.0  # time(4x)/time(1x) the issue allows
MIN_ARTICLES = 10_000  # the issue asks for at least this many articles at 1x
OUTLETS = 50
COVERAGE = 5  # outlets reporting each story, so groups do not grow with the corpus
SHARED_ACTOR_ARTICLES = 5  # actors in this many sample articles are shared by every story
STORY_WORD_RATE = 0.9  # per story, chance that a word of 5+ letters is respelt
OUTLET_WORD_RATE = 0.15  # per outlet, chance that a lowercase word of 5+ letters is respelt
COPY_PROBABILITY = 0.1  # an outlet's article is a verbatim copy of the previous outlet's
WORD_NOISE = 2.5  # norm of the word noise added to a real vector (see ``Synthetic``)
WORD_ROWS = 1 << 15  # random rows the word noise is drawn from (by word hash)
SEED = 20_261_126
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
LONG_WORD = re.compile(r"[^\W\d_]{5,}")
Vector = npt.NDArray[np.float32]
CONTENT = "\x1e"  # in front of a text: the key of its content vector
Embed = Callable[[Sequence[Item]], tuple[Vector, Vector]]


@dataclass(frozen=True, slots=True)
class Corpus:
    refs: list[ClaimRef]
    texts: dict[str, str]
    times: dict[tuple[str, int, int], TimeExpr]
    events: dict[tuple[str, int, int], str]  # claim sentence -> stage-8 event of several articles
    shared_actors: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Size:
    label: str
    articles: int
    claims: int
    embedded: int  # distinct texts group_claims asked embed for
    groups: Counter[str]  # by status, plus counts named in ``measure``
    seconds: float  # best run, less the seconds spent making vectors
    vectors_s: float
    peak_mb: float
    before_mb: float


# --- real claims and vectors ---------------------------------------------------------------


def build_sample(size: int) -> Corpus:
    with gzip.open(BBC, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()][::SAMPLE_STRIDE][:size]
    with tempfile.TemporaryDirectory(prefix="dossier-corroboration-") as tmp:
        folder, db = Path(tmp) / "articles", Path(tmp) / "sample.duckdb"
        folder.mkdir()
        for row in rows:
            text = f"{row['title']}\n\n{row['text']}\n"
            (folder / (row["id"].replace("/", "_") + ".txt")).write_text(text, encoding="utf-8")
        pipeline.build([folder], db, pipeline.BuildOptions(n_process=1))
        store = open_store(db, read_only=True)
        try:
            sql = f"SELECT d.id, d.text, {OUTLET_LABEL_SQL} FROM documents d"
            texts = {doc: text for doc, text, _ in store.con.execute(sql).fetchall()}
            refs = [replace(r, outlet="bbc") for r in claim_refs(store, texts)]
            times, events = load_times(store), load_event_sentences(store)
        finally:
            store.close()
    spread = Counter(a for _, a in {(r.document_id, a) for r in refs for a in r.actors})
    shared = frozenset(a for a, n in spread.items() if n >= SHARED_ACTOR_ARTICLES)
    return Corpus(refs, texts, times, events, shared)


def asked_items(sample: Corpus) -> list[Item]:
    """The distinct (text, cuts) items ``group_claims`` embeds for the sample."""
    asked: list[Item] = []

    def record(items: Sequence[Item]) -> tuple[Vector, Vector]:
        asked.extend(items)
        rows = np.full((len(items), DIMENSION), DIMENSION**-0.5, dtype=np.float32)
        return rows, rows

    corroborate(sample, record)
    return sorted(set(asked))


def embedding_cost(items: list[Item], repeat: int) -> tuple[dict[str, Vector], float, float]:
    """Real vectors of ``items`` (by text, and by ``content`` for content vectors); best seconds
    of the wrapper (both vectors of each item) and of the model alone on the texts."""
    embedder = Embedder()
    embedder._load()
    embedder.embed_pairs(items[:BATCH])  # warm-up: session and allocator
    wrapper = [timed(lambda: embedder.embed_pairs(items)) for _ in range(repeat)]
    by_length: dict[int, list[list[int]]] = defaultdict(list)
    for encoding in embedder._tokenizer.encode_batch([text for text, _ in items]):
        by_length[len(encoding.ids)].append(encoding.ids)
    feeds = []
    for rows in by_length.values():
        for start in range(0, len(rows), BATCH):
            ids = np.array(rows[start : start + BATCH], dtype=np.int64)
            mask, types = np.ones_like(ids), np.zeros_like(ids)
            feeds.append({"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
    model = [timed(lambda: [embedder._session.run(None, f) for f in feeds]) for _ in range(repeat)]
    whole, kept = wrapper[-1][2]
    vectors = {text: whole[n] for n, (text, _) in enumerate(items)}
    vectors.update((CONTENT + text, kept[n]) for n, (text, _) in enumerate(items))
    return vectors, min(w[0] for w in wrapper), min(m[0] for m in model)


def content(item: Item) -> str:
    """What an item's content vector stands for: its text without the cut characters."""
    text, cuts = item
    pieces, last = [], 0
    for start, end in sorted(cuts):
        pieces.append(text[last : max(start, last)])
        last = max(last, end)
    pieces.append(text[last:])
    return " ".join("".join(pieces).split())


class Synthetic:
    """``embed`` for replicas: the real vector of the text's sample text (matched by
    ``skeleton``) plus word noise, renormalised, for the text and for its ``content``. The
    noise sums one fixed random row per 5+-letter word, scaled to norm ``WORD_NOISE``, so texts
    sharing more words are closer: one claim's cosine is about 0.8 between outlets of a story,
    0.15 across stories, 1 for copies."""

    def __init__(self, real: dict[str, Vector]) -> None:
        self.real = {skeleton(t): v for t, v in real.items()}
        noise = np.random.default_rng(SEED).standard_normal((WORD_ROWS, DIMENSION))
        self.rows = (noise / DIMENSION**0.5).astype(np.float32)
        self.cache: dict[str, Vector] = {}
        self.seconds = 0.0  # spent in calls: stands in for model inference and the cache
        self.unmatched = 0  # texts whose sample text was not found: word noise only
        self.asked: set[str] = set()  # distinct texts asked for (what the model would run on)

    def __call__(self, items: Sequence[Item]) -> tuple[Vector, Vector]:
        start = time.perf_counter()
        texts = [text for text, _ in items]
        self.asked.update(texts)
        for text, cuts in dict.fromkeys(items):
            if text not in self.cache:
                self.cache[text] = self.make(text, text)
            if CONTENT + text not in self.cache:
                # its sample text's real content vector, with noise from the words it kept
                self.cache[CONTENT + text] = self.make(CONTENT + text, content((text, cuts)))
        whole = np.array([self.cache[t] for t in texts], dtype=np.float32)
        kept = np.array([self.cache[CONTENT + t] for t in texts], dtype=np.float32)
        self.seconds += time.perf_counter() - start
        return whole.reshape(-1, DIMENSION), kept.reshape(-1, DIMENSION)

    def make(self, key: str, words: str) -> Vector:
        """The vector of ``key``'s sample counterpart plus the noise of ``words``."""
        rows = [zlib.crc32(w.encode()) % WORD_ROWS for w in LONG_WORD.findall(words)]
        base = self.real.get(skeleton(key))
        if base is None:
            self.unmatched += 1
            base = np.zeros(DIMENSION, dtype=np.float32)
        v: Vector = base + WORD_NOISE * self.rows[rows].sum(axis=0) / max(1, len(rows)) ** 0.5
        return v / max(float(np.linalg.norm(v)), 1e-12)


def skeleton(text: str) -> str:
    """``text`` with the last two letters of each 5+-letter word masked: what replicas keep."""
    return LONG_WORD.sub(lambda m: m.group()[:-2] + "__", text)


# --- replication ---------------------------------------------------------------------------


def reword(text: str, story: int, table: dict[str, str], rng: random.Random | None) -> str:
    """The story's wording of ``text`` (cached in ``table``), then the outlet's (``rng``)."""

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        new = table.get(word)
        if new is None:
            h = zlib.crc32(f"{SEED}/{story}/{word}".encode())
            new = respelt(word, h // 1000) if h % 1000 < STORY_WORD_RATE * 1000 else word
            table[word] = new
        if rng is not None and word[0].islower() and rng.random() < OUTLET_WORD_RATE:
            new = respelt(new, rng.randrange(len(SYLLABLES)))
        return new

    return LONG_WORD.sub(swap, text)


def respelt(word: str, code: int) -> str:
    """``word`` with its last two letters replaced by syllable ``code``: the same length."""
    syllable = SYLLABLES[code % len(SYLLABLES)]
    return word[:-2] + (syllable.upper() if word[-1].isupper() else syllable)


def moved(claim: Claim, doc: str, text: str, story: int, table: dict[str, str]) -> Claim:
    """The claim in replica document ``doc``: spans moved, text and names reworded."""

    def span(s: Span | None) -> Any:
        return None if s is None else Span(doc, s.start, s.end)

    a = claim.attribution
    source = None if a.source is None else reword(a.source, story, table, None)
    attribution = replace(a, sentence=span(a.sentence), source=source,
                          source_span=span(a.source_span), cue=span(a.cue))  # fmt: skip
    return replace(claim, id=f"{claim.id}#{doc.rpartition('#')[2]}", sentence=span(claim.sentence),
                   text=text[claim.sentence.start : claim.sentence.end],
                   actors=tuple(span(s) for s in claim.actors),
                   predicate=reword(claim.predicate, story, table, None), time=span(claim.time),
                   places=tuple(span(s) for s in claim.places),
                   quantities=tuple(replace(q, span=span(q.span)) for q in claim.quantities),
                   attribution=attribution, quote=span(claim.quote))  # fmt: skip


def build_corpus(sample: Corpus, replicas: int) -> Corpus:
    """Replicas ``0 .. replicas - 1`` of the sample (see the module docstring)."""
    by_doc: dict[str, list[ClaimRef]] = defaultdict(list)
    for ref in sample.refs:
        by_doc[ref.document_id].append(ref)
    corpus = Corpus([], {}, {}, {})
    for story in range(-(-replicas // COVERAGE)):
        members = range(story * COVERAGE, min(replicas, (story + 1) * COVERAGE))
        table: dict[str, str] = {}  # the story's respellings
        wording: dict[tuple[int, str], int] = {}  # (replica, doc) -> replica whose words it has
        for r, doc in ((r, doc) for r in members for doc in sorted(by_doc)):
            slots = random.Random(f"{SEED}/o/{story}/{doc}").sample(range(OUTLETS), COVERAGE)
            copy = r > members[0] and random.Random(f"{SEED}/c/{r}/{doc}").random() < COPY_PROBABILITY  # fmt: skip
            words = wording[(r, doc)] = wording[(r - 1, doc)] if copy else r
            new_doc, rng = f"{doc}#r{r}", random.Random(f"{SEED}/w/{words}/{doc}")
            text = corpus.texts[new_doc] = reword(sample.texts[doc], story, table, rng)
            for ref in by_doc[doc]:
                claim = moved(ref.claim, new_doc, text, story, table)
                local = {a: a if a in sample.shared_actors else f"{a}~s{story}" for a in ref.actors}
                actors = tuple(local.values())
                titles = tuple((local.get(a, a), t) for a, t in ref.titles)
                outlet = f"outlet-{slots[r % COVERAGE]:02d}"
                corpus.refs.append(replace(ref, claim=claim, outlet=outlet, document_id=new_doc, actors=actors, titles=titles))  # fmt: skip
                s = ref.claim.sentence
                if event := sample.events.get((doc, s.start, s.end)):
                    corpus.events[(new_doc, s.start, s.end)] = f"{event}~s{story}"
                t = ref.claim.time
                if t is not None and (expr := sample.times.get((doc, t.start, t.end))):
                    corpus.times[(new_doc, t.start, t.end)] = expr
    return corpus


# --- timing --------------------------------------------------------------------------------


def corroborate(corpus: Corpus, embed: Embed) -> list[Any]:
    """``group_claims`` as the stage calls it, with ``embed`` and ``events`` where it takes them."""
    optional: dict[str, Any] = {"embed": embed, "events": corpus.events}
    accepted = inspect.signature(group_claims).parameters
    kwargs = {k: v for k, v in optional.items() if k in accepted}
    return group_claims(corpus.refs, corpus.texts, corpus.times, **kwargs)


def memory_mb(name: str = "VmHWM") -> float:
    """``VmHWM`` (peak RSS since the last reset) or ``VmRSS`` (now), in MB."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Seconds, peak RSS in MB during the call, and its result; ``gc.collect()`` first."""
    gc.collect()
    with contextlib.suppress(OSError):  # resets VmHWM (Linux 4.0+)
        Path("/proc/self/clear_refs").write_text("5")
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, memory_mb(), result


def measure(label: str, sample: Corpus, real: dict[str, Vector], replicas: int, repeat: int) -> Size:  # fmt: skip
    start = time.perf_counter()
    corpus = build_corpus(sample, replicas)
    made_s = time.perf_counter() - start
    print(f"{label}: {replicas} replicas, {len(corpus.texts):,} articles made in {made_s:.0f} s")
    embed, before, runs = Synthetic(real), memory_mb("VmRSS"), []
    for _ in range(repeat):
        made = embed.seconds
        seconds, peak, groups = timed(lambda: corroborate(corpus, embed))
        runs.append((seconds - (embed.seconds - made), embed.seconds - made, peak))
    best, vectors_s, peak = min(runs)
    status = Counter(g.status for g in groups)
    status["groups"], status["multi"] = len(groups), sum(len(g.claims) > 1 for g in groups)
    status["largest"] = max(len(g.claims) for g in groups)
    for g in groups:  # groups joining stories: linked across unrelated replicas
        if len({int(r.document_id.rpartition("#r")[2]) // COVERAGE for r in g.claims}) > 1:
            status["cross"], status["cross claims"] = status["cross"] + 1, status["cross claims"] + len(g.claims)  # fmt: skip
    if embed.unmatched:
        print(f"  {embed.unmatched:,} texts had no sample match: word-noise vectors")
    return Size(label, len(corpus.texts), len(corpus.refs), len(embed.asked), status, best,
                vectors_s, peak, before)  # fmt: skip


# --- report --------------------------------------------------------------------------------


def print_sizes(small: Size, large: Size) -> None:
    print(f"\n{'size':<5}{'articles':>9}{'claims':>9}{'embedded':>10}{'groups':>8}{'2+':>8}"
          f"{'largest':>8}{'corrob.':>8}{'conflict':>9}{'seconds':>9}{'(vectors)':>10}"
          f"{'peak MB':>8}{'before':>7}")  # fmt: skip
    for z in (small, large):
        g = z.groups
        print(f"{z.label:<5}{z.articles:>9,}{z.claims:>9,}{z.embedded:>10,}{g['groups']:>8,}"
              f"{g['multi']:>8,}{g['largest']:>8,}{g[GroupStatus.CORROBORATED]:>8,}"
              f"{g[GroupStatus.CONFLICTING]:>9,}{z.seconds:>9.2f}{z.vectors_s:>10.2f}"
              f"{z.peak_mb:>8,.0f}{z.before_mb:>7,.0f}")  # fmt: skip
    print("embedded: distinct texts embed was asked for; 2+: groups of several claims; corrob./\n"
          "conflict: groups by status; seconds: group_claims less (vectors), the seconds spent\n"
          "making synthetic vectors; peak MB: peak RSS during group_claims; before: RSS before it")  # fmt: skip
    for z in (small, large):
        print(f"{z.label}: {z.groups['cross']:,} groups, {z.groups['cross claims']:,} claims, join"
              " replicas of different stories")  # fmt: skip
    ratio = large.seconds / small.seconds
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(f"ratio {SCALE}x/1x corroboration {ratio:.2f}  (target <= {TARGET_RATIO}: {verdict};"
          f" claims x{large.claims / small.claims:.2f})")  # fmt: skip


def print_embedding(texts: list[str], wrapper_s: float, model_s: float, small: Size) -> None:
    n = len(texts)
    print(f"\nembedding cost on the {n:,} distinct texts group_claims embeds for the sample")
    for name, s in (("Embedder().embed_pairs (tokenise, bucket, run, pool)", wrapper_s),
                    ("model alone (InferenceSession.run, pre-tokenised)", model_s)):  # fmt: skip
        print(f"  {name:<51}{s:>7.2f} s{n / s:>8,.0f} texts/s{1000 * s / n:>7.2f} ms/text")
    print(f"  ratio wrapper/model alone, per text: {wrapper_s / model_s:.2f}")
    estimate = small.embedded * wrapper_s / n
    print(f"  1x corpus: {small.embedded:,} distinct texts, about {estimate:,.0f} s to embed at the"
          " wrapper's rate\n  (outside the timed figure; the store keeps vectors across builds)")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE)
    parser.add_argument("--replicas", type=int, help="default: enough for 10,000 articles at 1x")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    sample = build_sample(args.sample)
    print(f"sample: {len(sample.texts)} BBC articles, {len(sample.refs):,} claims, "
          f"{len(sample.shared_actors)} actors shared by all stories; built in "
          f"{time.perf_counter() - start:.0f} s\ngroup_claims{inspect.signature(group_claims)}")  # fmt: skip
    items = asked_items(sample)
    real, wrapper_s, model_s = embedding_cost(items, args.repeat)
    print("timed: group_claims with a cached embed; includes copy detection, features, blocking,\n"
          "  pair scores, clustering, conflicts, groups; excludes the model and the store")  # fmt: skip
    replicas = args.replicas or -(-MIN_ARTICLES // len(sample.texts))
    small = measure("1x", sample, real, replicas, args.repeat)
    large = measure(f"{SCALE}x", sample, real, replicas * SCALE, args.repeat)
    if small.articles < MIN_ARTICLES:
        print(f"note: 1x has {small.articles:,} articles, below the issue's {MIN_ARTICLES:,}")
    print_sizes(small, large)
    print_embedding([text for text, _ in items], wrapper_s, model_s, small)
    print(f"\nrun time {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
