"""The Network section: actors linked by the sentences they share.

Python checks and trims the export's edges; ``report.js`` lays the graph out and draws it as
SVG. Every edge also goes into a plain table, which is what readers without JavaScript and
screen-reader users get.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from dossier.report.fields import count, records, strings

MAX_NODES = 80  # past this the drawing turns into a hairball; the table keeps every edge


def build_network(network: Any, actors: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The edge table rows, and the nodes and edges for the drawing (the best connected)."""
    by_id = {actor["id"]: actor for actor in actors}
    edges = _edges(network.get("edges") if isinstance(network, Mapping) else None, by_id)
    degree = Counter(end for edge in edges for end in (edge["source"], edge["target"]))
    linked = sorted(degree, key=lambda a: (-degree[a], -by_id[a]["mentions"], by_id[a]["name"]))
    kept = set(linked[:MAX_NODES])
    nodes = [_node(by_id[actor_id], degree[actor_id]) for actor_id in linked[:MAX_NODES]]
    return {
        "rows": [_row(edge, by_id) for edge in edges],
        "total": len(linked),
        "nodes": nodes,
        "edges": [e for e in edges if e["source"] in kept and e["target"] in kept],
        "outlets": sorted({o for node in nodes for o in node["outlets"]}, key=str.casefold),
        "kinds": sorted({node["kind"] for node in nodes}),
    }


def _edges(raw: Any, actors: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Edges between two different known actors, most shared sentences first."""
    edges: list[dict[str, Any]] = []
    for edge in records(raw):
        source, target = str(edge.get("source")), str(edge.get("target"))
        if source == target or source not in actors or target not in actors:
            continue
        edges.append(
            {
                "source": source,
                "target": target,
                "sentences": count(edge.get("sentences")) or 1,
                "outlets": sorted(set(strings(edge.get("outlets"))), key=str.casefold),
            }
        )
    edges.sort(key=lambda e: (-e["sentences"], e["source"], e["target"]))
    return edges


def _node(actor: Mapping[str, Any], degree: int) -> dict[str, Any]:
    keys = ("id", "name", "kind", "mentions", "outlets")
    return {key: actor[key] for key in keys} | {"degree": degree}


def _row(edge: Mapping[str, Any], actors: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    return dict(edge) | {"source": actors[edge["source"]], "target": actors[edge["target"]]}
