"""The claim gold files: loading, checking against their articles, and a perfect export.

The gold files share one format (see eval/README.md): ``gold/seeds_claims.json`` for the
five seed articles, ``gold/heldout_claims.json``, ``gold/heldout2_claims.json``,
``gold/heldout3_claims.json`` and ``gold/heldout4_claims.json`` for the
held-out corpora that ``eval/heldout.py`` materialises (``ARTICLES``, ``ARTICLES_2``,
``ARTICLES_3``, ``ARTICLES_4``). A gold file may map each file to its outlet
(``outlets``); without it every file is its own outlet, as for the seeds.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from dossier.resolve.unionfind import UnionFind
from eval.common import SEEDS_DIR, key_problems, normalise

GOLD_DIR = Path(__file__).parent / "gold"
GOLD_PATH = GOLD_DIR / "seeds_claims.json"
HELDOUT_GOLD_PATH = GOLD_DIR / "heldout_claims.json"
HELDOUT2_GOLD_PATH = GOLD_DIR / "heldout2_claims.json"
HELDOUT3_GOLD_PATH = GOLD_DIR / "heldout3_claims.json"
HELDOUT4_GOLD_PATH = GOLD_DIR / "heldout4_claims.json"
MAX_KEY_WORDS = 6  # the gold stores short key phrases, never sentences
STATUSES = ("corroborated", "single-source", "conflicting")
SLOTS = ("date", "number", "place", "quote", "other")
# Attribution types whose source one outlet can pass on from another: the issue counts a source
# cited by several outlets once ("marked, not counted as separate evidence"), as the tool does.
UPSTREAM_TYPES = ("named-source", "subject", "other-media")
SAME_WORD = 85  # rapidfuzz ratio of two spellings of one name (Gadhafi / Gaddafi: 86)
ATTRIBUTION_TYPES = ("named-source", "anonymous-official", "anonymous-group", "other-media",
                     "hedged", "subject", "denial", "author", "unattributed")  # fmt: skip


class GoldMismatchError(RuntimeError):
    """The claim gold is inconsistent, or a key phrase is not in its article line."""


def load_gold(path: Path = GOLD_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def check_gold(path: Path = GOLD_PATH, seeds_dir: Path = SEEDS_DIR) -> None:
    """Raise unless every key occurs verbatim in its line of ``seeds_dir`` and the records agree.

    ``seeds_dir`` is the folder of the gold's articles: the seeds, or the materialised
    held-out corpus.
    """
    data = load_gold(path)
    problems = _check_claims(data, seeds_dir)
    problems += _check_groups(data)
    problems += _check_slots(data)
    if problems:
        name = "" if path == GOLD_PATH else f" {path.name}"
        raise GoldMismatchError(f"claims gold{name}: " + "; ".join(problems))


def _check_claims(data: dict[str, Any], seeds_dir: Path) -> list[str]:
    problems = key_problems(data["claims"], seeds_dir)
    for c in data["claims"]:
        if len(c["key"].split()) > MAX_KEY_WORDS:
            problems.append(f"{c['id']}: key longer than {MAX_KEY_WORDS} words")
        if c["attribution"]["type"] not in ATTRIBUTION_TYPES:
            problems.append(f"{c['id']}: unknown attribution type {c['attribution']['type']!r}")
        if not isinstance(c["quote"], bool):
            problems.append(f"{c['id']}: quote is not a bool")
    return problems


def _check_groups(data: dict[str, Any]) -> list[str]:
    """Every claim's group exists and every status fits its outlets and its conflicts."""
    outlet_of: dict[str, str] = data.get("outlets", {})
    outlets: dict[str, set[str]] = defaultdict(set)
    for c in data["claims"]:
        outlets[c["group"]].add(outlet_of.get(c["file"], c["file"]))
    groups = {g["id"]: g for g in data["groups"]}
    conflicted = {c["group"] for c in data["conflicts"]}
    problems = [f"claim group {g!r} not in groups" for g in outlets if g not in groups]
    problems += [f"outlets: {f} has no claim" for f in outlet_of
                 if all(c["file"] != f for c in data["claims"])]  # fmt: skip
    for gid, g in groups.items():
        if gid not in outlets:
            problems.append(f"group {gid}: no claims")
            continue
        want = "single-source" if len(outlets[gid]) < 2 else "corroborated"
        want = "conflicting" if gid in conflicted else want
        if g["status"] != want:
            problems.append(f"group {gid}: status {g['status']!r}, expected {want!r}")
        if any(s not in STATUSES for s in g.get("accept", [])):
            problems.append(f"group {gid}: unknown status in accept")
    return problems


