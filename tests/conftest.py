"""Shared fixtures: the spaCy model, the seed corpus in ../shared, and one dossier built from it
per session."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dossier.export import build_export
from dossier.nlp import load_model
from dossier.pipeline import BuildOptions, build
from dossier.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DOSSIER_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The English pipeline the build uses (en_core_web_sm), loaded once."""
    return load_model()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "corpus" / "seeds"
    assert path.is_dir(), f"the demo corpus is missing at {path}; set DOSSIER_SHARED"
    return path


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    build([seeds_dir], db, BuildOptions(batch_size=2))
    return db


@pytest.fixture(scope="session")
def seeds_export(seeds_db: Path) -> dict[str, Any]:
    store = open_store(seeds_db, read_only=True)
    try:
        return build_export(store)
    finally:
        store.close()
