"""Names and titles that two claims about one happening give differently.

A title is read from its text (stage 3's roles): its head noun ("commander", "minister") and its
qualifiers, the capitalised words around the head ("Central Command", "U.S. forces in Iraq").
Ranks and honorifics ("Gen.", "Maj.") and time words ("then-", "former", "retired") are not
read.

- **title**: one person, the same head noun, and qualifiers with no word in common, where
  neither sentence names the other title's qualifiers: "Central Command commander Gen. David
  Petraeus" against "then-commander of U.S. forces in Iraq, Gen. David Petraeus". "U.S.
  Secretary of State" and "Secretary of State" agree: one title says less, not something else;
  so do "World number one" and "Women's world number one", whose "world" is the same word
  uncapitalised.
- **rank of post**: one person, the same head noun, and a word of a lower post ("Deputy",
  "Vice", "Assistant") in one title only, which the other sentence does not hold: "Energy
  Minister Oskar Pell" against "Deputy Energy Minister Oskar Pell" are two posts, though the
  second holds every word of the first.
- **post**: one person, two posts of one organisation that one person does not hold at once
  (``_POSTS``: chief executive, chief financial officer, owner, manager, chair...), where the
  other sentence does not name the first post: "the former chief executive of Norvik Bank"
  against "the former chief financial officer of Norvik Bank", "Factory owner Lars Dahl"
  against "the factory's manager, Lars Dahl". "CEO" is "chief executive officer" is "chief
  executive"; a post without its organisation ("Dahl, the owner") is not compared.
- **name**: one title, word for word the same qualifiers, held by two different people:
  "Libyan Foreign Minister Moussa Koussa" against "Libyan Foreign Minister Abdelati Obeidi";
  not a title many hold at once ("a Reuters columnist").

Demonyms fold to their country's stem ("Libyan"/"Libya", "French"/"France") so that "French
President" and "President of France" agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from dossier.corroboration.records import ClaimRef, span_text

_WORD = re.compile(r"[\w.'’-]+")
_RANKS = frozenset({
    "gen", "general", "maj", "major", "lt", "lieutenant", "col", "colonel", "brig", "brigadier",
    "adm", "admiral", "capt", "captain", "cmdr", "sgt", "cpl", "pvt", "gov", "sen", "rep", "dr",
    "prof", "professor", "sheikh", "ayatollah", "mr", "mrs", "ms",
})  # fmt: skip
_TIME_WORDS = frozenset({
    "then", "former", "ex", "late", "current", "now", "acting", "outgoing", "retired",
})  # fmt: skip
# Words that make a title a lower post than the same title without them ("Deputy Energy
# Minister", "Vice President", "Assistant Secretary", "Under-Secretary").
_LOWER_POSTS = frozenset({"deputy", "vice", "assistant", "associate", "under", "junior"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
# A title opening with these is one of several posts of its name ("a Reuters columnist").
_SHARED_POSTS = frozenset({"a", "an", "one", "another"})
_LINKS = frozenset({"of", "for", "in", "at", "to", "on", "and"})
# Demonyms whose stem is not their country's ("French"/"France"); others share four letters.
_DEMONYMS = {"french": "france", "dutch": "netherlands", "swiss": "switzerland",
             "welsh": "wales", "greek": "greece", "american": "us", "america": "us",
             "uk": "britain"}  # fmt: skip
# Country and body names of several words, read as one ("United States" is "US").
_NAMES = re.compile(r"\bUnited (States|Kingdom|Nations)\b")
_NAME_CODES = {"States": "US", "Kingdom": "UK", "Nations": "UN"}
_STEM = 4
# Posts of an organisation, each by the ways it is written; the words of a title that are not
# its post, rank, time or grammar name the organisation ("Norvik Bank", "factory").
_POSTS = {post: re.compile(pattern) for post, pattern in (
    ("chief executive", r"\bceo\b|\bchief executive\b(?: officer\b)?"),
    ("chief financial officer", r"\bcfo\b|\bchief financial officer\b|\bfinance director\b"),
    ("chief operating officer", r"\bcoo\b|\bchief operating officer\b"),
    ("chair", r"\bchair(?:man|woman|person)?\b"),
    ("president", r"(?<!vice )(?<!vice-)\bpresident\b"),
    ("owner", r"\bowner\b"),
    ("manager", r"\b(?:general |managing )?manager\b"),
    ("founder", r"\b(?:co-?)?founder\b"),
)}  # fmt: skip
_POST_WORDS = frozenset(
    {"ceo", "cfo", "coo", "chief", "executive", "financial", "operating", "officer", "finance",
     "director", "chair", "chairman", "chairwoman", "chairperson", "president", "owner",
     "general", "managing", "manager", "founder", "co"}
)  # fmt: skip
# How many words after a title may be its holder's name.
HOLDER_WORDS = 4


@dataclass(frozen=True, slots=True)
class Title:
    actor: str
    text: str
    head: str
    qualifiers: frozenset[str]
    unique: bool = True  # one holder at a time: not "a Reuters columnist", "one of its ministers"


def read_title(actor: str, text: str) -> Title | None:
    """The head and qualifiers of a role's text, or None when it has no head noun."""
    words = [w.strip(".'’-") for w in _words(text)]
    kept = [w for w in words if w and w.casefold() not in _TIME_WORDS | _RANKS]
    if not kept:
        return None
    lowered = [w.casefold() for w in kept]
    cut = next((i for i, w in enumerate(lowered) if w in _LINKS), len(kept))
    if cut == 0:
        return None
    head = lowered[cut - 1].removesuffix("'s").removesuffix("’s")
    qualifiers = frozenset(
        _fold(w) for i, w in enumerate(kept) if i != cut - 1 and w[:1].isupper()
        and lowered[i] not in _DETERMINERS | _LINKS
    )  # fmt: skip
    if not head.isalpha():
        return None
    unique = lowered[0] not in _SHARED_POSTS
    head = head.removesuffix("s") if len(head) > 4 else head
    return Title(actor, text, head, qualifiers, unique)