def relayed_groups(data: dict[str, Any]) -> set[str]:
    """Gold groups reported by two or more outlets that, by the gold's own attributions, all
    pass on one upstream source (CNN's and Reuters' "Mullen said ..."): fewer than two outlets
    are left once outlets citing one source count as one. The gold calls them corroborated;
    the issue counts the source once, so single-source is right too."""
    outlet_of: dict[str, str] = data.get("outlets", {})
    cited: dict[str, list[tuple[str, str]]] = defaultdict(list)  # group -> (outlet, source)
    for c in data["claims"]:
        a = c["attribution"]
        outlet = outlet_of.get(c["file"], c["file"])
        source = a["source"] if a["type"] in UPSTREAM_TYPES and a["source"] else f"own:{outlet}"
        cited[c["group"]].append((outlet, source))
    relayed = set()
    for group, pairs in cited.items():
        outlets: UnionFind[str, None] = UnionFind()
        for outlet, _ in pairs:
            outlets.add(outlet)
        for (o1, s1), (o2, s2) in itertools.combinations(pairs, 2):
            if _same_source(s1, s2):
                outlets.union(o1, o2)
        if len({o for o, _ in pairs}) > 1 and len(outlets.groups()) < 2:
            relayed.add(group)
    return relayed


def _same_source(a: str, b: str) -> bool:
    """One source, however spelled or shortened: "the U.N." / "UN", "Moammar Gadhafi" /
    "Muammar Gaddafi", "Obama" / "Barack Obama"; not "Syrian state media" / "Iranian state
    media". Each word of the shorter name must match a word of the longer one."""
    if a.startswith("own:") or b.startswith("own:"):
        return False
    wa, wb = sorted(
        (s.casefold().replace(".", "").removeprefix("the ").split() for s in (a, b)), key=len
    )
    return bool(wa) and all(any(fuzz.ratio(x, y) >= SAME_WORD for y in wb) for x in wa)


def _check_slots(data: dict[str, Any]) -> list[str]:
    """Conflicts, consistent pairs and ambiguous slots name real groups, slots and files."""
    files: dict[str, set[str]] = defaultdict(set)
    for c in data["claims"]:
        files[c["group"]].add(c["file"])
    problems = []
    for kind in ("conflicts", "consistent", "ambiguous"):
        for rec in data.get(kind, []):
            where = f"{kind} {rec['group']}/{rec['slot']}"
            if rec["group"] not in files:
                problems.append(f"{where}: unknown group")
            if rec["slot"] not in SLOTS:
                problems.append(f"{where}: unknown slot")
            if any(v["file"] not in files[rec["group"]] for v in rec["values"]):
                problems.append(f"{where}: a value's file has no claim in the group")
            if len(rec["values"]) < 2:
                problems.append(f"{where}: fewer than two values")
            if kind == "conflicts" and len({normalise(v["value"]) for v in rec["values"]}) < 2:
                problems.append(f"{where}: a conflict needs two different values")
    return problems


def gold_export(path: Path = GOLD_PATH, seeds_dir: Path = SEEDS_DIR) -> dict[str, Any]:
    """A perfect prediction made from the gold: one claim per group, the article line as evidence."""
    data = load_gold(path)
    files = sorted({c["file"] for c in data["claims"]})
    lines = {f: (seeds_dir / f).read_text(encoding="utf-8").splitlines() for f in files}
    status = {g["id"]: g["status"] for g in data["groups"]}
    claims: dict[str, dict[str, Any]] = {}
    for c in data["claims"]:
        claim = claims.setdefault(c["group"], {"id": c["group"], "summary": c["key"],
                                               "status": status[c["group"]], "outlets": [],
                                               "evidence": [], "conflicts": []})  # fmt: skip
        claim["outlets"] = sorted({*claim["outlets"], c["file"]})
        claim["evidence"].append({"document": c["file"], "start": 0, "end": 0,
                                  "text": lines[c["file"]][c["line"] - 1],
                                  "attribution": c["attribution"]["source"],
                                  "attribution_type": c["attribution"]["type"]})  # fmt: skip
    for x in data["conflicts"]:
        values = [{"document": v["file"], "value": v["value"]} for v in x["values"]]
        claims[x["group"]]["conflicts"].append({"slot": x["slot"], "values": values})
    documents = [{"id": f, "source": f, "text": "\n".join(lines[f])} for f in files]
    return {"documents": documents, "entities": [], "events": [], "claims": list(claims.values())}
