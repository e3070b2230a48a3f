"""Generic news verbs and their nouns that name the same happening, folded to one stem.

Two outlets rarely pick the same word: one "invaded", the other reports "the invasion";
one says they "met", the other "a meeting". Word overlap compares truncated stems
(``summary.content_words``), which joins inflections but not these; each group below
is folded onto its first word's stem. The table holds only general news vocabulary,
never names or words of one story.
"""

from __future__ import annotations

from collections.abc import Iterable

from dossier.timeline.summary import content_words

# Each line is one group of words that report the same kind of happening. Kept small
# and generic: a word goes here only when its group's members are near-synonyms in
# news prose ("supply"/"provide"/"arm"), not merely related ("attack"/"defend").
RELATED_WORDS = (
    "meet met meeting meetings talks",
    "send sent sends sending pass passed message messages",
    "invade invaded invades invading invasion",
    "join joined joins joining",
    "born birth",
    "attack attacks attacked",
    "supply supplied supplies provide provided provides give gave given arm arms armed",
    "sanction sanctions sanctioned",
    "appoint appointed appointment named",
)


def _fold_table(groups: Iterable[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in groups:
        stems = [s for w in group.split() for s in content_words(w)]
        table.update((s, stems[0]) for s in stems)
    return table


_FOLD = _fold_table(RELATED_WORDS)


def fold_related(stems: Iterable[str]) -> frozenset[str]:
    """``stems`` with each related word replaced by its group's first stem."""
    return frozenset(_FOLD.get(s, s) for s in stems)
