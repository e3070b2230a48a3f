"""Build throughput: our full build (stages 1-9 and the store) against the bare models, one run.

Protocol
--------
A corpus of at least ``--mb`` MB (10^6 bytes of UTF-8) is written to a temporary folder: the
2,225 BBC News articles (``../shared/eval/data/bbc-news-2225``), one ``.txt`` file each
(headline, blank line, body, so they go through the plain-text cleaner like a real paste),
plus the five seed articles. If that is short of ``--mb``, the BBC articles are written again
under a ``_rN`` file suffix with a ``[copy N]`` marker at the end of the first paragraph, so
the copies are new documents rather than duplicates.

"Ours" is ``dossier.pipeline.build([folder], db)`` into a fresh DuckDB file with
``n_process=1``: discover, read and decode, clean, spaCy, records, store. "Bare" is
``nlp.pipe(texts, batch_size=64)`` with the same loaded model and ``n_process=1`` over exactly
the clean texts our build handed to spaCy (read back from ``documents.text``), consuming every
doc. Words are ``len(text.split())`` summed over those clean texts, so both sides divide the
same number. The model is loaded and warmed up once before any timing, so its load time is in
neither figure. With ``--repeat N`` the two sides alternate N times and the best time of each
is reported, which damps noise from other processes on a small machine.

Since claims are grouped on sentence embeddings (all-MiniLM-L6-v2, int8 ONNX), a third side
times the embedding model alone: ``dossier.embed.Embedder().embed`` over exactly the distinct
texts our build embedded (read back from the claims it stored: one text per claim, whose
content vector is pooled from the same run), with the model loaded and warmed up first. Two ratios are printed: ours against bare spaCy (the historic target), and
ours against bare spaCy plus the bare embedding model, i.e. our overhead over the two models.

The build embeds each batch's claims on a second thread while spaCy parses the next batch;
the stage table shows the main thread's share (looking up and storing vectors) and the wait
for the last batches at the end.

Our build is timed with light wrappers around its stage functions (one ``perf_counter`` pair
per call) to show where time goes beyond spaCy itself.

Run: ``.venv/bin/python bench/speed.py [--mb 5] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from dossier import nlp, pipeline, settings
from dossier.corroboration.grouping import claim_inputs
from dossier.corroboration.stage import BackgroundEmbedding
from dossier.embed import Embedder
from dossier.model import BuildStats
from dossier.store import open_store
from dossier.store.claims import load_claims
from dossier.store.db import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"  # ../shared beside the repository
BBC = SHARED / "eval" / "data" / "bbc-news-2225" / "bbc_fulltext.jsonl.gz"
SEEDS = SHARED / "corpus" / "seeds"
BYTES_PER_MB = 1_000_000  # decimal megabytes, as file sizes are usually quoted
TARGET_RATIO = 0.6  # ours/bare throughput the project aims for (the rest is our overhead)
# Texts spaCy parses before any timing: one full batch warms its allocators and caches.
WARMUP_TEXTS = nlp.PIPE_BATCH_SIZE
STAGES = (
    "open store",
    "discover",
    "read+decode",
    "clean",
    "spacy (nlp.pipe)",
    "stages 3-6 on each doc",
    "store writes",
    "7 resolve",
    "8 timeline",
    "embeddings: submit",
    "embeddings: wait at end",
    "9 corroboration",
    "store close",
)


@dataclass
class Run:
    """One timed build: wall seconds, the pipeline's stats and seconds per stage."""

    seconds: float
    stats: BuildStats
    stages: dict[str, float] = field(default_factory=dict)


# --- corpus --------------------------------------------------------------------------------


