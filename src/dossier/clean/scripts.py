"""Which writing system a line is in: a line mostly in another script than the page's is
foreign (a Korean line in a Japanese article, an English menu on a Hebrew page)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

OTHER_SCRIPT_SHARE = 0.5  # below this share of majority-script letters a line is foreign

JAPANESE = "CJK"  # Japanese prose mixes kanji, hiragana and katakana in every sentence
JAPANESE_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA"})
WIDTH_FORMS = frozenset({"FULLWIDTH", "HALFWIDTH"})


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The script of a letter, from its Unicode name: "LATIN", "HEBREW", "CYRILLIC"..."""
    words = unicodedata.name(char, "").split(" ")
    if words[0] in WIDTH_FORMS:  # "FULLWIDTH LATIN ...", "HALFWIDTH KATAKANA ..."
        words = words[1:]
    script = words[0]
    return JAPANESE if script in JAPANESE_SCRIPTS else script


def letter_scripts(text: str) -> Counter[str]:
    return Counter(script_of(c) for c in text if c.isalpha())


def majority_script(texts: list[str]) -> str:
    total: Counter[str] = Counter()
    for text in texts:
        total.update(letter_scripts(text))
    return total.most_common(1)[0][0] if total else "LATIN"


def is_other_script(text: str, script: str) -> bool:
    scripts = letter_scripts(text)
    letters = scripts.total()
    return letters > 0 and scripts[script] < OTHER_SCRIPT_SHARE * letters
