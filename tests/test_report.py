"""The HTML report: escaping, highlighting, offline-ness."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

import lxml.html
import pytest

from dossier.report import render_report

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
CLOSE = "</script>"
NASTY = f"{SCRIPT} {IMG} {CLOSE}"

TEXT = (
    "Mira Talven met the Harbor Council in Ostrava.\n\n"
    "Later, Talven said the council would vote.\n"
    "A second line of the same paragraph."
)


def _metadata(value: Any, evidence: str = "") -> dict[str, Any]:
    return {"value": value, "source": "text-pattern", "confidence": 0.8, "evidence": evidence}


def _document(doc_id: str = "d1", text: str = TEXT, **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": doc_id,
        "source": f"{doc_id}.txt",
        "outlet": "Northern Ledger",
        "title": "Council meets",
        "authors": ["Ana Brisk"],
        "published": {"value": "2012-04-04", "precision": "day"},
        "not_before": None,
        "text": text,
        "words": len(text.split()),
        "encoding": "utf-8",
        "kind": "text",
        "metadata": {"outlet": _metadata("Northern Ledger", "NORTHERN LEDGER")},
        "removed": [],
    }
    doc.update(fields)
    return doc


def _mention(doc_id: str, text: str, surface: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"document": doc_id, "start": start, "end": start + len(surface), "text": surface}


def _entity(entity_id: str, name: str, kind: str, mentions: list[Any]) -> dict[str, Any]:
    return {"id": entity_id, "name": name, "type": kind, "aliases": [name], "mentions": mentions}


def _dossier(**fields: Any) -> dict[str, Any]:
    dossier: dict[str, Any] = {
        "generated": "2026-11-25T18:00:00Z",
        "dossier_version": "0.1.0",
        "documents": [],
        "entities": [],
        "events": [],
        "claims": [],
        "framing": [],
        "failures": [],
    }
    dossier.update(fields)
    return dossier


def _nasty_dossier() -> dict[str, Any]:
    text = f"Opening words.\n\n{NASTY}\n\nMira Talven spoke."
    doc = _document(
        text=text,
        title=NASTY,
        authors=[NASTY],
        outlet=NASTY,
        metadata={"title": _metadata(NASTY, NASTY), "url": _metadata("javascript:alert(1)")},
        removed=[{"start": 0, "end": 10, "text": NASTY, "reason": NASTY}],
    )
    person = _entity("e1", NASTY, NASTY, [_mention("d1", text, "Mira Talven")])
    failure = {"source": NASTY, "stage": "clean", "reason": NASTY}
    return _dossier(documents=[doc], entities=[person], failures=[failure])


def test_report_escapes_untrusted_text() -> None:
    html = render_report(_nasty_dossier())
    tree = lxml.html.document_fromstring(html)
    scripts = tree.xpath("//script")
    assert len(scripts) == 2
    data, code = scripts
    assert data.get("type") == "application/json"
    assert "<" not in (data.text or "")
    assert json.loads(data.text or "")["outlets"] == [NASTY]
    assert "alert(1)" not in (code.text or "")
    assert not tree.xpath("//*[@onerror]")
    assert not tree.xpath("//img")
    assert not tree.xpath('//a[starts-with(@href, "javascript")]')
    visible = tree.text_content()
    assert visible.count(SCRIPT) >= 6  # text, title, author, outlet, removed line, failure
    assert IMG in visible
    body = tree.xpath('//div[@class="body"]')[0].text_content()
    assert NASTY in body


def test_report_highlights_mentions_at_their_offsets() -> None:
    mentions = [_mention("d1", TEXT, "Mira Talven"), _mention("d1", TEXT, "Talven", 1)]
    council = [_mention("d1", TEXT, "Harbor Council")]
    entities = [
        _entity("e1", "Mira Talven", "PERSON", mentions),
        _entity("e2", "Harbor Council", "ORG", council),
    ]
    html = render_report(_dossier(documents=[_document()], entities=entities))
    tree = lxml.html.document_fromstring(html)
    marks = tree.xpath("//mark")
    assert len(marks) == 3
    for mark in marks:
        start = int(mark.get("id").rsplit("-", 1)[1])
        assert mark.get("id") == f"m-d1-{start}"
        assert TEXT[start : start + len(mark.text_content())] == mark.text_content()
    assert marks[0].get("class") == "ent ent-PERSON"
    assert marks[0].get("data-entity") == "e1"
    assert marks[1].get("class") == "ent ent-ORG"
    links = tree.xpath('//div[@class="actor"]//h3/a')
    assert [a.get("href") for a in links] == ["#m-d1-0", f"#m-d1-{TEXT.index('Harbor')}"]
    assert len(tree.xpath('//div[@class="body"]/p')) == 2


@pytest.mark.parametrize(
    ("start", "end"),
    [(-5, 3), (3, 2), (0, 10_000), (10_000, 10_005), (5, 5), ("0", "4"), (None, 4), (True, 4)],
)
def test_report_skips_bad_mentions(start: Any, end: Any) -> None:
    bad = {"document": "d1", "start": start, "end": end, "text": "x"}
    entity = _entity("e1", "Mira Talven", "PERSON", [bad])
    html = render_report(_dossier(documents=[_document()], entities=[entity]))
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//mark")
    assert "Mira Talven met the Harbor Council" in tree.text_content()


def test_report_skips_overlapping_and_cross_paragraph_mentions() -> None:
    first = _mention("d1", TEXT, "Mira Talven")
    inner = _mention("d1", TEXT, "Talven")
    across = {"document": "d1", "start": TEXT.index("Ostrava"), "end": TEXT.index("said")}
    other_doc = {"document": "missing", "start": 0, "end": 4}
    entities = [
        _entity("e1", "Mira Talven", "PERSON", [first, other_doc]),
        _entity("e2", "Talven", "PERSON", [inner, across]),
    ]
    html = render_report(_dossier(documents=[_document()], entities=entities))
    marks = lxml.html.document_fromstring(html).xpath("//mark")
    assert [m.text_content() for m in marks] == ["Mira Talven"]


def test_report_has_no_external_resources() -> None:
    url = "https://ledger.example/2012/council"
    doc = _document(metadata={"url": _metadata(url)})
    html = render_report(_dossier(documents=[doc, _document("d2", url="http://other.example/a")]))
    allowed = {url, "http://other.example/a"}
    for match in re.finditer(r"""(?:src|href)\s*=\s*["']?\s*(https?://[^"'\s>]*)""", html, re.I):
        assert match.group(1) in allowed
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", html, re.I)
    assert not re.search(r"@import", html, re.I)
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script[@src] | //link | //img | //iframe")
    hrefs = {a.get("href") for a in tree.xpath("//a") if "//" in a.get("href")}
    assert hrefs == allowed


def test_report_renders_an_empty_dossier() -> None:
    html = render_report(_dossier())
    tree = lxml.html.document_fromstring(html)
    assert tree.xpath("//title")[0].text == "Dossier · 0 sources"
    assert "No documents." in tree.text_content()
    assert tree.xpath('//section[@id="timeline"]')[0].get("hidden") is not None
    assert render_report({})


def test_report_formats_publication_dates_and_provenance() -> None:
    docs = [
        _document("d1"),
        _document("d2", published=None, not_before="2015-03-27"),
        _document("d3", published=None),
    ]
    html = render_report(_dossier(documents=docs))
    tree = lxml.html.document_fromstring(html)
    dates = [td.text_content() for td in tree.xpath('//table[@class="sources"]//td[@class="date"]')]
    assert dates == ["2012-04-04 (day)", "not before 2015-03-27", "—"]
    outlet_cell = tree.xpath('//table[@class="sources"]//td')[0]
    assert outlet_cell.get("title") == (
        "source: text-pattern · confidence: 0.80 · evidence: NORTHERN LEDGER"
    )


def test_report_shows_removed_lines_and_placeholders_with_data() -> None:
    removed = [{"start": 0, "end": 12, "text": "Share this!", "reason": "call-to-action"}]
    event = {"id": "ev1", "date": {"start": "2012-04-03", "end": "2012-04-03"}, "summary": "Vote"}
    html = render_report(_dossier(documents=[_document(removed=removed)], events=[event]))
    tree = lxml.html.document_fromstring(html)
    details = tree.xpath('//details[@class="removed"]')[0]
    assert "call-to-action" in details.text_content()
    assert "Share this!" in details.text_content()
    assert tree.xpath('//section[@id="timeline"]')[0].get("hidden") is None
    assert tree.xpath('//section[@id="claims"]')[0].get("hidden") is not None


def test_report_csp_allows_only_its_own_style_and_script() -> None:
    tree = lxml.html.document_fromstring(render_report(_nasty_dossier()))
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    for directive, element in (("style-src", "//style"), ("script-src", "//script[not(@type)]")):
        text = tree.xpath(element)[0].text
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
