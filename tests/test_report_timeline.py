"""The report's Timeline section: precision labels, evidence anchors, escaping, no-JS table."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from dossier.report import render_report

SCRIPT = "<script>alert(1)</script>"
SVG = '"><svg onload=alert(1)>'
HOSTILE = f"{SCRIPT} {SVG} </script>"

TEXT_A = (
    "The port opened in the 1990s. In March 2008 Mira Talven led the council vote. "
    "Talven resigned in 2010."
)
TEXT_B = "Reports differ. The vote was in April 2008, Talven said."
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _date(start: str, end: str, precision: str, value: str, text: str = "") -> dict[str, Any]:
    return {"start": start, "end": end, "precision": precision, "value": value, "text": text}


def _sentence(doc_id: str, text: str, sentence: str, outlet: str, date: Any) -> dict[str, Any]:
    start = text.index(sentence)
    end = start + len(sentence)
    return {
        "document": doc_id,
        "start": start,
        "end": end,
        "text": sentence,
        "outlet": outlet,
        "date": date,
    }


def _event(event_id: str, date: dict[str, Any], summary: str, **fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": event_id,
        "date": date,
        "summary": summary,
        "entities": [],
        "outlets": [],
        "disagreement": False,
        "evidence": [],
    }
    event.update(fields)
    return event


def _export(**fields: Any) -> dict[str, Any]:
    talven = {
        "id": "a1",
        "name": "Mira Talven",
        "type": "PERSON",
        "aliases": ["Mira Talven", "Talven"],
        "mentions": [
            {"document": "d1", "start": TEXT_A.index("Mira"), "end": TEXT_A.index(" led")},
            {"document": "d1", "start": TEXT_A.index("Talven res"), "end": TEXT_A.index(" res")},
        ],
    }
    march = _date("2008-03-01", "2008-03-31", "month", "2008-03", "In March 2008")
    april = _date("2008-04-01", "2008-04-30", "month", "2008-04", "in April 2008")
    vote = _event(
        "ev1",
        march,
        "Talven led the council vote",
        entities=["a1"],
        outlets=["Ledger", "Times"],
        disagreement=True,
        evidence=[
            _sentence(
                "d1", TEXT_A, "In March 2008 Mira Talven led the council vote.", "Ledger", march
            ),
            _sentence("d2", TEXT_B, "The vote was in April 2008, Talven said.", "Times", april),
        ],
    )
    decade = _date("1990-01-01", "1999-12-31", "decade", "199", "in the 1990s")
    opened = _event(
        "ev0",
        decade,
        "The port opened",
        outlets=["Ledger"],
        evidence=[_sentence("d1", TEXT_A, "The port opened in the 1990s.", "Ledger", decade)],
    )
    resigned = _event(
        "ev2",
        _date("2010-01-01", "2010-12-31", "year", "2010", "in 2010"),
        "Talven resigned",
        entities=["a1"],
        outlets=["Ledger"],
        evidence=[_sentence("d1", TEXT_A, "Talven resigned in 2010.", "Ledger", {"text": "2010"})],
    )
    export: dict[str, Any] = {
        "documents": [
            {"id": "d1", "outlet": "Ledger", "title": "A", "text": TEXT_A},
            {"id": "d2", "outlet": "Times", "title": "B", "text": TEXT_B},
        ],
        "entities": [talven],
        "events": [vote, resigned, opened],
        "failures": [],
    }
    export.update(fields)
    return export


def _tree(export: dict[str, Any]) -> Any:
    return lxml.html.document_fromstring(render_report(export))


def _data(tree: Any) -> dict[str, Any]:
    island = tree.xpath('//script[@id="dossier-data"]')[0].text
    data: dict[str, Any] = json.loads(island)
    return data


def test_report_timeline_lists_every_event_with_its_precision() -> None:
    tree = _tree(_export())
    rows = tree.xpath('//table[@class="events"]/tbody/tr')
    dates = [row.xpath("td")[0].text_content() for row in rows]
    assert dates == ["1990s (decade)", "2008-03 (month)dates disagree", "2010 (year)"]
    assert [row.xpath("td")[1].text_content() for row in rows][1] == (
        "Talven led the council voteMira Talven"
    )
    assert rows[1].xpath("td")[2].text_content() == "Ledger, Times"
    assert tree.xpath('//section[@id="timeline"]')[0].get("hidden") is None
    assert tree.xpath('//nav//a[@href="#timeline"]')


@pytest.mark.parametrize(
    ("date", "label"),
    [
        (_date("1900-01-01", "1999-12-31", "century", "19"), "1900s (century)"),
        (_date("2015-06-01", "2015-08-31", "season", "2015-SU"), "summer 2015 (season)"),
        (_date("2015-04-01", "2015-06-30", "quarter", "2015-Q2"), "2015-Q2 (quarter)"),
        (_date("", "1989-12-31", "before", "1990"), "before 1990"),
        (_date("2016-01-01", "", "after", ""), "after 2016-01-01"),
        (_date("2012-04-03", "2012-04-03", "fortnight", ""), "2012-04-03"),
        ({"start": "2012-04-03", "end": "2012-04-05"}, "2012-04-03 – 2012-04-05"),
        ({"start": "2008-03-01", "end": "2008-03-31", "precision": "month"}, "2008-03 (month)"),
        (
            {"start": "2008-12-21", "end": "2009-03-19", "precision": "season"},
            "winter 2008 (season)",
        ),
        ({"start": "2008-07-01", "end": "2008-09-30", "precision": "quarter"}, "2008-Q3 (quarter)"),
        ({"start": "1957-01-01", "end": "1957-12-31", "precision": "year"}, "1957 (year)"),
        ({"start": "1990-01-01", "end": "1999-12-31", "precision": "decade"}, "1990s (decade)"),
        ("garbage", "—"),
    ],
)
def test_report_timeline_labels_each_precision(date: Any, label: str) -> None:
    tree = _tree(_export(events=[_event("e", date, "Something happened")]))
    cell = tree.xpath('//table[@class="events"]//td[@class="date"]')[0]
    assert cell.text_content() == label


def test_report_timeline_places_events_by_their_interval() -> None:
    bad = _event("bad", _date("2008-02-30", "2008-13-01", "day", "x"), "Bad dates")
    events = {e["id"]: e for e in _data(_tree(_export()))["timeline"]["events"]}
    assert (events["ev0"]["from"], events["ev0"]["to"]) == (1990, 2000)
    assert events["ev1"]["from"] == pytest.approx(2008 + 2 / 12)
    assert events["ev1"]["to"] == pytest.approx(2008 + 3 / 12)
    assert events["ev1"]["disagreement"] is True
    assert events["ev1"]["colours"] == [0, 1]
    export = _export(events=[bad, *_export()["events"]])
    data = _data(_tree(export))["timeline"]["events"]
    assert data[-1]["id"] == "bad"
    assert data[-1]["from"] is None


def test_report_timeline_evidence_links_point_at_anchors_in_the_page() -> None:
    tree = _tree(_export())
    ids = set(tree.xpath("//@id"))
    links = tree.xpath('//table[@class="events"]//a/@href')
    assert len(links) == 4
    assert all(href.startswith("#") and href[1:] in ids for href in links)
    hrefs = [
        item["href"] for event in _data(tree)["timeline"]["events"] for item in event["evidence"]
    ]
    assert all(href in ids for href in hrefs)
    vote = TEXT_A.index("In March")
    anchor = tree.get_element_by_id(f"s-d1-{vote}")
    assert anchor.tag == "a"
    assert anchor.text is None
    assert (anchor.tail or "").startswith("In March 2008 ")
    # a sentence that starts with a mention is anchored just before the mention
    resigned = tree.get_element_by_id(f"s-d1-{TEXT_A.index('Talven resigned')}")
    assert resigned.getnext().tag == "mark"


def test_report_timeline_falls_back_to_the_article_for_bad_offsets() -> None:
    evidence = {"document": "d1", "start": 10_000, "end": 10_010, "text": "x", "outlet": "L"}
    lost = {"document": "nowhere", "start": 0, "end": 3, "text": "y", "outlet": "L"}
    event = _event("e", _date("2008-01-01", "2008-12-31", "year", "2008"), "S")
    tree = _tree(_export(events=[event | {"evidence": [evidence, lost]}]))
    cells = tree.xpath('//table[@class="events"]//td')[3]
    assert cells.xpath(".//a/@href") == ["#doc-d1"]
    assert "L" in cells.xpath(".//li")[1].text_content()


def test_report_timeline_escapes_hostile_strings() -> None:
    date = _date("2008-03-01", "2008-03-31", HOSTILE, HOSTILE, HOSTILE)
    text = f"{HOSTILE} happened."
    event = _event(
        HOSTILE,
        date,
        HOSTILE,
        entities=[HOSTILE],
        outlets=[HOSTILE],
        disagreement=HOSTILE,
        evidence=[_sentence("d1", text, text, HOSTILE, date)],
    )
    documents = [{"id": "d1", "outlet": HOSTILE, "title": HOSTILE, "text": text}]
    html = render_report(_export(documents=documents, entities=[], events=[event]))
    tree = lxml.html.document_fromstring(html)
    scripts = tree.xpath("//script")
    assert len(scripts) == 2
    assert scripts[0].get("type") == "application/json"
    assert "<" not in (scripts[0].text or "")
    assert "alert(1)" not in (scripts[1].text or "")
    assert not tree.xpath("//@*[starts-with(name(), 'on')]")
    assert [svg.get("id") for svg in tree.xpath("//svg")] == ["timeline-svg"]
    table = tree.xpath('//table[@class="events"]')[0].text_content()
    assert table.count(SCRIPT) >= 3  # summary, outlet, date phrase
    event_data = _data(tree)["timeline"]["events"][0]
    assert event_data["summary"] == HOSTILE
    assert event_data["precision"] == "unknown"
    assert event_data["disagreement"] is False
    assert [a.get("title") for a in tree.xpath('//table[@class="events"]//a')] == [text]


def test_report_timeline_has_no_external_resources() -> None:
    html = render_report(_export())
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script[@src] | //link | //img | //iframe | //object | //embed")
    for value in tree.xpath("//@href | //@src | //@action"):
        assert value.startswith("#"), value
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg\")", html)


def test_report_timeline_script_is_covered_by_the_csp_hash() -> None:
    tree = _tree(_export())
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    code = tree.xpath("//script[not(@type)]")[0].text
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "function setupTimeline" in code
    assert "function setupNetwork" in code
    assert code.startswith("(function () {")


def test_report_timeline_hidden_without_events() -> None:
    tree = _tree(_export(events=[]))
    section = tree.xpath('//section[@id="timeline"]')[0]
    assert section.get("hidden") is not None
    assert not section.xpath(".//table | .//svg")
    assert not tree.xpath('//nav//a[@href="#timeline"]')
    assert not tree.xpath('//a[@class="sentence"]')


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs it)")
def test_report_timeline_browser_draws_every_dated_event(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(_export()), encoding="utf-8")
    result = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--virtual-time-budget=3000",
            f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    tree = lxml.html.document_fromstring(result.stdout)
    assert tree.get_element_by_id("timeline-view").get("hidden") is None
    assert len(tree.xpath('//*[@id="timeline-svg"]//*[@class="tl-event"]')) == 3
    assert len(tree.xpath('//*[@id="timeline-svg"]//*[@class="tl-warn"]')) == 1
    assert tree.get_element_by_id("timeline-table").get("open") is None
    assert tree.get_element_by_id("timeline-count").text_content() == "3 of 3 events"
