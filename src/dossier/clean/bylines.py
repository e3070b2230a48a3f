"""Credit lines in plain text: who wrote the article (bylines, sign-offs, role lines,
author photos). The outlet a credit line names is read in ``outlet_lines``.

A name is two to four capitalised tokens, with particles ("al-", "bin", "van", "de")
allowed inside. Honorifics are dropped; acronyms and organisation words mean the text
is not a person, so it is never returned as an author.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.model import Line

log = logging.getLogger(__name__)

NAME_MIN_TOKENS = 2  # a lone surname or first name is too ambiguous to call an author
NAME_MAX_TOKENS = 4  # longer capitalised runs are headlines or organisation names
PARTICLE_MAX = 2  # "Mohammed bin Salman al Saud": a name seldom carries more particles
BYLINE_MAX_WORDS = 24  # "Reporting by A and B in Dubai; Editing by C" fits; prose runs longer
ROLE_MAX_WORDS = 8  # "Senior Middle East Correspondent, Example Daily" is about the longest role

BYLINE_CONFIDENCE = 0.9  # "By X" is the canonical byline
WRITE_TO_CONFIDENCE = 0.9  # "Write to X at ..." names the authors outright
TITLE_SUFFIX_CONFIDENCE = 0.85  # "Headline, By X" comes from a page title; names already checked
ROLE_CONFIDENCE = 0.85  # "X — Staff Writer" near the top is a byline in all but name
PHOTO_CONFIDENCE = 0.8  # an author headshot followed by the bare name, as many CMSs render it
BARE_NAME_CONFIDENCE = 0.6  # a name line under the title is usually the author, but unlabelled

HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame", "rev"})
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "der", "den", "da", "di"}
    | {"du", "la", "le", "del", "della", "dos", "das", "do", "ter", "ten", "y", "ul"}
)
# Words of a news outlet's name: "The North Post", "East Wire", "Reuters".
MEDIA_WORDS = frozenset(
    {"news", "post", "times", "journal", "herald", "tribune", "gazette", "daily", "weekly"}
    | {"press", "agency", "wire", "magazine", "review", "chronicle", "telegraph", "guardian"}
    | {"observer", "reuters", "bloomberg", "independent", "express", "mail", "courier"}
    | {"standard", "monitor", "globe", "star", "sun", "mirror", "today", "radio", "tv"}
    | {"ap", "afp", "cnn", "bbc", "npr", "pbs", "abc", "cbs", "nbc", "upi", "dpa", "itv"}
    | {"ledger", "dispatch", "bulletin", "sentinel", "courant", "inquirer", "enquirer"}
    | {"examiner", "gleaner", "argus", "clarion", "register", "bugle"}
)
# Outlets' words that are also surnames (Lena Sun, Michael Bloomberg).
MEDIA_SURNAMES = frozenset({"sun", "star", "bloomberg"})
# Words that mark an organisation, a role or chrome, never part of a person's name.
NOT_NAME_WORDS = frozenset(
    {"the", "of", "and", "for", "news", "staff", "writer", "writers", "reporter", "editor"}
    | {"correspondent", "agency", "press", "times", "post", "journal", "research", "analyst"}
    | {"institute", "university", "department", "ministry", "company", "inc", "ltd", "group"}
    | {"center", "centre", "council", "foundation", "associated", "board", "team", "desk"}
    | {"online", "media", "service", "network", "daily", "weekly", "magazine", "herald", "wire"}
    | {"tribune", "gazette", "review", "report", "bureau", "office", "government", "party"}
    | {"army", "force", "forces", "united", "national", "international", "world", "photo"}
    | {"image", "images", "credit", "getty", "via", "live", "video", "comments", "share"}
    | {"january", "february", "march", "april", "june", "july", "august", "september"}
    | {"october", "november", "december", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday", "updated", "published", "posted", "editorial"}
    # an outlet's words ("By Mira Lenz, Baltic Courier"), but surnames (Lena Sun)
    | (MEDIA_WORDS - MEDIA_SURNAMES)
)
# An outlet's name is short ("The Wall Street Journal Europe"); longer runs are prose.
OUTLET_MAX_WORDS = 5
ROLE_WORDS = frozenset(
    {"writer", "reporter", "correspondent", "editor", "analyst", "columnist", "contributor"}
    | {"producer", "journalist", "fellow", "researcher", "author", "chief", "staff", "critic"}
    | {"commentator", "blogger", "photographer"}
)

_PREFIX_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul|bin|ibn|abu|d|l)['’-](?=\w)")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s*;\s*|\s+(?:and|&)\s+", re.IGNORECASE)
_BY = re.compile(
    r"^(?P<credit>(?:words|story|text|reporting|written|report)\s+)?by\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_BYLINE_CUT = re.compile(r"\s+(?:in|at|for|from|with)\s+|\s*[|•·(;]\s*|\s+[-–—]+\s+")
_BAR = re.compile(r"\s*[|•·]\s*")
_TITLE_SUFFIX = re.compile(r"^(?P<title>.+?),\s+[Bb][Yy]\s+(?P<names>.+)$")
_WRITE_TO = re.compile(r"^write\s+to\s+(?P<rest>.+)$", re.IGNORECASE)
_ROLE_SPLIT = re.compile(r"\s*(?:[—–―|]+|,|\s-+\s)\s*")
_PHOTO = re.compile(
    r"^(?:an?\s+)?(?:photo|picture|image|portrait|headshot)\s+of\s+(?P<name>.+?)\.?$",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")


@dataclass(frozen=True, slots=True)
class AuthorFinding:
    """Names read from one line; ``reason`` is why the line is metadata, not body."""

    names: tuple[str, ...]
    confidence: float
    line: Line
    reason: str
    outlet: str | None = None  # an organisation named in a role ("CEP Research Analyst")


def _is_capitalised(token: str) -> bool:
    core = _PREFIX_PARTICLE.sub("", token)
    if _INITIALS.fullmatch(core):
        return True
    if not core[:1].isupper() or not all(c.isalpha() or c in "'’-" for c in core):
        return False
    return not (len(core) > 1 and core.isupper())  # an acronym names an organisation


def clean_person_name(text: str) -> str | None:
    """The name without honorifics, or None when ``text`` is not a person's name."""
    tokens = text.strip().rstrip(".,;:").split()
    while tokens and tokens[0].rstrip(".").lower() in HONORIFICS:
        tokens = tokens[1:]
    if not tokens or any(t.lower().strip(".") in NOT_NAME_WORDS for t in tokens):
        return None
    inner = tokens[1:-1]
    particles = [t for t in inner if t.lower() in PARTICLES]
    capitals = [t for t in tokens if t not in particles]
    if len(particles) > PARTICLE_MAX or not all(_is_capitalised(t) for t in capitals):
        return None
    if not NAME_MIN_TOKENS <= len(capitals) <= NAME_MAX_TOKENS:
        return None
    return " ".join(tokens)


