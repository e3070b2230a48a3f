"""Stage 11, store: the DuckDB file every other command reads."""

from dossier.store.db import Store, open_store

__all__ = ["Store", "open_store"]
