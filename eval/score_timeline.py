"""Score the dated events of an export against the hand-made timeline gold of the seeds.

Run from the repository root::

    .venv/bin/python -m eval.score_timeline             # build the seeds into a temp DuckDB, score
    .venv/bin/python -m eval.score_timeline --db PATH   # score an existing dossier database
    .venv/bin/python -m eval.score_timeline --selftest  # score the gold itself and an empty export

The gold (``eval/gold/seeds_timeline.json``) names each dated event by seed file, line number
and a key phrase of at most six words (never article text), with its date as an inclusive
interval ``[start, end]``. The export's ``events`` are read as the prediction:

- **found**: some predicted event has an evidence item in the gold event's document whose
  text contains the key (NFKC, straight quotes, whitespace collapsed, case-folded);
- **date exact / overlap**: the predicted interval of a found event (the evidence's own
  ``date`` when the export gives one, else the event's) equals / overlaps the gold interval;
- **group merge rate**: for gold groups reported by two or more articles, the share whose
  found members all sit in one predicted event;
- **wrong merges**: predicted events with two or more evidence items that hold gold keys
  but share no gold group (an ungrouped gold event is its own group), the precision side
  of merging. One sentence holding several keys is not a merge and never counts.

Events marked ``needs_anchor`` in a document without a publication date are left out of
recall and date accuracy and reported on their own line.
"""

from __future__ import annotations

import calendar
import itertools
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.common import SEEDS_DIR, key_problems, normalise, run_scorer

GOLD_PATH = Path(__file__).parent / "gold" / "seeds_timeline.json"
MAX_KEY_WORDS = 6  # the gold stores short key phrases, never sentences
SHOW = 15  # rows of each list in the printed report
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Interval = tuple[str, str]


class GoldMismatchError(RuntimeError):
    """The timeline gold is inconsistent, or a key phrase is not in its seed line."""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    file: str
    line: int
    key: str
    start: str
    end: str
    group: str | None
    needs_anchor: bool
    scorable: bool  # False: needs an anchor the document does not state


@dataclass(frozen=True, slots=True)
class Match:
    event: str  # predicted event id
    interval: Interval | None


def load_gold(path: Path = GOLD_PATH) -> tuple[GoldEvent, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    undated = {f for f, a in data["anchors"].items() if not a.get("published")}
    return tuple(
        GoldEvent(e["id"], e["file"], e["line"], e["key"], e["start"], e["end"], e["group"],
                  e["needs_anchor"], not (e["needs_anchor"] and e["file"] in undated))
        for e in data["events"]
    )  # fmt: skip


def check_gold(path: Path = GOLD_PATH, seeds_dir: Path = SEEDS_DIR) -> None:
    """Raise unless every key occurs verbatim in its seed line and the records are consistent."""
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = key_problems(data["events"], seeds_dir)
    for e in data["events"]:
        if not isinstance(e["needs_anchor"], bool):
            problems.append(f"{e['id']}: needs_anchor is not a bool")
        if len(e["key"].split()) > MAX_KEY_WORDS:
            problems.append(f"{e['id']}: key longer than {MAX_KEY_WORDS} words")
        if not (_is_day(e["start"]) and _is_day(e["end"]) and e["start"] <= e["end"]):
            problems.append(f"{e['id']}: bad interval {e['start']}..{e['end']}")
    problems += _check_conflicts(data)
    if problems:
        raise GoldMismatchError("timeline gold: " + "; ".join(problems))


def _check_conflicts(data: dict[str, Any]) -> list[str]:
    """An 'incompatible' conflict has two disjoint reports; a 'variation' has none."""
    by_id = {e["id"]: e for e in data["events"]}
    problems = []
    for c in data["conflicts"]:
        members = [by_id[i] for i in c["events"]]
        disjoint = any(
            not _overlaps((a["start"], a["end"]), (b["start"], b["end"]))
            for a, b in itertools.combinations(members, 2)
        )
        if disjoint != (c["kind"] == "incompatible"):
            problems.append(f"conflict {c['group']}: kind {c['kind']!r} does not fit its dates")
    return problems


def _is_day(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def to_interval(date: Any) -> Interval | None:
    """A predicted date as an inclusive ISO interval; partial dates widen to their period."""
    if not isinstance(date, dict) or not date.get("start") or not date.get("end"):
        return None
    start, end = str(date["start"]), str(date["end"])
    if not (ISO_DATE.match(start) and ISO_DATE.match(end)):
        return None
    return _widen(start, first=True), _widen(end, first=False)


def _widen(value: str, first: bool) -> str:
    if len(value) == 4:
        return f"{value}-01-01" if first else f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:])
        return f"{value}-01" if first else f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def find_matches(export: dict[str, Any], gold: tuple[GoldEvent, ...]) -> dict[str, list[Match]]:
    """Gold event id -> the predicted evidence items that hold its key in its document."""
    source = {d["id"]: d["source"] for d in export["documents"]}
    keys = defaultdict(list)
    for g in gold:
        keys[g.file].append((g.id, normalise(g.key)))
    found: dict[str, list[Match]] = defaultdict(list)
    for event in export["events"]:
        for ev in event.get("evidence", []):
            candidates = keys.get(source.get(ev["document"], ""), [])
            text = normalise(ev.get("text", ""))
            date = ev["date"] if ev.get("date") else event.get("date")
            for gid, key in candidates:
                if key in text:
                    found[gid].append(Match(event["id"], to_interval(date)))
    return found


