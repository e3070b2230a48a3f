"""GraphML and FollowTheMoney exports, from a hand-made export dict with hostile strings."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from followthemoney import EntityProxy, model, registry

from dossier.export.ftm import write_ftm
from dossier.export.graphml import GRAPHML_NS, write_graphml

NS = {"g": GRAPHML_NS}
HOSTILE = "Qorvan <script>alert(\"x\")</script> & 'Tesh'\x01 Ðuriç"
CLEAN_HOSTILE = HOSTILE.replace("\x01", "")


def _mention(document: str, text: str) -> dict[str, Any]:
    return {"document": document, "start": 0, "end": len(text), "text": text, "sentence": 0}


def _entity(id_: str, name: str, type_: str, *docs: str, **extra: Any) -> dict[str, Any]:
    mentions = [_mention(d, name) for d in docs]
    return {"id": id_, "name": name, "type": type_, "aliases": [name], "mentions": mentions} | extra


@pytest.fixture()
def export() -> dict[str, Any]:
    person = _entity("e1", HOSTILE, "PERSON", "d1", "d2", documents=2)
    person["aliases"] = [HOSTILE, 'Q. "Tesh" & Co']
    person["mentions"].append(_mention("d1", 'Q. "Tesh" & Co'))
    person["roles"] = [{"text": "the <b>spymaster</b>", "document": "d1", "start": 0, "end": 5}]
    edge = {"outlets": ["Le Monde & Co", "Ünïcode <Daily>"], "evidence": []}
    return {
        "documents": [
            {"id": "d1", "source": "a&b.txt", "outlet": "Ünïcode <Daily>", "url": "https://x.test/?a=1&b=2",
             "title": 'The "<script>" & \x01 affair', "authors": ["Zoë O'Brien"], "text": "Body \x01 & <p>.",
             "published": {"value": "2020-01", "precision": "month"}},
            {"id": "d2", "source": "b.jsonl:3", "outlet": "Le Monde & Co", "url": None,
             "title": "Second", "authors": [], "text": "Other body.", "published": None},
        ],
        "entities": [
            person,
            _entity("e2", "Bel & Marrow\x01 Guild", "ORG", "d1"),
            _entity("e3", "Zanthoria", "GPE", "d2"),
            _entity("e4", "Zanthorian", "NORP", "d1"),
            _entity("e5", "Kessra Vale", "LOC", "d1", "d9"),
        ],
        "network": {"edges": [
            {"source": "e1", "target": "e2", "kind": "co-occurrence", "sentences": 3} | edge,
            {"source": "e1", "target": "e3", "kind": "commands", "sentences": 1} | edge,
            {"source": "e1", "target": "ghost", "kind": "co-occurrence", "sentences": 2} | edge,
        ]},
    }  # fmt: skip


def _graphml(data: dict[str, Any]) -> ET.Element:
    out = io.StringIO()
    write_graphml(data, out)
    return ET.fromstring(out.getvalue().encode("utf-8"))


def _typed_data(root: ET.Element, element: ET.Element) -> dict[str, Any]:
    """Read an element's <data> the way a GraphML reader does: by the declared attr.type."""
    cast = {"string": str, "int": int, "double": float}
    keys = {k.get("id"): k for k in root.iterfind("g:key", NS)}
    values: dict[str, Any] = {}
    for data in element.iterfind("g:data", NS):
        key = keys[data.get("key")]
        values[str(key.get("attr.name"))] = cast[key.get("attr.type", "")](data.text or "")
    return values


def _ftm(data: dict[str, Any]) -> list[EntityProxy]:
    out = io.StringIO()
    write_ftm(data, out)
    return [model.get_proxy(json.loads(line)) for line in out.getvalue().splitlines()]


