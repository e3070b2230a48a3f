"""Score the claim ledger of an export against the hand-made claim gold of the seeds.

Run from the repository root::

    .venv/bin/python -m eval.score_claims             # build the seeds into a temp DuckDB, score
    .venv/bin/python -m eval.score_claims --db PATH   # score an existing dossier database
    .venv/bin/python -m eval.score_claims --selftest  # score the gold itself and an empty export
    .venv/bin/python -m eval.score_claims --gold heldout  # the held-out Libya articles instead
    .venv/bin/python -m eval.score_claims --gold heldout2  # the held-out Syria articles
    .venv/bin/python -m eval.score_claims --gold heldout3  # the held-out BP oil spill articles
    .venv/bin/python -m eval.score_claims --gold heldout4  # the held-out H1N1 (swine flu) articles

``--gold heldout`` materialises the held-out corpus (``eval/heldout.py``) into a temporary
folder, checks ``eval/gold/heldout_claims.json`` against it, builds it and scores it the
same way (``--db``, ``--json`` and ``--selftest`` work with it too).

The gold (``eval/gold/seeds_claims.json``) names each claim by seed file, line number and
a key phrase of at most six words (never article text). It gives each claim a group, an
attribution type and a quote flag. Groups have a status (corroborated, single-source,
conflicting). Conflicts name the slot the outlets disagree on. ``consistent`` lists
look-alike values that must not be flagged. The export's ``claims`` are read as the
prediction:

- **found**: some exported claim has an evidence item in the gold claim's document whose
  text contains the key (NFKC, straight quotes, whitespace collapsed, case-folded);
- **assigned claim**: a key can sit in several exported claims when they share a sentence.
  Each found gold claim is assigned the one exported claim that holds most of its gold
  group's found members. Ties go to a claim whose ``summary`` contains the key, then to
  the claim holding the fewest gold keys, then to the smallest id. This is lenient to a
  sentence exported in several groups: each gold claim escapes to its best one, and the others
  cost nothing. No claim is in two groups today; a change that puts one there must be scored
  as overlapping clusters too (eval/README.md, "Blind piles from other months; ...");
- **grouping P/R/F1**: pairs of found gold claims, gold-same when they share a gold group
  and predicted-same when they share an assigned claim. Pairs on one seed line are left out,
  because a sentence-level extractor cannot tell them apart;
- **status accuracy**: for each gold group with a found member, the status of the exported
  claim assigned to most of its members. It must equal the gold status or one of its
  ``accept`` values. A group whose outlets, by the gold's own attributions, all pass on one
  upstream source (``claims_gold.relayed_groups``) may also be single-source: the issue
  counts such a source once. ``status_accuracy_as_annotated`` leaves that allowance out;
- **conflict recall / precision**, **consistent pairs flagged** and **attribution
  accuracy**: see eval/README.md.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eval.claims_gold import (
    ATTRIBUTION_TYPES,
    GOLD_PATH,
    HELDOUT2_GOLD_PATH,
    HELDOUT3_GOLD_PATH,
    HELDOUT4_GOLD_PATH,
    HELDOUT_GOLD_PATH,
    MAX_KEY_WORDS,
    SLOTS,
    STATUSES,
    GoldMismatchError,
    check_gold,
    gold_export,
    load_gold,
    relayed_groups,
)
from eval.common import SEEDS_DIR, build_folder_export, normalise, run_scorer

__all__ = ["ATTRIBUTION_TYPES", "GOLD_PATH", "HELDOUT2_GOLD_PATH", "HELDOUT3_GOLD_PATH",
           "HELDOUT4_GOLD_PATH", "HELDOUT_GOLD_PATH", "MAX_KEY_WORDS", "SLOTS", "STATUSES",
           "GoldMismatchError", "check_gold", "gold_export", "heldout_set", "load_gold", "main",
           "score_claims"]  # fmt: skip

SHOW = 15  # rows of each list in the printed report
GOLDS = ("seeds", "heldout", "heldout2", "heldout3", "heldout4")


def _norm_label(value: Any) -> str:
    return str(value or "").strip().lower().replace("_", "-").replace(" ", "-")


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def find_matches(export: dict[str, Any], gold: dict[str, Any]) -> dict[str, dict[str, list[int]]]:
    """Gold claim id -> {exported claim id: indexes of its evidence items holding the key}."""
    source = {d["id"]: d["source"] for d in export["documents"]}
    keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for c in gold["claims"]:
        keys[c["file"]].append((c["id"], normalise(c["key"])))
    found: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for claim in export.get("claims", []):
        for i, ev in enumerate(claim.get("evidence", [])):
            text = normalise(ev.get("text") or "")
            for gid, key in keys.get(source.get(ev.get("document"), ""), []):
                if key in text:
                    found[gid][str(claim["id"])].append(i)
    return found


def assign_claims(
    gold: dict[str, Any], found: dict[str, dict[str, list[int]]], export: dict[str, Any]
) -> dict[str, str]:
    """Gold claim id -> the one exported claim it is counted in (see the module docstring)."""
    group_of = {c["id"]: c["group"] for c in gold["claims"]}
    key_of = {c["id"]: normalise(c["key"]) for c in gold["claims"]}
    summary = {str(c["id"]): normalise(c.get("summary") or "") for c in export.get("claims", [])}
    per_claim: dict[str, Counter[str]] = defaultdict(Counter)  # exported -> gold group counts
    for gid, hits in found.items():
        for cid in hits:
            per_claim[cid][group_of[gid]] += 1
    assigned = {}
    for gid, hits in found.items():
        group = group_of[gid]
        assigned[gid] = min(hits, key=lambda cid: (-per_claim[cid][group],
                                                   key_of[gid] not in summary[cid],
                                                   sum(per_claim[cid].values()), cid))  # fmt: skip
    return assigned


def score_grouping(gold: dict[str, Any], assigned: dict[str, str]) -> dict[str, Any]:
    """Pairwise precision/recall/F1 of found gold claims, leaving out same-line pairs."""
    found = [c for c in gold["claims"] if c["id"] in assigned]
    tp = gold_same = pred_same = 0
    for a, b in itertools.combinations(found, 2):
        if (a["file"], a["line"]) == (b["file"], b["line"]):
            continue
        same_gold = a["group"] == b["group"]
        same_pred = assigned[a["id"]] == assigned[b["id"]]
        gold_same += same_gold
        pred_same += same_pred
        tp += same_gold and same_pred
    p, r = _ratio(tp, pred_same), _ratio(tp, gold_same)
    return {"group_precision": p, "group_recall": r,
            "group_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "group_pairs_gold": gold_same, "group_pairs_predicted": pred_same}  # fmt: skip


def group_claims(gold: dict[str, Any], assigned: dict[str, str]) -> dict[str, str]:
    """Gold group -> the exported claim assigned to most of its found members."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in gold["claims"]:
        if c["id"] in assigned:
            votes[c["group"]][assigned[c["id"]]] += 1
    return {g: min(v, key=lambda cid: (-v[cid], cid)) for g, v in votes.items()}


