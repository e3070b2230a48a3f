"""GraphML export of the actor network, for Gephi, yEd, networkx and igraph.

Built from the JSON export dict (`build_export`). Every entity becomes a node, so actors
without an edge still show up with their counts; every network edge becomes an undirected
edge. All attributes are declared in `<key>` elements with an `attr.type`, as the GraphML
schema asks, so readers type the columns instead of guessing.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

log = logging.getLogger(__name__)

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

# Separator for list values (aliases, outlets): GraphML has no list type, and " | " rarely
# occurs in a name, so Gephi shows the values readably and a reader can split them again.
JOIN = " | "

# (attr.name, attr.type) of the node and edge attributes; the key id is "<for>_<name>".
NODE_KEYS = (
    ("label", "string"),
    ("type", "string"),
    ("mentions", "int"),
    ("documents", "int"),
    ("aliases", "string"),
)
EDGE_KEYS = (
    ("kind", "string"),
    ("weight", "double"),
    ("sentences", "int"),
    ("outlets", "string"),
)

# XML 1.0 allows tab, LF, CR and the ranges below; other C0 controls, lone surrogates and
# U+FFFE/U+FFFF make the file unreadable, so they are dropped. ElementTree escapes the rest.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_graphml(data: Mapping[str, Any], out: TextIO) -> None:
    """Write the entity network of an export dict as GraphML to a text stream.

    The declaration says UTF-8: open `out` with that encoding.
    """
    root = ET.Element(
        "graphml",
        {"xmlns": GRAPHML_NS, "xmlns:xsi": _XSI_NS, "xsi:schemaLocation": _SCHEMA_LOCATION},
    )
    _add_keys(root, "node", NODE_KEYS)
    _add_keys(root, "edge", EDGE_KEYS)
    graph = ET.SubElement(root, "graph", {"id": "dossier", "edgedefault": "undirected"})
    entities = list(data.get("entities") or [])
    for entity in entities:
        _add_node(graph, entity)
    known = {str(e["id"]) for e in entities}
    network = data.get("network") or {}
    for index, edge in enumerate(network.get("edges") or []):
        _add_edge(graph, index, edge, known)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    ET.ElementTree(root).write(out, encoding="unicode")
    out.write("\n")


def _add_keys(root: ET.Element, domain: str, keys: Iterable[tuple[str, str]]) -> None:
    for name, kind in keys:
        attrs = {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": kind}
        ET.SubElement(root, "key", attrs)


def _add_node(graph: ET.Element, entity: Mapping[str, Any]) -> None:
    mentions = entity.get("mentions") or []
    documents = entity.get("documents")
    if documents is None:
        documents = len({m["document"] for m in mentions})
    node = ET.SubElement(graph, "node", {"id": _clean(entity["id"])})
    _add_data(node, "node_label", entity.get("name") or "")
    _add_data(node, "node_type", entity.get("type") or "")
    _add_data(node, "node_mentions", len(mentions))
    _add_data(node, "node_documents", int(documents))
    _add_data(node, "node_aliases", JOIN.join(map(str, entity.get("aliases") or [])))


def _add_edge(graph: ET.Element, index: int, edge: Mapping[str, Any], known: set[str]) -> None:
    source, target = str(edge["source"]), str(edge["target"])
    if source not in known or target not in known:
        log.warning("network edge %s-%s names an unknown entity; left out", source, target)
        return
    attrs = {"id": f"edge{index}", "source": _clean(source), "target": _clean(target)}
    element = ET.SubElement(graph, "edge", attrs)
    sentences = int(edge.get("sentences") or 0)
    _add_data(element, "edge_kind", edge.get("kind") or "")
    _add_data(element, "edge_weight", float(sentences))
    _add_data(element, "edge_sentences", sentences)
    _add_data(element, "edge_outlets", JOIN.join(map(str, edge.get("outlets") or [])))


def _add_data(parent: ET.Element, key: str, value: str | int | float) -> None:
    ET.SubElement(parent, "data", {"key": key}).text = _clean(value)


def _clean(value: object) -> str:
    return _NOT_XML.sub("", str(value))
