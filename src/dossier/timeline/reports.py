"""What merging compares of one event candidate: its date as ordinals, its actors, its words.

A report's words are the content stems of its whole sentence, not of the shortened
summary: two outlets rarely shorten a sentence to the same words, but they keep the
same nouns ("message", "offensive") somewhere in it. The text of every actor mention
and of every date is left out, so an actor counts once (as an actor id, weighted by
rarity) and a shared year or month name is not mistaken for shared wording. Related
news words ("invaded"/"invasion") are folded to one stem (``related``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dossier.model import EventEvidence
from dossier.timeline.related import fold_related
from dossier.timeline.summary import content_words

log = logging.getLogger(__name__)

# Words that only say when: month names and period modifiers. The date's own text is
# excluded already; these are dropped from other dates in the sentence too.
DATE_WORDS = (
    "january february march april may june july august september october november december"
    " sept year years month months week weeks early late mid summer winter spring autumn fall"
)


@dataclass(frozen=True, slots=True)
class Report:
    """One piece of evidence with what merging compares: date ordinals, actors, words."""

    key: str  # "document:start:end:date_start" of the sentence and the date it reports
    evidence: EventEvidence
    document_id: str
    outlet: str
    lo: int  # date.toordinal() of the interval's first and last day
    hi: int
    dated: bool  # False when the interval is not in YYYY-MM-DD form
    actors: tuple[str, ...]  # actor ids of the sentence's mentions, in order, repeats kept
    words: frozenset[str]  # content stems of the sentence, less mentions and dates

    @property
    def years(self) -> range:
        if not self.dated:
            return range(0)
        return range(date.fromordinal(self.lo).year, date.fromordinal(self.hi).year + 1)


def build_reports(
    candidates: Sequence[EventEvidence], actor_of: Mapping[tuple[str, int, int], str]
) -> list[Report]:
    """One report per distinct (sentence, date), ordered by key; duplicates are logged."""
    reports: dict[str, Report] = {}
    for evidence in candidates:
        report = _report(evidence, actor_of)
        if report.key in reports:
            log.warning("event candidate %s given twice; keeping one", report.key)
            continue
        reports[report.key] = report
    return [reports[k] for k in sorted(reports)]


def _report(evidence: EventEvidence, actor_of: Mapping[tuple[str, int, int], str]) -> Report:
    cand = evidence.candidate
    sentence = cand.sentence
    actors = [actor_of.get((m.document_id, m.start, m.end)) for m in cand.mentions]
    names = [
        cand.sentence_text[m.start - sentence.start : m.end - sentence.start]
        for m, actor in zip(cand.mentions, actors, strict=True)
        if actor is not None
    ]
    lo, hi = _ordinals(cand.time.start), _ordinals(cand.time.end)
    dated = lo is not None and hi is not None and lo <= hi
    if not dated:
        log.warning("event candidate %s has an unreadable date %r", cand.sentence, cand.time)
    return Report(
        key=f"{sentence.document_id}:{sentence.start}:{sentence.end}:{cand.time.span.start}",
        evidence=evidence,
        document_id=sentence.document_id,
        outlet=evidence.outlet,
        lo=lo if dated and lo else 0,
        hi=hi if dated and hi else 0,
        dated=dated,
        actors=tuple(a for a in actors if a is not None),
        words=fold_related(content_words(cand.sentence_text, [*names, cand.time.text, DATE_WORDS])),
    )


def _ordinals(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None