def read_bbc() -> list[dict[str, str]]:
    with gzip.open(BBC, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def bbc_file(folder: Path, record: dict[str, str], copy: int) -> int:
    """Write one BBC article as a pasted .txt; return its size in bytes."""
    name = record["id"].replace("/", "_") + (f"_r{copy}" if copy else "")
    text = record["text"]
    if copy:  # a distinct body, so the copy is not stored as a duplicate
        head, sep, rest = text.partition("\n\n")
        text = f"{head} [copy {copy}]{sep}{rest}"
    data = f"{record['title']}\n\n{text}\n".encode()
    (folder / f"{name}.txt").write_bytes(data)
    return len(data)


def write_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Write the benchmark corpus; return (files, bytes)."""
    files = size = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, folder / seed.name)
        files, size = files + 1, size + seed.stat().st_size
    records, copy = read_bbc(), 0
    while size < megabytes * BYTES_PER_MB:
        for record in records:
            size += bbc_file(folder, record, copy)
            files += 1
        copy += 1
    return files, size


# --- stage timers --------------------------------------------------------------------------


def timed_call(func: Callable[..., Any], name: str, totals: dict[str, float]) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            totals[name] += time.perf_counter() - start

    return wrapper


def timed_iter(func: Callable[..., Iterator[Any]], name: str, totals: dict[str, float]) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        items = func(*args, **kwargs)
        while True:
            start = time.perf_counter()
            item = next(items, None)
            totals[name] += time.perf_counter() - start
            if item is None:
                return
            yield item

    return wrapper


@contextmanager
def patched(owner: Any, attr: str, replacement: Any) -> Iterator[None]:
    original = getattr(owner, attr)
    setattr(owner, attr, replacement)
    try:
        yield
    finally:
        setattr(owner, attr, original)


@contextmanager
def stage_timers(totals: dict[str, float]) -> Iterator[None]:
    """Time each stage function where the pipeline looks it up."""
    targets = [
        (pipeline, "open_store", "open store", timed_call),
        (pipeline.ingest, "discover", "discover", timed_call),
        (pipeline.ingest, "iter_read", "read+decode", timed_iter),
        (pipeline, "clean_article", "clean", timed_call),
        (pipeline.nlp, "parse", "spacy (nlp.pipe)", timed_iter),
        (pipeline, "analyse_article", "stages 3-6 on each doc", timed_call),
        (Store, "write_batch", "store writes", timed_call),
        (pipeline, "run_resolve", "7 resolve", timed_call),
        (pipeline, "run_timeline", "8 timeline", timed_call),
        (BackgroundEmbedding, "submit", "embeddings: submit", timed_call),
        (BackgroundEmbedding, "finish", "embeddings: wait at end", timed_call),
        (pipeline, "run_corroboration", "9 corroboration", timed_call),
        (Store, "close", "store close", timed_call),
    ]
    with ExitStack() as stack:
        for owner, attr, name, wrap in targets:
            stack.enter_context(patched(owner, attr, wrap(getattr(owner, attr), name, totals)))
        yield


# --- the two sides -------------------------------------------------------------------------


def time_build(folder: Path, db: Path) -> Run:
    db.unlink(missing_ok=True)
    options = pipeline.BuildOptions(batch_size=settings.BATCH_SIZE, n_process=1)
    totals: dict[str, float] = defaultdict(float)
    with stage_timers(totals):
        start = time.perf_counter()
        stats = pipeline.build([folder], db, options)
        seconds = time.perf_counter() - start
    return Run(seconds, stats, dict(totals))


def read_clean_texts(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT text FROM documents ORDER BY source").fetchall()
    return [str(row[0]) for row in rows]


def read_embedded_texts(db: Path) -> list[str]:
    """The distinct texts our build embedded for its claims: one per claim, since the content
    vector is pooled from the same model run."""
    store = open_store(db, read_only=True)
    try:
        documents = dict(store.con.execute("SELECT id, text FROM documents").fetchall())
        return sorted({text for text, _ in claim_inputs(load_claims(store), documents)})
    finally:
        store.close()


def time_embedder(embedder: Embedder, texts: Sequence[str]) -> float:
    start = time.perf_counter()
    embedder.embed(texts)
    return time.perf_counter() - start


def time_bare(model: Any, texts: Sequence[str]) -> float:
    start = time.perf_counter()
    entities = 0
    for doc in model.pipe(texts, batch_size=nlp.PIPE_BATCH_SIZE, n_process=1):
        entities += len(doc.ents)
    return time.perf_counter() - start


# --- report --------------------------------------------------------------------------------


def print_sides(
    words: int, ours: list[Run], bare: list[float], embedding: float, embedded: int
) -> None:
    best_ours, best_bare = min(r.seconds for r in ours), min(bare)
    print(f"\n{'side':<40} {'words':>10} {'seconds':>9} {'words/s':>9}")
    for name, seconds in (("ours: pipeline.build (stages 1-9)", best_ours),
                          ("bare: nlp.pipe(batch_size=64)", best_bare),
                          ("bare: nlp.pipe + embedding model alone", best_bare + embedding)):  # fmt: skip
        print(f"{name:<40} {words:>10,} {seconds:>9.1f} {words / seconds:>9,.0f}")
    print(f"(embedding model alone: {embedded:,} texts in {embedding:.1f} s, "
          f"{embedded / max(embedding, 1e-9):,.0f} texts/s)")  # fmt: skip
    ratio = best_bare / best_ours
    verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
    print(f"\nratio ours/bare spaCy (words/s): {ratio:.2f}  ({verdict} the {TARGET_RATIO} target)")
    both = (best_bare + embedding) / best_ours
    print(f"ratio ours/(bare spaCy + bare embedding model): {both:.2f}")
    if len(ours) > 1:
        rounds = ", ".join(f"{b / o.seconds:.2f}" for o, b in zip(ours, bare, strict=True))
        print(f"per-round ratios: {rounds}; best time of each side used above")


def print_stages(run: Run, bare_seconds: float) -> None:
    print(f"\nour build by stage (fastest round, {run.seconds:.1f} s)")
    accounted = 0.0
    for name in STAGES:
        seconds = run.stages.get(name, 0.0)
        accounted += 0.0 if name.startswith(" ") else seconds
        print(f"  {name:<22} {seconds:>8.2f} s {100 * seconds / run.seconds:>6.1f} %")
    other = run.seconds - accounted
    print(f"  {'other (runner, runs)':<22} {other:>8.2f} s {100 * other / run.seconds:>6.1f} %")
    spacy_only = run.stages["spacy (nlp.pipe)"]
    print(f"  spaCy inside our build {spacy_only:.1f} s vs bare {bare_seconds:.1f} s")


def print_corpus(files: int, size: int, stats: BuildStats) -> None:
    print(
        f"corpus: {files:,} files, {size / BYTES_PER_MB:.2f} MB; built {stats.documents:,} "
        f"documents, {stats.duplicates:,} duplicates, {len(stats.failures):,} failures"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of both sides (best kept)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dossier-speed-") as tmp:
        folder, db = Path(tmp) / "corpus", Path(tmp) / "bench.duckdb"
        folder.mkdir()
        files, size = write_corpus(folder, args.mb)
        model = nlp.load_model()  # loaded once, outside both timings
        time_bare(model, [r["text"] for r in read_bbc()[:WARMUP_TEXTS]])
        print(f"model {settings.SPACY_MODEL} loaded and warmed up before timing (excluded)")
        embedder = Embedder()
        embedder.embed(["warm-up sentence for the embedding model."])  # load outside timing
        ours: list[Run] = []
        bare: list[float] = []
        texts: list[str] = []
        for _ in range(max(1, args.repeat)):
            ours.append(time_build(folder, db))
            texts = texts or read_clean_texts(db)
            bare.append(time_bare(model, texts))
        embedded = read_embedded_texts(db)
        embedding = time_embedder(embedder, embedded)
        print_corpus(files, size, ours[0].stats)
        print_sides(sum(len(t.split()) for t in texts), ours, bare, embedding, len(embedded))
        print_stages(min(ours, key=lambda r: r.seconds), min(bare))


if __name__ == "__main__":
    main()
