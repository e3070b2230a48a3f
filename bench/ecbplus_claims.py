"""ECB+ topics read as piles: claim grouping against the gold event chains, and the conflicts.

Run from the repository root::

    .venv/bin/python bench/ecbplus_claims.py                  # all 43 topics, about 6 minutes
    .venv/bin/python bench/ecbplus_claims.py --topics 20 37   # some topics
    .venv/bin/python bench/ecbplus_claims.py --work /tmp/ecb  # keep the texts and stores

Setting (state it whenever a figure is quoted):
- data: ``ECB+.zip`` from ``DOSSIER_ECBPLUS`` (default ``../shared/eval/data/ecbplus``), read
  in place. Each article's tokens are joined back into text (``detokenise``), one paragraph a
  sentence; a leading URL line becomes the sidecar ``url``. Texts and stores go to a
  temporary folder, never into the repository. The articles carry no publication dates.
- each topic (both of its similar events: two rehab stays, two earthquakes) is one pile,
  built by ``dossier.pipeline.build`` into its own store, as a user would drop it in;
- **grouping**: the sentences of two different articles that hold claims, both in
  ``ECBplus_coreference_sentences.csv``, form a pair. It is gold-same when an event mention
  (``ACTION_*``, ``NEG_ACTION_*``) of one and of the other share a cross-document chain, and
  predicted-same when a claim of one and a claim of the other are in one claim group.
  Pairwise precision, recall and F1 over all topics. Sentence-level event coreference is a
  proxy for "reports the same thing": a sentence that reports two events shares a chain with
  either's reports.
- **conflicts**: every conflict of every conflicting group is printed with its values, the
  articles and the claims' words, for judging by hand (``eval/README.md`` holds the
  judgements). Nothing decides here whether one is real.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from dossier.export import load_export
from dossier.pipeline import build

# ``python bench/ecbplus_claims.py`` puts bench/ on sys.path.
from ecbplus_entities import DATA_DIR, _gold_chains, read_sentences

_EVENTS = ("ACTION", "NEG_ACTION")
_GLUED_BEFORE = re.compile(r"[,.;:!?%)\]}]|n't|'s|'re|'ve|'ll|'d|'m|’s|”")
_QUOTES = ('"', "``", "''")


def detokenise(tokens: list[str]) -> str:
    """ECB+ tokens as text: no space before closing punctuation or after an opening quote,
    and numbers, times, hyphenated words and curly contractions joined again ("20 , 000" is
    "20,000", "It ’ s" is "It’s")."""
    out, open_quote, glue = "", False, False
    for token in tokens:
        if token in _QUOTES:
            out += '"' if open_quote else (" " if out else "") + '"'
            glue, open_quote = not open_quote, not open_quote
            continue
        joined = glue or not out or _GLUED_BEFORE.fullmatch(token) or out.endswith(("(", "$", "“"))
        out += token if joined else " " + token
        glue = False
    out = re.sub(r"(\d)([,.]) (\d)", r"\1\2\3", out)
    out = re.sub(r"(\w) - (\w)", r"\1-\2", out)
    out = re.sub(r" ’ (s|t|re|ve|ll|d|m)\b", r"’\1", out)
    return re.sub(r"(\d): (\d)", r"\1:\2", out)


def _sentences(root: ET.Element) -> dict[int, list[str]]:
    by: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        by[int(token.get("sentence", "0"))].append(token.text or "")
    return by


def write_pile(z: zipfile.ZipFile, names: list[str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        lines = [detokenise(t) for _, t in sorted(_sentences(ET.fromstring(z.read(name))).items())]
        stem = Path(name).stem
        if lines and lines[0].startswith("http"):
            url = lines.pop(0).replace(" ", "")
            (folder / f"{stem}.txt.meta.json").write_text(json.dumps({"url": url}))
        (folder / f"{stem}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def _chains(root: ET.Element, doc: str, keep: set[tuple[str, int]]) -> dict[int, set[str]]:
    """Cross-document event chains per annotated sentence of one article."""
    chain = _gold_chains(root, doc)
    tokens = {t.get("t_id", ""): t for t in root.iter("token")}
    found: dict[int, set[str]] = defaultdict(set)
    markables = root.find("Markables")
    for mark in markables if markables is not None else []:
        ids = [a.get("t_id", "") for a in mark.iter("token_anchor")]
        cid = chain.get(mark.get("m_id", ""), "")
        if not ids or not mark.tag.startswith(_EVENTS) or not cid or "#" in cid:
            continue
        sentence = int(tokens[ids[0]].get("sentence", "0"))
        if (doc, sentence) in keep:
            found[sentence].add(cid)
    return found


def score_topic(
    export: dict[str, Any], z: zipfile.ZipFile, paths: dict[str, str], keep: set[tuple[str, int]]
) -> tuple[int, int, int]:
    """(both, predicted only, gold only) pair counts of one topic's store."""
    spans: dict[str, tuple[str, list[tuple[int, int, int]]]] = {}
    chains: dict[tuple[str, int], set[str]] = {}
    for d in export["documents"]:
        xml = Path(d["source"]).stem + ".xml"
        root = ET.fromstring(z.read(paths[xml]))
        cursor, placed = 0, []
        for number, tokens in sorted(_sentences(root).items()):
            words = detokenise(tokens)
            at = d["text"].find(words, cursor) if words else -1
            if at >= 0:
                placed.append((at, at + len(words), number))
                cursor = at + len(words)
        spans[d["id"]] = (xml, placed)
        chains.update({(xml, n): c for n, c in _chains(root, xml, keep).items()})
    group_of: dict[tuple[str, int], set[str]] = defaultdict(set)
    for claim in export["claims"]:
        for ev in claim["evidence"]:
            xml, placed = spans[ev["document"]]
            for start, end, number in placed:
                if start < ev["end"] and ev["start"] < end:
                    group_of[(xml, number)].add(claim["id"])
    both = predicted = gold = 0
    for a, b in itertools.combinations(sorted(k for k in group_of if k in keep), 2):
        if a[0] == b[0]:
            continue
        same_group = bool(group_of[a] & group_of[b])
        same_event = bool(chains.get(a, set()) & chains.get(b, set()))
        both += same_group and same_event
        predicted += same_group and not same_event
        gold += same_event and not same_group
    return both, predicted, gold