def test_export_formats_graphml_declares_typed_keys(export: dict[str, Any]) -> None:
    root = _graphml(export)
    keys = root.findall("g:key", NS)
    assert {(k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in keys} >= {
        ("node", "label", "string"),
        ("node", "mentions", "int"),
        ("edge", "weight", "double"),
        ("edge", "sentences", "int"),
    }
    [graph] = root.findall("g:graph", NS)
    assert graph.get("edgedefault") == "undirected"


def test_export_formats_graphml_has_every_entity_and_known_edges(export: dict[str, Any]) -> None:
    root = _graphml(export)
    nodes = {n.get("id"): _typed_data(root, n) for n in root.iterfind("g:graph/g:node", NS)}
    edges = [(e.get("source"), e.get("target"), _typed_data(root, e)) for e in root.iterfind("g:graph/g:edge", NS)]  # fmt: skip
    assert set(nodes) == {"e1", "e2", "e3", "e4", "e5"}
    assert nodes["e1"] == {
        "label": CLEAN_HOSTILE,
        "type": "PERSON",
        "mentions": 3,
        "documents": 2,
        "aliases": f'{CLEAN_HOSTILE} | Q. "Tesh" & Co',
    }
    assert nodes["e5"]["documents"] == 2  # counted from the mentions when the field is missing
    assert [(s, t) for s, t, _ in edges] == [
        ("e1", "e2"),
        ("e1", "e3"),
    ]  # the ghost edge is dropped
    assert edges[0][2] == {
        "kind": "co-occurrence",
        "weight": 3.0,
        "sentences": 3,
        "outlets": "Le Monde & Co | Ünïcode <Daily>",
    }


def test_export_formats_graphml_without_network_has_no_edges(export: dict[str, Any]) -> None:
    del export["network"]
    root = _graphml(export)
    assert len(root.findall("g:graph/g:node", NS)) == 5
    assert root.findall("g:graph/g:edge", NS) == []


def _check_ftm(proxies: list[EntityProxy]) -> None:
    """Valid values, required properties present, unique ids, references in range and emitted."""
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies)
    for proxy in proxies:
        data = proxy.to_dict()
        proxy.schema.validate({"properties": proxy.properties})  # raises InvalidData if bad
        assert model.get_proxy(data, cleaned=False).properties == proxy.properties  # FtM-clean
        for schema in proxy.schema.schemata:
            for required in schema.required:
                assert proxy.get(required), (proxy.schema.name, required)
        for prop, value in proxy.itervalues():
            if prop.type == registry.entity:
                assert prop.range is not None
                assert by_id[value].schema.is_a(prop.range), (prop.qname, by_id[value].schema)


def test_export_formats_ftm_lines_validate(export: dict[str, Any]) -> None:
    _check_ftm(_ftm(export))


def test_export_formats_ftm_references_resolve(export: dict[str, Any]) -> None:
    proxies = _ftm(export)
    ids = {p.id for p in proxies}
    references = [v for p in proxies for prop, v in p.itervalues() if prop.type == registry.entity]
    assert len(references) > 10
    assert set(references) <= ids


def test_export_formats_ftm_maps_types_and_links(export: dict[str, Any]) -> None:
    proxies = _ftm(export)
    by_schema: dict[str, list[EntityProxy]] = {}
    for proxy in proxies:
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
    assert {s: len(ps) for s, ps in by_schema.items()} == {
        "Article": 2, "Person": 1, "Organization": 1, "Territory": 1, "Address": 1,
        "Mention": 3, "Documentation": 2,
    }  # fmt: skip
    [person] = by_schema["Person"]
    assert person.get("name") == [CLEAN_HOSTILE]
    assert person.get("alias") == ['Q. "Tesh" & Co']
    assert person.get("description") == ["the <b>spymaster</b>"]
    first = next(m for m in by_schema["Mention"] if m.get("resolved") == [person.id])
    assert sorted(first.get("name")) == sorted([CLEAN_HOSTILE, 'Q. "Tesh" & Co'])
    assert first.get("detectedSchema") == ["Person"]
    [territory] = by_schema["Territory"]
    assert any(d.get("entity") == [territory.id] for d in by_schema["Documentation"])


def test_export_formats_ftm_article_fields(export: dict[str, Any]) -> None:
    article = _ftm(export)[0]
    assert article.schema.name == "Article"
    assert article.get("title") == ['The "<script>" &  affair']
    assert article.get("author") == ["Zoë O'Brien"]
    assert article.get("publisher") == ["Ünïcode <Daily>"]
    assert article.get("publishedAt") == ["2020-01"]
    assert article.get("fileName") == ["a&b.txt"]
    assert article.get("sourceUrl") == ["https://x.test/?a=1&b=2"]
    assert "\x01" not in article.first("bodyText", quiet=True)  # type: ignore[operator]


def test_export_formats_ftm_ids_are_deterministic(export: dict[str, Any]) -> None:
    first, second = io.StringIO(), io.StringIO()
    write_ftm(export, first)
    write_ftm(export, second)
    assert first.getvalue() == second.getvalue()


def test_export_formats_ftm_warns_on_unknown_document(
    export: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    _ftm(export)
    assert "unknown document d9" in caplog.text


def test_export_formats_both_formats_on_the_seed_dossier(seeds_export: dict[str, Any]) -> None:
    proxies = _ftm(seeds_export)
    _check_ftm(proxies)
    assert sum(p.schema.name == "Article" for p in proxies) == len(seeds_export["documents"])
    root = _graphml(seeds_export)
    assert len(root.findall("g:graph/g:node", NS)) == len(seeds_export["entities"])
