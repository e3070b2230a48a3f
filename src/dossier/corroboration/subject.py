"""The dossier's subject, and whose words are "the subject himself".

A pile of articles about one person has that person as its subject: the person named in
the most articles, and in at least ``SUBJECT_SHARE`` of them (Soleimani in the seeds). An
attribution is *subject* when its source is that person ("Gaddafi said in a televised
address"), whether or not he is quoted in the first person, and *named-source* when a
first-person quotation comes from anyone else ("I have called on Gaddafi," Obama said).
Stage 5 reads one article at a time and cannot know the subject; stage 9 retypes with it.
A pile with no such person (two stories mixed) keeps stage 5's types. An article's own
outlet as its source ("a BBC correspondent says" in the BBC) is its own reporting
(``own_reporting``): stage 5 does not know the outlet either.

A claim that opens with "he" or "she" is about the one person the sentence before names
(``referent``): "Hale was also fined $4 million. He was convicted on 11 counts ...".
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from dossier.corroboration.scope import SENTENCE_END, SUBJECT_LOOKBACK
from dossier.model import AttributionType, Claim

# Share of the articles the subject must be named in.
SUBJECT_SHARE = 0.5

_SPEAKERS = frozenset({AttributionType.NAMED, AttributionType.SUBJECT})
# The outlet's possessive before its reporter's name, with up to four words of title between
# ("CNN's Nic Robertson", "The BBC's world affairs editor John Simpson"); characters looked at.
_OWN_REPORTER = r"(?:'s|\u2019s)(?:\s+[\w-]+){0,4}\s*$"
_OWN_REPORTER_CHARS = 80
# Pronouns that stand for one person.
_PERSONAL = frozenset({"he", "she"})
_FIRST_WORD = re.compile(r"[\"'\u201c\s]*(\w+)")
MentionIndex = Mapping[str, list[tuple[int, int, str]]]  # document -> (start, end, actor)


def pick_subject(people: Mapping[str, tuple[int, int]], documents: int) -> str | None:
    """The person (actor id -> (articles, mentions)) in the most articles, if in enough."""
    if not people:
        return None
    best = min(people, key=lambda a: (-people[a][0], -people[a][1], a))
    return best if people[best][0] >= max(2, math.ceil(SUBJECT_SHARE * documents)) else None


def mention_index(
    actor_of: Mapping[tuple[str, int, int], str],
) -> dict[str, list[tuple[int, int, str]]]:
    """The resolved mentions of each document, for ``retype``."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for (doc, start, end), actor in actor_of.items():
        found.setdefault(doc, []).append((start, end, actor))
    return found


def retype(claim: Claim, subject: str | None, mentions: MentionIndex) -> Claim:
    """The claim with its attribution typed against the dossier's subject."""
    a = claim.attribution
    if subject is None or a.type not in _SPEAKERS or a.source_span is None:
        return claim
    span = a.source_span
    speakers = {
        actor for start, end, actor in mentions.get(span.document_id, ())
        if start < span.end and span.start < end
    }  # fmt: skip
    if not speakers:
        return claim  # a pronoun or an unresolved name: stage 5's reading stands
    kind = AttributionType.SUBJECT if subject in speakers else AttributionType.NAMED
    return claim if kind == a.type else replace(claim, attribution=replace(a, type=kind))


def own_reporting(claim: Claim, outlet: str, text: str = "") -> Claim:
    """An article's own outlet or reporter as its source is the outlet's own reporting,
    unattributed: "a BBC correspondent says" (other media) or "The BBC's Imogen Foulkes, in
    Geneva, says" (a named source the outlet's possessive introduces; ``text``: the
    article's text) in the BBC, not in Reuters."""
    a = claim.attribution
    if not a.source or outlet in ("", "unknown"):
        return claim
    outlet_word = rf"\b{re.escape(outlet)}\b"
    if a.type == AttributionType.MEDIA:
        own = re.search(outlet_word, a.source, re.I) is not None
    elif a.type == AttributionType.NAMED and a.source_span is not None and text:
        before = text[max(0, a.source_span.start - _OWN_REPORTER_CHARS) : a.source_span.start]
        own = re.search(outlet_word + _OWN_REPORTER, before, re.I) is not None
    else:
        return claim
    if not own:
        return claim
    return replace(claim, attribution=replace(a, type=AttributionType.UNATTRIBUTED))


def referent(claim: Claim, text: str, mentions: MentionIndex, people: Collection[str]) -> str:
    """The person an opening "he" or "she" stands for: the only person (actor id of
    ``people``) the sentence before it names, by any name or surname the article gives him,
    tagged there or not; or "" (``text``: the claim's article). Two people before it ("Judge
    Strand said Hale ...") leave it unknown."""
    opening = _FIRST_WORD.match(claim.text)
    if opening is None or opening[1].casefold() not in _PERSONAL:
        return ""
    at = claim.sentence.start + opening.start(1)
    if text[at : at + len(opening[1])] != opening[1]:
        return ""  # a claim embedded with other words in front
    sentence = SENTENCE_END.split(text[max(0, at - SUBJECT_LOOKBACK) : at].rstrip())[-1]
    names = _person_names(text, mentions.get(claim.sentence.document_id, ()), people)
    named = {actor for name, actor in names if re.search(rf"\b{re.escape(name)}\b", sentence)}
    return named.pop() if len(named) == 1 else ""


def _person_names(
    text: str, mentions: Sequence[tuple[int, int, str]], people: Collection[str]
) -> set[tuple[str, str]]:
    """Each name the article gives a person, and his surname: (name, actor id)."""
    names: set[tuple[str, str]] = set()
    for start, end, actor in mentions:
        if actor in people:
            name = text[start:end].removesuffix("'s").removesuffix("\u2019s")
            names.update((n, actor) for n in (name, name.split()[-1]) if len(n) > 2)
    return names
