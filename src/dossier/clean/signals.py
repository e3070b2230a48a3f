"""Generic per-line signals for telling article prose from web-page chrome.

Nothing here knows about any outlet: the cues are the wording that web templates share
(share buttons, subscription walls, comment forms, photo credits) and the shape of a line
(length, terminal punctuation, title case); a line's script is read in ``scripts``.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from dataclasses import dataclass

PROSE_MIN_WORDS = 8  # a sentence-final line this long reads as a paragraph, not a label
PROSE_LONG_WORDS = 20  # this many words is a paragraph even without final punctuation
SENTENCE_MIN_WORDS = 3  # "He declined." is short prose; two words ending in "." rarely are
CUE_MAX_WORDS = 7  # keyword cues only judge short lines; long lines are prose whatever they say
CUE_SHARE = 0.34  # a third of a short line's words being chrome keywords: "View Archive"
PHRASE_MAX_WORDS = 30  # boilerplate sentences ("Your email address will not...") are short
TITLE_SHARE = 0.8  # share of capitalised content words that makes a line title case
TITLE_MAX_WORDS = 20  # longer than any headline
TABULAR_MIN_WORDS = 3  # "Top 10" and "2 comments" are chrome, not table rows
TABULAR_SHARE = 0.3  # a third of the words being numbers marks a row of a table

CJK_CHARS_PER_WORD = 2  # Chinese and Japanese write no spaces; a word averages about two
# characters, so a 40-character sentence weighs like a 20-word English one
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
BULLET = re.compile(r"^[\s•·▪▸►‣◦○●■□–—*+>-]+")
TERMINAL = re.compile(r"[.!?…;。！？][\"'”’»)\]]*$")
WORD = re.compile(r"\w[\w'’.-]*")
COUNT_SUFFIX = re.compile(r"\(\d[\d,.]*[kKmM]?\)$")
CAPTION = re.compile(
    r"((credit|photo|photograph|image|picture|illustration|video|footage)s?( by)?\s*[:|/]\s*"
    r"\S.{0,60}$)|(^(a )?(photo|picture|image|file photo) (of|shows|by)\b)|(\bgetty images$)",
    re.IGNORECASE,
)
# "This article appeared on p32 of the Main section ...", "A version appeared in the Guardian on".
_PRINT_NOTE = (
    r"(this article|a version)( of this (article|story))? (appeared|was published) (on|in)\b"
)
SIGN_OFF = re.compile(
    r"(^(copyright|©|\(c\))\s)|(all rights reserved)|(^write to \S.{0,80}\bat\b)"
    rf"|(^{_PRINT_NOTE})"
    r"|(^posted by [^.!?]{1,80}?,? (on|at) \w+ \d)",
    re.IGNORECASE,
)
# The same print note as a sentence, where a copy glued it into a paragraph ("... the spill. A
# version appeared on p6 of the Main section of the Guardian on Friday 28 May 2010."): no
# claim and no timeline event (stages 6 and 8).
PRINT_NOTE = re.compile(rf"^\W*{_PRINT_NOTE}", re.IGNORECASE)
TIME_TOKEN = re.compile(
    r"^(\d{1,4}([:./-]\d{1,4})*(am|pm|st|nd|rd|th)?|[ap]\.?m\.?|gmt|utc|[a-z]{2,4}t|ago|"
    r"updated|published|posted|last|on|at|and|min|mins|minutes?|hours?|days?|weeks?|"
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|"
    r"fri(day)?|sat(urday)?|sun(day)?)$"
)


def vocabulary(words: str) -> frozenset[str]:
    """A set of lowercase words, written as one space-separated string."""
    return frozenset(words.split())


TITLE_STOPWORDS = vocabulary(
    "a an the of in on at to for and or but with by from as is are vs via into over about"
)


class Cue(enum.StrEnum):
    """What a boilerplate cue says a line is; the value is the user-facing reason."""

    CALL_TO_ACTION = "call-to-action"
    SUBSCRIPTION = "subscription"
    COMMENTS = "comments"
    NAVIGATION = "navigation"
    CAPTION = "caption"
    SIGN_OFF = "sign-off"
    TIMESTAMP = "timestamp"
    TEASER = "teaser-block"
    LEGAL = "legal-notice"


KEYWORDS: dict[Cue, frozenset[str]] = {
    Cue.CALL_TO_ACTION: vocabulary(
        "share shares tweet email e-mail mail print url link copy save bookmark whatsapp "
        "facebook twitter linkedin telegram reddit pinterest instagram youtube tiktok rss "
        "messenger follow click download app listen watch play enlarge image images photo "
        "photos gallery video videos audio podcast live close send flipboard sharing read"
    ),
    Cue.SUBSCRIPTION: vocabulary(
        "subscribe subscriber subscribers subscription sign log login logout register "
        "newsletter newsletters account premium trial unlock paywall membership donate signing"
    ),
    Cue.COMMENTS: vocabulary("comment comments reply replies discussion discuss"),
    Cue.NAVIGATION: vocabulary(
        "menu home top button search skip archive archives next previous prev more related "
        "trending popular recommended sections section topics tags advertisement advertising "
        "ad ads sponsored cookies cookie privacy terms contact loading back"
    ),
}
# On a tie, the more specific cue names the line: "Top Comments" is the comment section.
CUE_PRIORITY = (Cue.NAVIGATION, Cue.CALL_TO_ACTION, Cue.COMMENTS, Cue.SUBSCRIPTION)
PHRASES: dict[Cue, re.Pattern[str]] = {
    Cue.COMMENTS: re.compile(
        r"(email address will not be published|required fields are marked|leave a (reply|comment)"
        r"|comments? (are|is) closed|must be logged in to|community (standards|guidelines)|"
        r"approval of (subscriber )?comments|join the (conversation|discussion))",
        re.IGNORECASE,
    ),
    Cue.SUBSCRIPTION: re.compile(
        r"(already (signed up|a subscriber|have an account)|for the first month|"
        r"subscribe (now|today|to)|sign up (for|to|now)|(log|sign) in to|free trial|"
        r"unlimited (digital )?access|per (month|week)\b.{0,20}cancel)",
        re.IGNORECASE,
    ),
    Cue.LEGAL: re.compile(
        r"(privacy (policy|notice|statement)|terms (of (service|use)|and conditions)|"
        r"cookie (policy|settings)|processing of (my|your) personal data|^by (registering|"
        r"signing up|subscribing|clicking)\b|you (have read|agree to) (and agree to )?(the|our))",
        re.IGNORECASE,
    ),
    Cue.CALL_TO_ACTION: re.compile(
        r"(^(click|tap) here|^read (more|next|also)\b|^follow us\b|^share (this|on)\b|"
        r"^follow\b.{0,60}\bon (facebook|twitter|instagram|linkedin)\b|"
        r"^(also )?see also\b|^recommended:|^related:|^more:|^watch:|^listen:)",
        re.IGNORECASE,
    ),
}

# A comment form or a reader comment's time stamp, left in a sentence when a copy lost the
# page's line breaks: "September 24, 2012 at 1:44 am | Reply (required, but will not be
# displayed) CNN welcomes a lively and courteous discussion ...", "At 04:22 4th Mar 2012,
# XieMing wrote: ...". Such a sentence is no claim and no timeline event of the outlet
# (stages 6 and 8).
COMMENT_FORM = re.compile(
    r"\|\s*Reply\b|\((?:required|optional)\b[^)]{0,40}\bnot be (?:displayed|published)\)"
    r"|email address will not be published|required fields are marked"
    # a comment's header: "At 04:22 4th Mar 2012, XieMing wrote:", "At 7:16 pm on 19 May 2009,
    # RoastDuck wrote:"
    r"|\bat \d{1,2}:\d{2}(?: [ap]m on)? \d{1,2}(?:st|nd|rd|th)? [a-z]{3} \d{4}, \S{1,40} wrote:"
    r"|this comment was removed because the moderators"
    # a blog's list of posts, glued into prose: "Posted by Ada Quist on May 1, 2005 10:03 AM"
    r"|\bposted by [^.!?]{1,60}?,? on [a-z]{3,9}\.? \d{1,2}, \d{4},? \d{1,2}:\d{2} ?[ap]m\b",
    re.IGNORECASE,
)


# A credit line left in the body: "(Reporting by Will Dunham; Editing by Tom Brown)",
# "Fox News' Jessica Napoli contributed to this report.", "Contributing: Kristine Phillips".
# It names who worked on the article; it is no claim (stage 6).
CREDIT_LINE = re.compile(
    r"^\W*(?:additional\s+)?reporting\s+by\b.*\b(?:editing|writing)\s+by\b"
    r"|^\W*editing\s+by\b|^\W*contributing\s*:"
    r"|\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class LineSignals:
    """The shape of one line, computed once."""

    words: int
    prose: bool  # reads as a paragraph
    sentence: bool  # reads as a short sentence (or a list lead-in)
    title_case: bool  # short, capitalised, unpunctuated: a headline or subheading
    tabular: bool  # a row of data: "3 Jane Doe 5033 4 6", "June 9 – Tampa, FL"
    cue: Cue | None  # boilerplate wording, if any
    key: str  # normalised text for repetition


def content_of(text: str) -> str:
    """The line without bullets and surrounding whitespace."""
    return BULLET.sub("", text).strip()


def normalise_key(text: str) -> str:
    return " ".join(WORD.findall(content_of(text).casefold()))


def compute_signals(text: str) -> LineSignals:
    content = content_of(text)
    words = WORD.findall(content)
    count = count_words(words)
    terminal = bool(TERMINAL.search(content))
    prose = count >= PROSE_LONG_WORDS or (count >= PROSE_MIN_WORDS and terminal)
    sentence = count >= SENTENCE_MIN_WORDS and (terminal or content.endswith(":"))
    return LineSignals(
        words=count,
        prose=prose,
        sentence=sentence,
        title_case=not terminal and is_title_case(words),
        tabular=is_tabular(words),
        cue=find_cue(content, words),
        key=" ".join(w.casefold() for w in words),
    )


def count_words(words: list[str]) -> int:
    """Words, with a run of unspaced Chinese or Japanese characters counted by its length."""
    return sum(max(1, len(UNSPACED.findall(word)) // CJK_CHARS_PER_WORD) for word in words)


def is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.casefold() not in TITLE_STOPWORDS]
    if len(content) < 2 or len(words) > TITLE_MAX_WORDS:
        return False
    capitals = sum(w[0].isupper() or w[0].isdigit() for w in content)
    return capitals >= TITLE_SHARE * len(content)


def is_tabular(words: list[str]) -> bool:
    """Table rows and dated list items: numbers lead the line or make up much of it."""
    if len(words) < TABULAR_MIN_WORDS:
        return False
    numbers = sum(w[0].isdigit() for w in words)
    first = words[0].casefold().rstrip(".")  # "Aug." and "Sept." abbreviate a month
    leads = words[0][0].isdigit() or bool(TIME_TOKEN.match(first) and numbers)
    return leads or numbers >= TABULAR_SHARE * len(words)


def find_cue(content: str, words: list[str]) -> Cue | None:
    count = len(words)
    if count == 0:
        return Cue.NAVIGATION  # only symbols: "»", "|", "…"
    if CAPTION.search(content):
        return Cue.CAPTION
    if SIGN_OFF.search(content):
        return Cue.SIGN_OFF
    if all(TIME_TOKEN.match(w.casefold().strip(".,")) for w in split_glued(content)):
        return Cue.TIMESTAMP
    if count <= PHRASE_MAX_WORDS:
        for cue, pattern in PHRASES.items():
            if pattern.search(content):
                return cue
    if COUNT_SUFFIX.search(content) and not TERMINAL.search(content[:-1]):
        return Cue.TEASER
    if count <= CUE_MAX_WORDS and not TERMINAL.search(content):
        return keyword_cue(split_glued(content))
    return None


def split_glued(content: str) -> list[str]:
    """Words, with glued button labels split apart: "Send in e-mailSend" -> "e-mail", "Send"."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", content)
    return WORD.findall(spaced)


def has_chrome_word(text: str) -> bool:
    """Whether any word of the line is chrome wording ("Skip to main content", "Sign in")."""
    folded = {word.casefold().strip(".") for word in split_glued(text)}
    return any(folded & known for known in KEYWORDS.values())


def keyword_cue(words: list[str]) -> Cue | None:
    hits: Counter[Cue] = Counter()
    for word in words:
        folded = word.casefold().strip(".")
        for cue, known in KEYWORDS.items():
            if folded in known:
                hits[cue] += 1
    if not hits:
        return None
    cue = max(hits, key=lambda c: (hits[c], CUE_PRIORITY.index(c)))
    return cue if hits.total() >= CUE_SHARE * len(words) else None
