from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dossier.cli import main
from dossier.export import load_export
from dossier.pipeline import build

ARTICLES = {
    "north.txt": (
        "Northern Gazette\n\nBy Ana Ruiz\n\n"
        "General Robert Whitfield met Prime Minister Helen Carter in London on Monday, officials said. "
        "Whitfield told reporters that the talks with Carter had been useful and would continue.\n\n"
        "The meeting came after months of tension between the two governments over the border dispute."
    ),
    "south.txt": (
        "Southern Courier\n\nBy Tom Ellis\n\n"
        "Gen. Robert Whitfield's visit to London ended with a joint statement, his aides said on Tuesday. "
        "Helen Carter praised Whitfield and promised further meetings before the end of the year.\n\n"
        "Critics in parliament said the statement offered little detail about the border dispute."
    ),
}


@pytest.fixture
def actors_db(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text)
    db = tmp_path / "d.duckdb"
    build([root], db)
    return db


def _actor(data: dict[str, Any], alias: str) -> dict[str, Any]:
    return next(e for e in data["entities"] if alias in e["aliases"])


def test_actors_merge_forms_across_articles(actors_db: Path) -> None:
    data = load_export(actors_db)
    whitfield = _actor(data, "Robert Whitfield")
    assert {"Robert Whitfield", "Whitfield"} <= set(whitfield["aliases"])
    assert whitfield["documents"] == 2 and whitfield["type"] == "PERSON"
    assert len(whitfield["outlets"]) >= 1
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for m in whitfield["mentions"]:
        assert texts[m["document"]][m["start"] : m["end"]] == m["text"]
    carter = _actor(data, "Helen Carter")
    assert carter["id"] != whitfield["id"]


def test_actors_roles_come_from_the_text(actors_db: Path) -> None:
    data = load_export(actors_db)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    carter = _actor(data, "Helen Carter")
    assert any("Prime Minister" in r["text"] for r in carter["roles"])
    for r in carter["roles"]:
        assert texts[r["document"]][r["start"] : r["end"]] == r["text"]


def test_actors_cooccurrence_network(actors_db: Path) -> None:
    data = load_export(actors_db)
    whitfield, carter = _actor(data, "Robert Whitfield")["id"], _actor(data, "Helen Carter")["id"]
    [edge] = [
        e for e in data["network"]["edges"] if {e["source"], e["target"]} == {whitfield, carter}
    ]
    assert edge["sentences"] >= 2
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for ev in edge["evidence"]:
        sentence = texts[ev["document"]][ev["start"] : ev["end"]]
        assert "Carter" in sentence and "Whitfield" in sentence


def test_actors_judgements_survive_rebuilds(actors_db: Path, tmp_path: Path, capsys: Any) -> None:
    db = str(actors_db)
    assert main(["merge", "Helen Carter", "London", "--db", db]) == 0
    merged = _actor(load_export(actors_db), "Helen Carter")
    assert "London" in merged["aliases"]
    assert main(["rename", "Helen Carter", "PM Helen Carter", "--db", db]) == 0
    assert main(["split", "Robert Whitfield", "Whitfield", "--db", db]) == 0
    (tmp_path / "in" / "east.txt").write_text(
        ARTICLES["north.txt"].replace("Monday", "Friday night")
    )
    build([tmp_path / "in"], actors_db)
    data = load_export(actors_db)
    carter = _actor(data, "Helen Carter")
    assert carter["name"] == "PM Helen Carter" and "London" in carter["aliases"]
    assert "Whitfield" not in _actor(data, "Robert Whitfield")["aliases"]
    kinds = [(j["kind"], j["subject"], j["object"]) for j in data["judgements"]]
    assert kinds == [("merge", "Helen Carter", "London"), ("rename", "Helen Carter", "PM Helen Carter"),
                     ("split", "Robert Whitfield", "Whitfield")]  # fmt: skip
    assert main(["merge", "Nobody Atall", "London", "--db", db]) == 2
    assert "no actor named" in capsys.readouterr().err


def test_actors_cli_lists_and_profiles(actors_db: Path, capsys: Any) -> None:
    assert main(["entities", "--db", str(actors_db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert any("Whitfield" in e["aliases"] for e in listed)
    assert main(["entities", "whitfield", "--db", str(actors_db)]) == 0
    profile = capsys.readouterr().out
    assert "Robert Whitfield" in profile and "forms in" in profile