def claim_groups(gold: dict[str, Any], assigned: dict[str, str]) -> dict[str, str]:
    """Exported claim -> the gold group with most members assigned to it."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in gold["claims"]:
        if c["id"] in assigned:
            votes[assigned[c["id"]]][c["group"]] += 1
    return {cid: min(v, key=lambda g: (-v[g], g)) for cid, v in votes.items()}


def score_status(
    gold: dict[str, Any], by_group: dict[str, str], claims: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Status right per gold group found; a relayed group (``relayed_groups``) may also be
    single-source. ``status_accuracy_as_annotated`` leaves that out."""
    relayed = relayed_groups(gold)
    wrong, relayed_ok = [], 0
    for g in gold["groups"]:
        if g["id"] not in by_group:
            continue
        got = _norm_label(claims[by_group[g["id"]]].get("status"))
        if got not in {g["status"], *g.get("accept", [])}:
            if g["id"] in relayed and got == "single-source":
                relayed_ok += 1
                continue
            wrong.append({"group": g["id"], "gold": g["status"], "predicted": got})
    return {"status_accuracy": _ratio(len(by_group) - len(wrong), len(by_group)),
            "status_accuracy_as_annotated": _ratio(len(by_group) - len(wrong) - relayed_ok,
                                                   len(by_group)),
            "groups_found": len(by_group), "groups_relayed": len(relayed & set(by_group)),
            "wrong_status": wrong}  # fmt: skip