def judge_date(g: GoldEvent, matches: list[Match]) -> tuple[str, Interval | None]:
    """'exact', 'overlap' or 'wrong', with the predicted interval judged (the best one)."""
    gold = (g.start, g.end)
    for verdict, test in (
        ("exact", lambda i: i == gold),
        ("overlap", lambda i: _overlaps(i, gold)),
    ):
        for m in matches:
            if m.interval and test(m.interval):
                return verdict, m.interval
    return "wrong", matches[0].interval


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def score_groups(gold: tuple[GoldEvent, ...], found: dict[str, list[Match]]) -> dict[str, Any]:
    """Cross-article groups: merged when one predicted event holds all their found members."""
    members: dict[str, list[GoldEvent]] = defaultdict(list)
    for g in gold:
        if g.group:
            members[g.group].append(g)
    checked, merged, split = 0, 0, []
    pairs = pairs_same = 0
    for group, events in sorted(members.items()):
        hits = [g for g in events if g.id in found]
        if len({g.file for g in events}) < 2 or len({g.file for g in hits}) < 2:
            continue
        checked += 1
        sets = [{m.event for m in found[g.id]} for g in hits]
        if set.intersection(*sets):
            merged += 1
        else:
            split.append(
                {
                    "group": group,
                    "events": {g.id: sorted(s) for g, s in zip(hits, sets, strict=True)},
                }
            )
        for (a, sa), (b, sb) in itertools.combinations(zip(hits, sets, strict=True), 2):
            if a.file != b.file:
                pairs += 1
                pairs_same += bool(sa & sb)
    return {"group_merge_rate": _ratio(merged, checked), "groups_checked": checked,
            "groups_merged": merged, "groups_split": split,
            "group_pair_rate": _ratio(pairs_same, pairs)}  # fmt: skip


def score_wrong_merges(export: dict[str, Any], gold: tuple[GoldEvent, ...]) -> dict[str, Any]:
    """Predicted events whose matched evidence items have no gold group in common."""
    source = {d["id"]: d["source"] for d in export["documents"]}
    keys = defaultdict(list)
    for g in gold:
        keys[g.file].append((g.group or g.id, normalise(g.key)))
    wrong = []
    for event in export["events"]:
        items = []
        for ev in event.get("evidence", []):
            text = normalise(ev.get("text", ""))
            groups = {
                grp for grp, key in keys.get(source.get(ev["document"], ""), []) if key in text
            }
            if groups:
                items.append(groups)
        if len(items) >= 2 and not set.intersection(*items):
            wrong.append({"event": event["id"], "groups": sorted(set.union(*items))})
    return {"wrong_merges": len(wrong), "wrong_merge_events": wrong}


def _per_file(
    gold: tuple[GoldEvent, ...], found: dict[str, list[Match]], verdicts: dict[str, str]
) -> dict[str, Any]:
    rows: dict[str, dict[str, Any]] = {}
    for file in sorted({g.file for g in gold}):
        scorable = [g for g in gold if g.file == file and g.scorable]
        hits = [g for g in scorable if g.id in found]
        exact = sum(verdicts[g.id] == "exact" for g in hits)
        near = sum(verdicts[g.id] != "wrong" for g in hits)
        rows[file] = {"gold": len(scorable), "found": len(hits),
                      "event_recall": _ratio(len(hits), len(scorable)),
                      "date_accuracy": _ratio(exact, len(hits)),
                      "date_overlap_accuracy": _ratio(near, len(hits)),
                      "needs_anchor": sum(g.file == file and not g.scorable for g in gold)}  # fmt: skip
    return rows


def score_timeline(
    export: dict[str, Any], gold: tuple[GoldEvent, ...] | None = None
) -> dict[str, Any]:
    """Score an export (``dossier export --format json``) against the timeline gold."""
    gold = gold or load_gold()
    found = find_matches(export, gold)
    judged = {g.id: judge_date(g, found[g.id]) for g in gold if g.id in found}
    verdicts = {gid: v for gid, (v, _) in judged.items()}
    scorable = [g for g in gold if g.scorable]
    hits = [g for g in scorable if g.id in found]
    anchorless = [g for g in gold if not g.scorable]
    result: dict[str, Any] = {
        "events_predicted": len(export["events"]),
        "gold_scorable": len(scorable),
        "found": len(hits),
        "event_recall": _ratio(len(hits), len(scorable)),
        "date_accuracy": _ratio(sum(verdicts[g.id] == "exact" for g in hits), len(hits)),
        "date_overlap_accuracy": _ratio(sum(verdicts[g.id] != "wrong" for g in hits), len(hits)),
        "needs_anchor_total": len(anchorless),
        "needs_anchor_found": sum(g.id in found for g in anchorless),
        "per_file": _per_file(gold, found, verdicts),
        "missed": [{"id": g.id, "file": g.file, "line": g.line, "key": g.key}
                   for g in scorable if g.id not in found],
        "wrong_dates": [{"id": g.id, "key": g.key, "gold": [g.start, g.end],
                         "predicted": list(judged[g.id][1] or ()), "overlaps": verdicts[g.id] == "overlap"}
                        for g in hits if verdicts[g.id] != "exact"],
    }  # fmt: skip
    result.update(score_groups(gold, found))
    result.update(score_wrong_merges(export, gold))
    return result


