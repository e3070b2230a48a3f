from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from dossier.clean import clean_article
from dossier.clean.merge import site_of
from dossier.errors import SourceError
from dossier.ingest import discover, read_file, read_source
from dossier.ingest.decode import decode_bytes
from dossier.model import MetaSource, SourceKind
from tests.helpers import article_text


def test_ingest_decode_utf16_with_bom() -> None:
    text = "Président Émile Durand spoke on Tuesday."
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert decode_bytes(data, "x.txt") == (text, "utf-16")


def test_ingest_decode_cp1252() -> None:
    text = "The café’s owner said “no comment” — twice, in Zürich. " * 5
    decoded, encoding = decode_bytes(text.encode("cp1252"), "x.txt")
    assert decoded == text
    assert encoding != "utf-8"


def test_ingest_decode_invalid_utf8_is_not_lost() -> None:
    data = b"A valid sentence about the harbour. " * 20 + b"\xff\xfe bad \x80 bytes."
    decoded, _ = decode_bytes(data, "x.txt")
    assert "valid sentence about the harbour" in decoded


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n\n ", "empty"), (bytes(range(256)) * 40, "binary"),
     (b"%PDF-1.7\n" + bytes(500), "PDF")],
)  # fmt: skip
def test_ingest_decode_rejects_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError, match=reason):
        decode_bytes(data, "bad.txt")


def test_ingest_discover_recurses_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<p>x</p>")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.txt.meta.json").write_text("{}")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["a.txt", "two.html"]
    assert found.failures == []


def test_ingest_discover_reports_symlink_loop_and_folder_named_like_file(tmp_path: Path) -> None:
    os.symlink(tmp_path / "loop_b", tmp_path / "loop_a")
    os.symlink(tmp_path / "loop_a", tmp_path / "loop_b")
    (tmp_path / "odd.txt").mkdir()
    (tmp_path / "odd.txt" / "inner.txt").write_text("x")
    found = discover([tmp_path])
    reasons = {Path(f.source).name: f.reason for f in found.failures}
    assert "symlink loop" in reasons["loop_a"]
    assert "folder named like a file" in reasons["odd.txt"]
    assert [p.name for p in found.files] == ["inner.txt"]


def test_ingest_read_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier import settings

    monkeypatch.setattr(settings, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    result = read_file(path)
    assert not result.articles
    assert "too large" in result.failures[0].reason


def test_ingest_read_jsonl_keeps_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = '{"text": "%s", "outlet": "Harbour Herald", "published": "2019-05-04"}'
    path.write_text(
        good % article_text("tide").replace("\n", "\\n") + "\n{not json}\n[1, 2]\n"
        + '{"html": "<html><body><p>Hello</p></body></html>", "authors": "A. Writer; B. Writer"}\n'
    )  # fmt: skip
    result = read_file(path)
    assert [a.source for a in result.articles] == [f"{path}:1", f"{path}:4"]
    assert result.articles[0].overrides[0].outlet == "Harbour Herald"
    assert result.articles[0].overrides[0].source is MetaSource.JSONL
    assert result.articles[1].kind is SourceKind.HTML
    assert result.articles[1].overrides[0].authors == ("A. Writer", "B. Writer")
    failed = {f.source: f.reason for f in result.failures}
    assert "not valid JSON" in failed[f"{path}:2"]
    assert "must be an object" in failed[f"{path}:3"]


def test_ingest_sidecar_and_folder_metadata(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(article_text("salt"))
    (tmp_path / "one.meta.json").write_text('{"outlet": "Salt Courier", "published": "2020-02"}')
    (tmp_path / "metadata.csv").write_text("file,title,authors\none.txt,A Given Title,X Y; Z W\n")
    [raw] = read_source(tmp_path / "one.txt")
    folder, sidecar = raw.overrides
    assert folder.title == "A Given Title" and folder.authors == ("X Y", "Z W")
    assert sidecar.outlet == "Salt Courier" and sidecar.published == "2020-02"


def test_ingest_outlet_from_url_when_nothing_names_one(tmp_path: Path) -> None:
    """A pasted article with an address but no outlet is the site's ("cnn.com"), so two
    articles of one site count as one outlet; a given outlet still wins."""
    given = {"one": "", "two": ', "outlet": "Salt Courier"', "three": None}
    for name, extra in given.items():
        (tmp_path / f"{name}.txt").write_text(article_text(name))
        if extra is not None:
            url = f"https://edition.cnn.com/2011/{name}"
            (tmp_path / f"{name}.meta.json").write_text(f'{{"url": "{url}"{extra}}}')
    outlets = [
        clean_article(read_source(tmp_path / f"{name}.txt")[0]).metadata.outlet for name in given
    ]
    assert [(o.value, o.source) for o in outlets] == [
        ("cnn.com", MetaSource.SIDECAR), ("Salt Courier", MetaSource.SIDECAR),
        ("unknown", MetaSource.NONE),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("http://news.bbc.co.uk/1/hi/world.stm", "bbc.co.uk"),
        ("www.accesshollywood.com/lindsay-lohan", "accesshollywood.com"),
        ("http://127.0.0.1:8000/article", ""),
    ],
)
def test_ingest_site_of_an_address(url: str, site: str) -> None:
    assert site_of(url) == site


def test_ingest_bad_sidecar_is_reported_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(article_text("salt"))
    (tmp_path / "one.meta.json").write_text('{"published": "last Tuesday", "colour": "red"}')
    result = read_file(tmp_path / "one.txt")
    assert len(result.articles) == 1
    assert result.failures[0].stage == "sidecar"
    assert "published" in result.failures[0].reason and "colour" in result.failures[0].reason
