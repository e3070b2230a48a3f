"""The numbered pipeline: one function lists every stage in order (see DESIGN.md).

Stages 1-3 see one article at a time; the runner here is the one place that turns a
stage's exception into a failure record for that article and goes on.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier import ingest, nlp, settings
from dossier.attribution import attribute
from dossier.claims import extract_claims
from dossier.clean import clean_article
from dossier.clean.language import check_language
from dossier.corroboration.stage import BackgroundEmbedding, run_corroboration
from dossier.errors import DossierError
from dossier.model import AnnotatedArticle, BuildStats, CleanArticle, Failure, RawArticle
from dossier.nlp.roles import extract_roles
from dossier.resolve.stage import run_resolve
from dossier.store import open_store
from dossier.store.db import Batch, Store
from dossier.time import extract_times
from dossier.timeline.candidates import event_candidates
from dossier.timeline.stage import run_timeline

log = logging.getLogger(__name__)

__all__ = ["BuildOptions", "Progress", "build"]

Progress = Callable[[int, int, str], None]  # (files done, files total, current file)


@dataclass(frozen=True, slots=True)
class BuildOptions:
    batch_size: int = settings.BATCH_SIZE
    n_process: int = settings.NLP_PROCESSES


def build(
    paths: Sequence[str | Path],
    db: str | Path = settings.DEFAULT_DB,
    options: BuildOptions | None = None,
    progress: Progress | None = None,
) -> BuildStats:
    """Build (or update) the dossier in ``db`` from files and folders."""
    options = options or BuildOptions()
    store = open_store(db)
    stats = BuildStats()
    run_id = store.start_run([str(p) for p in paths])
    runner: _Runner | None = None
    try:
        discovery = ingest.discover(paths)  # 1. ingest: find files
        runner = _Runner(store, run_id, options, stats)
        runner.fail(discovery.failures)
        total = len(discovery.files)
        for done, result in enumerate(
            ingest.iter_read(discovery.files), start=1
        ):  # 1. read, decode
            runner.fail(result.failures)
            for raw in result.articles:
                runner.add(raw)
            if progress:
                progress(done, total, str(discovery.files[done - 1]) if total else "")
        runner.flush()
        runner.embedding.finish(store)
        resolved = run_resolve(store)  # 7. resolve: actors across articles, network
        stats.actors, stats.links = resolved.actors, resolved.edges
        stats.events = run_timeline(store)  # 8. timeline: events merged across articles
        stats.claim_groups = run_corroboration(store)  # 9. corroboration: claims across outlets
        store.finish_run(run_id, stats.documents, len(stats.failures), "done")
    except BaseException:
        if runner is not None:
            runner.embedding.cancel()
        store.finish_run(run_id, stats.documents, len(stats.failures), "interrupted")
        raise
    finally:
        store.close()
    return stats


def analyse_article(article: CleanArticle, doc: Any) -> AnnotatedArticle:
    """Stages 3-6 on one parsed article: each a pure function of the article."""
    sentences, mentions = nlp.read_doc(article, doc)  # 3. nlp: sentences, entities, roles
    roles = tuple(extract_roles(doc, article.id))
    meta = article.metadata
    bounds = [(s.span.start, s.span.end) for s in sentences]
    times = extract_times(  # 4. time
        article.id, article.text, bounds, meta.published.value, meta.not_before.value
    )
    labelled = [(m.span.start, m.span.end, str(m.type)) for m in mentions]
    attributions, quotes = attribute(doc, article.id, labelled)  # 5. attribution
    quote_spans = [(q.span.start, q.span.end) for q in quotes]
    claims = extract_claims(
        doc, article.id, attributions, quote_spans, times, labelled
    )  # 6. claims
    spans = [(m.span.start, m.span.end) for m in mentions]
    candidates = event_candidates(doc, article.id, times, spans)  # for 8. timeline
    return AnnotatedArticle(
        article, sentences, mentions, nlp.word_count(article.text), roles, tuple(times),
        tuple(candidates), tuple(attributions), tuple(quotes), tuple(claims),
    )  # fmt: skip


class _Runner:
    """Collects articles into batches and writes each batch in one transaction."""

    def __init__(self, store: Store, run_id: int, options: BuildOptions, stats: BuildStats) -> None:
        self.store, self.run_id, self.options, self.stats = store, run_id, options, stats
        self.settled = store.settled_sources()
        # the stored spelling of each source by real path: "../corpus/a.txt" given once and
        # "/work/corpus/a.txt" the next time are one file, stored, skipped or failed once
        self.spelling = {_real(source): source for source in store.known_sources()}
        self.owner_of = store.document_sources()  # document id -> source that holds it
        self.batch = Batch()
        self.pending: list[CleanArticle] = []
        self.embedding = BackgroundEmbedding()  # vectors for 9, beside spaCy

    def fail(self, failures: Iterable[Failure]) -> None:
        for failure in failures:
            failure = dataclasses.replace(failure, source=self._spelt(failure.source))
            log.warning("%s: %s (%s)", failure.source, failure.reason, failure.stage)
            self.batch.failures.append(failure)
            self.batch.outcomes.append((failure.source, "", "failed", None))
            self.stats.failures.append(failure)

    def add(self, raw: RawArticle) -> None:
        self.stats.inputs += 1
        raw = dataclasses.replace(raw, source=self._spelt(raw.source))
        if self.settled.get(raw.source) == raw.original_sha256:
            self.stats.skipped_unchanged += 1
            return
        try:
            article = clean_article(raw)  # 2. clean: body, metadata, offset map
            nlp.check_length(article)
            check_language(article.text)
        except DossierError as exc:
            self._fail_article(raw, "clean", str(exc))
            return
        except Exception as exc:  # broad: a stage bug must not end the build
            log.exception("clean crashed on %s", raw.source)
            self._fail_article(raw, "clean", _internal_error(exc))
            return
        owner = self.owner_of.get(article.id)
        if owner is not None and owner != raw.source:
            self._duplicate(raw, article.id, owner)
            return
        self.owner_of[article.id] = raw.source
        self.pending.append(article)
        if len(self.pending) >= self.options.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            parsed = nlp.parse(self.pending, self.options.n_process)  # 3. nlp, in batches
            for item in (self._analyse(article, doc) for article, doc in parsed):
                if item is None:
                    continue
                self.batch.articles.append(item)
                self.batch.outcomes.append(
                    (item.article.source, item.article.original_sha256, "document", item.article.id)
                )
                self.stats.documents += 1
                self.stats.words += item.words
                self.stats.mentions += len(item.mentions)
        if self.batch.outcomes or self.batch.failures:
            self.store.write_batch(self.run_id, self.batch)  # 11. store, one transaction per batch
            articles = self.batch.articles
            texts = {a.article.id: a.article.text for a in articles}
            self.embedding.submit(self.store, [c for a in articles for c in a.claims], texts)
        self.batch = Batch()
        self.pending = []

    def _analyse(self, article: CleanArticle, doc: Any) -> AnnotatedArticle | None:
        """Stages 3-6 on one article; a stage bug fails that article by name, not the build."""
        try:
            return analyse_article(article, doc)
        except Exception as exc:  # broad, as for clean: one article must not end the build
            log.exception("stages 3-6 crashed on %s", article.source)
            self._fail_article(article, "analyse", _internal_error(exc))
            return None

    def _spelt(self, source: str) -> str:
        return self.spelling.get(_real(source), source)

    def _fail_article(self, raw: RawArticle | CleanArticle, stage: str, reason: str) -> None:
        self.fail([Failure(raw.source, stage, reason)])
        self.batch.outcomes[-1] = (raw.source, raw.original_sha256, "failed", None)

    def _duplicate(self, raw: RawArticle, document: str, owner: str) -> None:
        failure = Failure(
            raw.source, "dedupe", f"duplicate of {owner} (document {document}); not stored twice"
        )
        self.batch.failures.append(failure)
        self.batch.outcomes.append((raw.source, raw.original_sha256, "duplicate", document))
        self.stats.failures.append(failure)
        self.stats.duplicates += 1


def _internal_error(exc: Exception) -> str:
    """The reason a bug of ours gives for the article it failed."""
    return f"internal error ({type(exc).__name__}: {exc}); please report"


def _real(source: str) -> str:
    """A source's real path ("path:LINE" kept whole), so that two spellings of one file match."""
    return os.path.realpath(source)
