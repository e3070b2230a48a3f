"""Institutions named by a modifier: "the Bush administration", "the Syrian army".

spaCy often tags only the modifier ("Bush" PERSON, "Syrian" NORP), so without this step
a government would be counted as the man it is named after, and an army as its nation.
A PERSON, NORP or GPE mention that its sentence follows with an institution noun stands
for the institution: the resolver reads it as "<mention> <noun>" typed ORG, so it never
joins the person or the people. Organisations are left alone: "Quds forces" is the Quds
Force, not a new body.

Nouns for one institution share a matching key (``names.INSTITUTION_SYNONYMS``): "regime"
and "administration" are the government, "military" the army. A possessive ("Maliki's
government", or "Malikis government" with the apostrophe lost) names the person, not an
institution, and is left alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Sequence

from dossier.model import EntityType
from dossier.resolve.names import INSTITUTION_SYNONYMS, POSSESSIVE, name_key
from dossier.resolve.types import MentionRef

# Types that spaCy gives the modifier of such a phrase; ORG names stay as they are.
MODIFIER_TYPES = frozenset({EntityType.PERSON, EntityType.NORP, EntityType.GPE})
# The word right after a mention (possessive endings are allowed after it).
NEXT_WORD = re.compile(r"^ ([A-Za-z]+)\b")


def _sentence_start(group: Sequence[MentionRef]) -> int | None:
    """The document offset of the group's shared sentence, when offsets index its text."""
    first, sentence = group[0], group[0].sentence
    at = sentence.find(first.text)
    while at >= 0:
        start = first.start - at
        if all(sentence[m.start - start : m.end - start] == m.text for m in group):
            return start
        at = sentence.find(first.text, at + 1)
    return None


def _noun_after(sentence: str, end: int) -> str | None:
    match = NEXT_WORD.match(sentence[end:])
    word = match.group(1) if match else ""
    return word if word.lower() in INSTITUTION_SYNONYMS else None


def _nouns_by_occurrence(m: MentionRef) -> str | None:
    """Offsets that do not index the sentence: decide only if every occurrence agrees."""
    ends = [x.end() for x in re.finditer(rf"(?<!\w){re.escape(m.text)}(?!\w)", m.sentence)]
    nouns = {_noun_after(m.sentence, end) for end in ends}
    return nouns.pop() if len(nouns) == 1 else None


def _possessive(m: MentionRef, keys: set[str]) -> bool:
    """ "Maliki's", or "Malikis" when the corpus also names "Maliki"."""
    if POSSESSIVE.search(m.text.strip()):
        return True
    key = name_key(m.text)
    return key.endswith("s") and key[:-1] in keys


def institution_nouns(mentions: Sequence[MentionRef]) -> dict[int, str]:
    """Mention id -> the institution noun (as written) that follows it in its sentence."""
    groups: dict[tuple[str, int], list[MentionRef]] = defaultdict(list)
    keys = {name_key(text) for text in {m.text for m in mentions}}
    for m in mentions:
        if m.sentence and m.type in MODIFIER_TYPES and not _possessive(m, keys):
            groups[(m.document_id, m.sentence_index)].append(m)
    found: dict[int, str] = {}
    for group in groups.values():
        start = _sentence_start(group)
        for m in group:
            noun = (
                _noun_after(m.sentence, m.end - start)
                if start is not None
                else _nouns_by_occurrence(m)
            )
            if noun:
                found[m.id] = noun
    return found


def expand_institutions(mentions: Sequence[MentionRef]) -> list[MentionRef]:
    """``mentions`` with each institution's modifier read as the whole phrase, typed ORG."""
    nouns = institution_nouns(mentions)
    return [
        dataclasses.replace(m, text=f"{m.text} {nouns[m.id]}", type=EntityType.ORG)
        if m.id in nouns
        else m
        for m in mentions
    ]
