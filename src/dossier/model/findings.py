"""The records of what the stages find in an article (times, events, attributions, quotes,
quantities, claims), the annotated article that holds them, and a build's failures and counts."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from dossier.model.articles import CleanArticle, Mention, Role, Sentence, Span


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