def _words(text: str) -> list[str]:
    text = _NAMES.sub(lambda m: _NAME_CODES[m[1]], text)
    return _WORD.findall(text.replace("-", " "))


def _fold(word: str) -> str:
    folded = word.casefold().replace(".", "").removesuffix("'s").removesuffix("’s")
    return _DEMONYMS.get(folded, folded)[:_STEM]


def title_conflict(a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> tuple[str, str] | None:
    """The two differing titles or names of a pair, or None. A name conflict shows each
    title with its holder's name as written after it ("Chargers general manager A.J.
    Smith", ``_holder``)."""
    titles_b = _titles(b, texts)
    for ta in _titles(a, texts):
        for tb in titles_b:
            if ta.head == tb.head and ta.actor == tb.actor and _another_rank(ta, tb, a, b, texts):
                return _shown(ta.text), _shown(tb.text)
            if ta.head != tb.head and ta.actor == tb.actor and _another_post(ta, tb, a, b, texts):
                return _shown(ta.text), _shown(tb.text)
            if ta.head != tb.head or not ta.qualifiers or not tb.qualifiers:
                continue
            retitled = ta.actor == tb.actor and not (
                ta.qualifiers & _words_of(tb) or tb.qualifiers & _words_of(ta)
                or _abbreviates(ta, tb) or _abbreviates(tb, ta)
            )  # fmt: skip
            if retitled and not (_mentioned(ta, b, texts) or _mentioned(tb, a, texts)):
                return _shown(ta.text), _shown(tb.text)
            one_holder = ta.unique and tb.unique  # "a Reuters columnist" has many holders
            renamed = ta.actor != tb.actor and ta.qualifiers == tb.qualifiers and one_holder
            if renamed and not (_holds(tb.actor, a) or _holds(ta.actor, b)):
                names = _holder(ta, a, texts), _holder(tb, b, texts)
                surnames = [[n.casefold() for n in name[-1:]] for name in names]
                if surnames[0] != surnames[1] or not names[0]:  # "Bill" / "William Ingaldson"
                    return (" ".join([_shown(ta.text), *names[0]]),
                            " ".join([_shown(tb.text), *names[1]]))  # fmt: skip
    return None


def _another_rank(ta: Title, tb: Title, a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> bool:  # fmt: skip
    """One title only holds a word of a lower post ("Deputy Energy Minister" / "Energy
    Minister"), and the other claim's sentence does not hold that word."""
    lower_a, lower_b = (_lower_post(t.text) for t in (ta, tb))
    if bool(lower_a) == bool(lower_b):
        return False
    lower, other = (lower_a, b) if lower_a else (lower_b, a)
    return not lower & _lower_post(span_text(other, other.claim.sentence, texts))


def _another_post(ta: Title, tb: Title, a: ClaimRef, b: ClaimRef, texts: Mapping[str, str]) -> bool:  # fmt: skip
    """Two posts of one organisation (``_POSTS``), and neither claim's sentence names the
    other's post ("chairman and chief executive" holds both)."""
    post_a, post_b = _post(ta.text), _post(tb.text)
    if not post_a or not post_b or post_a == post_b:
        return False
    org_a, org_b = _organisation(ta.text), _organisation(tb.text)
    if not org_a or org_a != org_b:
        return False
    sentences = (span_text(r, r.claim.sentence, texts).casefold() for r in (b, a))
    pairs = zip((post_a, post_b), sentences, strict=True)
    return not any(_POSTS[post].search(text) for post, text in pairs)


def _post(text: str) -> str:
    """The one post of ``_POSTS`` a title names, or "" (none, or two)."""
    found = {post for post, pattern in _POSTS.items() if pattern.search(text.casefold())}
    return found.pop() if len(found) == 1 else ""


def _organisation(text: str) -> frozenset[str]:
    """A title's words that are not its post, rank, time or grammar, folded (``_fold``)."""
    words = (w.strip(".'’-") for w in _words(text))
    return frozenset(
        _fold(w) for w in words if w and w.casefold().removesuffix("'s").removesuffix("’s")
        not in _POST_WORDS | _RANKS | _TIME_WORDS | _DETERMINERS | _LINKS
    )  # fmt: skip


def _lower_post(text: str) -> set[str]:
    return {w.casefold() for w in _words(text)} & _LOWER_POSTS


def _abbreviates(short: Title, long: Title) -> bool:
    """A qualifier of ``short`` in capitals holds the initials of ``long``'s qualifying words:
    "CHP Officer" and "Highway Patrol Officer" ("HP"), "California Highway Patrol Officer"."""
    words = (w.strip(".'’-") for w in _words(long.text))
    initials = "".join(
        w[0] for w in words if w[:1].isupper() and w.casefold() not in _RANKS | _TIME_WORDS
        and w.casefold().removesuffix("s") != long.head
    ).casefold()  # fmt: skip
    acronyms = [w for w in _words(short.text) if len(w) > 1 and w.isupper()]
    return len(initials) > 1 and any(initials in w.casefold() for w in acronyms)


def _holder(title: Title, ref: ClaimRef, texts: Mapping[str, str]) -> list[str]:
    """The capitalised words right after the title in the claim's sentence: its holder's name
    as the outlet wrote it, shown with the title in a name conflict. Two names with one
    surname ("Bill Ingaldson" / "William Ingaldson") are one person written two ways."""
    sentence = span_text(ref, ref.claim.sentence, texts)
    at = sentence.find(title.text)
    after = sentence[at + len(title.text) :].split()[:HOLDER_WORDS] if at >= 0 else []
    name = []
    for word in after:
        if not word[:1].isupper():
            break
        ends = word[-1] in ",;:" or (word.endswith(".") and "." not in word[:-1] and len(word) > 2)
        name.append(word.rstrip(",;:.") if ends else word)  # "Ingaldson." ends; "A.J." does not
        if ends:
            break
    return name


def _words_of(title: Title) -> set[str]:
    """The title's words but its head, in any case: "Women's world number one" holds the
    qualifier of "World number one"."""
    words = (w.strip(".'’-") for w in _words(title.text))
    return {_fold(w) for w in words if w and w.casefold().removesuffix("s") != title.head}


def _shown(text: str) -> str:
    """The title without the rank that ends it before the name ("... commander Gen.")."""
    words = text.split()
    while len(words) > 1 and words[-1].casefold().strip(".") in _RANKS:
        words.pop()
    return " ".join(words)


def _titles(ref: ClaimRef, texts: Mapping[str, str]) -> list[Title]:
    """The claim's titles. A title that opens its sentence with one capitalised word
    ("Mob boss Vincent Gigante") may be capitalised only for that: its first word is no
    qualifier. A title with a second capital keeps it: "Libyan Foreign Minister", and
    "Interior Minister", whose capitalised head shows a title written in title case."""
    opening = span_text(ref, ref.claim.sentence, texts)
    found = []
    for actor, text in ref.titles:
        first, _, rest = text.partition(" ")
        if opening.startswith(text) and rest and not any(w[:1].isupper() for w in rest.split()):
            text = first.casefold() + " " + rest
        title = read_title(actor, text)
        if title is not None:
            found.append(title)
    return found


def _holds(actor: str, ref: ClaimRef) -> bool:
    """The claim names that person too: two holders of one title, not a different name."""
    return actor in ref.actors


def _mentioned(title: Title, ref: ClaimRef, texts: Mapping[str, str]) -> bool:
    """Every qualifier of ``title`` occurs in ``ref``'s sentence: "the commander in Iraq" and
    "Petraeus, the U.S. commander, ... in Iraq" say one thing. (Wider, the text around a claim
    names too much: "American commanders in Iraq" one sentence before "Central Command
    commander Gen. David Petraeus".)"""
    sentence = ref.claim.sentence
    near = texts.get(ref.document_id, "")[sentence.start : sentence.end]
    stems = {_fold(w) for w in _words(near) if w[:1].isupper()}
    return title.qualifiers <= stems
