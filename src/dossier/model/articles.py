"""The records of articles: raw, cleaned and annotated, with their metadata and spans."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class SourceKind(enum.StrEnum):
    TEXT = "text"
    HTML = "html"


class MetaSource(enum.StrEnum):
    """Where a metadata field came from, weakest first."""

    NONE = "none"
    TEXT_PATTERN = "text-pattern"
    HTML_META = "html-meta"
    JSONL = "jsonl"
    SIDECAR = "sidecar"


class DatePrecision(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into a document's stored clean text."""

    document_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date: ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

    value: str
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class MetaField(Generic[T]):
    """One metadata value with its provenance and a confidence in [0, 1]."""

    value: T
    source: MetaSource
    confidence: float
    evidence: str = ""  # the text the value was read from, for `dossier sources`


@dataclass(frozen=True, slots=True)
class Metadata:
    title: MetaField[str | None]
    authors: MetaField[tuple[str, ...]]
    outlet: MetaField[str]  # "unknown" when nothing says
    published: MetaField[PublishedDate | None]
    not_before: MetaField[str | None]  # a lower bound (YYYY-MM-DD) when no date is stated
    url: MetaField[str | None]


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata given from outside the text (JSON Lines fields or a sidecar)."""

    source: MetaSource
    title: str | None = None
    authors: tuple[str, ...] | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One decoded article as read from disk, before cleaning."""

    source: str  # path, or "path:LINE" for JSON Lines
    kind: SourceKind
    content: str  # decoded original text (HTML markup for HTML)
    encoding: str
    original_sha256: str  # hash of the original bytes (of the line, for JSON Lines)
    overrides: tuple[Overrides, ...] = ()


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a plain-text input: offsets into RawArticle.content."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class LineDecision:
    """The cleaner's verdict on one line; ``reason`` is empty for kept body lines."""

    line: Line
    keep: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """Clean text ``[clean_start, clean_end)`` came from original ``[orig_start, orig_end)``.

    ``orig_*`` are character offsets into the decoded original (RawArticle.content);
    ``byte_*`` are the same range as byte offsets into the file as stored on disk
    (for JSON Lines: into the decoded ``text``/``html`` string encoded as UTF-8).
    """

    clean_start: int
    clean_end: int
    orig_start: int
    orig_end: int
    byte_start: int = -1
    byte_end: int = -1


@dataclass(frozen=True, slots=True)
class RemovedLine:
    orig_start: int
    orig_end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanArticle:
    id: str  # content hash of the whitespace-normalised body
    source: str
    kind: SourceKind
    encoding: str
    original_sha256: str
    text: str
    metadata: Metadata
    removed: tuple[RemovedLine, ...] = ()
    segments: tuple[Segment, ...] = ()
    warnings: tuple[str, ...] = ()


class EntityType(enum.StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    FAC = "FAC"
    EVENT = "EVENT"
    PRODUCT = "PRODUCT"
    LAW = "LAW"
    WORK_OF_ART = "WORK_OF_ART"
    LANGUAGE = "LANGUAGE"
    OTHER = "OTHER"


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    index: int


@dataclass(frozen=True, slots=True)
class Mention:
    span: Span
    text: str
    type: EntityType
    sentence_index: int


@dataclass(frozen=True, slots=True)
class Role:
    """A role or title the text gives an entity mention ("Syrian President", "a former spy")."""

    mention: Span
    span: Span
    text: str
