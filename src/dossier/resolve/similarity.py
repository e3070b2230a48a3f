"""When two folded names are spellings of one name: edit distance safe for the length."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from dossier.model import EntityType
from dossier.resolve.names import VOWELS, skeleton

# One edit allowed per this many characters of the shorter token: "kasem"/"kasim" (5
# letters, 1 edit) match, while 4-letter names such as "iran"/"irak" must be exact.
CHARS_PER_EDIT = 5
# rapidfuzz ratio (0-100) two misspelt tokens must also reach; 80 keeps one substitution
# in a 5-letter token (ratio 80) and rejects anything looser.
MIN_TOKEN_RATIO = 80.0
# Two tokens with the same consonant skeleton are variants ("sulimani"/"sulumini") only if
# the skeleton has at least this many consonants; 3-consonant skeletons are too common
# (hasan/husin).
MIN_SKELETON_CONSONANTS = 4
# ...and their folded lengths differ by at most this much: 0, so only vowels may differ
# ("taliban"/"talabani" share a skeleton but are a movement and a man).
MAX_SKELETON_LENGTH_GAP = 0

# A given name this short may be an initial of a longer one ("J." / "John").
MAX_INITIAL_LENGTH = 2

# Articles that a lost hyphen glues to a name ("alAssad" written "alassad").
GLUED_ARTICLES = ("al", "el")
# ...stripped only when at least this many letters remain ("alasad" -> "asad").
MIN_GLUED_REST = 4

NAME_TYPES = frozenset(
    {EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.LOC, EntityType.FAC}
)
# Pairs of types spaCy's small model confuses often enough that a spelling match across
# them is still trusted.
CONFUSABLE = frozenset(
    frozenset(pair)
    for pair in (
        (EntityType.PERSON, EntityType.ORG),
        (EntityType.ORG, EntityType.GPE),
        (EntityType.GPE, EntityType.LOC),
        (EntityType.ORG, EntityType.FAC),
        (EntityType.GPE, EntityType.FAC),
        (EntityType.LOC, EntityType.FAC),
    )
)


def type_family(kind: EntityType) -> str:
    """Names of things (people, groups, places) share a family; other types stand alone."""
    return "name" if kind in NAME_TYPES or kind is EntityType.NORP else kind.value


def types_compatible(a: EntityType, b: EntityType) -> bool:
    return a is b or frozenset((a, b)) in CONFUSABLE


def _unglued(token: str) -> str:
    """ "alasad" -> "asad": an Arabic article glued to the name, if enough remains."""
    for article in GLUED_ARTICLES:
        if token.startswith(article) and len(token) - len(article) >= MIN_GLUED_REST:
            return token[len(article) :]
    return token


def tokens_similar(a: str, b: str) -> bool:
    """True when two folded tokens are spellings of one word."""
    if a == b or _unglued(a) == b or a == _unglued(b):
        return True
    if a == b + "s" or b == a + "s":
        return False  # a plural or a lost apostrophe: decided by the corpus, not spelling
    if not a or not b or skeleton(a)[0] != skeleton(b)[0]:
        return False
    budget = min(len(a), len(b)) // CHARS_PER_EDIT
    if (
        budget
        and Levenshtein.distance(a, b, score_cutoff=budget) <= budget
        and fuzz.ratio(a, b) >= MIN_TOKEN_RATIO
    ):
        return True
    sa, sb = skeleton(a), skeleton(b)
    return (
        sa == sb
        and len(sa) >= MIN_SKELETON_CONSONANTS
        and abs(len(a) - len(b)) <= MAX_SKELETON_LENGTH_GAP
        and _consonant_runs(a) == _consonant_runs(b)
    )


_BRITISH_RE = re.compile(r"(?<=[^aeiou])re(s?)$")


def _consonant_runs(token: str) -> list[str]:
    """The token's consonants as the vowels group them, as ``skeleton`` reads them:
    "briton" is br-t-n and "barton" b-rt-n (two words), while "soleimani" and "solomeini"
    are both s-l-m-n (one name, its vowels misprinted). A British "-re" reads as "-er"
    ("centre" / "center")."""
    token = _BRITISH_RE.sub(r"er\1", token)
    runs = [skeleton(run) for run in re.split(f"[{''.join(VOWELS)}]+", token[1:])]
    first = skeleton(token[0]) + (runs.pop(0) if token[1:2] not in VOWELS else "")
    return [first, *(run for run in runs if run)]


def _token_variant(a: str, b: str, plural_ok: bool) -> bool:
    if plural_ok and (a == b + "s" or b == a + "s"):
        return True  # "Revolutionary Guards Corps" inside a longer name
    return tokens_similar(a, b)


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(_token_variant(s, t, True) for t in it) for s in short)


def forms_match(a: tuple[str, ...], b: tuple[str, ...], person: bool) -> bool:
    """Same name spelt differently; for people a dropped middle name is allowed too."""
    if len(a) == len(b):
        plural_ok = len(a) > 1
        return all(_token_variant(x, y, plural_ok) for x, y in zip(a, b, strict=True))
    if not person or min(len(a), len(b)) < 2:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    ends_match = tokens_similar(short[0], long[0]) and tokens_similar(short[-1], long[-1])
    return ends_match and _is_subsequence(short, long)


def first_names_conflict(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Cannot-link: two full names with one surname and different given names."""
    if len(a) < 2 or len(b) < 2 or not tokens_similar(a[-1], b[-1]):
        return False
    x, y = a[0], b[0]
    if min(len(x), len(y)) <= MAX_INITIAL_LENGTH and (x.startswith(y) or y.startswith(x)):
        return False  # an initial ("j" for "john")
    return not tokens_similar(x, y)
