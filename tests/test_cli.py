from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import dossier
from dossier.cli import main
from tests.helpers import article_text


def test_cli_readme_reference_matches_help() -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "readme_cli.py"
    spec = importlib.util.spec_from_file_location("readme_cli", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = module.README.read_text(encoding="utf-8")
    assert module.updated(readme) == readme, "run: .venv/bin/python scripts/readme_cli.py"


def test_cli_exported_members_match_all() -> None:
    public = {name for name in dir(dossier) if not name.startswith("_")}
    assert sorted(dossier.__all__) == dossier.__all__
    assert set(dossier.__all__) <= public


def test_cli_build_exits_zero_with_one_good_article(tmp_path: Path, capsys: Any) -> None:
    (tmp_path / "good.txt").write_text(article_text("heron"))
    (tmp_path / "empty.txt").write_text("")
    db = tmp_path / "d.duckdb"
    assert main(["build", str(tmp_path), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "documents built" in err and "empty.txt" in err and "empty file" in err
    assert main(["sources", "--db", str(db), "--json", "--removed"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["source"] for d in listed["documents"]] == ["good.txt"]
    assert listed["failures"][0]["reason"] == "empty file"
    assert all("reason" in r for r in listed["documents"][0]["removed"])


def test_cli_build_exits_nonzero_when_nothing_was_built(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["build", str(tmp_path), "--db", str(tmp_path / "d.duckdb")]) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; see the monkeypatched test")
def test_cli_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(article_text("heron"))
    path.chmod(0)
    assert main(["build", str(path), "--db", str(tmp_path / "d.duckdb")]) == 1


def test_cli_unreadable_file_is_reported_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    (tmp_path / "good.txt").write_text(article_text("heron"))
    (tmp_path / "secret.txt").write_text(article_text("otter"))
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert main(["build", str(tmp_path), "--db", str(tmp_path / "d.duckdb")]) == 0
    assert "secret.txt (ingest): cannot be read: permission denied" in capsys.readouterr().err
