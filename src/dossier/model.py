"""The records passed between pipeline stages.

Every record is a frozen, slotted dataclass: cheap, typed and picklable (for Ray).
Validation happens only at the edges (sidecars, JSON Lines, the CLI).
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

STAGES_VERSION = "0.3.0"
# What reads the stored rows rather than making them: a change there redoes no article.
_READERS = frozenset({"report", "export", "cli.py", "cli_claims.py", "cli_entities.py",
                      "cli_timeline.py", "__pycache__"})  # fmt: skip


def stages_digest(root: Path) -> str:
    """A digest of the package's code and data under ``root``, less its readers (``_READERS``): any change
    to a stage changes it, so a dossier upgraded in place redoes its articles on the next
    build instead of keeping rows an older version made (a version number bumped by hand
    was never bumped)."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and path.suffix != ".pyc" and relative.parts[0] not in _READERS:
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# Stored with each document: a build redoes the articles another version made.
EXTRACTOR_VERSION = f"{STAGES_VERSION}+{stages_digest(Path(__file__).parent)}"


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


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: CleanArticle
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    words: int
    roles: tuple[Role, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    candidates: tuple[EventCandidate, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    stage: str
    reason: str


@dataclass(slots=True)
class BuildStats:
    """Counters the pipeline updates; the CLI renders them. The library never prints."""

    inputs: int = 0
    documents: int = 0
    skipped_unchanged: int = 0
    words: int = 0
    mentions: int = 0
    failures: list[Failure] = field(default_factory=list)
    duplicates: int = 0
    actors: int = 0
    links: int = 0
    events: int = 0
    claim_groups: int = 0


class TimePrecision(enum.StrEnum):
    """How exactly a temporal expression pins down its interval."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    BEFORE = "before"  # an open bound: the interval ends at `end`, start unknown
    AFTER = "after"  # an open bound: the interval starts at `start`, end unknown


class TimeKind(enum.StrEnum):
    DATE = "date"  # a point or interval in the calendar
    TIME = "time"  # a time of day on a date
    DURATION = "duration"  # "three years": no position in the calendar
    SET = "set"  # "every year"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One temporal expression, normalised to an interval ``[start, end]`` (ISO dates, inclusive).

    ``value`` is the TIMEX3-style value ("2015-03-27", "2015-03", "2015-SU", "199" for the
    1990s, "P3Y" for a duration, "PRESENT_REF"); ``anchor`` says what a relative expression
    was resolved against: "absolute", "publication" or "focus" (the last date mentioned).
    """

    span: Span
    text: str
    kind: TimeKind
    value: str
    start: str | None
    end: str | None
    precision: TimePrecision
    anchor: str
    anchor_value: str | None
    confidence: float
    sentence_index: int


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """Per article: a sentence that holds a calendar date and at least one actor mention."""

    document_id: str
    sentence: Span
    sentence_text: str
    time: TimeExpr
    mentions: tuple[Span, ...]  # the entity mentions in the sentence
    summary: str  # who did what, shortened from the sentence


@dataclass(frozen=True, slots=True)
class EventEvidence:
    candidate: EventCandidate
    outlet: str


@dataclass(frozen=True, slots=True)
class Event:
    """One happening, merged across the articles that report it."""

    id: str
    start: str
    end: str
    precision: TimePrecision
    summary: str
    actors: tuple[str, ...]  # actor ids
    evidence: tuple[EventEvidence, ...]
    disagreement: bool  # the reports give incompatible dates; each keeps its own


class AttributionType(enum.StrEnum):
    """Who the outlet says a statement comes from."""

    NAMED = "named-source"  # "said Mowwafak al-Rubaie", "told The New Yorker" (a person)
    ANONYMOUS_OFFICIAL = "anonymous-official"  # "according to an official familiar with…"
    ANONYMOUS_GROUP = "anonymous-group"  # "according to U.S. and Arab officials"
    MEDIA = "other-media"  # "told the BBC", "according to a cable obtained by WikiLeaks"
    HEDGED = "hedged"  # "reportedly", "is widely credited", "it is widely presumed"
    SUBJECT = "subject"  # the actor the claim is about says it himself
    DENIAL = "denial"  # "Iran has denied the charges"
    AUTHOR = "author"  # the author's own assessment ("Clearly, …")
    UNATTRIBUTED = "unattributed"


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source a sentence is attributed to; ``cue`` is the attributing words."""

    sentence: Span
    type: AttributionType
    source: str | None
    source_span: Span | None
    cue: Span | None
    confidence: float


class QuoteKind(enum.StrEnum):
    STATEMENT = "statement"  # words a speaker said or wrote
    SCARE = "scare"  # scare quotes around a word or label: "arch terrorist"
    SLOGAN = "slogan"  # a slogan or title: "We Are All X"


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # the quoted words, without the quotation marks
    kind: QuoteKind
    speaker: str | None
    speaker_span: Span | None  # the speaker's mention, when the text names one
    marked: bool  # False when reconstructed from structure after marks were lost


@dataclass(frozen=True, slots=True)
class Quantity:
    span: Span
    low: float
    high: float
    unit: str  # "fighters", "troops", "%", "USD", "" when bare
    hedge: str  # "at least", "about", "up to", "more than", "vague", ""
    verb: str = ""  # lemma of the verb the count belongs to ("kill"), "" when none


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement in one sentence: who did what to whom, when, where, how many."""

    id: str
    sentence: Span
    text: str
    actors: tuple[Span, ...]  # entity mentions taking part
    predicate: str  # the main verb phrase, lemmatised ("send message", "coordinate offensive")
    time: Span | None  # the time expression the claim is dated by
    places: tuple[Span, ...]
    quantities: tuple[Quantity, ...]
    attribution: Attribution
    quote: Span | None  # the direct quotation the claim rests on, if any
