"""Stage 9: the dossier's subject, and attributions typed against it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.corroboration.subject import pick_subject
from dossier.export import load_export
from dossier.pipeline import build
from tests.helpers import article_text

# Three invented articles about Ivan Petrov; Karl Brenner appears in one.
ARTICLES = {
    "north.txt": (
        "Northern Herald\n\nBy Lena Berg\n\n"
        "Ivan Petrov said the northern port of Varnia would reopen to ships in June. "
        "Karl Brenner said he would resign from the harbour board in July.\n\n"
        "Ivan Petrov has run the harbour authority since 2010, and the board meets in Varnia."
    ),
    "south.txt": (
        "Southern Courier\n\nBy Tom Ellis\n\n"
        "Ivan Petrov told reporters that the port would reopen in June after the repairs.\n\n"
        "The harbour board in Varnia approved the repair budget on Monday, officials said."
    ),
    "east.txt": (
        "Eastern Post\n\nBy Ana Ruiz\n\n"
        "Ivan Petrov's harbour authority spent 40 million crowns on the repairs, the audit office said.\n\n"
        "The port of Varnia has been closed since the storm in March."
    ),
}


@pytest.fixture(scope="module")
def evidence(tmp_path_factory: Any) -> dict[str, dict[str, Any]]:
    root = tmp_path_factory.mktemp("subject")
    (root / "in").mkdir()
    for name, text in ARTICLES.items():
        (root / "in" / name).write_text(text)
    build([root / "in"], root / "d.duckdb")
    data = load_export(root / "d.duckdb")
    return {e["text"]: e for c in data["claims"] for e in c["evidence"]}


def _one(evidence: dict[str, dict[str, Any]], start: str) -> dict[str, Any]:
    (found,) = [e for text, e in evidence.items() if text.startswith(start)]
    return found


def test_subject_speaking_is_typed_subject(evidence: dict[str, dict[str, Any]]) -> None:
    """Petrov, named in every article, is the dossier's subject: his statements are his own."""
    said = _one(evidence, "Ivan Petrov said the northern port")
    assert (said["attribution_type"], said["attribution"]) == ("subject", "Ivan Petrov")
    assert _one(evidence, "Ivan Petrov told reporters")["attribution_type"] == "subject"


def test_others_speaking_of_themselves_are_named_sources(
    evidence: dict[str, dict[str, Any]],
) -> None:
    """Read alone, "Brenner said he would resign" is Brenner on himself; in this dossier he is
    a named source, because the dossier is about Petrov."""
    resign = _one(evidence, "Karl Brenner said he would resign")
    assert (resign["attribution_type"], resign["attribution"]) == ("named-source", "Karl Brenner")


@pytest.mark.parametrize(
    ("people", "documents", "subject"),
    [
        ({"petrov": (3, 9), "brenner": (1, 2)}, 3, "petrov"),
        ({"petrov": (2, 9), "brenner": (2, 12)}, 4, "brenner"),  # tie on articles: mentions
        ({"petrov": (2, 9)}, 5, None),  # in 2 of 5 articles: two stories, no subject
        ({}, 3, None),
    ],
)
def test_pick_subject(
    people: dict[str, tuple[int, int]], documents: int, subject: str | None
) -> None:
    assert pick_subject(people, documents) == subject


def _types(db: Path) -> dict[str, str]:
    claims = load_export(db)["claims"]
    return {e["text"]: e["attribution_type"] for c in claims for e in c["evidence"]}


def test_subject_rebuild_retypes_from_stage_5(tmp_path: Path) -> None:
    """Stage 9 retypes from stage 5's reading each time: a second build changes nothing, and
    when new articles leave the pile with no subject, stage 5's types come back."""
    (tmp_path / "in").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "in" / name).write_text(text)
    db = tmp_path / "d.duckdb"
    build([tmp_path / "in"], db)
    first = _types(db)
    build([tmp_path / "in"], db)
    assert _types(db) == first
    resign = next(t for t in first if t.startswith("Karl Brenner said he would resign"))
    assert first[resign] == "named-source"
    for n in range(4):  # Petrov is now in 3 articles of 7
        (tmp_path / "in" / f"weather{n}.txt").write_text(article_text(f"weather{n}"))
    build([tmp_path / "in"], db)
    assert _types(db)[resign] == "subject"  # stage 5: Brenner speaking of himself


@pytest.mark.parametrize(
    ("source", "outlet", "own"),
    [
        ("a BBC correspondent", "BBC", True),
        ("The BBC's Imogen Foulkes", "BBC", True),
        ("a BBC correspondent", "Reuters", False),  # another outlet's reporter: other media
        ("the BBCA network", "BBC", False),  # a word, not a part of one
    ],
)
def test_own_outlet_reporting_is_unattributed(source: str, outlet: str, own: bool) -> None:
    from dossier.corroboration.subject import own_reporting
    from dossier.model import Attribution, AttributionType, Claim, Span

    span = Span("d", 0, 10)
    attribution = Attribution(span, AttributionType.MEDIA, source, None, None, 0.9)
    claim = Claim("c", span, "text", (), "say", None, (), (), attribution, None)
    kind = own_reporting(claim, outlet).attribution.type
    assert kind == (AttributionType.UNATTRIBUTED if own else AttributionType.MEDIA)


@pytest.mark.parametrize(
    ("text", "outlet", "own"),
    [
        ("The problem remains, the Courier's Imogen Foulkes says.", "Courier", True),
        ("Morale is high, said Courier's senior correspondent Ivan Watson.", "courier", True),
        ("The problem remains, the Courier's Imogen Foulkes says.", "Herald", False),
        ("The problem remains, Imogen Foulkes of the Courier says.", "Courier", False),
    ],
)
def test_own_outlet_reporter_named_is_unattributed(text: str, outlet: str, own: bool) -> None:
    """A named source the article's own outlet introduces as its reporter ("The BBC's Imogen
    Foulkes says" in the BBC) is the outlet's own reporting; another outlet's reporter, or a
    name the outlet's word only follows, keeps its named source."""
    from dossier.corroboration.subject import own_reporting
    from dossier.model import Attribution, AttributionType, Claim, Span

    name = next(n for n in ("Imogen Foulkes", "Ivan Watson") if n in text)
    start = text.index(name)
    source = Span("d", start, start + len(name))
    sentence = Span("d", 0, len(text))
    attribution = Attribution(sentence, AttributionType.NAMED, name, source, None, 0.9)
    claim = Claim("c", sentence, text, (), "say", None, (), (), attribution, None)
    kind = own_reporting(claim, outlet, text).attribution.type
    assert kind == (AttributionType.UNATTRIBUTED if own else AttributionType.NAMED)
    assert own_reporting(claim, outlet).attribution.type == AttributionType.NAMED  # no text
