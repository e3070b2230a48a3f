"""dossier: a sourced, cross-checked dossier from a pile of news articles.

The library offers the same operations as the CLI::

    import dossier
    stats = dossier.build(["articles/"], "dossier.duckdb")
    store = dossier.open_store("dossier.duckdb", read_only=True)
    data = dossier.build_export(store)          # the JSON export contract
    html = dossier.render_report(data)
"""

from dossier.clean import clean_article
from dossier.errors import ConfigError, DossierError, ExtractionError, SourceError, StoreError
from dossier.export import build_export, write_json
from dossier.ingest import read_source
from dossier.model import (
    AnnotatedArticle,
    BuildStats,
    CleanArticle,
    Failure,
    Mention,
    Metadata,
    MetaField,
    RawArticle,
    Sentence,
    Span,
)
from dossier.pipeline import BuildOptions, build
from dossier.report import render_report
from dossier.store import Store, open_store

__all__ = [
    "AnnotatedArticle",
    "BuildOptions",
    "BuildStats",
    "CleanArticle",
    "ConfigError",
    "DossierError",
    "ExtractionError",
    "Failure",
    "Mention",
    "MetaField",
    "Metadata",
    "RawArticle",
    "Sentence",
    "SourceError",
    "Span",
    "Store",
    "StoreError",
    "build",
    "build_export",
    "clean_article",
    "open_store",
    "read_source",
    "render_report",
    "write_json",
]
