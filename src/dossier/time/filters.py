"""Tell a year from a number that is not a date (money, counts, resolutions, product names),
and a date that heads a list entry from one that dates the words around it."""

from __future__ import annotations

import re

from dossier.time.lexicon import MONTHS

# A capitalised word right before a number names the thing ("Resolution 1701", "Ryder Cup
# 2012", "Windows 2000"), except for these words, which introduce a date.
DATE_INTRODUCERS = frozenset(
    {"in", "by", "since", "until", "till", "before", "after", "from", "during", "of", "to",
     "and", "or", "through", "around", "circa", "c.", "early", "mid", "late", "fiscal",
     "between", "spring", "summer", "autumn", "fall", "winter", "year", "the", "as", "at",
     "on", "for", "than", "but", "then", "unlike", "like", "throughout", "into"}
    | set(MONTHS)
)  # fmt: skip

# Nouns that make the number before them a count ("2000 fighters", "1500 people").
COUNT_NOUNS = re.compile(
    r"\s*(?:people|persons|troops|soldiers|fighters|militants|men|women|children|members|"
    r"dead|killed|wounded|injured|deaths|casualties|votes|voters|dollars|euros|pounds|tons|"
    r"tonnes|km|kilometres|kilometers|miles|metres|meters|feet|barrels|units|cases|jobs|homes|"
    r"houses|families|refugees|civilians|prisoners|workers|employees|students|residents|"
    r"rockets|missiles|shells|cars|vehicles|acres|hectares|rounds|points|shares|copies|"
    r"signatures|words|pages|hours|minutes|seconds|calories|degrees|percent|per\s*cent)\b",
    re.IGNORECASE,
)
# The word right before the number, on the same line and not across a sentence end:
# "Soleimani\n\n1957 Born in…" and "…in Washington. 2011 …" start a new line or sentence.
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’-]*)[ \t]*$")


# A year that opens its clause's act after a preposition of time: "the last in 1968 killed
# about one million people", not a count of the killed ("2000 killed").
_YEAR_BEFORE = re.compile(r"\b(?:in|since|during|until|till)\s+$", re.IGNORECASE)
_ACT_AFTER = re.compile(r"\s*(?:killed|wounded|injured)\b", re.IGNORECASE)


def is_count_or_name(text: str, start: int, end: int) -> bool:
    """True when the year-like number at ``text[start:end]`` is a count, amount or name."""
    if _ACT_AFTER.match(text, end) and _YEAR_BEFORE.search(text[max(0, start - 10) : start]):
        return False
    if COUNT_NOUNS.match(text, end):
        return True
    before = text[max(0, start - 40) : start]
    if re.search(r"[$€£#№]\s*$|\bNo\.\s*$|\bnumber\s*$", before, re.IGNORECASE):
        return True
    previous = _PREVIOUS_WORD.search(before)
    if previous is None or not previous.group(1)[0].isupper():
        return False
    return previous.group(1).lower().rstrip(".") not in DATE_INTRODUCERS


# What a month names when it is a futures contract's: "U.S. October crude rose $1.02", "the
# December contract", "September delivery", "March corn futures".
_CONTRACT_NOUNS = re.compile(
    r"\s+(?:(?:light|sweet|brent|heating|natural|oil|gas|gold|silver|copper|corn|wheat|"
    r"soybeans?|cotton|coffee|cocoa|sugar|cattle|hogs)\s+){0,2}"
    r"(?:crude|futures|contracts?|delivery|options)\b",
    re.IGNORECASE,
)
# Words before a month that make it a date whatever follows ("in October crude rose").
_DATE_CUE = re.compile(
    r"\b(?:in|on|since|until|till|by|during|from|to|through|before|after|early|late|mid|"
    r"between)[\s-]*$",
    re.IGNORECASE,
)


def is_contract_month(text: str, start: int, end: int) -> bool:
    """True when the month name at ``text[start:end]`` names a futures contract, not a date:
    a contract noun follows it and no preposition of time stands before it."""
    if _DATE_CUE.search(text[max(0, start - 12) : start]):
        return False
    return bool(_CONTRACT_NOUNS.match(text, end))


# Characters between a heading date's colon and the entry it heads ("12 November: Arab ...").
HEADING_GAP = 3


def is_heading(text: str, end: int) -> bool:
    """True when the date ending at ``end`` is followed by a colon: it heads the entry after
    it ("14 November: Jordan's king urges ...") and never dates the words before it, which
    a sentence splitter may put in its sentence when a timeline is pasted as one line."""
    return text[end : end + 2].lstrip().startswith(":")