def parse_name_list(text: str) -> tuple[str, ...]:
    """Names in "A, B and C" when every part is a name, else ()."""
    names = [clean_person_name(part) for part in _LIST_SEPARATOR.split(text.strip())]
    if not names or any(name is None for name in names):
        return ()
    return tuple(name for name in names if name is not None)


def _leading_names(text: str) -> tuple[str, ...]:
    """The names at the start of "A and B, Staff Writers": stops at the first non-name."""
    found: list[str] = []
    for part in _LIST_SEPARATOR.split(text.strip()):
        name = clean_person_name(part)
        if name is None:
            break
        found.append(name)
    return tuple(found)


def _recase(text: str) -> str:
    """Upper-case names ("JANE DOE and JO BO") in title case; mixed case is left as written."""
    if not all(w.isupper() for w in text.split() if w.lower() not in {"and", "&"}):
        return text
    words = (w.split("-") for w in text.split())
    return " ".join("-".join(p[:1] + p[1:].lower() for p in parts) for parts in words)


def split_title_byline(text: str) -> tuple[str, tuple[str, ...]]:
    """Split "Headline, By X And Y" into the headline and the names."""
    match = _TITLE_SUFFIX.match(text)
    if match is None:
        return text, ()
    names = parse_name_list(match["names"])
    return (match["title"].strip(), names) if names else (text, ())


def _byline(line: Line, in_article: bool) -> AuthorFinding | None:
    """A "By X" line within the article; "Reporting by X" anywhere (it never heads a teaser)."""
    match = _BY.match(line.text)
    if match is None or len(line.text.split()) > BYLINE_MAX_WORDS:
        return None
    if not (in_article or match["credit"]):
        return None
    head = _recase(_BYLINE_CUT.split(match["rest"], maxsplit=1)[0])
    names = _leading_names(head)
    if not names:
        return None
    return AuthorFinding(
        names, BYLINE_CONFIDENCE, line, "byline", _byline_outlet(match["rest"], head, names)
    )


