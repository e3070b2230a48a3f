"""Name forms: strip titles and possessives, then fold spellings into a matching key.

Two layers, both pure functions of one surface string:

- ``display_form`` is what a reader would call the name: "Maj. Gen. Karim Haddadi's"
  becomes "Karim Haddadi" (titles, a leading "the" and a possessive removed).
- ``name_key`` folds the display form for matching: lowercase, no diacritics, no
  Arabic article prefixes, and transliteration variants collapsed (q→k, ou/o→u,
  ei/ai/y→i, doubled letters once), so "Qassem", "Qasem" and "Kassem" share one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dossier.resolve.aliases import KNOWN_ALIASES

# Titles that name a rank or office; a leading run of them is not part of the name.
CORE_TITLES = frozenset({
    "gen", "general", "maj", "major", "lt", "lieut", "lieutenant", "col", "colonel", "capt",
    "captain", "cpt", "brig", "brigadier", "adm", "admiral", "cmdr", "commander", "sgt",
    "sergeant", "cpl", "corporal", "pvt", "mr", "mrs", "ms", "miss", "mx", "dr", "prof",
    "professor", "president", "pres", "minister", "premier", "chancellor", "ayatollah", "sheikh",
    "shaikh", "sheik", "haj", "hajj", "haji", "imam", "mullah", "king", "queen", "prince",
    "princess", "emir", "sultan", "sen", "senator", "rep", "representative", "congressman",
    "congresswoman", "gov", "governor", "secretary", "sec", "ambassador", "amb", "leader",
    "chairman", "chief", "judge", "justice", "mayor", "pope", "rev", "reverend", "father", "sir",
    "lord", "lady", "dame"
})  # fmt: skip
# Words that only count as a title next to a core title ("Prime Minister", "Defense Secretary").
TITLE_MODIFIERS = frozenset({
    "prime", "vice", "deputy", "acting", "former", "late", "supreme", "grand", "foreign",
    "defense", "defence", "interior", "state", "senior", "top", "assistant", "general"
})  # fmt: skip
LEADING_ARTICLES = frozenset({"the"})
# Arabic article prefixes written with a hyphen ("al-Maliki", "a-Sadr", "ash-Sharif").
ARTICLE_PREFIX = re.compile(r"^(?:al|el|a|ad|ash|as|ar|an|at|az|ud|ul)[-‐‑](?=\w)", re.I)
# The article glued to a capitalised name: "alAssad", "elSisi".
GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[A-Z][a-z])")
STANDALONE_ARTICLES = frozenset({"al", "el"})
POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$", re.I)
# A lowercase word hyphen-glued to the end of a name is NER spill-over ("Talabani-maintained").
GLUED_VERB = re.compile(r"(?<=[A-Za-z]{3})-[a-z]+$")
APOSTROPHES = re.compile(r"['’`ʼʻ]")
NON_WORD = re.compile(r"[^0-9a-z ]+")
SPACES = re.compile(r"\s+")
TRAILING_PUNCT = ',;:!?"“”()[]'

# Transliteration folds, applied in order to a lowercase ASCII token.
FOLDS = (
    ("kh", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("o", "u"),
    ("ei", "i"),
    ("ey", "i"),
    ("ai", "i"),
    ("ay", "i"),
    ("ee", "i"),
    ("y", "i"),
)
# Institution noun -> the noun whose key it shares. News text uses each group
# interchangeably for one body ("the Syrian regime" / "the Syrian government", "the
# Syrian military" / "the Syrian army"); only a name's last word is folded this way.
INSTITUTION_SYNONYMS = {
    "administration": "government",
    "government": "government",
    "regime": "government",
    "army": "army",
    "military": "army",
}
VOWELS = frozenset("aeiou")
# Skeletons remembered: comparisons ask for the same few thousand tokens' again and again.
SKELETON_CACHE_SIZE = 1 << 17
# Distinct surface texts folded once each: a corpus has far fewer of them than mentions.
KEY_CACHE_SIZE = 1 << 18
# Generational suffixes after a surname, folded ("III", "Jr."): not part of the name's key.
GENERATIONS = frozenset({"jr", "sr", "iii", "iv"})
# Letters that transliterations swap at the start of a name (Gadhafi / Qaddafi / Kadafi).
SKELETON_INITIALS = {"g": "k", "q": "k", "c": "k"}


def strip_accents(text: str) -> str:
    """Drop combining marks after NFKD, so "Hâjj" becomes "Hajj"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _title_word(token: str) -> str:
    return token.lower().strip(".")


def _title_prefix_length(tokens: list[str]) -> int:
    """How many leading tokens form a title ("Maj.", "Gen.", "Prime", "Minister"...)."""
    end, seen_core = 0, False
    for i, token in enumerate(tokens):
        parts = [_title_word(p) for p in re.split(r"[-‐‑]", token) if p.strip(".")]
        if not parts or not all(p in CORE_TITLES or p in TITLE_MODIFIERS for p in parts):
            break
        if any(p in CORE_TITLES for p in parts):
            seen_core, end = True, i + 1
    if not seen_core:
        return 0
    if end + 1 < len(tokens) and tokens[end].lower() == "of":  # "Secretary of State X"
        end += 2
    return end


