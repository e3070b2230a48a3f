"""Line-level boilerplate removal on text "pasted" from unseen outlets.

Protocol
--------
The 181 pages of the Zyte article-extraction benchmark
(``../shared/eval/data/article-extraction-benchmark``) stand in for articles from outlets the
cleaner has never seen. Each page is rendered to the plain text a person would get with
select-all / copy in a browser: ``script``, ``style``, ``noscript``, ``head`` (and a few other
invisible elements) are dropped, a newline is emitted around block elements (``p``, ``div``,
``li``, ``h1``-``h6``, ``br``, ``tr``, ``section``, ``article``, ``header``, ``footer``, ``nav``
...), and runs of spaces are collapsed. The text goes through ``split_lines`` and
``classify_lines``.

Each line is labelled against the hand-checked ``articleBody``: "body" when its
whitespace-normalised text is a substring of the whitespace-normalised ``articleBody`` and it has
at least 3 words (shorter matches are left unlabelled, since a word like "Share" occurs in many
bodies), "non-body" otherwise. Scores: body lines kept and non-body lines removed, as a macro
average over pages and a micro average over lines. Pages are split by sorted id into dev (even
positions, used for tuning) and test (odd positions, never looked at while tuning).

Caveats
-------
* Rendering HTML is not a real copy-paste: no CSS, so hidden menus, modals and cookie banners
  are "visible"; menus and footers are far longer than in a human paste, where people usually
  start near the headline. Non-body removal here is therefore harder than on real pastes.
* Inline markup that a browser would render on one line may be split (or vice versa), and a
  body line rendered slightly differently from the ground truth (an inline caption, a typo fix)
  counts as non-body, so a little of the "non-body kept" figure is label noise.
* Titles, bylines and dates are labelled non-body here; in the pipeline a separate metadata step
  consumes them, and this cleaner does not try to remove them.

A second proxy (``--trafilatura``, report only, never tuned on): the English pages of the
trafilatura evaluation corpus, rendered the same way. A "with" segment counts as kept when a line
containing it is kept; a "without" segment counts as removed when every line containing it is
removed. Segments spread over several lines are skipped.

Run: ``.venv/bin/python bench/pasted_text.py [--page ID] [--show] [--trafilatura]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml.etree import _Element

from dossier.clean.lines import classify_lines, split_lines

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval"
    / "data"
    / "article-extraction-benchmark"
)
TRAFILATURA = DATA.parent / "trafilatura-eval"
ENGLISH = frozenset(
    {"the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "with", "as", "was"}
)
ENGLISH_SHARE = 0.15  # English running text has well over this share of these words;
# German, French or Polish pages with English menus stay well under it
MIN_BODY_WORDS = 3  # shorter lines matching the body are ambiguous ("Share", "Photo")
DROP_TAGS = {"script", "style", "noscript", "head", "template", "svg", "iframe", "select"}
BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table",
    "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption",
    "blockquote", "pre", "form", "dl", "dt", "dd", "hr", "address", "button", "option", "label",
}  # fmt: skip
SPACES = re.compile(r"[ \t\u00a0\u2009\u200b\r\f\v]+")


@dataclass
class Score:
    body: int = 0
    body_kept: int = 0
    other: int = 0
    other_removed: int = 0


def render(html: str | bytes) -> str:
    """Render HTML to the plain text of a browser copy-paste (approximately)."""
    root = lxml.html.document_fromstring(html)
    parts: list[str] = []
    walk(root, parts)
    lines = (SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def walk(node: _Element, parts: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in DROP_TAGS or node.get("hidden") is not None:
        parts.append(node.tail or "")
        return
    block = tag in BLOCK_TAGS
    if block:
        parts.append("\n")
    if tag:
        parts.append((node.text or "").replace("\n", " "))
        for child in node:
            walk(child, parts)
    if block:
        parts.append("\n")
    parts.append((node.tail or "").replace("\n", " "))


def normalise(text: str) -> str:
    return " ".join(text.split())


def score_page(page_id: str, truth: str, show: bool) -> Score:
    with gzip.open(DATA / "html" / f"{page_id}.html.gz") as handle:
        html = handle.read().decode("utf-8")
    body = normalise(truth)
    score = Score()
    for decision in classify_lines(split_lines(render(html))):
        text = normalise(decision.line.text)
        if text in body and len(text.split()) >= MIN_BODY_WORDS:
            score.body += 1
            score.body_kept += decision.keep
            mark = "ok " if decision.keep else "LOST"
        elif text not in body:
            score.other += 1
            score.other_removed += not decision.keep
            mark = "    " if not decision.keep else "KEPT"
        else:
            mark = "?   "
        if show:
            print(f"{mark} {decision.reason:15} {text[:110]}")
    return score


def ratio(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def figures(scores: list[Score]) -> dict[str, float]:
    """Percentages for one split: body kept and non-body removed, macro and micro."""
    return {
        "body_kept_macro": sum(ratio(s.body_kept, s.body) for s in scores) / len(scores),
        "body_kept_micro": ratio(sum(s.body_kept for s in scores), sum(s.body for s in scores)),
        "nonbody_removed_macro": sum(ratio(s.other_removed, s.other) for s in scores) / len(scores),
        "nonbody_removed_micro": ratio(
            sum(s.other_removed for s in scores), sum(s.other for s in scores)
        ),
        "pages": len(scores),
        "pages_all_body": sum(s.body_kept == s.body for s in scores),
    }


def score_splits() -> dict[str, dict[str, float]]:
    """Score every page; pages at even positions of the sorted ids are dev, odd are test."""
    truth = json.loads((DATA / "ground-truth.json").read_text())
    splits: dict[str, list[Score]] = {"dev": [], "test": []}
    for position, page_id in enumerate(sorted(truth)):
        score = score_page(page_id, truth[page_id]["articleBody"], show=False)
        splits["dev" if position % 2 == 0 else "test"].append(score)
    return {name: figures(scores) for name, scores in splits.items()}


def summarise(name: str, scores: list[Score]) -> str:
    f = figures(scores)
    return (
        f"{name:5} {f['pages']:5} {f['body_kept_macro']:9.2f} {f['body_kept_micro']:9.2f} "
        f"{f['nonbody_removed_macro']:9.2f} {f['nonbody_removed_micro']:9.2f} {f['pages_all_body']:8}"
    )


def is_english(text: str) -> bool:
    words = text.casefold().split()
    return bool(words) and sum(w in ENGLISH for w in words) >= ENGLISH_SHARE * len(words)


def score_segments(html: bytes, keep: list[str], drop: list[str]) -> Score | None:
    """Segments of one trafilatura page: "with" kept, "without" removed; None if not English."""
    text = render(html)
    if not is_english(text):
        return None
    decisions = [(normalise(d.line.text), d.keep) for d in classify_lines(split_lines(text))]
    score = Score()
    for segment in map(normalise, keep):
        found = [kept for line, kept in decisions if segment in line]
        score.body += bool(found)
        score.body_kept += any(found)
    for segment in map(normalise, drop):
        found = [kept for line, kept in decisions if segment in line]
        score.other += bool(found)
        score.other_removed += bool(found) and not any(found)
    return score


def report_trafilatura() -> None:
    pages = json.loads((TRAFILATURA / "evaldata.json").read_text())
    scores: list[Score] = []
    for item in pages.values():
        with gzip.open(TRAFILATURA / "html" / f"{item['file']}.gz") as handle:
            score = score_segments(handle.read(), item["with"], item["without"])
        if score is not None and score.body + score.other:
            scores.append(score)
    f = figures(scores)
    print(f"trafilatura English pages {f['pages']}: with-segments kept "
          f"{sum(s.body_kept for s in scores)}/{sum(s.body for s in scores)} "
          f"({f['body_kept_micro']:.2f}%), without-segments removed "
          f"{sum(s.other_removed for s in scores)}/{sum(s.other for s in scores)} "
          f"({f['nonbody_removed_micro']:.2f}%)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--page", help="show one page's decisions (id prefix)")
    parser.add_argument("--show", action="store_true", help="print every line's decision")
    parser.add_argument("--worst", type=int, default=0, help="list the N dev pages losing most")
    parser.add_argument("--noisy", type=int, default=0, help="list the N dev pages keeping most")
    parser.add_argument("--trafilatura", action="store_true", help="report the second proxy")
    args = parser.parse_args()
    if args.trafilatura:
        report_trafilatura()
        return
    truth = json.loads((DATA / "ground-truth.json").read_text())
    ids = sorted(truth)
    if args.page:
        page = next(i for i in ids if i.startswith(args.page))
        score_page(page, truth[page]["articleBody"], show=True)
        return
    splits: dict[str, list[Score]] = {"dev": [], "test": []}
    for position, page_id in enumerate(ids):
        split = "dev" if position % 2 == 0 else "test"
        score = score_page(page_id, truth[page_id]["articleBody"], args.show)
        splits[split].append(score)
        if split == "dev" and args.worst and score.body_kept < score.body:
            lost = score.body - score.body_kept
            kept = score.other - score.other_removed
            print(f"{page_id[:10]} lost {lost}/{score.body}  kept-other {kept}", file=sys.stderr)
    if args.noisy:
        noisy = sorted(
            ((s.other - s.other_removed, i) for i, s in zip(ids[::2], splits["dev"], strict=True)),
            reverse=True,
        )
        for kept, page_id in noisy[: args.noisy]:
            print(f"{page_id[:10]} kept-other {kept}", file=sys.stderr)
    print("                  body kept %       non-body removed %   pages with")
    print("split pages     macro     micro     macro     micro  all body")
    for name, scores in splits.items():
        print(summarise(name, scores))


if __name__ == "__main__":
    main()