def gold_export(path: Path = GOLD_PATH, seeds_dir: Path = SEEDS_DIR) -> dict[str, Any]:
    """A perfect prediction made from the gold: one event per group, the seed line as evidence."""
    data = json.loads(path.read_text(encoding="utf-8"))
    files = sorted({e["file"] for e in data["events"]})
    lines = {f: (seeds_dir / f).read_text(encoding="utf-8").splitlines() for f in files}
    events: dict[str, dict[str, Any]] = {}
    for e in data["events"]:
        date = {"start": e["start"], "end": e["end"], "precision": e["date"]["precision"]}
        event = events.setdefault(e["group"] or e["id"], {"id": e["group"] or e["id"], "date": date,
                                                          "summary": e["key"], "entities": [], "evidence": []})  # fmt: skip
        event["evidence"].append({"document": e["file"], "start": 0, "end": 0,
                                  "text": lines[e["file"]][e["line"] - 1], "date": date})  # fmt: skip
    documents = [{"id": f, "source": f, "text": "\n".join(lines[f])} for f in files]
    return {"documents": documents, "entities": [], "events": list(events.values())}


def run_selftest() -> None:
    """The gold scores perfectly against itself, and an empty prediction finds nothing."""
    perfect = score_timeline(gold_export())
    for figure in ("event_recall", "date_accuracy", "date_overlap_accuracy", "group_merge_rate"):
        assert perfect[figure] == 1.0, (figure, perfect[figure])
    assert perfect["needs_anchor_found"] == perfect["needs_anchor_total"]
    assert perfect["wrong_merges"] == 0, perfect["wrong_merge_events"]
    empty = score_timeline({**gold_export(), "events": []})
    assert empty["event_recall"] == 0.0 and empty["groups_checked"] == 0, empty
    assert len(empty["missed"]) == empty["gold_scorable"]


def format_report(r: dict[str, Any]) -> str:
    head = f"{'file':<28}{'gold':>6}{'found':>7}{'recall':>8}{'date=':>8}{'date~':>8}{'anchor?':>9}"
    lines = [head]
    for file, row in r["per_file"].items():
        lines.append(f"{file:<28}{row['gold']:>6}{row['found']:>7}{row['event_recall']:>8.3f}"
                     f"{row['date_accuracy']:>8.3f}{row['date_overlap_accuracy']:>8.3f}{row['needs_anchor']:>9}")  # fmt: skip
    lines += [
        f"{'all':<28}{r['gold_scorable']:>6}{r['found']:>7}{r['event_recall']:>8.3f}"
        f"{r['date_accuracy']:>8.3f}{r['date_overlap_accuracy']:>8.3f}{r['needs_anchor_total']:>9}",
        "",
        f"predicted events            {r['events_predicted']}",
        f"needs-anchor events found   {r['needs_anchor_found']}/{r['needs_anchor_total']} (not scored)",
        f"group merge rate            {r['group_merge_rate']:.3f}  "
        f"({r['groups_merged']}/{r['groups_checked']} cross-article groups; pairs {r['group_pair_rate']:.3f})",
        f"wrong merges                {r['wrong_merges']}  (events mixing gold groups)",
        "",
        f"missed events ({len(r['missed'])}):",
    ]
    lines += [f"  {m['id']} {m['file']}:{m['line']} {m['key']!r}" for m in r["missed"][:SHOW]]
    lines.append(f"wrong dates ({len(r['wrong_dates'])}):")
    lines += [f"  {w['id']} {w['key']!r}: gold {w['gold']} predicted {w['predicted']}"
              f"{' (overlaps)' if w['overlaps'] else ''}" for w in r["wrong_dates"][:SHOW]]  # fmt: skip
    lines.append("groups split across events:")
    lines += [f"  {s['group']}: {s['events']}" for s in r["groups_split"][:SHOW]]
    lines.append("wrong merges:")
    lines += [f"  {w['event']}: {w['groups']}" for w in r["wrong_merge_events"][:SHOW]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    description = (__doc__ or "").splitlines()[0]
    return run_scorer(argv, description, check_gold, score_timeline, format_report, run_selftest)


if __name__ == "__main__":
    raise SystemExit(main())
