"""Whether two counts are of two things: two owners, two agents, two substances, two places
or two sizes of a thing (``two_things``), and whether two folded names are one (``one_name``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import Indel
from spacy.lang.en.stop_words import STOP_WORDS

from dossier.corroboration.counting import measured
from dossier.corroboration.places import count_place, nested
from dossier.corroboration.quotes import VARIANT_SIMILARITY
from dossier.corroboration.records import ClaimRef, span_text
from dossier.corroboration.scope import SUBJECT_PRONOUNS, contest_of, names_place
from dossier.model import Quantity
from dossier.time.lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS

# A subject pronoun; a possessive names an owner ("His military claimed nearly 50 ...").
_PRONOUN = re.compile(rf"\b(?:{'|'.join(sorted(SUBJECT_PRONOUNS))})\b", re.I)
# A stretch of time a count is kept to: "arrested three times since October", "three touchdowns
# this season", "scored seven points in the first half", "last year's Oscars" (an earlier one of
# a yearly event), "prior to that" (the stretch before the one just told), "1999-2003", "in 113
# career games" (a player's whole record, against one game's count). Not
# "last week" or "last year": those date one happening, which the date slot compares.
_PERIOD = re.compile(
    r"\b(?:since\s+(?:(?:early|late|mid|the\s+start\s+of)\s+)?(?:"
    + "|".join(sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True))
    + r"|(?:19|20)\d\d|then)"
    r"|this\s+(?:season|campaign|term|year|month)"
    r"|last\s+(?:season|campaign)|(?:last|previous)\s+(?:year|season|month|week)['’]s"
    r"|(?:first|second|third|fourth|final|opening)\s+(?:half|quarter|period|innings|set)"
    r"|(?:prior\s+to|before)\s+(?:that|then)|(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)?\d\d"
    r"|career\s+(?:games|matches|starts|appearances|innings))\b",
    re.I,
)
# A run of capitalised words ("Varna Motors", "Orbit Sport", "U.S."), and the words in one
# that name no thing: stop words ("The" opening a sentence), months and weekdays.
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*)*")
_NOT_NAME_WORDS = frozenset({*STOP_WORDS, *MONTHS, *WEEKDAYS})
# A thing of one size or kind, named by a measure: "13-inch", "10-year-old", "6.1-magnitude".
_MEASURED_KIND = re.compile(r"\b\d+(?:\.\d+)?-[a-z]+\b", re.I)


def two_things(
    a: ClaimRef, qa: Quantity, b: ClaimRef, qb: Quantity, texts: Mapping[str, str]
) -> bool:
    """The two counts are of two things. Their owners, the actors named last before them,
    are two names, not spellings of one: "England have lost their first three matches" /
    "The same year that England ruled the roost, a woeful Wales lost all five matches" count
    two teams' defeats. Or the actors named first before them (their agents, not the speaker)
    are two, neither named in the other claim, nor one inside the other: "the Boston Red Sox
    have made Mark Teixeira an eight-year, $200 million offer" / "the Washington Nationals made
    Teixeira an eight-year, $160 million offer" (but "Manokwari" is in "Indonesia"). Or only
    a pronoun owns one (``_pronoun_owned``). Or they measure two substances
    (``numbers.measured``), or count in two places named right after them
    (``places.count_place``: "killed 230,000 people across Asia" / "killed 170,000 people in
    the province"), or one is a smaller count in a place and the other's claim names no place
    (``_part_of_whole``), or they are kept to two stretches of time (``_two_periods``: "three
    times since October" / "four times"), or of two sizes of a thing named before them
    (``_MEASURED_KIND``: "The 13-inch models start at $1,199" / "The 15-inch MacBook Pro starts
    at $1,799"), or of a thing and a longer name that begins with its name, the last names
    before them (``_longer_name``: "the Orbit will start at $20,000" / "the Orbit Sport will
    start at $26,000")."""
    if not one_name(_owner(a, qa, texts), _owner(b, qb, texts)):
        return True
    if _pronoun_owned(a, qa, texts) or _pronoun_owned(b, qb, texts):
        return True
    agents = [_owner(r, q, texts, first=True) for r, q in ((a, qa), (b, qb))]
    if (
        all(agents)
        and not (one_name(*agents) or nested(*agents))
        and not any(name in r.claim.text.casefold() for name, r in zip(agents, (b, a), strict=True))
    ):
        return True
    after = [texts.get(r.document_id, "")[q.span.end : r.claim.sentence.end]
             for r, q in ((a, qa), (b, qb))]  # fmt: skip
    held = [measured(q, words) for q, words in zip((qa, qb), after, strict=True)]
    if all(held) and held[0] != held[1]:
        return True
    where = [count_place(words) for words in after]
    if all(where) and where[0] != where[1]:
        return True
    placed = [_named_part(w) or names_place(r, texts) for r, w in zip((a, b), where, strict=True)]
    if _part_of_whole(qa, qb, placed) or _two_periods(a, b):
        return True
    before = [texts.get(r.document_id, "")[r.claim.sentence.start : q.span.start].casefold()
              for r, q in ((a, qa), (b, qb))]  # fmt: skip
    kinds = [set(_MEASURED_KIND.findall(words)) for words in before]
    if all(kinds) and not kinds[0] & kinds[1]:
        return True
    return _longer_name(*(_last_name(texts, r, q) for r, q in ((a, qa), (b, qb))))


def _last_name(texts: Mapping[str, str], ref: ClaimRef, q: Quantity) -> tuple[str, ...]:
    """The words of the last run of capitalised words before the count in its sentence, without
    stop words, months or weekdays: "Varna Motors said the Orbit Sport will start at $26,000"
    gives ("Orbit", "Sport"). The speaker names no thing counted: "Police Chief Tom Varley
    said 35 people were killed" gives ()."""
    start = ref.claim.sentence.start
    before = texts.get(ref.document_id, "")[start : q.span.start]
    speaker = ref.claim.attribution.source_span
    if speaker is not None and start <= speaker.start < q.span.start:
        cut = slice(speaker.start - start, speaker.end - start)
        before = before[: cut.start] + " " * len(before[cut]) + before[cut.stop :]
    runs = [[w for w in run.split() if w.casefold() not in _NOT_NAME_WORDS]
            for run in _CAPITALISED_RUN.findall(before)]  # fmt: skip
    named = [run for run in runs if run]
    return tuple(named[-1]) if named else ()


def _longer_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name is the other with more words after it: "the Orbit" / "the Orbit Sport",
    "Manchester" / "Manchester United", "Kenya" / "Kenya Airways" name two things."""
    short, long = sorted((a, b), key=len)
    return bool(short) and len(long) > len(short) and long[: len(short)] == short


def _part_of_whole(qa: Quantity, qb: Quantity, placed: Sequence[bool]) -> bool:
    """One count is in a place (``placed``: named right after it, ``_named_part``, or anywhere
    in its claim) and smaller; the other's claim names no place at all: "35 people were injured
    in Suez" may be a part of "at least 49 people have been injured" across the country. A part
    larger than the whole still disagrees."""
    if placed[0] == placed[1]:
        return False
    part, whole = (qa, qb) if placed[0] else (qb, qa)
    return part.high < whole.low


def _two_periods(a: ClaimRef, b: ClaimRef) -> bool:
    """One claim keeps its counts to a stretch of time (``_PERIOD``) and the other to none or
    to another: "had been arrested three times since October" / "had previously been arrested
    four times" (a career), "scored three touchdowns on punt runbacks this season" / "scoring
    two touchdowns on the ground" (a game), "seven points in the first half" / "14 points"."""
    periods = [{m.casefold() for m in _PERIOD.findall(r.claim.text)} for r in (a, b)]
    return periods[0] != periods[1]


def _named_part(where: str) -> bool:
    """A place after a count that picks out a part ("in Suez", "in the province"), not a tally's
    reach ("in 34 countries" is the whole of a tally, wherever it was taken)."""
    first = where.split(" ", 1)[0]
    return bool(where) and not first[:1].isdigit() and first not in NUMBER_WORDS


def one_name(a: str, b: str) -> bool:
    """Two folded names are one, or one is missing: a name inside the other ("assad" in
    "bashar al-assad"), or one spelt two ways ("deraa"/"daraa", ``VARIANT_SIMILARITY``, with
    no leading article, ``_bare``)."""
    if not a or not b or a in b or b in a:
        return True
    return Indel.normalized_similarity(_bare(a), _bare(b)) >= VARIANT_SIMILARITY


def _pronoun_owned(ref: ClaimRef, q: Quantity, texts: Mapping[str, str]) -> bool:
    """No name stands before the count in its sentence, a pronoun does: "Under its three-year
    turnaround plan it had aimed to save £220m" is some company's aim, maybe not Cadbury's
    "saved £75m". (After a name, "Obama said he would send 30,000 troops", the pronoun is
    read as the name's, and so is an opening "he" after a sentence naming one person,
    ``subject.referent``.)"""
    start = ref.claim.sentence.start
    if any(start <= s.start < q.span.start for s in ref.claim.actors):
        return False
    before = texts.get(ref.document_id, "")[start : q.span.start]
    if ref.referent:  # the opening "he" is the person the sentence before names
        before = _PRONOUN.sub("", before, count=1)
    return bool(_PRONOUN.search(before))


def _owner(ref: ClaimRef, q: Quantity, texts: Mapping[str, str], first: bool = False) -> str:
    """The actor named last before the count inside the claim's clause, folded; "" if none.
    The speaker is no owner: in "Mr Obama said a $120m fund would be set up", the fund is
    nobody's by name. Nor is the place whose contest it is (``scope.contest_of``): in "Pell's
    Civic Alliance came first in Norland's general election, winning 34 seats", the party owns
    the seats."""
    start, speaker = ref.claim.sentence.start, ref.claim.attribution.source_span
    text = texts.get(ref.document_id, "")
    before = [s for s in ref.claim.actors if start <= s.start and s.end <= q.span.start
              and not (speaker and speaker.start < s.end and s.start < speaker.end)
              and not contest_of(text, s)]  # fmt: skip
    if not before:
        return ""
    return span_text(
        ref,
        min(before, key=lambda s: s.start) if first else max(before, key=lambda s: s.end),
        texts,
    ).casefold()


def _bare(name: str) -> str:
    """A name without its article: "al-Qusayr" is "qusayr", "the Hague" "hague"."""
    return re.sub(r"^(?:al|el|the|ad|as|an|ar)[\s-]+", "", name)