def conflicts(export: dict[str, Any]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    source = {d["id"]: Path(d["source"]).stem for d in export["documents"]}
    found = []
    for claim in export["claims"]:
        words = {ev["claim"]: ev["claim_text"] for ev in claim["evidence"]}
        for c in claim["conflicts"] if claim["status"] == "conflicting" else ():
            values = [(v["value"], source[v["document"]], words.get(v["claim"], ""))
                      for v in c["values"]]  # fmt: skip
            found.append((c["slot"], values))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--topics", nargs="*", type=int, help="topic numbers (default: all)")
    parser.add_argument("--work", type=Path, help="folder for texts and stores (default: temp)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    keep = read_sentences(DATA_DIR)
    with (
        zipfile.ZipFile(DATA_DIR / "ECB+.zip") as z,
        tempfile.TemporaryDirectory() as temp,
    ):
        work = args.work or Path(temp)
        paths = {n.rsplit("/", 1)[-1]: n for n in z.namelist() if n.endswith(".xml")}
        by_topic: dict[int, list[str]] = defaultdict(list)
        for name, path in paths.items():
            by_topic[int(name.split("_")[0])].append(path)
        totals, flagged, multi = [0, 0, 0], 0, 0
        for topic in sorted(args.topics or by_topic):
            write_pile(z, sorted(by_topic[topic]), work / str(topic))
            store = work / f"{topic}.duckdb"
            store.unlink(missing_ok=True)
            build([work / str(topic)], store)
            export = load_export(store)
            totals = [
                t + n for t, n in zip(totals, score_topic(export, z, paths, keep), strict=True)
            ]
            multi += sum(len({e["outlet"] for e in c["evidence"]}) > 1 for c in export["claims"])
            for slot, values in conflicts(export):
                flagged += 1
                print(f"## topic {topic}, {slot}")
                for value, doc, words in values:
                    print(f"    {value[:60]} | {doc} | {words[:160]}")
    both, predicted, gold = totals
    precision = both / max(both + predicted, 1)
    recall = both / max(both + gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"\ngrouping, sentence pairs of two articles: P {precision:.3f} R {recall:.3f} "
          f"F1 {f1:.3f} ({both} both, {predicted} grouped only, {gold} gold only)")  # fmt: skip
    print(f"groups of two outlets or more {multi}; conflicts flagged {flagged} (judge above)")
    print(f"time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
