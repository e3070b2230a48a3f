"""The records of stage 9: a claim with its outlet, a conflict, a group of claims."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dossier.model import Claim, Span

# Texts (claims, quotes, place names) whose derived values the conflict rules keep: every
# pair of a large group asks again for its two claims'.
CACHED_TEXTS = 65536


class GroupStatus(enum.StrEnum):
    CORROBORATED = "corroborated"  # two or more independent outlets
    SINGLE_SOURCE = "single-source"
    CONFLICTING = "conflicting"  # a slot disagrees inside the group


class ConflictSlot(enum.StrEnum):
    DATE = "date"
    NUMBER = "number"
    PLACE = "place"
    QUOTE = "quote"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """One claim as stage 9 sees it: with its outlet, its resolved actor ids and the titles the
    sentence gives its people."""

    claim: Claim
    outlet: str
    document_id: str
    actors: tuple[str, ...]  # resolved actor ids
    titles: tuple[tuple[str, str], ...] = ()  # (person's actor id, role text), see titles.py
    published: str = ""  # the document's publication date, ISO, as precise as known; "" unknown
    speakers: tuple[str, ...] = ()  # actor ids named only as the claim's source ("USGS said")
    referent: str = ""  # the person an opening "he"/"she" stands for (subject.referent)
    persons: frozenset[tuple[int, int]] = frozenset()  # (start, end) of actors that are people


def place_spans(ref: ClaimRef) -> list[Span]:
    """The claim's actors that may be places: not people ("Hale" is a town too)."""
    return [s for s in ref.claim.actors if (s.start, s.end) not in ref.persons]


def in_source(claim: Claim, span: Span) -> bool:
    """``span`` starts inside the claim's source ("..., the U.S. Geological Survey said")."""
    source = claim.attribution.source_span
    return source is not None and source.start <= span.start < source.end


def borrowed(claim: Claim) -> list[Span]:
    """The claim's actors that stand before its span: names its clause borrows (an aside's
    antecedent, "Russia and China, "; a shared subject, "Syria" of "... and has said")."""
    return [a for a in claim.actors if a.end <= claim.sentence.start]


def span_text(ref: ClaimRef, span: Span, texts: Mapping[str, str]) -> str:
    """The words of ``span`` in the claim's document (``texts``: documents by id)."""
    return texts.get(ref.document_id, "")[span.start : span.end]


@dataclass(frozen=True, slots=True)
class Conflict:
    slot: str  # a ConflictSlot value
    values: tuple[tuple[str, str, str], ...]  # (document id, claim id, value as text)


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    id: str
    claims: tuple[ClaimRef, ...]
    status: str  # a GroupStatus value
    outlets: tuple[str, ...]
    independent_outlets: int  # outlets after collapsing copies and shared upstream sources
    copies: tuple[tuple[str, str], ...]  # (document, the document it is a copy of)
    shared_sources: tuple[str, ...]  # upstream sources cited by several outlets
    conflicts: tuple[Conflict, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class ClusterIndex:
    """Where each claim of a pile sits: its position in the sorted refs, by claim id, and the
    cluster of each position. Built once per pile for the filters that read a cluster."""

    position: dict[str, int]
    cluster: dict[int, int]

    @classmethod
    def of(cls, refs: Sequence[ClaimRef], clusters: Sequence[Sequence[int]]) -> ClusterIndex:
        return cls(
            {r.claim.id: i for i, r in enumerate(refs)},
            {i: n for n, members in enumerate(clusters) for i in members},
        )
