"""Records of stage 7, resolve: mentions in, actors out."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from dossier.model import EntityType


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One entity mention as the resolver sees it."""

    id: int  # stable within one resolve call (the row number of the mention)
    document_id: str
    start: int
    end: int
    text: str
    type: EntityType
    sentence_index: int
    outlet: str
    sentence: str = ""  # the sentence's text, for context (acronym definitions, roles)


@dataclass(frozen=True, slots=True)
class Actor:
    """A cluster of mentions that name one person, organisation or place across articles."""

    id: str  # stable: a hash of the canonical key, so ids survive rebuilds
    name: str  # canonical name: the longest well-formed full name seen
    type: EntityType
    aliases: tuple[str, ...]  # every surface form, most frequent first
    mentions: tuple[int, ...]  # MentionRef.id values


class JudgementKind(enum.StrEnum):
    MERGE = "merge"  # subject and object are one actor
    SPLIT = "split"  # the surface form `object` does not belong to actor `subject`
    RENAME = "rename"  # actor `subject` is displayed as `object`


@dataclass(frozen=True, slots=True)
class Judgement:
    """A user's decision, stored in the database and applied after every rebuild.

    Subjects and objects are surface forms or actor names (never ids, which may change),
    as nomenklatura's resolver keys judgements by stable identifiers.
    """

    kind: JudgementKind
    subject: str
    object: str