def score_conflicts(
    gold: dict[str, Any], by_group: dict[str, str], claims: dict[str, dict[str, Any]],
    assigned: dict[str, str], file_of: dict[str, str],
) -> dict[str, Any]:  # fmt: skip
    """Conflict recall/precision and the consistent pairs that were wrongly flagged
    (``file_of``: each exported document's source file)."""
    flagged = {(cid, _norm_label(x.get("slot"))) for cid, c in claims.items()
               for x in c.get("conflicts", [])}  # fmt: skip
    gold_slots = {(c["group"], c["slot"]) for c in gold["conflicts"]}
    unsure = {(c["group"], c["slot"]) for c in gold.get("ambiguous", [])}
    hit = [c for c in gold["conflicts"] if (by_group.get(c["group"]), c["slot"]) in flagged]
    missed = [f"{c['group']}/{c['slot']}" for c in gold["conflicts"] if c not in hit]
    owner = claim_groups(gold, assigned)
    judged = [(cid, slot) for cid, slot in sorted(flagged)
              if cid in owner and (owner[cid], slot) not in unsure]  # fmt: skip
    right = [x for x in judged if (owner[x[0]], x[1]) in gold_slots]
    false = [{"claim": cid, "group": owner[cid], "slot": slot}
             for cid, slot in judged if (cid, slot) not in right]  # fmt: skip
    wrong_flags = [f"{p['group']}/{p['slot']}" for p in gold["consistent"]
                   if _consistent_flagged(p, claims.get(by_group.get(p["group"], "")),
                                          file_of)]  # fmt: skip
    strict = [c for c in gold["conflicts"] if _held_apart(c, gold, assigned, flagged)]
    return {"conflict_recall": _ratio(len(hit), len(gold["conflicts"])),
            "conflict_recall_strict": _ratio(len(strict), len(gold["conflicts"])),
            "conflict_precision": _ratio(len(right), len(judged)),
            "conflicts_exported": len(flagged), "conflicts_judged": len(judged),
            "conflicts_missed": missed, "false_conflicts": false,
            "consistent_flagged": len(wrong_flags), "consistent_flagged_pairs": wrong_flags}  # fmt: skip


def _consistent_flagged(
    pair: dict[str, Any], claim: dict[str, Any] | None, file_of: dict[str, str]
) -> bool:
    """A ``consistent`` record is flagged when its group's exported claim has a conflict on its
    slot between values from two of the record's files. A conflict of the slot between other
    values of the group (an ``ambiguous`` wording beside the agreeing ones) does not flag it."""
    files = {v["file"] for v in pair["values"]}
    return any(
        _norm_label(x.get("slot")) == pair["slot"]
        and len({file_of.get(v.get("document", "")) for v in x.get("values", [])} & files) > 1
        for x in (claim or {}).get("conflicts", [])
    )


def _held_apart(
    conflict: dict[str, Any], gold: dict[str, Any], assigned: dict[str, str],
    flagged: set[tuple[str, str]],
) -> bool:  # fmt: skip
    """Strict recall: some exported claim flagged on the conflict's slot (``flagged``: the
    (claim, slot) pairs ``score_conflicts`` reads) holds gold claims of the conflict's group
    from two articles whose gold values differ. The plain recall credits the group's assigned
    claim, which a tie among its members can make a claim flagged for another reason
    (eval/README.md, "An aside that names a post")."""
    value_of = {v["file"]: normalise(v["value"]) for v in conflict["values"]}
    members = [c for c in gold["claims"] if c["group"] == conflict["group"] and c["id"] in assigned]
    by_claim: dict[str, set[str]] = defaultdict(set)
    for c in members:
        if c["file"] in value_of:
            by_claim[assigned[c["id"]]].add(value_of[c["file"]])
    slot = _norm_label(conflict["slot"])
    return any(len(values) > 1 and (cid, slot) in flagged for cid, values in by_claim.items())


