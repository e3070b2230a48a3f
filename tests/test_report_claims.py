"""The report's claim ledger: the claim-by-outlet matrix, its evidence links and escaping."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from dossier.report import render_report

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = f"{SCRIPT} {IMG} </script>"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

TEXTS = {
    "d1": "The pier closed. The council voted in 2003 to close it, Mira Talven said.",
    "d2": "Officials said the council voted in January 2002 to close the pier.",
    "d3": "The council voted to close the pier, the Ledger reported. Fishing stopped.",
    "d4": "Nothing about the pier here.",
}
OUTLETS = {"d1": "Ledger", "d2": "Times", "d3": "Wire", "d4": "Post"}


def _evidence(doc: str, sentence: str, kind: str, source: str | None, quote: bool = False) -> Any:
    start = TEXTS[doc].index(sentence)
    return {
        "document": doc,
        "start": start,
        "end": start + len(sentence),
        "text": sentence,
        "outlet": OUTLETS[doc],
        "attribution": source,
        "attribution_type": kind,
        "quote": quote,
    }


VOTE_D1 = "The council voted in 2003 to close it, Mira Talven said."
VOTE_D2 = "Officials said the council voted in January 2002 to close the pier."
VOTE_D3 = "The council voted to close the pier, the Ledger reported."


def _claim(claim_id: str, summary: str, status: str, evidence: list[Any], **fields: Any) -> Any:
    claim = {
        "id": claim_id,
        "summary": summary,
        "status": status,
        "outlets": list(dict.fromkeys(item["outlet"] for item in evidence)),
        "independent_outlets": len({item["outlet"] for item in evidence}),
        "importance": 1.0,
        "copies": [],
        "shared_sources": [],
        "entities": [],
        "evidence": evidence,
        "conflicts": [],
    }
    claim.update(fields)
    return claim


def _claims() -> list[Any]:
    vote = _claim(
        "c1",
        "The council voted to close the pier",
        "conflicting",
        [
            _evidence("d1", VOTE_D1, "named-source", "Mira Talven"),
            _evidence("d2", VOTE_D2, "anonymous-official", "Officials"),
            _evidence("d3", VOTE_D3, "other-media", "the Ledger"),
        ],
        importance=9.5,
        independent_outlets=2,
        copies=[["d3", "d1"]],
        conflicts=[
            {
                "slot": "date",
                "values": [
                    {"document": "d1", "value": "2003"},
                    {"document": "d2", "value": "2002-01"},
                ],
            }
        ],
    )
    closed = _claim(
        "c2",
        "The pier closed",
        "single-source",
        [_evidence("d1", "The pier closed.", "unattributed", None)],
        importance=2.0,
    )
    fishing = _claim(
        "c3",
        "Fishing stopped",
        "corroborated",
        [_evidence("d3", "Fishing stopped.", "hedged", None, quote=True)],
        importance=4.0,
        shared_sources=["WikiLeaks"],
    )
    return [closed, vote, fishing]


def _export(**fields: Any) -> dict[str, Any]:
    export: dict[str, Any] = {
        "documents": [
            {"id": doc, "outlet": OUTLETS[doc], "title": doc, "text": text}
            for doc, text in TEXTS.items()
        ],
        "entities": [],
        "events": [],
        "claims": _claims(),
        "failures": [],
    }
    export.update(fields)
    return export


def _tree(export: dict[str, Any]) -> Any:
    return lxml.html.document_fromstring(render_report(export))


def _matrix(tree: Any) -> tuple[list[str], list[Any]]:
    table = tree.xpath('//table[@class="claims"]')[0]
    heads = [th.text_content() for th in table.xpath("thead/tr/th")][1:]
    return heads, table.xpath('tbody/tr[@class="claim"]')


def _states(row: Any) -> list[str]:
    return [td.get("class").split()[1].removeprefix("cell-") for td in row.xpath("td")]


def test_report_claims_matrix_has_a_row_per_claim_and_a_column_per_outlet() -> None:
    tree = _tree(_export())
    heads, rows = _matrix(tree)
    assert heads == ["Ledger", "Wire", "Times", "Post"]  # most claims first; Post has none
    assert [row.get("id") for row in rows] == ["claim-c1", "claim-c3", "claim-c2"]
    assert all(len(row.xpath("td")) == len(heads) for row in rows)
    assert tree.xpath('//section[@id="claims"]')[0].get("hidden") is None
    assert tree.xpath('//nav//a[@href="#claims"]')


def test_report_claims_order_falls_back_to_outlets_then_evidence() -> None:
    claims = _claims()
    for claim in claims:
        del claim["importance"]
    claims[1]["evidence"].append(claims[1]["evidence"][0])
    _, rows = _matrix(_tree(_export(claims=claims)))
    assert [row.get("id") for row in rows] == ["claim-c1", "claim-c2", "claim-c3"]


def test_report_claims_cells_carry_their_state() -> None:
    _, rows = _matrix(_tree(_export()))
    vote, fishing, closed = rows
    assert _states(vote) == ["conflicting", "reported", "conflicting", "none"]
    assert _states(fishing) == ["none", "reported", "none", "none"]
    assert _states(closed) == ["reported", "none", "none", "none"]
    ledger, wire, times, post = vote.xpath("td")
    assert ledger.xpath('.//*[@class="cell-mark"]')[0].text_content() == "2003"
    assert times.xpath('.//*[@class="cell-mark"]')[0].text_content() == "2002-01"
    assert wire.xpath('.//*[@class="cell-mark"]')[0].text_content() == "✓"
    assert [s.text for s in ledger.xpath('.//span[contains(@class, "att-")]')] == ["named"]
    assert "cell-copy" in wire.get("class")
    assert "Mira Talven" in ledger.get("title")
    assert "date: 2003" in ledger.get("title")
    assert post.text_content().strip() == "" and "cell-none" in post.get("class")  # CSS draws "—"
    assert fishing.xpath('.//span[@class="att att-quote"]')
    badges = [row.xpath('.//span[contains(@class, "badge")]')[0].get("class") for row in rows]
    assert badges == ["badge st-conflicting", "badge st-corroborated", "badge st-single-source"]


def test_report_claims_count_each_status_and_note_copies_and_shared_sources() -> None:
    tree = _tree(_export())
    counts = tree.xpath('//p[@class="claim-counts"]')[0].text_content().split()
    assert counts == ["corroborated", "1", "conflicting", "1", "single-source", "1"]
    options = [o.text for o in tree.xpath('//select[@id="claims-status"]/option')]
    assert options == ["All (3)", "corroborated (1)", "conflicting (1)", "single-source (1)"]
    _, (vote, fishing, _) = _matrix(tree)
    assert "2 independent of 3 outlets" in vote.xpath("th")[0].text_content()
    assert "copies: Wire copies Ledger" in vote.xpath("th")[0].text_content()
    assert "shared source: WikiLeaks" in fishing.xpath("th")[0].text_content()


def test_report_claims_evidence_links_point_at_anchors_that_exist() -> None:
    start = TEXTS["d1"].index(VOTE_D1)
    event = {
        "id": "ev1",
        "date": {"start": "2003-01-01", "end": "2003-12-31", "precision": "year", "value": "2003"},
        "summary": "Vote",
        "evidence": [{"document": "d1", "start": start, "end": start + 5, "outlet": "Ledger"}],
    }
    tree = _tree(_export(events=[event]))
    ids = Counter(tree.xpath("//@id"))
    assert all(n == 1 for n in ids.values()), [i for i, n in ids.items() if n > 1]
    hrefs = tree.xpath('//section[@id="claims"]//a/@href')
    assert len(hrefs) == 2 * 5  # each cell and each detail item links to its sentence
    assert all(href.startswith("#s-") and href[1:] in ids for href in hrefs)
    anchor = tree.get_element_by_id(f"s-d1-{start}")
    assert anchor.tag == "a"
    assert anchor.get("class") == "sentence"
    assert (anchor.tail or "").startswith("The council voted in 2003")
    assert tree.xpath('//table[@class="events"]//a/@href') == [f"#s-d1-{start}"]


def test_report_claims_detail_shows_evidence_side_by_side_and_conflicts() -> None:
    tree = _tree(_export())
    detail = tree.xpath('//tr[@class="claim-detail"]')[0]
    assert detail.xpath(".//td")[0].get("colspan") == "5"
    cards = detail.xpath('.//div[contains(@class, "ev-card")]')
    assert [card.xpath("h4")[0].text for card in cards] == ["Ledger", "Wire", "Times"]
    assert [card.get("class") for card in cards] == [
        "ev-card ev-conflicting",
        "ev-card",
        "ev-card ev-conflicting",
    ]
    assert cards[0].xpath(".//q")[0].text == VOTE_D1
    assert "named source" in cards[0].text_content()
    assert "Mira Talven" in cards[0].text_content()
    assert "copy of Ledger" in cards[1].text_content()
    row = detail.xpath('.//table[@class="conflicts"]/tbody/tr')[0]
    assert row.xpath("td")[0].text == "date"
    assert [v.text for v in row.xpath('.//span[@class="cv"]')] == ["2003", "2002-01"]
    assert [o.text for o in row.xpath(".//small")] == ["Ledger", "Times"]


def test_report_claims_escape_hostile_strings() -> None:
    claims = _claims()
    vote = claims[1]
    vote["summary"] = vote["id"] = vote["status"] = HOSTILE
    vote["copies"] = [["d3", HOSTILE]]
    vote["shared_sources"] = [HOSTILE]
    vote["conflicts"][0]["slot"] = HOSTILE
    vote["conflicts"][0]["values"][0]["value"] = HOSTILE
    for item in vote["evidence"]:
        item.update(text=HOSTILE, attribution=HOSTILE, attribution_type=HOSTILE, outlet=HOSTILE)
    tree = _tree(_export(claims=claims))
    scripts = tree.xpath("//script")
    assert len(scripts) == 2
    assert scripts[0].get("type") == "application/json"
    assert "<" not in (scripts[0].text or "")
    assert "alert(1)" not in (scripts[1].text or "")
    assert not tree.xpath("//@*[starts-with(name(), 'on')]")
    assert not tree.xpath("//img")
    section = tree.xpath('//section[@id="claims"]')[0]
    assert section.text_content().count(SCRIPT) >= 6  # summary, notes, value, sentences, sources
    classes = " ".join(section.xpath(".//@class"))
    assert "alert" not in classes
    assert "st-unknown" in classes
    assert "att-unknown" in classes


def test_report_claims_tolerate_malformed_records() -> None:
    claims: list[Any] = [
        "not a claim",
        {"summary": None, "evidence": "x", "conflicts": [{"values": [None, {"value": 3}]}]},
        {"id": "c9", "importance": float("nan"), "copies": [["d1"], "x", ["d1", 2]], "outlets": 5},
        {"id": "c9", "importance": "high", "evidence": [{"document": "d1", "start": "0"}]},
    ]
    tree = _tree(_export(claims=claims))
    _, rows = _matrix(tree)
    assert len(rows) == 3
    assert len({row.get("id") for row in rows}) == 3
    assert "(no summary)" in rows[0].text_content()


def test_report_claims_have_no_external_resources() -> None:
    html = render_report(_export())
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script[@src] | //link | //img | //iframe | //object | //embed")
    for value in tree.xpath("//@href | //@src | //@action"):
        assert value.startswith("#"), value
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg\")", html)


def test_report_claims_style_and_script_are_covered_by_the_csp_hashes() -> None:
    tree = _tree(_export())
    csp = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    for directive, element in (("style-src", "//style"), ("script-src", "//script[not(@type)]")):
        text = tree.xpath(element)[0].text
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert "function setupClaims" in tree.xpath("//script[not(@type)]")[0].text
    assert ".cell-conflicting" in tree.xpath("//style")[0].text
    assert not tree.xpath("//@style")


def test_report_claims_hidden_without_claims() -> None:
    tree = _tree(_export(claims=[]))
    section = tree.xpath('//section[@id="claims"]')[0]
    assert section.get("hidden") is not None
    assert not section.xpath(".//table")
    assert not tree.xpath('//nav//a[@href="#claims"]')
    assert not tree.xpath('//a[@class="sentence"]')


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (CI installs it)")
def test_report_claims_browser_folds_details_and_shows_filters(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_report(_export()), encoding="utf-8")
    result = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--virtual-time-budget=3000",
            f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri() + "#claim-c3",
        ],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    tree = lxml.html.document_fromstring(result.stdout)
    assert tree.get_element_by_id("claims-controls").get("hidden") is None
    assert tree.get_element_by_id("claims-count").text_content() == "3 of 3 claims"
    details = tree.xpath('//tr[@class="claim-detail"]')
    assert [row.get("hidden") is None for row in details] == [False, True, False]
    assert "open" in tree.get_element_by_id("claim-c3").get("class")


def test_report_claims_matrix_leaves_out_less_important_single_source_claims(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page of thousands of claims by a hundred outlets would weigh tens of MB: past a cap,
    single-source claims are left out of the matrix and the page says how many, and where
    they are listed; a claim two outlets report is always drawn."""
    import dossier.report.claims as ledger

    monkeypatch.setattr(ledger, "MATRIX_SINGLE_SOURCE", 0)
    tree = _tree(_export())
    _, rows = _matrix(tree)
    assert [row.get("data-status") for row in rows] == ["conflicting", "corroborated"]
    note = " ".join(tree.xpath('//section[@id="claims"]')[0].text_content().split())
    assert "1 less important single-source claims are left out" in note
    assert "dossier claims --status single-source" in note
