from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.clean import document_id
from dossier.model import (
    AnnotatedArticle,
    CleanArticle,
    DatePrecision,
    EntityType,
    Mention,
    Metadata,
    MetaField,
    MetaSource,
    PublishedDate,
    RemovedLine,
    Sentence,
    SourceKind,
    Span,
)
from dossier.store import open_store
from dossier.store import queries as q
from dossier.store.db import Batch

texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)


def _article(text: str, title: str, authors: list[str]) -> AnnotatedArticle:
    doc = document_id(text) + "x"
    meta = Metadata(
        MetaField(title, MetaSource.TEXT_PATTERN, 0.8, title),
        MetaField(tuple(authors), MetaSource.SIDECAR, 1.0),
        MetaField("unknown", MetaSource.NONE, 0.0),
        MetaField(PublishedDate("2020-02", DatePrecision.MONTH), MetaSource.JSONL, 1.0),
        MetaField(None, MetaSource.NONE, 0.0),
        MetaField(None, MetaSource.NONE, 0.0),
    )
    article = CleanArticle(doc, f"src/{doc}.txt", SourceKind.TEXT, "utf-8", "0" * 64, text, meta,
                           (RemovedLine(0, 3, title[:3], "navigation"),))  # fmt: skip
    end = len(text)
    mention = Mention(Span(doc, 0, end), text, EntityType.PERSON, 0)
    return AnnotatedArticle(
        article, (Sentence(Span(doc, 0, end), 0),), (mention,), len(text.split())
    )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, title=texts, authors=st.lists(texts, max_size=3))
def test_store_round_trips_any_text(
    tmp_path: Path, text: str, title: str, authors: list[str]
) -> None:
    store = open_store(tmp_path / "rt.duckdb")
    try:
        item = _article(text, title, authors)
        source = item.article.source
        store.write_batch(1, Batch([item], [], [(source, "h", "document", item.article.id)]))
        [doc] = [d for d in q.documents(store) if d["id"] == item.article.id]
        assert (doc["text"], doc["title"], list(doc["authors"])) == (text, title, authors)
        assert doc["published_value"] == "2020-02" and doc["published_precision"] == "month"
        [mention] = [m for m in q.mentions(store) if m["document_id"] == item.article.id]
        assert doc["text"][mention["start_offset"] : mention["end_offset"]] == mention["text"]
        store.write_batch(1, Batch([item], [], [(source, "h", "document", item.article.id)]))
        assert sum(d["id"] == item.article.id for d in q.documents(store)) == 1
    finally:
        store.close()


def test_store_a_sparse_list_column_inserts(tmp_path: Path) -> None:
    """DuckDB guesses a list column's type from a sample of rows: a column of empty lists
    whose one full list sits in the last rows failed to cast (a build crashed writing
    claim groups with one shared source among 2,234 groups)."""
    store = open_store(tmp_path / "s.duckdb")
    shared: list[list[str]] = [[] for _ in range(2234)]
    shared[-1] = ["Reuters", "AP"]
    columns = ["id", "status", "outlets", "independent_outlets", "copies", "shared_sources",
               "summary"]  # fmt: skip
    rows = [(f"g{i:05d}", "single-source", ["BBC"], 1, "[]", s, "x") for i, s in enumerate(shared)]
    store.insert_rows("claim_groups", columns, rows)
    got = store.con.execute("SELECT shared_sources FROM claim_groups ORDER BY id").fetchall()
    assert [r[0] for r in got] == shared
    store.close()
