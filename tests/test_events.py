from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dossier.cli import main
from dossier.cli_timeline import format_date
from dossier.export import load_export
from dossier.pipeline import build

ARTICLES = {
    "north.txt": (
        "Northern Gazette\n\nBy Ana Ruiz\n\nMarch 3, 2015\n\n"
        "In January 2012, General Robert Whitfield met Prime Minister Helen Carter in London. "
        "Last October, the Harbour Authority fined the Meridian Shipping Company for dumping waste.\n\n"
        "Whitfield later said the talks had been useful."
    ),
    "south.txt": (
        "Southern Courier\n\nBy Tom Ellis\n\nApril 9, 2015\n\n"
        "Robert Whitfield met Helen Carter in London in January 2012, according to officials. "
        "The two had first spoken by telephone in 2009.\n\n"
        "Critics said the meeting offered little detail about the border dispute."
    ),
}


@pytest.fixture
def events_db(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text)
        outlet = text.split("\n", 1)[0]
        (root / name).with_suffix(".meta.json").write_text(json.dumps({"outlet": outlet}))
    db = tmp_path / "d.duckdb"
    build([root], db)
    return db


def _event_with(data: dict[str, Any], words: str) -> dict[str, Any]:
    return next(e for e in data["events"] if any(words in v["text"] for v in e["evidence"]))


def test_events_merge_reports_across_outlets(events_db: Path) -> None:
    data = load_export(events_db)
    meeting = _event_with(data, "met Prime Minister Helen Carter")
    assert meeting["date"]["start"] == "2012-01-01" and meeting["date"]["end"] == "2012-01-31"
    assert meeting["date"]["precision"] == "month"
    assert len(meeting["outlets"]) == 2 and len(meeting["evidence"]) == 2
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for v in meeting["evidence"]:
        assert texts[v["document"]][v["start"] : v["end"]] == v["text"]
        date = v["date"]
        assert texts[v["document"]][date["text_start"] : date["text_end"]] == date["text"]
    names = {e["id"]: e["name"] for e in data["entities"]}
    assert any("Whitfield" in names[a] for a in meeting["entities"])


def test_events_relative_dates_resolve_against_publication(events_db: Path) -> None:
    data = load_export(events_db)
    fine = _event_with(data, "fined the Meridian Shipping Company")
    assert fine["date"]["start"] == "2014-10-01" and fine["date"]["precision"] == "month"
    [evidence] = fine["evidence"]
    assert evidence["date"]["anchor"] == "publication"


def test_events_timeline_cli_filters(events_db: Path, capsys: Any) -> None:
    db = str(events_db)
    assert main(["timeline", "--db", db, "--json"]) == 0
    everything = json.loads(capsys.readouterr().out)
    starts = [e["date"]["start"] for e in everything]
    assert starts == sorted(starts) and len(everything) >= 2
    assert main(["timeline", "--db", db, "--json", "--from", "2012", "--to", "2012-12"]) == 0
    in_2012 = json.loads(capsys.readouterr().out)
    assert in_2012 and all(
        e["date"]["start"] <= "2012-12-31" and e["date"]["end"] >= "2012-01-01" for e in in_2012
    )
    assert main(["timeline", "--db", db, "--json", "--outlet", "southern"]) == 0
    southern = json.loads(capsys.readouterr().out)
    assert southern and all(any("Southern" in o for o in e["outlets"]) for e in southern)
    assert main(["timeline", "--db", db, "--json", "--actor", "Helen Carter"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 1
    assert main(["timeline", "--db", db]) == 0
    assert "2012-01" in capsys.readouterr().out


def test_events_format_date_shows_precision() -> None:
    assert format_date({"start": "2008-01-01", "end": "2008-12-31", "precision": "year"}) == "2008"
    assert (
        format_date({"start": "2012-01-01", "end": "2012-01-31", "precision": "month"}) == "2012-01"
    )
    assert (
        format_date({"start": "1990-01-01", "end": "1999-12-31", "precision": "decade"}) == "1990s"
    )
    assert (
        format_date({"start": "1980-01-01", "end": "1988-12-31", "precision": "year"})
        == "1980–1988"
    )
