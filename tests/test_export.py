from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dossier.clean import repair_text
from dossier.cli import main
from dossier.ingest import read_source

CONTRACT_DOCUMENT = {"id", "source", "outlet", "title", "authors", "published", "text"}
CONTRACT_TOP = {"documents", "entities", "events", "claims", "framing", "failures"}


def test_export_has_the_contract_fields(seeds_export: dict[str, Any]) -> None:
    assert set(seeds_export) >= CONTRACT_TOP
    assert len(seeds_export["documents"]) == 5
    for doc in seeds_export["documents"]:
        assert set(doc) >= CONTRACT_DOCUMENT
        assert isinstance(doc["authors"], list)
        if doc["published"] is not None:
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", doc["published"]["value"])
            assert doc["published"]["precision"] in {"day", "month", "year"}
    for entity in seeds_export["entities"]:
        assert {"id", "name", "type", "aliases", "mentions"} <= set(entity)
        assert entity["name"] in entity["aliases"]


def test_export_every_mention_span_slices_back_to_its_text(seeds_export: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in seeds_export["documents"]}
    mentions = [m for e in seeds_export["entities"] for m in e["mentions"]]
    assert len(mentions) > 100
    for m in mentions:
        assert texts[m["document"]][m["start"] : m["end"]] == m["text"]


def test_export_segments_map_clean_text_back_to_the_original(
    seeds_export: dict[str, Any], seeds_dir: Path
) -> None:
    for doc in seeds_export["documents"]:
        [raw] = read_source(seeds_dir / doc["source"])
        assert doc["segments"], doc["source"]
        covered = 0
        for s in doc["segments"]:
            original = raw.content[s["orig_start"] : s["orig_end"]]
            assert repair_text(original).strip() == doc["text"][s["clean_start"] : s["clean_end"]]
            covered += s["clean_end"] - s["clean_start"]
        assert covered == len(doc["text"].replace("\n\n", ""))
        for r in doc["removed"]:
            assert raw.content[r["start"] : r["end"]] == r["text"]


def test_export_sentences_cover_the_text(seeds_db: Path) -> None:
    import duckdb

    con = duckdb.connect(str(seeds_db), read_only=True)
    rows = con.execute(
        "SELECT d.text, s.start_offset, s.end_offset FROM sentences s JOIN documents d ON d.id = s.document_id"
    ).fetchall()
    assert len(rows) > 100
    assert all(0 <= a < b <= len(text) and text[a:b].strip() for text, a, b in rows)


def test_export_cli_writes_json_and_report(seeds_db: Path, tmp_path: Path) -> None:
    out, html = tmp_path / "d.json", tmp_path / "d.html"
    assert main(["export", "--db", str(seeds_db), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert len(data["documents"]) == 5
    assert main(["report", "--db", str(seeds_db), "-o", str(html)]) == 0
    page = html.read_text()
    assert "<mark" in page and data["documents"][0]["id"] in page
    assert not re.search(r'(src|href)="https?://', page)


def test_export_cli_reports_a_missing_store(tmp_path: Path, capsys: Any) -> None:
    assert main(["export", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "dossier build" in capsys.readouterr().err


def test_export_segments_give_byte_offsets_into_the_file(tmp_path: Path) -> None:
    from dossier.clean import clean_article

    text = "Zürich Harbour Plan Stalls\n\n" + "\n\n".join(
        f"Die Stadt Zürich — “the harbour” — said on day {i} that the ferry café would close "
        f"for {i} weeks while engineers inspect the pier, officials said."
        for i in range(1, 5)
    )
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1252"):
        path = tmp_path / f"a-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        [raw] = read_source(path)
        article = clean_article(raw)
        data = path.read_bytes()
        used = "cp1252" if encoding == "cp1252" else raw.encoding
        for s in article.segments:
            piece = data[s.byte_start : s.byte_end].decode(
                used
                if used not in ("utf-16", "utf-8-sig")
                else {"utf-16": "utf-16-le", "utf-8-sig": "utf-8"}[used]
            )
            assert piece == raw.content[s.orig_start : s.orig_end], encoding
