"""The report's Actors section and actor network: cards, links, escaping, no-JS fallback."""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html

from dossier.report import render_report
from dossier.report.actors import CONTEXT_CHARS, MAX_CARDS
from dossier.report.network import MAX_NODES

SCRIPT = "<script>alert(1)</script>"
SVG = '"><svg onload=alert(1)>'
HOSTILE = f"{SCRIPT} {SVG}"

TEXT_A = "General Qasem Talvani met Mira Delacroix. Later Qasem spoke to the Harbor Council."
TEXT_B = "Qassem Talvani, the commander, left. Delacroix stayed."


def _document(doc_id: str, outlet: str, text: str) -> dict[str, Any]:
    return {"id": doc_id, "outlet": outlet, "title": f"Story {doc_id}", "text": text}


def _span(doc_id: str, text: str, surface: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    return {"document": doc_id, "start": start, "end": end, "text": surface, "sentence": text}


def _actor(actor_id: str, name: str, kind: str = "PERSON", **fields: Any) -> dict[str, Any]:
    actor: dict[str, Any] = {"id": actor_id, "name": name, "type": kind, "aliases": [name]}
    actor.update(fields)
    actor.setdefault("mentions", [])
    return actor


def _edge(source: str, target: str, sentences: int = 1, outlets: Any = ()) -> dict[str, Any]:
    return {
        "source": source,
        "target": target,
        "kind": "co-occurrence",
        "sentences": sentences,
        "outlets": list(outlets),
        "evidence": [],
    }


def _talvani() -> dict[str, Any]:
    return _actor(
        "a1",
        "Qasem Talvani",
        aliases=["Qasem Talvani", "Qasem", "Qassem Talvani"],
        mentions=[
            _span("d1", TEXT_A, "Qasem Talvani"),
            _span("d1", TEXT_A, "Qasem", 1),
            _span("d2", TEXT_B, "Qassem Talvani"),
        ],
        documents=2,
        outlets={"Ledger": {"Qasem Talvani": 1, "Qasem": 1}, "Wire": {"Qassem Talvani": 1}},
        roles=[_span("d1", TEXT_A, "General"), _span("d2", TEXT_B, "the commander")],
    )


def _dossier() -> dict[str, Any]:
    mira = _actor(
        "a2",
        "Mira Delacroix",
        aliases=["Mira Delacroix", "Delacroix"],
        mentions=[_span("d1", TEXT_A, "Mira Delacroix"), _span("d2", TEXT_B, "Delacroix")],
    )
    council = _actor("a3", "Harbor Council", "ORG", mentions=[_span("d1", TEXT_A, "Harbor")])
    edges = [_edge("a1", "a2", 2, ["Ledger", "Wire"]), _edge("a1", "a3", 1, ["Ledger"])]
    return {
        "documents": [_document("d1", "Ledger", TEXT_A), _document("d2", "Wire", TEXT_B)],
        "entities": [_talvani(), mira, council],
        "network": {"edges": edges},
    }


def _tree(dossier: dict[str, Any]) -> Any:
    return lxml.html.document_fromstring(render_report(dossier))


def _data(tree: Any) -> Any:
    return json.loads(tree.xpath('//script[@id="dossier-data"]')[0].text)


def test_report_actors_cards_show_aliases_with_outlet_counts() -> None:
    tree = _tree(_dossier())
    cards = tree.xpath('//div[@class="actor"]')
    assert [card.get("id") for card in cards] == ["actor-a1", "actor-a2", "actor-a3"]
    counts = " ".join(cards[0].xpath('.//p[@class="counts"]')[0].text_content().split())
    assert counts == "3 mentions 2 articles 2 outlets"
    aliases = {
        li.xpath('.//span[@class="alias"]')[0].text: [
            " ".join(per.text_content().split()) for per in li.xpath('.//span[@class="per"]')
        ]
        for li in cards[0].xpath('.//ul[@class="alias-list"]/li')
    }
    assert aliases == {
        "Qasem Talvani": ["×1 Ledger"],
        "Qasem": ["×1 Ledger"],
        "Qassem Talvani": ["×1 Wire"],
    }


def test_report_actors_count_surface_forms_when_the_export_has_no_outlets() -> None:
    tree = _tree(_dossier())
    mira = tree.xpath('//div[@id="actor-a2"]//ul[@class="alias-list"]/li')
    pairs = [" ".join(li.text_content().split()) for li in mira]
    assert pairs == ["Delacroix ×1 Wire", "Mira Delacroix ×1 Ledger"]


def test_report_actors_roles_link_to_their_place_in_the_article() -> None:
    tree = _tree(_dossier())
    roles = tree.xpath('//div[@id="actor-a1"]//ul[@class="role-list"]//a')
    assert [a.text for a in roles] == ["General", "the commander"]
    anchors = [a.get("href")[1:] for a in roles]
    assert anchors == ["r-d1-0", f"r-d2-{TEXT_B.index('the commander')}"]
    for anchor in anchors:
        target = tree.xpath(f'//span[@class="role"][@id="{anchor}"]')
        assert target and target[0].text_content() in ("General", "the commander")


def test_report_actors_role_inside_a_mention_links_to_the_nearest_mention() -> None:
    dossier = _dossier()
    dossier["entities"][0]["roles"] = [_span("d1", TEXT_A, "Talvani")]  # inside a mention
    tree = _tree(dossier)
    role = tree.xpath('//div[@id="actor-a1"]//ul[@class="role-list"]//a')[0]
    assert role.get("href") == "#m-d1-8"
    assert not tree.xpath('//span[@class="role"]')


def test_report_actors_mention_list_links_to_every_mention_anchor() -> None:
    tree = _tree(_dossier())
    links = tree.xpath('//div[@id="actor-a1"]//details[@class="mentions"]//a')
    hrefs = [a.get("href") for a in links]
    assert hrefs == ["#m-d1-8", f"#m-d1-{TEXT_A.index('Qasem spoke')}", "#m-d2-0"]
    for href in hrefs:
        mark = tree.xpath(f'//mark[@id="{href[1:]}"]')[0]
        assert mark.get("data-entity") == "a1"
    assert [a.text for a in links] == ["Ledger", "Ledger", "Wire"]


def test_report_actors_overflow_into_a_compact_table() -> None:
    actors = [_actor(f"x{i}", f"Actor {i:03d}") for i in range(MAX_CARDS + 5)]
    tree = _tree({"entities": actors})
    assert len(tree.xpath('//div[@class="actor"]')) == MAX_CARDS
    rows = tree.xpath('//table[@class="entities"]/tbody/tr')
    assert [row.get("id") for row in rows] == [
        f"actor-x{i}" for i in range(MAX_CARDS, MAX_CARDS + 5)
    ]


def _hostile_dossier() -> dict[str, Any]:
    dossier = _dossier()
    for document in dossier["documents"]:
        document["outlet"] = HOSTILE
    talvani = dossier["entities"][0]
    talvani.update(name=HOSTILE, type=HOSTILE, aliases=[HOSTILE, SVG])
    talvani["outlets"] = {HOSTILE: {SVG: 2, HOSTILE: 1}}
    talvani["roles"][0]["text"] = HOSTILE
    dossier["entities"][1]["id"] = SVG
    dossier["network"]["edges"] = [_edge("a1", SVG, 3, [HOSTILE]), _edge("a1", "a3", 1, [SVG])]
    dossier["entities"][1]["mentions"][0]["text"] = HOSTILE
    return dossier


def test_report_actors_escape_hostile_names_aliases_roles_and_outlets() -> None:
    html = render_report(_hostile_dossier())
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//*[@*[starts-with(name(), 'on')]]")
    assert not tree.xpath("//*[@style]")  # the CSP would block inline styles anyway
    assert len(tree.xpath("//script")) == 2
    assert [svg.get("id") for svg in tree.xpath("//svg")] == ["network-svg"]
    assert not tree.xpath("//svg/*")  # the drawing is built by the script, from data
    visible = tree.text_content()
    assert visible.count(SCRIPT) >= 5  # card name, alias, role, outlet, edge table
    assert SVG in visible
    data = _data(tree)
    assert data["entities"]["a1"]["name"] == HOSTILE
    assert {edge["target"] for edge in data["network"]["edges"]} == {SVG, "a3"}
    island = tree.xpath('//script[@id="dossier-data"]')[0].text
    assert "<" not in island


def test_report_network_data_island_has_the_edges() -> None:
    network = _data(_tree(_dossier()))["network"]
    edges = [(e["source"], e["target"], e["sentences"], e["outlets"]) for e in network["edges"]]
    assert edges == [("a1", "a2", 2, ["Ledger", "Wire"]), ("a1", "a3", 1, ["Ledger"])]
    nodes = {node["id"]: node for node in network["nodes"]}
    assert nodes["a1"]["degree"] == 2
    assert nodes["a1"]["outlets"] == ["Ledger", "Wire"]
    assert nodes["a3"]["kind"] == "ORG"


def test_report_network_fallback_table_lists_every_edge() -> None:
    dossier = _dossier()
    dossier["network"]["edges"] += [_edge("a1", "missing"), _edge("a2", "a2"), "junk"]
    tree = _tree(dossier)
    assert tree.xpath('//details[@id="network-edges"]')[0].get("open") is not None
    rows = tree.xpath('//table[@class="edges"]/tbody/tr')
    cells = [[" ".join(td.text_content().split()) for td in row.xpath("td")] for row in rows]
    assert cells == [
        ["Qasem Talvani", "Mira Delacroix", "2", "Ledger, Wire"],
        ["Qasem Talvani", "Harbor Council", "1", "Ledger"],
    ]
    assert rows[0].xpath("td/a")[1].get("href") == "#actor-a2"


def test_report_network_caps_the_drawing_but_not_the_table() -> None:
    count = MAX_NODES + 10
    actors = [_actor(f"x{i}", f"Actor {i:03d}") for i in range(count)]
    edges = [_edge(f"x{i}", f"x{(i + 1) % count}") for i in range(count)]
    tree = _tree({"entities": actors, "network": {"edges": edges}})
    network = _data(tree)["network"]
    assert len(network["nodes"]) == MAX_NODES
    kept = {node["id"] for node in network["nodes"]}
    assert all(e["source"] in kept and e["target"] in kept for e in network["edges"])
    assert len(tree.xpath('//table[@class="edges"]/tbody/tr')) == count
    hint = tree.xpath('//section[@id="network"]/p[@class="hint"]')[0].text_content()
    assert f"{MAX_NODES} best-connected of {count}" in hint


def test_report_network_is_hidden_without_edges() -> None:
    dossier = _dossier()
    del dossier["network"]
    tree = _tree(dossier)
    assert tree.xpath('//section[@id="network"]')[0].get("hidden") is not None
    assert _data(tree)["network"] == {"nodes": [], "edges": []}


def test_report_network_stays_offline() -> None:
    html = render_report(_hostile_dossier())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    script = lxml.html.document_fromstring(html).xpath("//script[not(@type)]")[0].text
    assert "innerHTML" not in script
    assert not re.search(r"\b(?:fetch|XMLHttpRequest|import\(|eval)\b", script)


def test_report_actors_mention_list_quotes_the_text_around_a_sentence_number() -> None:
    dossier = _dossier()
    for mention in dossier["entities"][1]["mentions"]:
        mention["sentence"] = 0  # the exporter gives a sentence index, not its text
    tree = _tree(dossier)
    quotes = [q.text for q in tree.xpath('//div[@id="actor-a2"]//details[@class="mentions"]//q')]
    assert quotes == [TEXT_A, TEXT_B]  # both short enough to quote whole
    long_text = TEXT_A + " Filler." * 40
    dossier["documents"][0]["text"] = long_text
    quote = _tree(dossier).xpath('//div[@id="actor-a2"]//details[@class="mentions"]//q')[0].text
    end = TEXT_A.index("Mira") + len("Mira Delacroix") + CONTEXT_CHARS
    assert quote == long_text[:end] + "…"
