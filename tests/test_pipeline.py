from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

import dossier.model
from dossier.model import EXTRACTOR_VERSION, stages_digest
from dossier.pipeline import BuildOptions, build
from tests.helpers import article_text

TABLES = (
    "documents", "sentences", "mentions", "removed_lines", "failures", "sources", "roles",
    "time_expressions", "event_candidates", "attributions", "quotes", "claims", "entities",
    "entity_mentions", "edges", "events", "event_evidence", "claim_groups",
    "claim_group_members", "conflicts",
)  # fmt: skip


def _snapshot(db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: sorted(map(repr, con.execute(f"SELECT * EXCLUDE (run_id) FROM {t}").fetchall()))
            if t in ("documents", "failures", "sources")
            else sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
            for t in TABLES
        }
    finally:
        con.close()


def _messy_folder(root: Path) -> dict[str, str]:
    """Good articles and every kind of bad input; returns name -> expected outcome."""
    root.mkdir()
    (root / "good_one.txt").write_text(article_text("granite"))
    (root / "good_two.md").write_text(article_text("willow"))
    (root / "good_cp1252.txt").write_bytes(article_text("café harbour").encode("cp1252"))
    (root / "good_utf16.txt").write_bytes(article_text("lantern").encode("utf-16"))
    (root / "bad_utf8.txt").write_bytes(article_text("pebble").encode() + b"\xff\xfe\x80 end.")
    html = "<html><head><style>.x{color:red}</style><script>var leaked = 'SCRIPTLEAK';</script>"
    html += "<title>Ferry News</title></head><body><article><h1>Ferry News</h1>"
    html += (
        "".join(f"<p>{p}</p>" for p in article_text("ferry").split("\n\n")[2:])
        + "</article></body></html>"
    )
    (root / "page.html").write_text(html)
    (root / "empty.txt").write_text("")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "huge.txt").write_bytes(b"word " * 10_000_000)  # 50 MB
    (root / "feed.jsonl").write_text(json.dumps({"text": article_text("cedar")}) + "\n{oops\n")
    (root / "folder.txt").mkdir()
    os.symlink(root / "loop_b", root / "loop_a")
    os.symlink(root / "loop_a", root / "loop_b")
    shutil.copy(root / "good_one.txt", root / "z_copy_of_one.txt")
    (root / "z_reflowed_two.txt").write_text(article_text("willow").replace("\n\n", "\n\n\n  "))
    return {
        "good_one.txt": "document", "good_two.md": "document", "good_cp1252.txt": "document",
        "good_utf16.txt": "document", "bad_utf8.txt": "document", "page.html": "document",
        "feed.jsonl:1": "document", "empty.txt": "empty", "binary.txt": "binary",
        "huge.txt": "too large", "feed.jsonl:2": "not valid JSON", "folder.txt": "folder",
        "loop_a": "symlink loop", "loop_b": "symlink loop",
    }  # fmt: skip


