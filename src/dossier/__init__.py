"""dossier: a sourced, cross-checked dossier from a pile of news articles."""

__all__: list[str] = []