def _byline_outlet(rest: str, head: str, names: tuple[str, ...]) -> str | None:
    """The outlet a byline names after its authors: "By Anna Berg, The North Post", "By Jo
    Bo, Reuters", "BY JO BO | The Coastal Ledger"; not a role ("Staff Writer"), a degree
    ("MS") nor a place ("By Jo Bo, London")."""
    parts = _LIST_SEPARATOR.split(head.strip())
    after_bar = _BAR.split(rest, maxsplit=1)
    if len(parts) == len(names) + 1:
        return _outlet_name(parts[-1])
    return _outlet_name(after_bar[1]) if len(after_bar) == 2 else None


def _outlet_name(text: str) -> str | None:
    """``text`` when it names a news outlet: a word of one ("Harbour Wire", "Reuters"), or
    "The" and two words or more ("The Coastal Ledger"; not "The Hague")."""
    part = text.strip().rstrip(".")
    words = part.split()
    if not 1 <= len(words) <= OUTLET_MAX_WORDS or not all(w[:1].isupper() for w in words):
        return None
    lowered = {w.lower().strip(".,'’") for w in words}
    if lowered & ROLE_WORDS:
        return None
    media = bool(lowered & MEDIA_WORDS)
    return part if media or (words[0] == "The" and len(words) > 2) else None


def _write_to(line: Line) -> AuthorFinding | None:
    match = _WRITE_TO.match(line.text)
    if match is None:
        return None
    parts = re.split(r"\s+and\s+|,\s*", match["rest"])
    names = [clean_person_name(re.split(r"\s+at\s+", part)[0]) for part in parts]
    found = tuple(name for name in names if name is not None)
    return AuthorFinding(found, WRITE_TO_CONFIDENCE, line, "sign-off") if found else None


def _role_outlet(role: str) -> str | None:
    first, *rest = role.split()
    return first if rest and _ACRONYM.fullmatch(first) else None


def _role_line(line: Line) -> AuthorFinding | None:
    parts = _ROLE_SPLIT.split(line.text, maxsplit=1)
    if len(parts) != 2 or len(parts[1].split()) > ROLE_MAX_WORDS:
        return None
    name, role = clean_person_name(parts[0]), parts[1]
    if name is None or not ROLE_WORDS & {w.lower().strip(".,") for w in role.split()}:
        return None
    return AuthorFinding((name,), ROLE_CONFIDENCE, line, "byline", _role_outlet(role))


def _author_photo(lines: Sequence[Line], i: int) -> list[AuthorFinding]:
    match = _PHOTO.match(lines[i].text)
    name = clean_person_name(match["name"]) if match else None
    if name is None or i + 1 >= len(lines) or clean_person_name(lines[i + 1].text) != name:
        return []
    photo = AuthorFinding((name,), PHOTO_CONFIDENCE, lines[i], "author-photo")
    return [photo, AuthorFinding((name,), PHOTO_CONFIDENCE, lines[i + 1], "byline")]


def _author_line(
    lines: Sequence[Line], i: int, head_end: int, body_end: int
) -> list[AuthorFinding]:
    single = _write_to(lines[i]) or _byline(lines[i], i <= body_end)
    if single is None and i < head_end:
        single = _role_line(lines[i])
    if single is not None:
        return [single]
    return _author_photo(lines, i) if i <= body_end else []


def find_author_lines(lines: Sequence[Line], head_end: int, body_end: int) -> list[AuthorFinding]:
    """Lines that name the authors.

    Role lines count only above the body (``head_end``); bylines and author photos only
    within the article (up to ``body_end``), not in the teasers after it.
    """
    found: list[AuthorFinding] = []
    for i in range(len(lines)):
        if not any(f.line.index == lines[i].index for f in found):
            found.extend(_author_line(lines, i, head_end, body_end))
    return found


def bare_name_finding(line: Line) -> AuthorFinding | None:
    """A line that is only names ("Jane Doe and John Roe"), as printed under a title."""
    names = parse_name_list(line.text)
    return AuthorFinding(names, BARE_NAME_CONFIDENCE, line, "byline") if names else None
