"""DuckDB access: the one write handle of the pipeline (compare zavod's context.emit).

Every batch is written in one transaction that first deletes whatever an earlier run
stored for the same sources, so a rebuild is idempotent and a killed build resumes
from the last committed batch.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from dossier.errors import StoreError
from dossier.model import EXTRACTOR_VERSION, AnnotatedArticle, Failure
from dossier.store.claims import insert_claims
from dossier.store.documents import DOCUMENT_COLUMNS, document_row
from dossier.store.rows import insert_rows
from dossier.store.times import insert_times

log = logging.getLogger(__name__)


def _fail_fast_without_pandas() -> None:
    """Make a missing pandas fail at once instead of after a search of the import path.

    DuckDB tries ``import pandas`` for every value of an object column it scans; without
    pandas installed each try walks sys.path, which took a third of the resolve stage.
    With pandas installed nothing changes.
    """
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


_fail_fast_without_pandas()

SCHEMA_VERSION = "1"


@dataclass(slots=True)
class Batch:
    """What one batch of the pipeline hands to the store."""

    articles: list[AnnotatedArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    # (source, original_sha256, status, document_id) for every input the batch settled
    outcomes: list[tuple[str, str, str, str | None]] = field(default_factory=list)


class Store:
    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    def close(self) -> None:
        self.con.close()

    # -- runs -------------------------------------------------------------------------
    def start_run(self, inputs: Sequence[str]) -> int:
        row = self.con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, NULL, ?, ?, 0, 0, 'running')",
            [run_id, _now(), json.dumps(list(inputs)), EXTRACTOR_VERSION],
        )
        return run_id

    def finish_run(self, run_id: int, documents: int, failures: int, status: str) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, documents = ?, failures = ?, status = ? WHERE id = ?",
            [_now(), documents, failures, status, run_id],
        )

    # -- what is already stored ----------------------------------------------------------
    def settled_sources(self) -> dict[str, str]:
        """Sources stored as a document or a duplicate, with their hash: these are skipped,
        unless their document was made by another version of the stages (``EXTRACTOR_VERSION``):
        a dossier upgraded in place redoes those articles rather than keep stale claims."""
        rows = self.con.execute(
            "SELECT s.source, s.original_sha256 FROM sources s JOIN documents d"
            " ON d.id = s.document_id"
            " WHERE s.status IN ('document', 'duplicate') AND d.extractor_version = ?",
            [EXTRACTOR_VERSION],
        ).fetchall()
        return {str(s): str(h) for s, h in rows}

    def known_sources(self) -> list[str]:
        """Every source any build recorded: stored, duplicate or failed."""
        return [str(s) for (s,) in self.con.execute("SELECT source FROM sources").fetchall()]

    def document_sources(self) -> dict[str, str]:
        rows = self.con.execute("SELECT id, source FROM documents").fetchall()
        return {str(i): str(s) for i, s in rows}

    # -- writing ----------------------------------------------------------------------------
    def write_batch(self, run_id: int, batch: Batch) -> None:
        sources = sorted({o[0] for o in batch.outcomes} | {f.source for f in batch.failures})
        try:
            self.con.execute("BEGIN TRANSACTION")
            self._forget_sources(sources)
            self._insert_articles(run_id, batch.articles)
            self.insert_rows(
                "failures",
                ["source", "stage", "reason", "run_id"],
                [(f.source, f.stage, f.reason, run_id) for f in batch.failures],
            )
            self.insert_rows(
                "sources",
                ["source", "original_sha256", "status", "document_id", "run_id"],
                [(s, h, st, d, run_id) for s, h, st, d in batch.outcomes],
            )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: could not write a batch: {exc}") from exc

    def _forget_sources(self, sources: Sequence[str]) -> None:
        if not sources:
            return
        self.insert_rows("tmp_forget", ["source"], [(s,) for s in sources], temp=True)
        doc_rows = self.con.execute(
            "SELECT id FROM documents WHERE source IN (SELECT source FROM tmp_forget)"
        ).fetchall()
        for table in ("sources", "failures", "documents"):
            self.con.execute(f"DELETE FROM {table} WHERE source IN (SELECT source FROM tmp_forget)")
        doc_ids = [(str(r[0]),) for r in doc_rows]
        if doc_ids:
            self.insert_rows("tmp_forget_docs", ["id"], doc_ids, temp=True)
            for table in ARTICLE_TABLES:
                self.con.execute(
                    f"DELETE FROM {table} WHERE document_id IN (SELECT id FROM tmp_forget_docs)"
                )
            self.con.execute("DROP TABLE tmp_forget_docs")
        self.con.execute("DROP TABLE tmp_forget")

    def _insert_articles(self, run_id: int, articles: Sequence[AnnotatedArticle]) -> None:
        self._insert_roles(articles)
        insert_times(self, articles)
        insert_claims(self, articles)
        self.insert_rows("documents", DOCUMENT_COLUMNS, [document_row(a, run_id) for a in articles])
        self.insert_rows(
            "removed_lines",
            ["document_id", "orig_start", "orig_end", "text", "reason"],
            [
                (a.article.id, r.orig_start, r.orig_end, r.text, r.reason)
                for a in articles
                for r in a.article.removed
            ],
        )
        self.insert_rows(
            "sentences",
            ["document_id", "idx", "start_offset", "end_offset"],
            [
                (s.span.document_id, s.index, s.span.start, s.span.end)
                for a in articles
                for s in a.sentences
            ],
        )
        self.insert_rows(
            "mentions",
            [
                "document_id",
                "start_offset",
                "end_offset",
                "text",
                "type",
                "sentence_idx",
                "extractor_version",
            ],
            [
                (
                    m.span.document_id,
                    m.span.start,
                    m.span.end,
                    m.text,
                    str(m.type),
                    m.sentence_index,
                    EXTRACTOR_VERSION,
                )
                for a in articles
                for m in a.mentions
            ],
        )

    def _insert_roles(self, articles: Sequence[AnnotatedArticle]) -> None:
        columns = [
            "document_id",
            "mention_start",
            "mention_end",
            "start_offset",
            "end_offset",
            "text",
        ]
        rows = [
            (
                r.mention.document_id,
                r.mention.start,
                r.mention.end,
                r.span.start,
                r.span.end,
                r.text,
            )
            for a in articles
            for r in a.roles
        ]
        self.insert_rows("roles", columns, rows)

    def insert_rows(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[tuple[Any, ...]],
        temp: bool = False,
    ) -> None:
        """Insert many rows at once (``rows.insert_rows``); ``temp`` (re)creates ``table`` as a
        temporary table of text columns first."""
        insert_rows(self.con, table, columns, rows, temp)


# Per-article tables keyed by document_id, deleted with their document.
ARTICLE_TABLES = (
    "removed_lines", "sentences", "mentions", "roles", "time_expressions", "event_candidates",
    "attributions", "quotes", "claims",
)  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open_store(path: str | Path, read_only: bool = False) -> Store:
    """Open (and if needed create) the DuckDB store at ``path``."""
    path = str(path)
    if read_only and not Path(path).exists():
        raise StoreError(f"{path}: no dossier here; run `dossier build PATH...` first")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(
            f"{path}: cannot open the store ({exc}); is another build running?"
        ) from exc
    if not read_only:
        schema = resources.files("dossier.store").joinpath("schema.sql").read_text("utf-8")
        con.execute(schema)
        _check_version(con, path)
    return Store(con, path)


def _check_version(con: duckdb.DuckDBPyConnection, path: str) -> None:
    row = con.execute("SELECT value FROM store_meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        con.execute("INSERT INTO store_meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    elif row[0] != SCHEMA_VERSION:
        raise StoreError(
            f"{path}: store schema {row[0]} but this dossier expects {SCHEMA_VERSION}; "
            "rebuild into a new file with --db"
        )
