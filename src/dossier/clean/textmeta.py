"""Metadata stated in plain text pasted from a web page: title, authors, outlet and date.

Every value is read from a line that states it, with that line as evidence. When no
line states a field, the field says so (None, (), "unknown") rather than guess.
``consumed`` lists the lines that are metadata (title, byline, dateline, author photo,
sign-off) so that the cleaner keeps them out of the body.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.clean.bylines import (
    TITLE_SUFFIX_CONFIDENCE,
    AuthorFinding,
    bare_name_finding,
    find_author_lines,
    parse_name_list,
    split_title_byline,
)
from dossier.clean.dates import (
    AGENCY_DATELINE,
    DateFinding,
    find_caption_bound,
    find_date_lines,
)
from dossier.clean.outlet_lines import outlet_from_line
from dossier.model import Line, MetaField, MetaSource, PublishedDate

log = logging.getLogger(__name__)

UNKNOWN_OUTLET = "unknown"
HEAD_MAX_LINES = 10  # title, standfirst, byline, date and chrome fit; later lines are the body
PROSE_MIN_WORDS = 40  # a paragraph this long is body prose, longer than any standfirst
TITLE_SCAN_LINES = 6  # a headline comes after at most a few chrome lines
TITLE_MIN_WORDS = 2  # one-word lines are section labels ("Politics"), not headlines
TITLE_MAX_WORDS = 25  # longer lines are standfirsts or body sentences
TITLE_CONFIDENCE = 0.8  # the first headline-like line is the title on nearly every page
SECTION_MAX_WORDS = 2  # "World news", "Middle East": section labels above a headline are short
CHROME_MAX_WORDS = 5  # navigation and call-to-action lines are short
BARE_NAME_LOOKAHEAD = 2  # the name line sits right under the title, or under its date line

AGENCY_OUTLET_CONFIDENCE = 0.7  # "(Reuters) -" gives the wire, which may be republished
ROLE_OUTLET_CONFIDENCE = 0.7  # "CEP Research Analyst": the author works there

CHROME_FIRST_WORDS = frozenset(
    {"listen", "get", "share", "print", "email", "e-mail", "send", "subscribe", "sign", "log"}
    | {"login", "menu", "follow", "comment", "comments", "watch", "read", "show", "back"}
    | {"skip", "advertisement", "close", "enlarge", "related", "home", "search", "leave"}
    | {"download", "click", "tap", "save", "copy", "already", "last", "community"}
)
_COMMENT_COUNT = re.compile(r"\(\d+\)$")


@dataclass(frozen=True, slots=True)
class TextMetadata:
    title: MetaField[str | None]
    authors: MetaField[tuple[str, ...]]
    outlet: MetaField[str]  # "unknown" (source NONE, confidence 0) when the text does not say
    published: MetaField[PublishedDate | None]
    not_before: MetaField[str | None]  # "YYYY-MM-DD" lower bound when no date is stated
    consumed: tuple[tuple[int, str], ...]  # (line index, reason) of metadata lines


@dataclass(frozen=True, slots=True)
class _Title:
    position: int  # position in ``lines``, not Line.index
    text: str
    authors: tuple[str, ...]


def _is_prose(text: str) -> bool:
    return len(text.split()) >= PROSE_MIN_WORDS and text.rstrip()[-1:] in '.!?"”’'


def _head_end(lines: Sequence[Line]) -> int:
    """Position of the first body paragraph, or HEAD_MAX_LINES when it comes later."""
    limit = min(len(lines), HEAD_MAX_LINES)
    return next((i for i in range(limit) if _is_prose(lines[i].text)), limit)


def _body_end(lines: Sequence[Line]) -> int:
    """Position of the last body paragraph: teasers and comments come after it."""
    prose = [i for i, line in enumerate(lines) if _is_prose(line.text)]
    return prose[-1] if prose else len(lines) - 1


def _is_chrome(text: str) -> bool:
    words = text.split()
    half = len(text) // 2
    if not any(c.isalpha() for c in text) or (half and text[:half] == text[half:]):
        return True
    return len(words) <= CHROME_MAX_WORDS and words[0].lower().strip(":") in CHROME_FIRST_WORDS


def _is_headline(text: str) -> bool:
    words = text.split()
    opening = text[:1]
    ending = text.rstrip("\"'”’) ")  # 'will take over the title role in "Doctor Who."'
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS or ending.endswith((".", ":", ",")):
        return False
    return opening.isupper() or opening.isdigit() or opening in "\"“‘'"


def _is_teaser(lines: Sequence[Line], position: int) -> bool:
    text = lines[position].text
    repeated = any(line.text == text for i, line in enumerate(lines) if i != position)
    return repeated or bool(_COMMENT_COUNT.search(text))


def _is_section_label(lines: Sequence[Line], position: int, skip: set[int]) -> bool:
    """A short label ("World news") above a longer headline-like line is a section label, not the title."""
    following = lines[position + 1 : position + 2]
    if len(lines[position].text.split()) > SECTION_MAX_WORDS or not following:
        return False
    nxt = following[0].text
    if following[0].index in skip or _is_chrome(nxt) or parse_name_list(nxt):
        return False
    return _is_headline(nxt) and len(nxt.split()) > len(lines[position].text.split())


def _choose_title(lines: Sequence[Line], skip: set[int]) -> _Title | None:
    """The first headline-like line after chrome; None when it is a teaser or body."""
    for i, line in enumerate(lines[:TITLE_SCAN_LINES]):
        if line.index in skip or _is_chrome(line.text) or _is_section_label(lines, i, skip):
            continue
        if not _is_headline(line.text) or _is_teaser(lines, i):
            return None
        text, authors = split_title_byline(line.text)
        return _Title(i, text, authors)
    return None


def _bare_name(
    lines: Sequence[Line], title: _Title, dated: set[int], bylines: set[int]
) -> AuthorFinding | None:
    """A names-only line right under the title (or under its date line)."""
    for line in lines[title.position + 1 : title.position + 1 + BARE_NAME_LOOKAHEAD]:
        if line.index in dated:
            continue
        return None if line.index in bylines else bare_name_finding(line)
    return None


def _find_outlet(
    lines: Sequence[Line], authors: list[AuthorFinding], head_end: int
) -> MetaField[str]:
    """The best-attested outlet; wire datelines count only where the body opens."""
    found = [(f.outlet, ROLE_OUTLET_CONFIDENCE, f.line.text) for f in authors if f.outlet]
    for i, line in enumerate(lines):
        agency = AGENCY_DATELINE.match(line.text) if i <= head_end else None
        if agency:
            found.append((agency["agency"].strip(), AGENCY_OUTLET_CONFIDENCE, line.text))
        elif outlet := outlet_from_line(line.text):
            found.append((*outlet, line.text))
    best = MetaField(UNKNOWN_OUTLET, MetaSource.NONE, 0.0)
    for name, confidence, evidence in found:
        if confidence > best.confidence:
            best = MetaField(name, MetaSource.TEXT_PATTERN, confidence, evidence)
    return best


def _signoff_lines(lines: Sequence[Line]) -> list[tuple[int, str]]:
    """Lines that only name the outlet (sign-offs, print notes, copyright) are metadata."""
    return [(line.index, "sign-off") for line in lines if outlet_from_line(line.text)]


def _authors_field(
    title: _Title | None, lines: Sequence[Line], found: list[AuthorFinding]
) -> MetaField[tuple[str, ...]]:
    groups = [(f.names, f.confidence, f.line.text) for f in found]
    if title is not None and title.authors:
        groups.insert(0, (title.authors, TITLE_SUFFIX_CONFIDENCE, lines[title.position].text))
    names: list[str] = []
    for group, _, _ in groups:
        names.extend(n for n in group if n.casefold() not in {m.casefold() for m in names})
    if not names:
        return MetaField((), MetaSource.NONE, 0.0)
    confidence = max(c for _, c, _ in groups)
    return MetaField(tuple(names), MetaSource.TEXT_PATTERN, confidence, groups[0][2])


def _published_field(dates: list[DateFinding]) -> MetaField[PublishedDate | None]:
    best = max(dates, key=lambda f: f.confidence, default=None)  # ties: the earliest line
    if best is None:
        return MetaField(None, MetaSource.NONE, 0.0)
    return MetaField(best.date, MetaSource.TEXT_PATTERN, best.confidence, best.line.text)


def _not_before_field(lines: Sequence[Line], published: bool) -> MetaField[str | None]:
    bound = None if published else find_caption_bound(lines, _body_end(lines))
    if bound is None:
        return MetaField(None, MetaSource.NONE, 0.0)
    return MetaField(bound.date.value, MetaSource.TEXT_PATTERN, bound.confidence, bound.line.text)


def _title_field(title: _Title | None, lines: Sequence[Line]) -> MetaField[str | None]:
    if title is None:
        return MetaField(None, MetaSource.NONE, 0.0)
    evidence = lines[title.position].text
    return MetaField(title.text, MetaSource.TEXT_PATTERN, TITLE_CONFIDENCE, evidence)


def _consumed(
    title: _Title | None,
    lines: Sequence[Line],
    authors: list[AuthorFinding],
    dates: list[DateFinding],
) -> tuple[tuple[int, str], ...]:
    reasons: dict[int, str] = {}
    if title is not None:
        reasons[lines[title.position].index] = "title"
    pairs = [(f.line.index, f.reason) for f in authors]
    pairs += [(f.line.index, f.reason) for f in dates if f.reason]
    for index, reason in pairs + _signoff_lines(lines):
        reasons.setdefault(index, reason)
    return tuple(sorted(reasons.items()))


def extract_text_metadata(lines: Sequence[Line]) -> TextMetadata:
    """Read the title, authors, outlet and date that the text itself states."""
    head_end = _head_end(lines)
    dates = find_date_lines(lines, head_end)
    authors = find_author_lines(lines, head_end, _body_end(lines))
    dated = {f.line.index for f in dates if f.reason}
    title = _choose_title(lines, dated | {f.line.index for f in authors})
    if title is not None:
        bare = _bare_name(lines, title, dated, {f.line.index for f in authors})
        authors += [bare] if bare else []
    authors.sort(key=lambda f: f.line.index)
    published = _published_field(dates)
    return TextMetadata(
        title=_title_field(title, lines),
        authors=_authors_field(title, lines, authors),
        outlet=_find_outlet(lines, authors, head_end),
        published=published,
        not_before=_not_before_field(lines, published.value is not None),
        consumed=_consumed(title, lines, authors, dates),
    )
