"""ECB+ cross-document ENTITY coreference: dossier's resolver vs. a same-head-lemma baseline.

Run from the repository root::

    .venv/bin/python bench/ecbplus_entities.py            # test topics 36-45
    .venv/bin/python bench/ecbplus_entities.py --topics dev
    .venv/bin/python bench/ecbplus_entities.py --selftest # check the metrics on a known example

Setting (state it whenever a figure is quoted):
- data: ``ECB+.zip`` from ``DOSSIER_ECBPLUS`` (default ``../shared/eval/data/ecbplus``), read
  in place; only mentions in sentences listed in ``ECBplus_coreference_sentences.csv``;
- **gold mentions**, entities only: every ``HUMAN_PART*``, ``NON_HUMAN_PART*`` and ``LOC*``
  markable (participants and locations). ``TIME_*`` is left out: dates are not actors and
  dossier resolves them in its time stage;
- gold chains: ``CROSS_DOC_COREF`` (keyed by its instance ``note``), then
  ``INTRA_DOC_COREF``; a mention in no relation is a singleton;
- scores: MUC, B³, CEAF-e (entity-based, φ4) and CoNLL F1 = their mean, all test documents
  as one corpus, **singletons included** (BENCHMARKS.md §2.2);
- "corpus" runs the resolver on all test mentions at once; "sub-topic" runs it separately
  within each gold sub-topic (topic × ecb/ecbplus), the easier setting most papers use.

Published ECB+ numbers (BENCHMARKS.md §2.3) are for events, or events + entities, and are
printed only as a reference point: they are not directly comparable with these figures.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from dossier.model import EntityType
from dossier.resolve.types import MentionRef

_DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "data" / "ecbplus"
DATA_DIR = Path(os.environ.get("DOSSIER_ECBPLUS", _DEFAULT_DATA))
TOPICS = {
    "test": frozenset(range(36, 46)),
    "dev": frozenset({2, 5, 12, 18, 21, 23, 34, 35}),
    "train": frozenset(set(range(1, 36)) - {2, 5, 12, 18, 21, 23, 34, 35}),
}
ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
TYPE_OF_TAG = {
    "HUMAN_PART": EntityType.PERSON,
    "HUMAN_PART_PER": EntityType.PERSON,
    "HUMAN_PART_ORG": EntityType.ORG,
    "HUMAN_PART_GPE": EntityType.GPE,
    "HUMAN_PART_FAC": EntityType.FAC,
    "HUMAN_PART_MET": EntityType.ORG,  # metonymy: "Washington" for the government
    "LOC_GEO": EntityType.GPE,
    "LOC_FAC": EntityType.FAC,
    "LOC_OTHER": EntityType.LOC,
}  # everything else (NON_HUMAN_PART*, HUMAN_PART_GENERIC, HUMAN_PART_VEH) -> OTHER
# BENCHMARKS.md §2.3: MUC, B³, CEAF-e, CoNLL F1 (gold mentions; not entity-only)
REFERENCE = (
    (
        "same-head-lemma, events+entities, per sub-topic (Zhukova et al. 2022)",
        None,
        None,
        None,
        73.37,
    ),
    ("Barhom et al. 2019, events", 80.9, 80.3, 77.3, 79.5),
    ("Cattan et al. 2021, events", 83.5, 82.4, 77.0, 81.0),
    ("Held et al. 2021, events", 87.5, 86.6, 82.9, 85.7),
    ("Min et al. 2024, events", 88.2, 87.8, 84.1, 86.7),
)

Clusters = list[frozenset[int]]
PRF = tuple[float, float, float]


# ---- metrics (BENCHMARKS.md §2.2) -------------------------------------------------------


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _index(clusters: Clusters) -> dict[int, frozenset[int]]:
    return {m: c for c in clusters for m in c}


def _muc_recall(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    num = den = 0
    for k in key:
        parts = {where.get(m, frozenset({m})) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num / den if den else 0.0


def muc(key: Clusters, response: Clusters) -> PRF:
    r, p = _muc_recall(key, response), _muc_recall(response, key)
    return p, r, _f1(p, r)


def _b3_recall(key: Clusters, response: Clusters) -> float:
    where = _index(response)
    total = sum(len(k & where.get(m, frozenset())) / len(k) for k in key for m in k)
    n = sum(len(k) for k in key)
    return total / n if n else 0.0


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    r, p = _b3_recall(key, response), _b3_recall(response, key)
    return p, r, _f1(p, r)


def _assign(weights: list[list[float]]) -> float:
    """Maximum total weight of a one-to-one assignment (Hungarian, rows <= columns)."""
    n, m = len(weights), len(weights[0])
    u, v, way, match = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv, used = [float("inf")] * (m + 1), [False] * (m + 1)
        while match[j0]:
            used[j0], i0, delta, j1 = True, match[j0], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            match[j0], j0 = match[j1], j1
    return sum(weights[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])


def _components(key: Clusters, response: Clusters) -> Iterable[tuple[Clusters, Clusters]]:
    """Split key and response into groups that share mentions (alignment is local)."""
    where = {m: j for j, s in enumerate(response) for m in s}
    parent = list(range(len(key) + len(response)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, k in enumerate(key):
        for m in k:
            if m in where:
                parent[find(i)] = find(len(key) + where[m])
    groups: dict[int, tuple[Clusters, Clusters]] = defaultdict(lambda: ([], []))
    for i, c in enumerate([*key, *response]):
        groups[find(i)][i >= len(key)].append(c)
    return groups.values()


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    total = 0.0
    for ks, ss in _components(key, response):
        if ks and ss:
            rows, cols = (ks, ss) if len(ks) <= len(ss) else (ss, ks)
            total += _assign([[2 * len(a & b) / (len(a) + len(b)) for b in cols] for a in rows])
    r = total / len(key) if key else 0.0
    p = total / len(response) if response else 0.0
    return p, r, _f1(p, r)


def score(key: Clusters, response: Clusters) -> dict[str, PRF]:
    out = {"MUC": muc(key, response), "B3": b_cubed(key, response), "CEAF-e": ceaf_e(key, response)}
    conll = sum(f for _, _, f in out.values()) / 3
    return {**out, "CoNLL": (conll, conll, conll)}


# ---- reading ECB+ -----------------------------------------------------------------------


def read_sentences(data: Path) -> set[tuple[str, int]]:
    """(file name, sentence number) pairs of the fully annotated sentences."""
    text = (data / "ECBplus_coreference_sentences.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return {(f"{r['Topic']}_{r['File']}.xml", int(r["Sentence Number"])) for r in rows}


def _gold_chains(root: ET.Element, doc: str) -> dict[str, str]:
    chain: dict[str, str] = {}
    for rel in root.iter("INTRA_DOC_COREF"):
        target = rel.find("target")
        for src in rel.iter("source"):
            chain[src.get("m_id", "")] = f"{doc}#{target.get('m_id') if target is not None else ''}"
    for rel in root.iter("CROSS_DOC_COREF"):
        for src in rel.iter("source"):
            chain[src.get("m_id", "")] = rel.get("note", "")
    return chain


def read_document(
    root: ET.Element,
    doc: str,
    keep: set[tuple[str, int]],
    start_id: int,
    prefixes: tuple[str, ...] = ENTITY_PREFIXES,
) -> list[tuple[MentionRef, str]]:
    """The document's gold mentions (tags starting with ``prefixes``) in annotated sentences,
    with their chain ids."""
    tokens = {t.get("t_id", ""): t for t in root.iter("token")}
    by_sentence: dict[int, list[str]] = defaultdict(list)
    for t in tokens.values():
        by_sentence[int(t.get("sentence", "0"))].append(t.text or "")
    chain = _gold_chains(root, doc)
    out: list[tuple[MentionRef, str]] = []
    markables = root.find("Markables")
    for mark in markables if markables is not None else []:
        ids = [a.get("t_id", "") for a in mark.iter("token_anchor")]
        if not ids or not mark.tag.startswith(prefixes):
            continue
        sent = int(tokens[ids[0]].get("sentence", "0"))
        if (doc, sent) not in keep:
            continue
        m_id = mark.get("m_id", "")
        ref = MentionRef(
            id=start_id + len(out),
            document_id=doc,
            start=int(tokens[ids[0]].get("number", "0")),
            end=int(tokens[ids[-1]].get("number", "0")) + 1,
            text=" ".join(tokens[i].text or "" for i in ids),
            type=TYPE_OF_TAG.get(mark.tag, EntityType.OTHER),
            sentence_index=sent,
            outlet="ecb",
            sentence=" ".join(by_sentence[sent]),
        )
        out.append((ref, chain.get(m_id, f"{doc}/{m_id}")))
    return out


def read_corpus(
    data: Path, topics: frozenset[int], prefixes: tuple[str, ...] = ENTITY_PREFIXES
) -> tuple[list[MentionRef], Clusters]:
    keep = read_sentences(data)
    mentions: list[MentionRef] = []
    chains: dict[str, set[int]] = defaultdict(set)
    with zipfile.ZipFile(data / "ECB+.zip") as z:
        for name in sorted(z.namelist()):
            doc = name.rsplit("/", 1)[-1]
            if not doc.endswith(".xml") or int(doc.split("_")[0]) not in topics:
                continue
            for ref, chain_id in read_document(
                ET.fromstring(z.read(name)), doc, keep, len(mentions), prefixes
            ):
                mentions.append(ref)
                chains[chain_id].add(ref.id)
    return mentions, [frozenset(c) for c in chains.values()]


# ---- systems ----------------------------------------------------------------------------

System = Callable[[Sequence[MentionRef]], Clusters]


def subtopic(doc: str) -> str:
    return doc.split("_")[0] + ("plus" if doc.endswith("ecbplus.xml") else "")


def same_head_lemma(mentions: Sequence[MentionRef]) -> Clusters:
    """Baseline: one cluster per lower-cased last token (a crude head lemma)."""
    groups: dict[str, set[int]] = defaultdict(set)
    for m in mentions:
        groups[m.text.split()[-1].lower() if m.text.split() else ""].add(m.id)
    return [frozenset(g) for g in groups.values()]


def dossier_resolver(mentions: Sequence[MentionRef]) -> Clusters:
    from dossier.resolve import resolve_mentions

    clusters = [frozenset(a.mentions) for a in resolve_mentions(mentions)]
    covered = set().union(*clusters) if clusters else set()
    return clusters + [frozenset({m.id}) for m in mentions if m.id not in covered]


def per_subtopic(system: System) -> System:
    def run(mentions: Sequence[MentionRef]) -> Clusters:
        groups: dict[str, list[MentionRef]] = defaultdict(list)
        for m in mentions:
            groups[subtopic(m.document_id)].append(m)
        return [c for g in groups.values() for c in system(g)]

    return run


# ---- report -----------------------------------------------------------------------------


def format_row(name: str, figures: Sequence[float | None]) -> str:
    cells = "".join(f"{'–' if f is None else f'{f:.1f}':>9}" for f in figures)
    return f"{name:<72}{cells}"


def selftest() -> None:
    """Bagga & Baldwin's example: MUC cannot tell this merge from a worse one; B³ can."""
    key = [frozenset({1, 2, 3, 4, 5}), frozenset({6, 7}), frozenset({8, 9, 10, 11, 12})]
    response = [frozenset({1, 2, 3, 4, 5}), frozenset({6, 7, 8, 9, 10, 11, 12})]
    expected = {"MUC": (0.9, 1.0), "B3": (64 / 84, 1.0), "CEAF-e": (11 / 12, 11 / 18)}
    got = score(key, response)
    for metric, (p, r) in expected.items():
        assert abs(got[metric][0] - p) < 1e-9 and abs(got[metric][1] - r) < 1e-9, (metric, got)
    perfect = score(key, key)
    assert all(abs(f - 1) < 1e-9 for _, _, f in perfect.values()), perfect
    singletons = [frozenset({m}) for k in key for m in k]
    assert muc(key, singletons) == (0.0, 0.0, 0.0) and b_cubed(key, singletons)[0] == 1.0
    print("selftest ok:", {k: tuple(round(x, 4) for x in v) for k, v in got.items()})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", choices=sorted(TOPICS), default="test")
    parser.add_argument("--selftest", action="store_true", help="check the metrics and exit")
    args = parser.parse_args(argv)
    if args.selftest:
        selftest()
        return 0
    started = time.perf_counter()
    mentions, key = read_corpus(DATA_DIR, TOPICS[args.topics])
    print(
        f"ECB+ {args.topics} topics: {len(mentions)} gold entity mentions, {len(key)} gold chains"
    )
    print(
        f"{'system (F1 x100)':<72}" + "".join(f"{h:>9}" for h in ("MUC", "B3", "CEAF-e", "CoNLL"))
    )
    systems: list[tuple[str, System]] = [
        ("same-head-lemma, corpus", same_head_lemma),
        ("same-head-lemma, within gold sub-topics", per_subtopic(same_head_lemma)),
        ("dossier resolve_mentions, corpus", dossier_resolver),
        ("dossier resolve_mentions, within gold sub-topics", per_subtopic(dossier_resolver)),
    ]
    for name, system in systems:
        result = score(key, system(mentions))
        print(format_row(name, [100 * result[m][2] for m in ("MUC", "B3", "CEAF-e", "CoNLL")]))
    print("published references (NOT comparable: events or events+entities, BENCHMARKS.md §2.3):")
    for name, *figures in REFERENCE:
        print(format_row("  " + name, figures))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
