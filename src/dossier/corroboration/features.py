"""What two claims are compared on: content words folded to generic classes, and rarity weights.

Content words are the claim's words minus its actor mentions, its date, numbers and stop
words, with a crude suffix stemmer and a few irregular verb forms. ``RELATED`` folds generic
news verbs and nouns that reporters use for one another ("gave a map of bases" ≈ "provided
intelligence on camps") into one class; it is generic news vocabulary, tied to no subject.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.model import Claim

# Classes of generic news words used interchangeably; the first word names the class.
RELATED = (
    ("give", "provide", "hand", "supply", "deliver", "pass", "share", "transfer", "furnish"),
    ("intelligence", "map", "location", "information", "data", "detail", "coordinate", "tip"),
    ("base", "camp", "facility", "compound", "site", "installation", "position", "hideout"),
    ("meet", "meeting", "talk", "negotiate", "negotiation", "discuss", "discussion", "confer"),
    ("kill", "slay", "death", "dead", "die", "assassinate", "assassination", "killing"),
    ("attack", "strike", "assault", "raid", "bomb", "bombing", "offensive", "shell"),
    ("send", "dispatch", "deploy", "deployment"),
    ("help", "assist", "aid", "support", "back", "assistance"),
    ("lead", "command", "direct", "head", "run", "control", "manage", "oversee", "commander"),
    ("arrest", "detain", "capture", "seize", "detention"),
    ("release", "free", "liberate", "unshackle"),
    ("fund", "finance", "bankroll", "pay", "funding", "payment"),
    ("weapon", "arm", "munition", "missile", "rocket", "arsenal"),
    ("troop", "soldier", "force", "fighter", "militia", "militiaman", "combatant"),
    ("official", "officer", "representative", "diplomat", "envoy", "emissary"),
    ("message", "letter", "note", "communication"),
    ("wound", "injure", "injury", "wounded", "injured"),
    ("warn", "threaten", "threat", "warning"),
)
# Irregular forms the suffix stemmer cannot undo.
_IRREGULAR = {
    "gave": "give", "given": "give", "met": "meet", "sent": "send", "told": "tell",
    "held": "hold", "took": "take", "taken": "take", "led": "lead", "fought": "fight",
    "brought": "bring", "bought": "buy", "made": "make", "went": "go", "gone": "go",
    "began": "begin", "begun": "begin", "struck": "strike", "fled": "flee", "ran": "run",
    "paid": "pay", "forces": "force", "bases": "base", "killings": "kill", "died": "die",
    "dying": "die", "arms": "arm",
}  # fmt: skip
# Words that frame rather than state: attribution cues carry no content of the claim.
_FRAMING = {
    "say", "said", "says", "accord", "according", "report", "reported", "reportedly", "claim",
}  # fmt: skip
# Titles and honorifics: they name a rank, not what happened.
_TITLES = {"gen", "maj", "lt", "col", "capt", "sgt", "adm", "mr", "mrs", "ms", "dr", "sen", "gov"}
_SKIP = STOP_WORDS | _FRAMING | _TITLES
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_LEADING = re.compile(r"^[\W_]+")
_FUNCTION = r"the|a|an|of|in|on|at|to|by|for|with|from|and|or|as|its|his|her|their|'s|’s"
_DANGLING = re.compile(rf"(?:[\W_]|\b(?:{_FUNCTION})\b)*$", re.IGNORECASE)


def stem(word: str) -> str:
    """A crude, consistent English stemmer: "camps"/"camp", "provided"/"provide", "killed"/"kill"."""
    word = _IRREGULAR.get(word, word)
    for suffix in ("ies", "ied", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


_CLASS = {stem(word): group[0] for group in RELATED for word in group}


def fold(word: str) -> str:
    """The word's class: a stem, folded through ``RELATED``."""
    stemmed = stem(word.casefold())
    return _CLASS.get(stemmed, stemmed)


def content_text(claim: Claim) -> str:
    """The claim's clause without its actor mentions and its date: what happened, to whom.

    Each piece between cuts loses the punctuation it starts with and the function words it
    ends with, so no "In , met to discuss the ." is left for the embedding to match on.
    """
    base = claim.sentence.start
    cuts = sorted(
        (s.start - base, s.end - base)
        for s in (*claim.actors, *([claim.time] if claim.time else []))
    )
    text, last, pieces = claim.text, 0, []
    for start, end in cuts:
        pieces.append(text[last : max(start, last)])
        last = max(last, end)
    pieces.append(text[last:])
    trimmed = (_DANGLING.sub("", _LEADING.sub("", piece)) for piece in pieces)
    return " ".join(" ".join(piece for piece in trimmed if piece).split())


def content_words(claim: Claim) -> frozenset[str]:
    """The claim's folded content words, leaving out its actors and its date."""
    words = _WORD.findall(content_text(claim).casefold())
    return frozenset(fold(w) for w in words if w not in _SKIP and len(w) > 1)


def idf(bags: Iterable[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency over the bags: rare words and actors weigh more."""
    counts: Counter[str] = Counter()
    total = 0
    for bag in bags:
        counts.update(set(bag))
        total += 1
    return {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in counts.items()}


def weighted_overlap(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    """Shared weight over the lighter set's weight: a short report inside a long one scores high."""
    smaller = min(sum(weight.get(w, 1.0) for w in a), sum(weight.get(w, 1.0) for w in b))
    return sum(weight.get(w, 1.0) for w in a & b) / smaller if smaller else 0.0


def counts(bags: Iterable[Iterable[str]]) -> Counter[str]:
    """In how many bags each item occurs."""
    found: Counter[str] = Counter()
    for bag in bags:
        found.update(set(bag))
    return found


def weighted_jaccard(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    union = sum(weight.get(w, 1.0) for w in a | b)
    return sum(weight.get(w, 1.0) for w in a & b) / union if union else 0.0
