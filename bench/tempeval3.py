"""TempEval-3 Task A (timex extraction and normalisation) for stage 4, ``dossier.time``.

Reads the gold TimeML in place from the shared tarballs, runs ``extract_times`` on each
document's TEXT with the DCT as publication date, and scores as in the task paper
(UzZaman et al., SemEval-2013; see shared/eval/BENCHMARKS.md section 4): strict (identical
extent) and relaxed (any overlap) P/R/F1, value and type accuracy over relaxed matches, and
Value F1 = relaxed F1 x value accuracy. Offsets are characters, not the official scorer's
tokens. ``--dev`` scores the TBAQ-cleaned training set (used for tuning) instead of the
platinum test set; ``--errors`` lists every miss and wrong value.

    .venv/bin/python bench/tempeval3.py [--dev] [--errors]
"""

from __future__ import annotations

import argparse
import re
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dossier.model import DatePrecision, PublishedDate, TimeExpr
from dossier.time import extract_times

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data" / "tempeval3"
PLATINUM = DATA / "te3-platinum.tar.gz"
TBAQ = DATA / "TBAQ-cleaned.tar.gz"
# Table 3 of the task paper: value F1 of the winner and of SUTime.
REFERENCE = {"HeidelTime-t": 77.61, "SUTime": 67.38}
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: str
    gold: list[Gold]


def read_documents(archive: Path, folder: str) -> list[Document]:
    """Every ``.tml`` under ``folder`` in the tarball, parsed without unpacking to disk."""
    documents = []
    with tarfile.open(archive) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not (member.isfile() and member.name.endswith(".tml") and folder in member.name):
                continue
            handle = tar.extractfile(member)
            if handle is not None:
                documents.append(parse(member.name, handle.read()))
    return documents


def parse(name: str, data: bytes) -> Document:
    root = ET.fromstring(data)
    dct = root.find("DCT/TIMEX3")
    text_element = root.find("TEXT")
    if dct is None or text_element is None:
        raise ValueError(f"{name}: no DCT or TEXT")
    parts: list[str] = []
    gold: list[Gold] = []
    walk(text_element, parts, gold)
    return Document(name, "".join(parts), dct.get("value", "")[:10], gold)


def walk(element: ET.Element, parts: list[str], gold: list[Gold]) -> None:
    """Flatten the TEXT element, recording the character extent of each TIMEX3."""
    start = sum(map(len, parts))
    parts.append(element.text or "")
    for child in element:
        walk(child, parts, gold)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3":
        end = start + len("".join(element.itertext()))
        text = "".join(element.itertext())
        gold.append(Gold(start, end, element.get("type", ""), element.get("value", ""), text))


def sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _SENTENCE.finditer(text) if m.group().strip()]


def run(document: Document) -> list[TimeExpr]:
    published = PublishedDate(document.dct, DatePrecision.DAY)
    return extract_times(document.name, document.text, sentences(document.text), published)


@dataclass
class Tally:
    system: int = 0
    reference: int = 0
    strict: int = 0
    relaxed_sys: int = 0
    relaxed_ref: int = 0
    value: int = 0
    type: int = 0


def score(document: Document, found: list[TimeExpr], tally: Tally, errors: bool) -> None:
    tally.system += len(found)
    tally.reference += len(document.gold)
    exact = {(g.start, g.end) for g in document.gold}
    tally.strict += sum((e.span.start, e.span.end) in exact for e in found)
    matched: set[int] = set()
    for expr in found:
        hits = [
            i
            for i, g in enumerate(document.gold)
            if g.start < expr.span.end and expr.span.start < g.end
        ]
        free = [i for i in hits if i not in matched]
        if not hits:
            report(errors, "EXTRA", document, expr.text, expr.value, "")
            continue
        tally.relaxed_sys += 1
        if not free:
            continue
        gold = document.gold[free[0]]
        matched.add(free[0])
        tally.value += expr.value == gold.value
        tally.type += expr.kind.value.upper() == gold.type
        if expr.value != gold.value:
            report(errors, "VALUE", document, f"{expr.text} / {gold.text}", expr.value, gold.value)
    tally.relaxed_ref += len(matched)
    for i, gold in enumerate(document.gold):
        if i not in matched:
            report(errors, "MISS", document, gold.text, gold.value, gold.type)


def report(errors: bool, kind: str, document: Document, text: str, ours: str, gold: str) -> None:
    if errors:
        print(f"{kind:6} {document.dct} {text!r:45} {ours:14} {gold}")


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summary(tally: Tally) -> dict[str, float]:
    p_strict, r_strict = tally.strict / tally.system, tally.strict / tally.reference
    p_relaxed = tally.relaxed_sys / tally.system
    r_relaxed = tally.relaxed_ref / tally.reference
    relaxed_f1 = f1(p_relaxed, r_relaxed)
    value_accuracy = tally.value / tally.relaxed_ref if tally.relaxed_ref else 0.0
    return {
        "strict P": p_strict, "strict R": r_strict, "strict F1": f1(p_strict, r_strict),
        "relaxed P": p_relaxed, "relaxed R": r_relaxed, "relaxed F1": relaxed_f1,
        "value accuracy": value_accuracy,
        "type accuracy": tally.type / tally.relaxed_ref if tally.relaxed_ref else 0.0,
        "value F1": relaxed_f1 * value_accuracy,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="score TBAQ-cleaned (tuning set)")
    parser.add_argument("--errors", action="store_true", help="list misses and wrong values")
    args = parser.parse_args()
    archive, folder = (TBAQ, "TBAQ-cleaned/") if args.dev else (PLATINUM, "te3-platinum/")
    documents = read_documents(archive, folder)
    tally = Tally()
    for document in documents:
        score(document, run(document), tally, args.errors)
    name = "TBAQ-cleaned (dev)" if args.dev else "TempEval-3 platinum (test)"
    print(
        f"{name}: {len(documents)} documents, {tally.reference} gold timexes, {tally.system} ours"
    )
    for key, number in summary(tally).items():
        print(f"  {key:15} {100 * number:6.2f}")
    for system, value_f1 in REFERENCE.items():
        print(f"  {system + ' value F1':15} {value_f1:6.2f} (task paper, platinum)")


if __name__ == "__main__":
    main()
