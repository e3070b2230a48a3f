"""The eval gate: quality figures must not fall below the floors pinned in eval_baseline.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from eval.score_cleaning import score_seeds

BASELINE: dict[str, dict[str, float]] = json.loads(
    (Path(__file__).parent / "eval_baseline.json").read_text()
)


@pytest.fixture(scope="module")
def seeds_cleaning(seeds_dir: Path) -> dict[str, Any]:
    return score_seeds(seeds_dir=seeds_dir)


@pytest.mark.parametrize("figure", sorted(BASELINE["seeds_cleaning"]))
def test_eval_gate_seeds_cleaning(seeds_cleaning: dict[str, Any], figure: str) -> None:
    _at_least("seeds_cleaning", figure, seeds_cleaning[figure])


def _at_least(section: str, figure: str, value: float) -> None:
    floor = BASELINE[section][figure]
    assert value >= floor, f"{section}: {figure} fell to {value:.4f} < {floor}"


def _load_bench(name: str) -> Any:
    import importlib.util

    bench_dir = Path(__file__).resolve().parents[1] / "bench"
    if str(bench_dir) not in sys.path:  # a bench script imports its sibling scripts
        sys.path.append(str(bench_dir))
    path = bench_dir / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pasted_text() -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = _load_bench("pasted_text").score_splits()
    return result


@pytest.mark.slow
@pytest.mark.parametrize("figure", sorted(BASELINE["pasted_text_test_split"]))
def test_eval_gate_pasted_text_held_out_pages(
    pasted_text: dict[str, dict[str, float]], figure: str
) -> None:
    _at_least("pasted_text_test_split", figure, pasted_text["test"][figure])


@pytest.fixture(scope="module")
def seeds_actors(seeds_export: dict[str, Any]) -> dict[str, Any]:
    from eval.score_actors import check_gold, score_actors

    check_gold()
    result: dict[str, Any] = score_actors(seeds_export)
    return result


@pytest.mark.parametrize("figure", ["pair_f1", "pair_precision", "forms_found_share"])
def test_eval_gate_seeds_actors(seeds_actors: dict[str, Any], figure: str) -> None:
    _at_least("seeds_actors", figure, seeds_actors[figure])


def test_eval_gate_seeds_actors_keep_distinct_people_apart(seeds_actors: dict[str, Any]) -> None:
    limit = BASELINE["seeds_actors"]["distinct_merged_max"]
    assert seeds_actors["distinct_merged"] <= limit, seeds_actors["distinct_merged_pairs"]


def test_eval_gate_ecbplus_entity_coreference() -> None:
    bench = _load_bench("ecbplus_entities")
    bench.selftest()
    mentions, key = bench.read_corpus(bench.DATA_DIR, bench.TOPICS["test"])
    ours = bench.score(key, bench.dossier_resolver(mentions))["CoNLL"][2]
    baseline = bench.score(key, bench.same_head_lemma(mentions))["CoNLL"][2]
    _at_least("ecbplus_entities", "conll_f1", ours)
    assert ours >= baseline, f"below the same-head-lemma baseline ({ours:.3f} < {baseline:.3f})"


def test_eval_gate_ecbplus_event_coreference() -> None:
    bench = _load_bench("ecbplus_events")
    mentions, key = bench.read_corpus(bench.DATA_DIR, bench.TOPICS["test"], bench.EVENT_PREFIXES)
    features = bench.Features(mentions)
    ours = bench.score(key, bench.dossier_events(features)(mentions))["CoNLL"][2]
    baseline = bench.score(key, bench.same_head(features.lemma)(mentions))["CoNLL"][2]
    _at_least("ecbplus_events", "conll_f1", ours)
    assert ours >= baseline, f"below the same-head-lemma baseline ({ours:.3f} < {baseline:.3f})"


def test_eval_gate_tempeval3_value_f1() -> None:
    bench = _load_bench("tempeval3")
    documents = bench.read_documents(bench.PLATINUM, "te3-platinum/")
    tally = bench.Tally()
    for document in documents:
        bench.score(document, bench.run(document), tally, False)
    value_f1 = bench.summary(tally)["value F1"]
    _at_least("tempeval3", "value_f1", value_f1)


@pytest.fixture(scope="module")
def seeds_timeline(seeds_export: dict[str, Any]) -> dict[str, Any]:
    from eval.score_timeline import check_gold, score_timeline

    check_gold()
    result: dict[str, Any] = score_timeline(seeds_export)
    return result


@pytest.mark.parametrize("figure", ["event_recall", "date_accuracy", "date_overlap_accuracy"])
def test_eval_gate_seeds_timeline(seeds_timeline: dict[str, Any], figure: str) -> None:
    _at_least("seeds_timeline", figure, seeds_timeline[figure])


@pytest.fixture(scope="module")
def seeds_claims(seeds_export: dict[str, Any]) -> dict[str, Any]:
    from eval.score_claims import check_gold, score_claims

    check_gold()
    result: dict[str, Any] = score_claims(seeds_export)
    return result


@pytest.mark.parametrize(
    "figure",
    ["claim_recall", "attribution_accuracy", "group_f1", "status_accuracy", "conflict_recall",
     "conflict_recall_strict", "conflict_precision"],
)  # fmt: skip
def test_eval_gate_seeds_claims(seeds_claims: dict[str, Any], figure: str) -> None:
    _at_least("seeds_claims", figure, seeds_claims[figure])


def test_eval_gate_seeds_claims_flag_no_consistent_statement(seeds_claims: dict[str, Any]) -> None:
    _flags_at_most("seeds_claims", seeds_claims)


def _score_heldout(which: str) -> dict[str, Any]:
    from eval.claims_gold import check_gold, load_gold
    from eval.common import build_folder_export
    from eval.heldout import heldout_corpus
    from eval.score_claims import heldout_set, score_claims

    path, articles = heldout_set(which)
    with heldout_corpus(articles=articles) as corpus:
        check_gold(path, corpus)
        result: dict[str, Any] = score_claims(build_folder_export(corpus), load_gold(path))
    return result


@pytest.fixture(scope="module")
def heldout_claims() -> dict[str, Any]:
    return _score_heldout("heldout")


@pytest.mark.parametrize(
    "figure",
    ["claim_recall", "attribution_accuracy", "group_f1", "status_accuracy", "conflict_recall",
     "conflict_recall_strict", "conflict_precision"],
)  # fmt: skip
def test_eval_gate_heldout_claims(heldout_claims: dict[str, Any], figure: str) -> None:
    _at_least("heldout_claims", figure, heldout_claims[figure])


def test_eval_gate_heldout_claims_flag_no_consistent_statement(
    heldout_claims: dict[str, Any],
) -> None:
    _flags_at_most("heldout_claims", heldout_claims)


def _flags_at_most(section: str, result: dict[str, Any]) -> None:
    limit = BASELINE[section]["consistent_flagged_max"]
    assert result["consistent_flagged"] <= limit, result["consistent_flagged_pairs"]


@pytest.fixture(scope="module", params=["heldout2", "heldout3", "heldout4"])
def blind_claims(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    """The held-out sets annotated blind: (section of the baseline, scores)."""
    return f"{request.param}_claims", _score_heldout(request.param)


@pytest.mark.parametrize(
    "figure",
    ["claim_recall", "attribution_accuracy", "group_f1", "status_accuracy", "conflict_recall",
     "conflict_recall_strict"],
)  # fmt: skip
def test_eval_gate_blind_claims(blind_claims: tuple[str, dict[str, Any]], figure: str) -> None:
    section, result = blind_claims
    if figure not in BASELINE[section]:
        pytest.skip(f"{section} has no {figure} floor: none of its gold conflicts is found yet")
    _at_least(section, figure, result[figure])


def test_eval_gate_blind_claims_flag_no_consistent_statement(
    blind_claims: tuple[str, dict[str, Any]],
) -> None:
    _flags_at_most(*blind_claims)


def test_eval_relayed_groups_count_one_upstream_source_once() -> None:
    from eval.claims_gold import relayed_groups

    def claim(group: str, file: str, kind: str, source: str | None) -> dict[str, Any]:
        return {"group": group, "file": file, "attribution": {"type": kind, "source": source}}

    gold = {"outlets": {"a.txt": "CNN", "b.txt": "Reuters", "c.txt": "CNN"}, "claims": [
        claim("relayed", "a.txt", "subject", "Moammar Gadhafi"),
        claim("relayed", "b.txt", "subject", "Muammar Gaddafi"),
        claim("own-reporting", "a.txt", "named-source", "Mike Mullen"),
        claim("own-reporting", "b.txt", "unattributed", None),
        claim("two-media", "a.txt", "other-media", "Syrian state media"),
        claim("two-media", "b.txt", "other-media", "Iranian state media"),
        claim("one-outlet", "a.txt", "named-source", "Obama"),
        claim("one-outlet", "c.txt", "named-source", "Barack Obama"),
    ]}  # fmt: skip
    assert relayed_groups(gold) == {"relayed"}


def test_eval_conflict_audit_samples_the_month_asked_without_held_out_articles() -> None:
    from eval.conflict_audit import sample
    from eval.heldout import ARTICLES, load_topic

    topic = ARTICLES[0].topic  # a topic folder the held-out Libya gold draws on
    records = load_topic(topic)
    held = {a.uid for a in ARTICLES if a.topic == topic}
    month = records[next(iter(held))]["dct"][:7]
    picked = sample(1000, [(topic, "X", month)])
    assert picked and all(records[a.uid]["dct"].startswith(month) for a in picked)
    assert not held & {a.uid for a in picked}
    other = sample(5, [(topic, "X", "2011-04")])
    assert len(other) == 5 and all(records[a.uid]["dct"].startswith("2011-04") for a in other)


def test_claims_scorer_scores_its_own_gold_perfectly_and_an_empty_export_zero() -> None:
    from eval.score_claims import run_selftest

    run_selftest()


def test_strict_conflict_recall_needs_two_differing_values_in_one_flagged_claim() -> None:
    from eval.score_claims import _held_apart

    gold = {"claims": [{"id": "a", "group": "toll", "file": "x.txt"},
                       {"id": "b", "group": "toll", "file": "y.txt"}]}  # fmt: skip
    conflict = {"group": "toll", "slot": "number",
                "values": [{"file": "x.txt", "value": "64"}, {"file": "y.txt", "value": "48"}]}  # fmt: skip
    flagged = {("c1", "number")}
    assert _held_apart(conflict, gold, {"a": "c1", "b": "c1"}, flagged)
    # each value in its own claim
    assert not _held_apart(conflict, gold, {"a": "c1", "b": "c2"}, flagged)
    assert not _held_apart(conflict, gold, {"a": "c1", "b": "c1"}, {("c1", "date")})


def test_a_consistent_record_is_flagged_only_by_a_conflict_between_its_own_files() -> None:
    from eval.score_claims import _consistent_flagged

    pair = {"group": "quote-of-x", "slot": "quote",
            "values": [{"file": "a.txt", "value": "manage"}, {"file": "b.txt", "value": "run"}]}  # fmt: skip
    file_of = {"d1": "a.txt", "d2": "b.txt", "d3": "c.txt"}

    def claim(*documents: str, slot: str = "quote") -> dict[str, object]:
        return {"conflicts": [{"slot": slot, "values": [{"document": d} for d in documents]}]}

    assert _consistent_flagged(pair, claim("d1", "d2"), file_of)
    # another wording of the group's quote, against one of the agreeing ones
    assert not _consistent_flagged(pair, claim("d3", "d2"), file_of)
    assert not _consistent_flagged(pair, claim("d1", "d2", slot="date"), file_of)
    assert not _consistent_flagged(pair, None, file_of)


def test_eval_gate_invented_stories_planted_disagreements() -> None:
    """The planted disagreements of eval/stories are flagged, and nothing else is."""
    from eval.score_stories import score_all, totals

    scores = score_all()
    total = totals(scores)
    floor = BASELINE["stories"]
    missed = {name: s["missed"] for name, s in scores.items() if s["missed"]}
    assert total["found"] >= floor["found"], f"found {total['found']} < {floor['found']}: {missed}"
    false = [w for s in scores.values() for w in s["false"]]
    assert total["false"] <= floor["false_max"], false


def test_stories_scorer_finds_planted_values_and_counts_others_false() -> None:
    """An export flagging exactly the planted values finds all of them; an unrelated flag is
    false; an empty export finds none."""
    from eval.score_stories import load_planted, score_story

    story = load_planted()["election"]
    exact = {
        "claims": [
            {
                "conflicts": [
                    {"slot": p["slot"], "values": [{"value": v.split("|")[0]} for v in p["values"]]}
                ]
            }
            for p in story["planted"]
        ]
    }
    assert len(score_story(exact, story)["found"]) == len(story["planted"])
    assert score_story(exact, story)["false"] == []
    other = {
        "claims": [
            {"conflicts": [{"slot": "date", "values": [{"value": "1990"}, {"value": "1991"}]}]}
        ]
    }
    assert score_story(other, story)["false"] == ["date: 1990 / 1991"]
    assert score_story({"claims": []}, story)["found"] == []
