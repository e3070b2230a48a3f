"""Whether two claims may count one whole or date one act: the same places, casts and scope.

Counts and dates are compared only between claims that may report one whole (``same_scope``):
not in two places ("337 cases in Scotland" / "more than 800 cases in the UK"), nor in the world
and one place ("globally, 1.6 million cases" / "the US has recorded 467,000"), nor of two casts
("India's economy grew" / "the UK economy grew"). A claim's source is not of its cast (two
quakes "the U.S. Geological Survey said" struck near two towns), and a place one claim names
may lie in one the other names ("an island off Iran's coast" / "the island of Qeshm"). For
dates, a capital is its country's government ("Moscow vetoed" / "Russia and China vetoed").
Counts, not dates, are also kept apart when one claim names a place that lies apart from every
place the other names (``more_places``): "In California and Texas, eight people were
infected" counts more ground than "seven in California".

A claim that opens with a pronoun no name was found for ("It employs 50,000 staff"), or a
clause cut off a sentence that does ("but returned regularly and donated $5m"), is compared on
no date or number (``unnamed_subject``): whose it is is unknown. A cut-off clause that names no
one and takes its date from the words before it ("a refinery blast in 2005 that killed 15
people and injured 170 more") is dated by what those words are about, not by its own act: its
date is compared with none (``borrowed_date``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dossier.corroboration.places import countries_named, known, nested
from dossier.corroboration.records import ClaimRef, borrowed, in_source, place_spans, span_text
from dossier.model import Span

_COPULA = "be"  # a predicate's lemma for "is", "was", "are"
# Verbs that name one act, by the verb they stand for: a court "jailed" whom it "sentenced";
# talks that "start" "begin".
_ONE_ACT = {"jail": "sentence", "imprison": "sentence", "start": "begin", "commence": "begin"}

# Actors two claims must share to be read as one act of one cast (``same_cast``).
CAST_ACTORS = 2
# Subjects that name no one by themselves.
SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she"})
# A possessive of a contest: "Norland's general election", "Sunday's parliamentary vote".
_CONTEST = re.compile(
    r"['’]s?\s+(?:[a-z-]+\s+){0,2}?(?:elections?|votes?|polls?|referendum|ballot|primary|race)\b"
)
# Words that open a clause cut off a sentence whose subject it shares ("but returned ...").
_COORDINATORS = frozenset({"and", "but", "or", "then"})
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")
# How far back the start of a sentence is looked for (a cut-off clause's, the one before "he").
SUBJECT_LOOKBACK = 400
# A claim about the whole world: "Globally there are 1.6 million cases".
_WORLDWIDE = re.compile(
    r"\b(?:globally|worldwide|world-wide|(?:around|across|throughout) the (?:world|globe)"
    r"|in the world|the world over)\b", re.I,
)  # fmt: skip


def same_scope(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str], capitals: bool = False) -> bool:
    """Counts in the two claims may count one whole: they name no two different places
    ("337 cases in Scotland" / "more than 800 cases in the UK"), nor the world and one place
    ("The US has recorded 467,000 cases" / "Globally there are 1.6 million cases"), and when
    both name actors or places, they share one ("India's economy grew 6.9%" / "the UK
    economy grew 3.1%" share neither). A claim naming neither ("His military claimed nearly
    50 people were killed") may count what another does. With ``capitals`` (for dates), a
    capital is its country's government: "Moscow vetoed" / "Russia and China vetoed" share
    one cast ("cases in Mexico City" count only a part of Mexico's)."""
    if unnamed_subject(a, texts) or unnamed_subject(b, texts):
        return False
    places_a, places_b = _place_names(a, texts), _place_names(b, texts)
    if places_a and places_b and not places_a & places_b:
        return False
    world_a, world_b = (bool(_WORLDWIDE.search(r.claim.text)) for r in (a, b))
    if world_a != world_b and names_place(b if world_a else a, texts):
        return False  # "The US has recorded 467,000 cases" / "Globally, 1.6 million"
    scope_a, scope_b = _cast(a) | places_a, _cast(b) | places_b
    if not (scope_a or scope_b):  # two claims naming no one but their sources are theirs:
        # "Lakshmi Mittal has told investors the company will shed thousands of jobs" / "plans
        # to shed 71,000 civil service jobs, according to a TUC report": two employers' jobs
        scope_a, scope_b = set(a.speakers), set(b.speakers)
    return (
        not (scope_a and scope_b)
        or bool(scope_a & scope_b)
        or _places_meet(a, b, texts)
        or (capitals and _one_government(a, b, texts))
    )


def more_places(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> bool:
    """Both claims name places (as places or actors), and one names a place that neither lies
    in nor holds any the other names: a count over more ground ("In California and Texas,
    eight people were infected" / "seven in California, two in Texas, two in Kansas") counts
    another whole. Two places one inside the other are one ground named finer ("Manokwari" /
    "Indonesia")."""
    places_a, places_b = ({n.casefold() for n in _known_where(r, texts)} for r in (a, b))
    if not (places_a and places_b):
        return False
    return _beyond(places_a, places_b) or _beyond(places_b, places_a)


def _beyond(these: set[str], those: set[str]) -> bool:
    """A place of ``these`` apart from every place of ``those``."""
    return any(not any(nested(x, y) or nested(y, x) for y in those) for x in these - those)


def same_cast(a: ClaimRef, b: ClaimRef) -> bool:
    """The two claims are about the same actors, two or more, besides their sources: "The
    agreement ... was signed in Tallinn by Energy Minister Oskar Pell" names the parties of
    one act, whatever place and sum each outlet gives it."""
    cast = _cast(a)
    return len(cast) >= CAST_ACTORS and cast == _cast(b)


def cast_within(a: ClaimRef, b: ClaimRef) -> bool:
    """One claim's actors, besides its source, are all among the other's, and it names one at
    least: "Norland signed a 20-year deal" and "Norland signed a 25-year deal with Estovia"
    may tell one deal; "the Red Sox offered Teixeira an eight-year deal" and "the Orioles have
    offered Teixeira a seven-year deal" tell two."""
    cast_a, cast_b = _cast(a), _cast(b)
    return bool(cast_a and cast_b) and (cast_a <= cast_b or cast_b <= cast_a)


def _cast(ref: ClaimRef) -> set[str]:
    """The actors the claim is about: its source is not one of them. "The first quake ... struck
    about 135 kilometers from Manokwari, the U.S. Geological Survey said" and "The 6.1-magnitude
    quake struck ... in Aceh, the US Geological Survey said" share a source, not a cast."""
    return set(ref.actors) - set(ref.speakers)


def _places_meet(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> bool:
    """A place one claim names lies in, or is, one the other names: "an island off Iran's
    southern coast" / "the Persian Gulf Island of Qeshm" (``places.nested``)."""
    names_a, names_b = (_known_where(r, texts) for r in (a, b))
    return any(nested(x, y) for x in names_a for y in names_b)


def _known_where(ref: ClaimRef, texts: Mapping[str, str]) -> list[str]:
    """The names of ``_where`` that the gazetteer knows as places."""
    return [n for n in _where(ref, texts) if known(n)]


def _where(ref: ClaimRef, texts: Mapping[str, str]) -> list[str]:
    """The claim's places and the actors it does not name only as its source; a place "the
    Island of Qeshm" is also "Qeshm"."""
    spans = [s for s in place_spans(ref) if not in_source(ref.claim, s)]
    names = [span_text(ref, s, texts) for s in (*spans, *ref.claim.places)]
    return names + [n.rsplit(" of ", 1)[1] for n in names if " of " in n]


def _one_government(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> bool:
    """Both name one country as an actor, by its name or by its capital."""
    names_a, names_b = ([span_text(r, s, texts) for s in r.claim.actors] for r in (a, b))
    return bool(countries_named(names_a) & countries_named(names_b))


def unnamed_subject(ref: ClaimRef, texts: Mapping[str, str]) -> bool:
    """The claim opens with a pronoun no name was found for ("It employs 50,000 staff", "it
    aired Monday night"), or it is a clause cut off a sentence that opens with one and shares
    its subject ("He lived in Norfolk ..., but returned regularly and donated $5m"): whose
    count or date it gives is unknown, so neither is compared ("It employs 76,200 staff" may
    be another company)."""
    claim = ref.claim
    first = _first_word(claim.text)
    if first in _COORDINATORS and not borrowed(claim):
        text = texts.get(ref.document_id, "")
        start = claim.sentence.start
        first = _first_word(SENTENCE_END.split(text[max(0, start - SUBJECT_LOOKBACK) : start])[-1])
    named = any(actor.start == claim.sentence.start for actor in claim.actors)
    return first in SUBJECT_PRONOUNS and not named and not ref.referent


def borrowed_date(ref: ClaimRef) -> bool:
    """A clause cut off its sentence ("and injured 170 more") that names no one and nowhere,
    dated by a date outside its words ("a refinery blast in 2005 that killed 15 people and
    ..."): the date is of whatever the sentence's first part tells, and the clause's own act
    ("and injuring 17 others" of a rig's blast, on April 20, 2010) may be another's."""
    claim, time = ref.claim, ref.claim.time
    if _first_word(claim.text) not in _COORDINATORS or _cast(ref) or claim.places:
        return False
    return time is not None and time.end <= claim.sentence.start


def _first_word(text: str) -> str:
    return text.lstrip('"\u201c ').split(" ", 1)[0].casefold()


def names_place(ref: ClaimRef, texts: Mapping[str, str]) -> bool:
    """The claim names a place, as a place or as an actor the gazetteer knows ("The US") and
    no person ("Hale" is a town), but not as whose contest it is (``contest_of``: "won 34
    seats in Norland's election" counts the whole election's seats)."""
    text = texts.get(ref.document_id, "")
    actors = (span_text(ref, s, texts) for s in place_spans(ref) if not contest_of(text, s))
    return bool(ref.claim.places) or any(known(name) for name in actors)


def contest_of(text: str, span: Span) -> bool:
    """The name is the possessor of a contest: "Norland's general election", "Sunday's
    parliamentary vote" (``_CONTEST``)."""
    return bool(_CONTEST.match(text, span.end))


def _place_names(ref: ClaimRef, texts: Mapping[str, str]) -> set[str]:
    return {span_text(ref, p, texts).casefold() for p in ref.claim.places}


def same_act(a: ClaimRef, b: ClaimRef) -> bool:
    """The two claims' predicates have one verb: "captured" and "captured", not "shelled";
    "jailed" and "sentenced" are one (``_ONE_ACT``).
    A copula names no act, its complement does: "was a huge hit back in 1993" and "is a
    classic song ... today" are two states, and only "was commander" and "is commander" are
    one."""
    words_a, words_b = a.claim.predicate.split(), b.claim.predicate.split()
    state_a, state_b = ([w for w in words if w != "not"] for words in (words_a, words_b))
    if _COPULA in (state_a[:1] + state_b[:1]):
        return state_a == state_b
    return [_ONE_ACT.get(w, w) for w in words_a[:1]] == [_ONE_ACT.get(w, w) for w in words_b[:1]]
