"""The distinct forms of a corpus: each folded key once, with its counts, types and documents.

The resolver compares forms, never mentions, so its cost grows with the number of
distinct spellings rather than with the size of the corpus.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier.model import EntityType
from dossier.resolve.names import display_form, form_key
from dossier.resolve.similarity import type_family
from dossier.resolve.types import MentionRef


@dataclass(slots=True)
class Form:
    """One folded key within one type family, and what the corpus says about it."""

    id: str  # "key|family"
    key: str
    tokens: tuple[str, ...]
    family: str
    count: int = 0
    types: Counter[EntityType] = field(default_factory=Counter)
    displays: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)

    @property
    def type(self) -> EntityType:
        """The majority type; ties go to the first in alphabetical order (deterministic)."""
        best = max(self.types.values())
        return min(t for t, n in self.types.items() if n == best)

    @property
    def person(self) -> bool:
        return self.type is EntityType.PERSON


@dataclass(slots=True)
class FormTable:
    forms: dict[str, Form]
    mention_form: dict[int, str]  # MentionRef.id -> Form.id
    by_key: dict[str, list[str]]  # folded key -> Form ids (one per family)


# What joins two names that a tagger glued into one mention ("Karimi and Quds").
CONJUNCTION = " and "


class _KeyCache:
    """name folding is the hot loop at scale: fold each (text, type) once."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, EntityType], tuple[str, str]] = {}

    def fold(self, text: str, kind: EntityType) -> tuple[str, str]:
        hit = self._seen.get((text, kind))
        if hit is None:
            person = kind is EntityType.PERSON
            hit = (form_key(text, strip_words=person), display_form(text, strip_words=person))
            self._seen[(text, kind)] = hit
        return hit


def _person_keys(mentions: Sequence[MentionRef], cache: _KeyCache) -> set[str]:
    """Keys of person mentions, and the first and last tokens of their full names."""
    keys = {cache.fold(m.text, m.type)[0] for m in mentions if m.type is EntityType.PERSON}
    tokens = [k.split(" ") for k in keys]
    return keys | {t[0] for t in tokens} | {t[-1] for t in tokens}


def _first_conjunct(m: MentionRef, cache: _KeyCache, keys: set[str]) -> str:
    """ "Karimi and Quds" is two names glued by the tagger when the corpus names both
    alone (a surname of a named person counts); the mention is then read as its first name. A name with "and" inside that the
    corpus never splits ("Harland and Wolff") stays whole."""
    head, sep, tail = m.text.partition(CONJUNCTION)
    if sep and all(cache.fold(part, m.type)[0] in keys for part in (head, tail)):
        return head
    return m.text


def _fold(
    m: MentionRef, cache: _KeyCache, person_keys: set[str], keys: set[str]
) -> tuple[str, str]:
    """A non-person mention keeps spelled-out titles ("General Motors") unless, without
    them, it is a name the corpus tags as a person ("General Karimi" tagged ORG, with
    "Karimi" or "Reza Karimi" tagged PERSON)."""
    text = _first_conjunct(m, cache, keys)
    folded = cache.fold(text, m.type)
    if m.type is not EntityType.PERSON:
        as_person = cache.fold(text, EntityType.PERSON)
        if as_person[0] != folded[0] and as_person[0] in person_keys:
            return as_person
    return folded


def build_forms(mentions: Sequence[MentionRef]) -> FormTable:
    """Group mentions by folded key and type family."""
    cache = _KeyCache()
    person_keys = _person_keys(mentions, cache)
    keys = {cache.fold(m.text, m.type)[0] for m in mentions} | person_keys
    forms: dict[str, Form] = {}
    mention_form: dict[int, str] = {}
    for m in mentions:
        key, display = _fold(m, cache, person_keys, keys)
        family = type_family(m.type)
        fid = f"{key}|{family}"
        form = forms.get(fid)
        if form is None:
            form = forms[fid] = Form(fid, key, tuple(key.split(" ")), family)
        form.count += 1
        form.types[m.type] += 1
        form.displays[display] += 1
        form.documents.add(m.document_id)
        mention_form[m.id] = fid
    by_key: dict[str, list[str]] = {}
    for fid in sorted(forms):
        by_key.setdefault(forms[fid].key, []).append(fid)
    return FormTable(forms, mention_form, by_key)