@pytest.fixture
def messy(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "in"
    return root, _messy_folder(root)


def test_pipeline_bad_input_never_loses_a_good_article(
    messy: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, expected = messy
    db = tmp_path / "d.duckdb"
    stats = build([root], db, BuildOptions(batch_size=3))
    con = duckdb.connect(str(db), read_only=True)
    docs = {Path(s).name for (s,) in con.execute("SELECT source FROM documents").fetchall()}
    failures = {
        Path(s).name: r for s, r in con.execute("SELECT source, reason FROM failures").fetchall()
    }
    texts = [t for (t,) in con.execute("SELECT text FROM documents").fetchall()]
    for name, outcome in expected.items():
        if outcome == "document":
            assert name in docs, f"{name} was lost: {failures.get(name)}"
        else:
            assert outcome in failures[name], (name, failures.get(name))
    assert "duplicate of" in failures["z_copy_of_one.txt"]
    assert "duplicate of" in failures["z_reflowed_two.txt"]
    assert not any("SCRIPTLEAK" in t or "color:red" in t for t in texts)
    assert stats.documents == len([o for o in expected.values() if o == "document"])


def test_pipeline_rebuild_is_idempotent(messy: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, _ = messy
    db = tmp_path / "d.duckdb"
    build([root], db)
    first = _snapshot(db)
    stats = build([root], db)
    assert stats.documents == 0 and stats.skipped_unchanged >= 7
    assert _snapshot(db) == first


def test_pipeline_rebuild_by_another_spelling_of_the_path_is_idempotent(
    messy: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder given first relative, then absolute: its files are already stored, not
    reported as duplicates of themselves."""
    root, _ = messy
    db = tmp_path / "d.duckdb"
    monkeypatch.chdir(root.parent)
    build([Path(root.name)], db)
    first = _snapshot(db)
    stats = build([root.resolve()], db)
    assert stats.documents == 0 and stats.duplicates == 0 and stats.skipped_unchanged >= 7
    assert _snapshot(db) == first


def test_pipeline_rebuild_redoes_articles_of_another_version(
    messy: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """A dossier upgraded in place: articles stored by older stages are done again, to the
    state a fresh build gives, and nothing is lost or duplicated."""
    root, _ = messy
    db = tmp_path / "d.duckdb"
    first_stats = build([root], db)
    first = _snapshot(db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE documents SET extractor_version = 'older'")
    con.close()
    stats = build([root], db)
    assert stats.documents == first_stats.documents and stats.skipped_unchanged == 0
    assert _snapshot(db) == first


def test_pipeline_version_follows_the_stages_code_not_its_readers(tmp_path: Path) -> None:
    """The stored version changes with any stage's code or data, so an upgraded dossier
    redoes its articles without a version bumped by hand; the report's code is no stage."""
    (tmp_path / "claims").mkdir()
    (tmp_path / "report").mkdir()
    stage, reader = tmp_path / "claims" / "rules.py", tmp_path / "report" / "page.py"
    stage.write_text("LIMIT = 3\n")
    reader.write_text("TITLE = 'a'\n")
    before = stages_digest(tmp_path)
    reader.write_text("TITLE = 'b'\n")
    assert stages_digest(tmp_path) == before
    stage.write_text("LIMIT = 4\n")
    assert stages_digest(tmp_path) != before
    assert EXTRACTOR_VERSION.endswith(stages_digest(dossier.model.PACKAGE_ROOT))


def test_pipeline_interrupted_build_resumes_to_the_same_state(
    messy: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _ = messy
    clean_db, broken_db = tmp_path / "clean.duckdb", tmp_path / "broken.duckdb"
    build([root], clean_db, BuildOptions(batch_size=1))

    def stop_midway(done: int, total: int, current: str) -> None:
        if done == 6:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([root], broken_db, BuildOptions(batch_size=1), stop_midway)
    assert _snapshot(broken_db) != _snapshot(clean_db)
    build([root], broken_db, BuildOptions(batch_size=1))
    assert _snapshot(broken_db) == _snapshot(clean_db)


def test_pipeline_adding_a_file_processes_only_that_file(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(article_text("basalt"))
    db = tmp_path / "d.duckdb"
    build([root], db)
    (root / "b.txt").write_text(article_text("quartz"))
    stats = build([root], db)
    assert (stats.documents, stats.skipped_unchanged) == (1, 1)
    con = duckdb.connect(str(db), read_only=True)
    runs = dict(con.execute("SELECT source, run_id FROM documents").fetchall())
    assert runs == {str(root / "a.txt"): 1, str(root / "b.txt"): 2}


def test_pipeline_changed_file_replaces_its_document(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(article_text("basalt"))
    db = tmp_path / "d.duckdb"
    build([root], db)
    (root / "a.txt").write_text(article_text("obsidian"))
    build([root], db)
    con = duckdb.connect(str(db), read_only=True)
    [(text,)] = con.execute("SELECT text FROM documents").fetchall()
    assert "obsidian" in text and "basalt" not in text
    orphans = con.execute(
        "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)"
    )
    assert orphans.fetchone() == (0,)


# Invented German and French prose: the English model would make claims of their words.
GERMAN = (
    "Der Stadtrat von Norheim hat am Dienstag beschlossen, den Hafen bis zum Jahr 2030 "
    "auszubauen. Nach Angaben der Verwaltung sollen die Arbeiten im Frühjahr beginnen und "
    "rund 120 Millionen Euro kosten. Kritiker aus dem nördlichen Bezirk warnten, dass die "
    "Kosten weiter steigen könnten, weil die Preise für Stahl und Beton seit Monaten "
    "zunehmen. Die Bürgermeisterin sagte, die Stadt werde die Pläne im Herbst vorstellen. "
)
FRENCH = (
    "Le conseil municipal de Norheim a décidé mardi d'agrandir le port d'ici 2030. Selon "
    "l'administration, les travaux doivent commencer au printemps et coûter environ 120 "
    "millions d'euros. Des critiques du quartier nord ont averti que les coûts pourraient "
    "encore augmenter, parce que les prix de l'acier et du béton montent depuis des mois. "
)


def test_pipeline_refuses_an_article_not_in_english_by_name(tmp_path: Path) -> None:
    """A German or French article is reported with its reason, not read as English; an
    English one beside it, and a short foreign note too short to judge, are built."""
    root = tmp_path / "in"
    root.mkdir()
    (root / "de.txt").write_text(f"Hafen wird ausgebaut\n\n{GERMAN * 2}\n", encoding="utf-8")
    (root / "fr.txt").write_text(f"Le port s'agrandit\n\n{FRENCH * 2}\n", encoding="utf-8")
    (root / "en.txt").write_text(article_text("norheim"), encoding="utf-8")
    (root / "short.txt").write_text("Hafen wird ausgebaut, sagt die Stadt.\n", encoding="utf-8")
    stats = build([root], tmp_path / "d.duckdb")
    reasons = {Path(f.source).name: f.reason for f in stats.failures}
    assert set(reasons) == {"de.txt", "fr.txt"}
    assert reasons["de.txt"].startswith("not English: reads as German")
    assert reasons["fr.txt"].startswith("not English: reads as French")
    assert stats.documents == 2


def test_pipeline_a_stage_bug_fails_one_article_by_name_not_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug that stages 3-6 hit on one article fails that article, reported by name, and is
    retried by the next build; a bug in the conflict rules loses one pair's conflicts."""
    import dossier.corroboration
    import dossier.pipeline

    root = tmp_path / "in"
    root.mkdir()
    for word in ("basalt", "quartz", "slate"):
        (root / f"{word}.txt").write_text(article_text(word))
    real = dossier.pipeline.extract_claims

    def extract(doc: Any, *args: Any) -> Any:
        if "quartz" in doc.text:
            raise ValueError("a rule failed")
        return real(doc, *args)

    def compare(*args: Any) -> Any:
        raise IndexError("a rule failed")

    monkeypatch.setattr(dossier.pipeline, "extract_claims", extract)
    monkeypatch.setattr(dossier.corroboration, "pair_conflicts", compare)
    db = tmp_path / "d.duckdb"
    stats = build([root], db)
    assert stats.documents == 2
    con = duckdb.connect(str(db), read_only=True)
    (failure,) = con.execute("SELECT source, stage, reason FROM failures").fetchall()
    assert failure[:2] == (str(root / "quartz.txt"), "analyse")
    assert "internal error (ValueError: a rule failed)" in failure[2]
    assert con.execute("SELECT count(*) FROM claim_groups").fetchone() != (0,)
    con.close()
    monkeypatch.setattr(dossier.pipeline, "extract_claims", real)
    assert build([root], db).documents == 1  # the failed article is tried again
