"""Whether an article is in English, the only language the model reads.

The English model, run on German or Italian text, makes claims and groups out of function
words ("im Winter", "Patienten"), so a text in another language is refused by name, like an
empty or a binary file. What decides is evidence of another language, not a lack of English:
an English box score or a recipe's list of ingredients has few function words of any
language and is kept. A text is refused when most of its letters are of another script
(Cyrillic, Hangul, CJK, Arabic: ``FOREIGN_SCRIPT``), or when the function words of one other
language (spaCy's stop words for it, less the English ones and single letters) are at least
``FOREIGN_SHARE`` of its words and ``MARGIN`` more than the English ones.

Measured (eval/README.md, 2026-11-27): English news (the 2,225 BBC articles, the seeds, the
T17 articles) has 20 % or more English function words and at most 16 % of any other
language's; German, French, Italian, Portuguese, Spanish, Polish and Indonesian pages have
19 % or more of their own and under 13 % English ones.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
import unicodedata
from collections import Counter
from pathlib import Path

from dossier.errors import ExtractionError

# Texts shorter than this are not judged: a few words say too little.
MIN_WORDS = 50
MIN_LETTERS = 200  # for scripts without spaces between words
FOREIGN_SCRIPT = 0.5
FOREIGN_SHARE = 0.15
MARGIN = 0.05
LANGUAGES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "id": "Indonesian", "tr": "Turkish", "sv": "Swedish",
    "da": "Danish", "nb": "Norwegian", "ro": "Romanian", "cs": "Czech", "sk": "Slovak",
    "hu": "Hungarian", "fi": "Finnish", "ca": "Catalan", "hr": "Croatian", "sl": "Slovenian",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]{2,}(?:'[^\W\d_]+)?")


def check_language(text: str) -> None:
    """Raise ``ExtractionError`` naming the language when ``text`` is not English."""
    letters = sum(c.isalpha() for c in text)
    foreign = [c for c in text if not c.isascii() and c.isalpha() and not _latin(c)]
    if letters >= MIN_LETTERS and len(foreign) > FOREIGN_SCRIPT * letters:
        script = unicodedata.name(foreign[len(foreign) // 2], "?").split()[0]
        script = script if len(script) <= 3 else script.title()  # "CJK", "Cyrillic"
        raise ExtractionError(
            f"not English: {len(foreign) / letters:.0%} of its letters are {script} "
            "letters; dossier reads English articles"
        )
    words = [w.casefold() for w in _WORD.findall(text)
             if w.isascii() or all(map(_latin, w.replace("'", "")))]  # fmt: skip
    if len(words) < MIN_WORDS:
        return
    english, other = _stop_words()
    own = sum(w in english for w in words) / len(words)
    counts = Counter(code for w in words for code in other.get(w, ()))
    code, hits = max(counts.items(), key=lambda found: found[1], default=("", 0))
    share = hits / len(words)
    if share >= FOREIGN_SHARE and share >= own + MARGIN:
        name = LANGUAGES[code]
        raise ExtractionError(
            f"not English: reads as {name} ({share:.0%} of its words are {name} function "
            f"words, {own:.0%} English ones); dossier reads English articles"
        )


@functools.lru_cache(maxsize=4096)
def _latin(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")


@functools.cache
def _stop_words() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """English function words, and for each other language's function word (not an English
    one) the languages it belongs to."""
    english = _spacy_stop_words("en")
    other: dict[str, list[str]] = {}
    for code in LANGUAGES:
        for word in _spacy_stop_words(code) - english:
            other.setdefault(word, []).append(code)
    return english, {word: tuple(codes) for word, codes in other.items()}


def _spacy_stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for a language, read from its ``stop_words.py`` alone (a plain set,
    no imports): importing ``spacy.lang.fr`` would also compile its tokenizer exceptions,
    2 seconds of every build."""
    spec = importlib.util.find_spec("spacy.lang")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("spaCy is not installed; run scripts/setup.sh")
    path = Path(next(iter(spec.submodule_search_locations))) / code / "stop_words.py"
    module = importlib.util.module_from_spec(
        importlib.util.spec_from_file_location(f"_dossier_stop_words_{code}", path)  # type: ignore[arg-type]
    )
    module.__loader__.exec_module(module)  # type: ignore[union-attr]
    return frozenset(module.STOP_WORDS)
