"""The held-out claim corpora: fixed sets of Timeline17 articles, materialised.

``ARTICLES`` are eight Libya-war articles (``eval/gold/heldout_claims.json``); ``ARTICLES_2``
eight Syria articles (``eval/gold/heldout2_claims.json``), annotated blind after the first set
had informed rule changes; ``ARTICLES_3`` eight BP oil spill articles from four outlets
(``eval/gold/heldout3_claims.json``), annotated blind after the second set had informed them;
``ARTICLES_4`` eight H1N1 (swine flu) articles from three outlets around the WHO pandemic
declaration (``eval/gold/heldout4_claims.json``), annotated blind after the third.

The articles are research-use data read in place from ``/work/shared/eval/data/tls-t17``
(``DOSSIER_EVAL_T17`` overrides it); no article text is stored in this repository. Each
entry becomes ``<topic>_<uid>.txt`` in a given folder, with a ``.meta.json`` sidecar that
gives the outlet, the publication date (``dct``) and a title. The text reader does not take
a bare outlet line ("CNN") as the outlet, and T17 has no titles, so the sidecar carries
the metadata; ``title`` is a fixed short label chosen here, not the original headline.

The text is the T17 text with the PTB tokenisation undone where it is trivial (spaces
before punctuation, ``-LRB-``/``-RRB-``, ``` `` ```/``''`` quotes, clitics) and split
into paragraphs of three sentences, one paragraph a line with a blank line between, so it
reads like a pasted article. The agency header (``TRIPOLI | Fri Mar 18, 2011 ...``) and
the CNN highlights before ``PLACE (CNN) --`` get lines of their own. Everything here is
deterministic: the line numbers in ``eval/gold/heldout_claims.json`` refer to these files.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_DEFAULT_T17 = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "data" / "tls-t17"
T17_DIR = Path(os.environ.get("DOSSIER_EVAL_T17", _DEFAULT_T17))
SENTENCES_PER_PARAGRAPH = 3
HEADER_SCAN = 40  # an agency header ("| Fri Mar 18 , 2011 7:22 pm EDT") sits in the opening tokens


@dataclass(frozen=True, slots=True)
class HeldOutArticle:
    topic: str  # the T17 folder, e.g. "LibyaWar_cnn"
    uid: str
    outlet: str
    title: str  # a short label for the sidecar (T17 stores no headline)

    @property
    def file(self) -> str:
        return f"{self.topic}_{self.uid}.txt"


_CNN, _REUTERS = "LibyaWar_cnn", "LibyaWar_reuters"
# The first days of the 2011 Libya intervention (2011-03-18..21), four articles per outlet.
ARTICLES: tuple[HeldOutArticle, ...] = (
    HeldOutArticle(
        _CNN, "152", "CNN", "Leaders in Paris warn Gadhafi as French jets fly over Libya"
    ),
    HeldOutArticle(_CNN, "381", "CNN", "Explosions heard in Tripoli as allies strike Libya"),
    HeldOutArticle(_CNN, "120", "CNN", "Mullen says no-fly zone is effectively in place"),
    HeldOutArticle(_CNN, "348", "CNN", "U.S. warplanes strike Libya on Sunday"),
    HeldOutArticle(_REUTERS, "301", "Reuters", "U.S. says Gaddafi is defying ceasefire demands"),
    HeldOutArticle(_REUTERS, "144", "Reuters", "Western forces strike Libya"),
    HeldOutArticle(_REUTERS, "23", "Reuters", "Western powers press on with Libya air strikes"),
    HeldOutArticle(_REUTERS, "213", "Reuters", "U.S. general says attacks on Libya likely to slow"),
)

_BBC, _SYR_REUTERS = "SyrianCrisis_bbc", "SyrianCrisis_reuters"
# The second held-out set (``eval/gold/heldout2_claims.json``), annotated blind: Syria,
# 2011-11-14..17, the Arab League suspension, the Rabat meeting, Turkey and Russia.
ARTICLES_2: tuple[HeldOutArticle, ...] = (
    HeldOutArticle(_BBC, "21", "BBC", "Jordan's King Abdullah says Assad should step down"),
    HeldOutArticle(_BBC, "142", "BBC", "Turkey steps up pressure on Syria"),
    HeldOutArticle(_BBC, "160", "BBC", "Arab ministers meet to suspend Syria"),
    HeldOutArticle(_BBC, "46", "BBC", "Russia says Syria resembles civil war"),
    HeldOutArticle(_SYR_REUTERS, "26", "Reuters", "Assad faces deepening Arab isolation"),
    HeldOutArticle(_SYR_REUTERS, "289", "Reuters", "Arab League moves closer to Syria sanctions"),
    HeldOutArticle(_SYR_REUTERS, "244", "Reuters", "Russia stands by Assad"),
    HeldOutArticle(
        _SYR_REUTERS, "298", "Reuters", "France recalls Syria envoy as suspension takes effect"
    ),
)

_BP_BBC, _BP_REUTERS = "bpoil_bbc", "bpoil_reuters"
_BP_GUARDIAN, _BP_WAPO = "bpoil_guardian", "bpoil_washingtonpost"
# The third held-out set (``eval/gold/heldout3_claims.json``), annotated blind: the BP oil
# spill, 2010-06-16..18, the $20bn escrow fund agreed at the White House and Tony Hayward's
# testimony to Congress, two articles from each of four outlets.
ARTICLES_3: tuple[HeldOutArticle, ...] = (
    HeldOutArticle(_BP_BBC, "1870", "BBC", "BP agrees $20bn compensation fund"),
    HeldOutArticle(_BP_BBC, "1922", "BBC", "Congress accuses Hayward over well dangers"),
    HeldOutArticle(_BP_REUTERS, "451", "Reuters", "BP sets up spill fund and suspends dividend"),
    HeldOutArticle(_BP_REUTERS, "1064", "Reuters", "Lawmakers accuse Hayward of evasion"),
    HeldOutArticle(_BP_GUARDIAN, "1777", "Guardian", "BP scraps dividend after White House talks"),
    HeldOutArticle(_BP_GUARDIAN, "1071", "Guardian", "Hayward stonewalls congressional committee"),
    HeldOutArticle(_BP_WAPO, "1890", "Washington Post", "Obama and BP agree escrow fund"),
    HeldOutArticle(_BP_WAPO, "178", "Washington Post", "Barton apologises to BP at hearing"),
)

_FLU_BBC, _FLU_GUARDIAN, _FLU_REUTERS = "H1N1_bbc", "H1N1_guardian", "H1N1_reuters"
# The fourth held-out set (``eval/gold/heldout4_claims.json``), annotated blind: swine flu,
# 2009-06-10..12, the run-up to the WHO pandemic declaration of Thursday 11 June, the
# declaration itself, the UK and Scottish response and the race for a vaccine.
ARTICLES_4: tuple[HeldOutArticle, ...] = (
    HeldOutArticle(_FLU_BBC, "459", "BBC", "Australian surge brings WHO close to a pandemic"),
    HeldOutArticle(_FLU_BBC, "895", "BBC", "WHO expected to declare a flu pandemic"),
    HeldOutArticle(_FLU_BBC, "357", "BBC", "WHO declares a global flu pandemic"),
    HeldOutArticle(_FLU_GUARDIAN, "796", "Guardian", "H1N1 becomes the first pandemic in 41 years"),
    HeldOutArticle(_FLU_GUARDIAN, "1135", "Guardian", "UK officials play down the pandemic label"),
    HeldOutArticle(_FLU_GUARDIAN, "838", "Guardian", "Comment: the UK is well prepared"),
    HeldOutArticle(_FLU_REUTERS, "860", "Reuters", "WHO declares an unstoppable pandemic"),
    HeldOutArticle(_FLU_REUTERS, "819", "Reuters", "Novartis and Baxter speed up H1N1 vaccines"),
)

_NO_SPACE_BEFORE = {",", ".", "?", "!", ":", ";", ")", "%", "...", "n't", "''", "'"}
_NO_SPACE_AFTER = {"(", "$", "``", "`"}
_CLITICS = re.compile(r"^'(?:s|S|re|ve|m|ll|d|RE|VE|M|LL|D)$")
_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_SENTENCE_END = {".", "?", "!"}
_TIMEZONES = {"EDT", "EST", "GMT", "BST", "CET", "CEST"}


def _token_text(token: str) -> str:
    token = _TOKENS.get(token, token).replace("\\/", "/").replace("\\*", "*")
    return '"' if token in ("``", "''") else "'" if token == "`" else token


def detokenise(tokens: list[str]) -> str:
    """Join PTB tokens, undoing the trivial splits."""
    out: list[str] = []
    glue = True  # no space before the first token
    for raw in tokens:
        token = _TOKENS.get(raw, raw)
        attach = glue or token in _NO_SPACE_BEFORE or bool(_CLITICS.match(token))
        out.append(("" if attach else " ") + _token_text(raw))
        glue = token in _NO_SPACE_AFTER
    return "".join(out)


def _sentences(tokens: list[str]) -> list[list[str]]:
    """Split at ``.``/``?``/``!`` (and a closing quote after it) before a capital or quote."""
    result: list[list[str]] = []
    start = 0
    for i, token in enumerate(tokens):
        end = i + 1 if token in _SENTENCE_END else 0
        if end and end < len(tokens) and tokens[end] == "''":
            end += 1
        nxt = tokens[end] if end and end < len(tokens) else ""
        if end and (not nxt or nxt[:1].isupper() or nxt[:1].isdigit() or nxt == "``"):
            if end > start:
                result.append(tokens[start:end])
            start = end
    if start < len(tokens):
        result.append(tokens[start:])
    return [s for s in result if s]


def _lead_breaks(tokens: list[str]) -> list[int]:
    """Token positions where the opening chrome ends: after an agency header, before a CNN dateline."""
    breaks = []
    for i, token in enumerate(tokens[:HEADER_SCAN]):
        if token in _TIMEZONES and i > 0 and tokens[i - 1].lower() in ("am", "pm"):
            breaks.append(i + 1)
            break
    for i in range(len(tokens) - 3):
        if tokens[i : i + 4] == ["-LRB-", "CNN", "-RRB-", "--"]:
            breaks.append(_place_start(tokens, i))
            break
    return sorted(set(breaks))


def _place_start(tokens: list[str], i: int) -> int:
    """Where the place before ``(CNN) --`` starts: "Paris", "New York", "Tripoli, Libya"."""
    if i >= 3 and tokens[i - 2] == "," and tokens[i - 1][:1].isupper():
        return i - 3 if tokens[i - 3][:1].isupper() else i - 1
    start = i
    while start > max(0, i - 2) and tokens[start - 1][:1].isupper():
        start -= 1
    return start


def paragraphs(text: str) -> list[str]:
    """The article as paragraphs: opening chrome on its own, then three sentences each."""
    tokens = text.split()
    cuts = [0, *_lead_breaks(tokens), len(tokens)]
    result: list[str] = []
    for a, b in itertools.pairwise(cuts):
        sentences = _sentences(tokens[a:b])
        for k in range(0, len(sentences), SENTENCES_PER_PARAGRAPH):
            chunk = [t for s in sentences[k : k + SENTENCES_PER_PARAGRAPH] for t in s]
            result.append(detokenise(chunk))
    return [p for p in result if p]


def load_topic(topic: str, t17_dir: Path = T17_DIR) -> dict[str, dict[str, Any]]:
    """uid -> the T17 record of one topic folder."""
    with gzip.open(t17_dir / topic / "articles.json.gz", "rt", encoding="utf-8") as handle:
        return {str(a["uid"]): a for a in json.load(handle)}


def article_text(record: dict[str, Any]) -> str:
    return "\n\n".join(paragraphs(record["text"])) + "\n"


def materialise(
    folder: Path, articles: tuple[HeldOutArticle, ...] = ARTICLES, t17_dir: Path = T17_DIR
) -> list[Path]:
    """Write each article and its sidecar into ``folder``; return the article paths."""
    folder.mkdir(parents=True, exist_ok=True)
    topics: dict[str, dict[str, dict[str, Any]]] = {}
    paths = []
    for art in articles:
        if art.topic not in topics:
            topics[art.topic] = load_topic(art.topic, t17_dir)
        record = topics[art.topic][art.uid]
        path = folder / art.file
        path.write_text(article_text(record), encoding="utf-8")
        meta = {"outlet": art.outlet, "published": record["dct"], "title": art.title}
        sidecar = path.with_name(path.name + ".meta.json")
        sidecar.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@contextmanager
def heldout_corpus(
    t17_dir: Path = T17_DIR, articles: tuple[HeldOutArticle, ...] = ARTICLES
) -> Iterator[Path]:
    """A held-out corpus materialised in a temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="dossier-heldout-") as tmp:
        folder = Path(tmp) / "heldout"
        materialise(folder, articles, t17_dir)
        yield folder