def score_attribution(
    gold: dict[str, Any], found: dict[str, dict[str, list[int]]], assigned: dict[str, str],
    claims: dict[str, dict[str, Any]],
) -> dict[str, Any]:  # fmt: skip
    """A found claim is right when a matching evidence item of its claim has the gold type."""
    wrong = []
    hits = [c for c in gold["claims"] if c["id"] in assigned]
    for c in hits:
        cid = assigned[c["id"]]
        evidence = claims[cid].get("evidence", [])
        types = {_norm_label(evidence[i].get("attribution_type")) for i in found[c["id"]][cid]}
        if c["attribution"]["type"] not in types:
            wrong.append({"id": c["id"], "key": c["key"], "gold": c["attribution"]["type"],
                          "predicted": sorted(types)})  # fmt: skip
    return {"attribution_accuracy": _ratio(len(hits) - len(wrong), len(hits)),
            "wrong_attributions": wrong}  # fmt: skip


def score_claims(export: dict[str, Any], gold: dict[str, Any] | None = None) -> dict[str, Any]:
    """Score an export (``dossier export --format json``) against the claim gold."""
    gold = gold or load_gold()
    claims = {str(c["id"]): c for c in export.get("claims", [])}
    found = find_matches(export, gold)
    assigned = assign_claims(gold, found, export)
    by_group = group_claims(gold, assigned)
    result: dict[str, Any] = {
        "claims_exported": len(claims),
        "gold_claims": len(gold["claims"]),
        "found": len(assigned),
        "claim_recall": _ratio(len(assigned), len(gold["claims"])),
        "per_file": _per_file(gold, assigned),
        "missed": [{"id": c["id"], "file": c["file"], "line": c["line"], "key": c["key"]}
                   for c in gold["claims"] if c["id"] not in assigned],
    }  # fmt: skip
    result.update(score_grouping(gold, assigned))
    result.update(score_status(gold, by_group, claims))
    file_of = {d["id"]: d["source"] for d in export["documents"]}
    result.update(score_conflicts(gold, by_group, claims, assigned, file_of))
    result.update(score_attribution(gold, found, assigned, claims))
    return result


def _per_file(gold: dict[str, Any], assigned: dict[str, str]) -> dict[str, Any]:
    rows = {}
    for file in sorted({c["file"] for c in gold["claims"]}):
        mine = [c for c in gold["claims"] if c["file"] == file]
        hits = sum(c["id"] in assigned for c in mine)
        rows[file] = {"gold": len(mine), "found": hits, "claim_recall": _ratio(hits, len(mine))}
    return rows


def run_selftest(path: Path = GOLD_PATH, seeds_dir: Path = SEEDS_DIR) -> None:
    """The gold scores perfectly against itself, and an empty prediction finds nothing."""
    gold = load_gold(path)
    perfect = score_claims(gold_export(path, seeds_dir), gold)
    figures = ("claim_recall", "group_precision", "group_recall", "group_f1", "status_accuracy",
               "conflict_recall", "conflict_recall_strict", "conflict_precision",
               "attribution_accuracy")  # fmt: skip
    for figure in figures:
        assert perfect[figure] == 1.0, (figure, perfect[figure], perfect)
    assert perfect["consistent_flagged"] == 0, perfect["consistent_flagged_pairs"]
    empty = score_claims({**gold_export(path, seeds_dir), "claims": []}, gold)
    for figure in figures:
        assert empty[figure] == 0.0, (figure, empty[figure])
    assert empty["found"] == 0 and len(empty["missed"]) == empty["gold_claims"]