def strip_titles(tokens: list[str], strip_words: bool = True) -> list[str]:
    """Remove a leading title run; with ``strip_words=False`` only abbreviated titles go."""
    n = _title_prefix_length(tokens)
    if n and not strip_words and not all(t.endswith(".") for t in tokens[:n]):
        return tokens
    return tokens[n:] if n < len(tokens) else tokens


def display_form(text: str, strip_words: bool = True) -> str:
    """The name as written, without titles, a leading "the" or a possessive ending."""
    cleaned = SPACES.sub(" ", text).strip().strip(TRAILING_PUNCT).strip()
    cleaned = POSSESSIVE.sub("", cleaned).strip()
    cleaned = GLUED_VERB.sub("", cleaned)
    tokens = cleaned.split(" ")
    while len(tokens) > 1 and tokens[0].lower() in LEADING_ARTICLES:
        tokens = tokens[1:]
    tokens = strip_titles(tokens, strip_words)
    result = " ".join(tokens).strip()
    return result or SPACES.sub(" ", text).strip()


def _split_articles(token: str) -> list[str]:
    token = GLUED_ARTICLE.sub("", token)
    token = ARTICLE_PREFIX.sub("", token)
    return [p for p in re.split(r"[-‐‑–/]", token) if p]


def collapse_doubles(token: str) -> str:
    return re.sub(r"(.)\1+", r"\1", token)


def fold_token(token: str) -> str:
    """Fold one lowercase ASCII token's transliteration variants together."""
    token = collapse_doubles(token)
    for old, new in FOLDS:
        token = token.replace(old, new)
    return collapse_doubles(token)


def key_tokens(form: str) -> list[str]:
    """Folded tokens of a display form, Arabic articles removed."""
    pieces: list[str] = []
    for raw in form.split(" "):
        pieces.extend(_split_articles(APOSTROPHES.sub("", raw)))
    words = [NON_WORD.sub("", strip_accents(p).lower().replace(".", "")) for p in pieces]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in STANDALONE_ARTICLES:
        words = words[1:]
    words = [
        w for i, w in enumerate(words) if not (w in STANDALONE_ARTICLES and i + 1 < len(words))
    ]
    return [fold_token(w) for w in _initials(words)]


def _initials(words: list[str]) -> list[str]:
    """A name without what outlets write differently: initials run together ("A. J." and
    "A.J." are "aj"), a generational suffix ("Gray III", "Jr."; not "II": "Pope John Paul
    II"), and a first initial before the given name the person goes by ("L. Patrick Gray" is
    "Patrick Gray"). A middle initial stays: "George W. Bush" is not "George Bush"."""
    joined: list[str] = []
    for i, word in enumerate(words):
        if len(word) == 1 and i and len(words[i - 1]) == 1:
            joined[-1] += word
        else:
            joined.append(word)
    while len(joined) > 2 and joined[-1] in GENERATIONS:
        joined.pop()
    if len(joined) > 2 and len(joined[0]) == 1 and len(joined[1]) > 2:
        joined = joined[1:]
    return joined


@lru_cache(maxsize=KEY_CACHE_SIZE)
def form_key(text: str, strip_words: bool = True) -> str:
    """The matching key of one surface form; ``strip_words`` also drops spelled-out titles."""
    tokens = key_tokens(display_form(text, strip_words))
    if len(tokens) > 1:  # "Syrian regime" and "Syrian government" are one body
        tokens[-1] = _INSTITUTION_KEYS.get(tokens[-1], tokens[-1])
    if tokens:
        key = " ".join(tokens)
        return _ALIAS_KEYS.get(key, key)
    return NON_WORD.sub("", strip_accents(text).lower()).strip() or text.strip().lower()


def alias_key(key: str) -> str:
    """The key a known alias stands for ("amerika" -> "united states"), else ``key``."""
    return _ALIAS_KEYS.get(key, key)


def name_key(text: str) -> str:
    """The folded form used for blocking and matching ("Gen. Qassem Suleimani's" → "kasem sulimani")."""
    return form_key(text)


@lru_cache(maxsize=SKELETON_CACHE_SIZE)
def skeleton(token: str) -> str:
    """A consonant skeleton of a folded token: first letter kept, later vowels dropped."""
    if not token:
        return token
    head = SKELETON_INITIALS.get(token[0], token[0])
    tail = "".join(ch for ch in token[1:] if ch not in VOWELS and ch != "i")
    return collapse_doubles(head + tail)


_INSTITUTION_KEYS = {fold_token(k): fold_token(v) for k, v in INSTITUTION_SYNONYMS.items()}
# Last key tokens of institutions named by a modifier ("asad guvernment"): such a name is
# not what a lone "Asad" is short for.
INSTITUTION_HEADS = frozenset(_INSTITUTION_KEYS.values())
_ALIAS_KEYS = {
    " ".join(key_tokens(alias)): " ".join(key_tokens(name)) for alias, name in KNOWN_ALIASES.items()
}