def format_report(r: dict[str, Any]) -> str:
    lines = [f"{'file':<28}{'gold':>6}{'found':>7}{'recall':>8}"]
    for file, row in r["per_file"].items():
        lines.append(f"{file:<28}{row['gold']:>6}{row['found']:>7}{row['claim_recall']:>8.3f}")
    lines += [
        f"{'all':<28}{r['gold_claims']:>6}{r['found']:>7}{r['claim_recall']:>8.3f}",
        "",
        f"exported claims             {r['claims_exported']}",
        f"grouping P/R/F1             {r['group_precision']:.3f} / {r['group_recall']:.3f} / "
        f"{r['group_f1']:.3f}  ({r['group_pairs_gold']} gold-same pairs)",
        f"status accuracy             {r['status_accuracy']:.3f}  ({r['groups_found']} groups found; "
        f"{r['status_accuracy_as_annotated']:.3f} without single-source for the "
        f"{r['groups_relayed']} relayed)",
        f"conflict recall             {r['conflict_recall']:.3f}  (strict: "
        f"{r['conflict_recall_strict']:.3f}, two differing values held by one flagged claim)",
        f"conflict precision          {r['conflict_precision']:.3f}  "
        f"({r['conflicts_judged']}/{r['conflicts_exported']} exported conflicts judged)",
        f"consistent pairs flagged    {r['consistent_flagged']}",
        f"attribution accuracy        {r['attribution_accuracy']:.3f}",
        "",
        f"missed claims ({len(r['missed'])}):",
    ]
    lines += [f"  {m['id']} {m['file']}:{m['line']} {m['key']!r}" for m in r["missed"][:SHOW]]
    lines.append(f"wrong status ({len(r['wrong_status'])}):")
    lines += [f"  {w['group']}: gold {w['gold']} predicted {w['predicted']}"
              for w in r["wrong_status"][:SHOW]]  # fmt: skip
    lines.append(f"missed conflicts: {', '.join(r['conflicts_missed']) or '-'}")
    lines.append(f"false conflicts ({len(r['false_conflicts'])}):")
    lines += [f"  {f['claim']} ({f['group']}): {f['slot']}" for f in r["false_conflicts"][:SHOW]]
    lines.append(f"consistent pairs flagged: {', '.join(r['consistent_flagged_pairs']) or '-'}")
    lines.append(f"wrong attributions ({len(r['wrong_attributions'])}):")
    lines += [f"  {w['id']} {w['key']!r}: gold {w['gold']} predicted {w['predicted']}"
              for w in r["wrong_attributions"][:SHOW]]  # fmt: skip
    return "\n".join(lines)


def heldout_set(which: str) -> tuple[Path, tuple[Any, ...]]:
    """The gold file and the articles (``eval.heldout.HeldOutArticle``) of a held-out set."""
    from eval.heldout import ARTICLES, ARTICLES_2, ARTICLES_3, ARTICLES_4

    return {"heldout": (HELDOUT_GOLD_PATH, ARTICLES),
            "heldout2": (HELDOUT2_GOLD_PATH, ARTICLES_2),
            "heldout3": (HELDOUT3_GOLD_PATH, ARTICLES_3),
            "heldout4": (HELDOUT4_GOLD_PATH, ARTICLES_4)}[which]  # fmt: skip


def _add_gold_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", choices=GOLDS, default="seeds",
                        help="seeds (default), heldout (the Libya articles of eval/heldout.py) "
                             "heldout2 (its Syria articles), heldout3 (its BP oil spill "
                             "articles) or heldout4 (its H1N1 articles)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    description = (__doc__ or "").splitlines()[0]
    pre = argparse.ArgumentParser(add_help=False)
    _add_gold_option(pre)
    which = pre.parse_known_args(argv)[0].gold
    if which == "seeds":
        return run_scorer(argv, description, check_gold, score_claims, format_report,
                          run_selftest, add_arguments=_add_gold_option)  # fmt: skip
    from eval.heldout import heldout_corpus

    path, articles = heldout_set(which)
    gold = load_gold(path)
    with heldout_corpus(articles=articles) as corpus:
        return run_scorer(
            argv, description,
            check_gold=lambda: check_gold(path, corpus),
            score=lambda export: score_claims(export, gold),
            format_report=format_report,
            selftest=lambda: run_selftest(path, corpus),
            build=lambda: build_folder_export(corpus),
            add_arguments=_add_gold_option,
        )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
