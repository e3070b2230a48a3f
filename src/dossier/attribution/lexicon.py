"""Word lists and tuned confidences for the attribution stage.

The lists are generic English news-writing cues; none is drawn from a particular article.
"""

from __future__ import annotations

# Verbs whose subject is the source of what follows ("X said", "officials believe").
REPORTING_VERBS = frozenset(
    {
        "say", "tell", "add", "write", "claim", "believe", "allege", "accuse", "report",
        "testify", "describe", "recall", "argue", "insist", "warn", "estimate", "indicate",
        "show", "state", "explain", "note", "confirm", "acknowledge", "admit", "assert",
        "contend", "suggest", "announce", "declare", "maintain", "think", "reveal", "deny",
        "concede", "predict", "boast", "complain", "observe", "remark", "reply", "respond",
        "blame", "call", "label", "brand", "dub", "stress", "emphasize", "emphasise", "quote",
        "shout", "chant", "yell", "scream", "ask", "urge", "recommend", "advise", "condemn",
        "reiterate", "promise", "vow",
    }
)  # fmt: skip
# Objects of "claim" that make it a toll or a win, not a report: "the quake claimed 50 lives",
# "claimed their first Triple Crown".
CLAIMED_NOT_SAID = frozenset({
    "life", "live", "victim", "crown", "title", "trophy", "medal", "prize", "cup", "championship",
    "gold", "silver", "bronze", "seat", "scalp",
})  # fmt: skip
# Verbs that report a view only through an attitude they voice: "officials voiced frustration
# that ...", "expressed concern that the virus ..." ("expressed the oil" reports nothing).
EXPRESSING_VERBS = frozenset({"voice", "express"})
ATTITUDES = frozenset({
    "concern", "frustration", "doubt", "fear", "hope", "regret", "confidence", "optimism",
    "anger", "surprise", "support", "opposition", "alarm", "dismay", "skepticism",
    "scepticism", "disappointment", "outrage", "reservation", "worry", "belief", "view",
})  # fmt: skip
# Verbs of advice: their subject's position stands even negated ("does not recommend").
ADVICE_VERBS = frozenset({"recommend", "advise"})
# Verbs that can describe non-speech too ("the map shows a road", "maintained control of the
# city", "observed a minute's silence", "conceded two goals"): they need a clause or quote.
WEAK_REPORTING_VERBS = frozenset(
    {"show", "indicate", "describe", "recall", "estimate", "add", "write", "think", "note",
     "announce", "declare", "shout", "chant", "yell", "scream", "ask", "urge", "maintain",
     "observe", "concede"}
)  # fmt: skip
# Weak verbs of a demand: "urged banks to lend" reports what was urged ("urged caution" not).
DIRECTIVE_VERBS = frozenset({"urge", "ask"})
# Nouns of an occasion of speech: a weak verb "in an interview" or "in a statement" reports.
SPEECH_FRAMES = frozenset(
    {"interview", "statement", "speech", "address", "letter", "briefing", "testimony",
     "conference", "remarks", "op-ed", "column", "memoir", "book", "post", "tweet", "message"}
)  # fmt: skip
# A participle that frames what its head verb does as speech: "Speaking to reporters, ...".
SPEAKING = frozenset({"speak", "talk"})
# Verbs of an appraisal that report only in a frame of speech: "Speaking through a
# translator, Davutoglu compared Syria with Libya"; "praised the troops" alone is an act.
FRAMED_VERBS = frozenset(
    {"compare", "liken", "praise", "criticise", "criticize", "dismiss", "defend", "hail",
     "welcome", "thank", "question"}
)  # fmt: skip
# Verbs of an appraisal: with a quoted complement, the quoted words are the appraiser's
# ("described the deal as “a disaster”", "hailed it as “historic”").
APPRAISING_VERBS = frozenset(
    {"describe", "praise", "hail", "brand", "label", "dub", "call", "term", "condemn",
     "denounce", "decry", "slam", "criticise", "criticize", "characterise", "characterize",
     "depict", "portray", "welcome", "dismiss"}
)  # fmt: skip
# Verbs of finding out: an unnamed source that detected something is the source of what it
# detected ("American officials detected four Iranian jets"). Not an activity ("officials
# are monitoring visitors"): the outlet reports that act.
DETECTING_VERBS = frozenset({"detect", "spot", "discover", "intercept", "uncover", "identify"})
# Unnamed sources whose findings are information they pass on ("officials detected"), not
# people whose acts the outlet reports ("soldiers discovered a tunnel").
INFORMANT_HEADS = frozenset(
    {"official", "source", "diplomat", "analyst", "expert", "researcher", "investigator",
     "intelligence", "agent", "observer", "inspector", "scientist", "monitor", "authority"}
)  # fmt: skip
# Verbs that report only when they name something ("called him a living martyr", an object
# and its predicate): "called for a ceasefire", "called the meeting" report nothing.
NAMING_VERBS = frozenset({"call", "label", "brand", "dub"})
# Nouns of a count whose owner is the source: "by a U.N. count", "by Reuters' tally".
TALLY_NOUNS = frozenset({"count", "tally", "estimate", "figure", "reckoning"})
# Verbs that report a denial; their subject is the party denying.
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "disavow", "dispute"})
# A speaker who says he has seen no evidence denies what others allege: "said he had seen no
# evidence of reckless behavior", "I've seen no reports of civilian casualties", "There is
# nothing I have seen that suggests ...".
EVIDENCE_NOUNS = frozenset({"evidence", "report", "proof", "indication"})
FINDING_VERBS = frozenset({"see", "find", "have", "uncover"})
SUGGESTING_VERBS = frozenset({"suggest", "indicate", "show", "prove"})
# Passive reporting verbs with no agent: "is believed to", "it is widely presumed that".
HEDGE_PASSIVES = frozenset(
    {
        "report", "believe", "say", "think", "allege", "credit", "presume", "rumor", "rumour",
        "understand", "consider", "suspect", "know", "assume", "claim", "estimate",
    }
)  # fmt: skip
# Adverbs and adjectives that hedge without naming a source.
HEDGE_WORDS = frozenset(
    {
        "reportedly", "allegedly", "purportedly", "purported", "alleged", "supposedly",
        "ostensibly", "rumored", "rumoured", "apparently",
    }
)  # fmt: skip
# Sentence adverbs and phrases in which the author judges for himself.
AUTHOR_ADVERBS = frozenset(
    {
        "clearly", "obviously", "undoubtedly", "certainly", "evidently", "surely", "indeed",
        "undeniably", "unquestionably", "plainly", "admittedly", "ironically", "fortunately",
        "unfortunately", "sadly", "arguably", "notably", "interestingly", "tellingly",
        "thankfully", "mercifully", "regrettably", "tragically", "remarkably", "predictably",
    }
)  # fmt: skip
AUTHOR_PHRASES = (
    "there is no doubt",
    "there can be no doubt",
    "no doubt",
    "an indication",
    "a clear sign",
    "it is clear",
    "it seems",
    "it appears",
    "it is obvious",
    "it is evident",
    "it is likely",
    "it is unlikely",
    "needless to say",
    "of course",
)
FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me", "ours", "myself", "ourselves"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# Head nouns of an unnamed source; singular is an official, plural a group.
ANONYMOUS_HEADS = frozenset(
    {
        "official", "source", "diplomat", "commander", "spokesman", "spokeswoman",
        "spokesperson", "aide", "adviser", "advisor", "analyst", "expert", "researcher",
        "people", "person", "fighter", "officer", "agent", "insider", "member", "observer",
        "witness", "resident", "lawmaker", "minister", "investigator", "scholar", "critic",
        "supporter", "ally", "associate", "veteran", "spy", "intelligence", "trainee",
        "general", "leader", "activist", "militant", "soldier", "staff", "colleague", "friend",
    }
)  # fmt: skip
# Head nouns of a body of people: unnamed, a group of sources ("a government panel of
# scientists said"), not one official.
COLLECTIVE_HEADS = frozenset(
    {"panel", "committee", "commission", "team", "group", "board", "delegation", "coalition",
     "consortium", "jury", "crowd", "family", "alliance", "union", "caucus", "majority"}
)  # fmt: skip
# Posts one person holds for a country or organisation: "Russia's foreign minister", "the
# French president" name that person, though not by name. "Minister" and "secretary" need
# their portfolio too ("foreign", "prime"): a country has many ministers.
UNIQUE_POSTS = frozenset(
    {"minister", "secretary", "president", "premier", "chancellor", "king", "queen", "emir",
     "ambassador", "envoy", "chairman", "governor", "mayor"}
)  # fmt: skip
PORTFOLIO_POSTS = frozenset({"minister", "secretary"})
# Head nouns of an institution: with an owner ("the Libyan military", "his government",
# "Syria's foreign ministry") the phrase names one, as a named source.
INSTITUTION_HEADS = frozenset(
    {
        "military", "army", "navy", "government", "ministry", "regime", "administration",
        "embassy", "parliament", "cabinet", "presidency", "police", "council", "court",
        "department", "agency", "force", "leadership", "authority",
    }
)  # fmt: skip
# Head nouns of a medium: outlets, their reporters and documents they publish.
MEDIA_HEADS = frozenset(
    {
        "newspaper", "paper", "magazine", "cable", "cables", "report", "reporter", "journalist",
        "correspondent", "agency", "broadcaster", "television", "tv", "radio", "channel",
        "website", "site", "media", "press", "outlet", "document", "memo", "dispatch",
        "wire", "daily", "weekly", "blog", "documentary", "footage", "interview", "leak",
        "email", "e-mail", "transcript", "recording",
    }
)  # fmt: skip
# Heads that name a medium after "news": "the news organization", "a news service" (not a
# "news conference", an occasion of speech).
NEWS_BODIES = frozenset({"organization", "organisation", "service", "network", "portal"})
# Words in an organisation's name that mark it as a news outlet ("The New Yorker", "BBC").
MEDIA_NAME_WORDS = frozenset(
    {
        "times", "post", "journal", "news", "bbc", "cnn", "reuters", "ap", "afp", "press",
        "yorker", "guardian", "telegraph", "jazeera", "wikileaks", "tribune", "herald",
        "gazette", "television", "tv", "radio", "magazine", "newsweek", "economist",
        "monitor", "observer", "independent", "bloomberg", "npr", "pbs", "abc", "cbs", "nbc",
        "fox", "mail", "express", "review", "daily", "weekly", "chronicle", "globe", "wire",
        "tasnim", "fars", "irna", "isna", "mehr", "xinhua", "tass", "sputnik", "rt",
        "cnbc", "msnbc", "dpa", "upi", "itv", "sky", "cbc", "interfax", "yonhap", "kyodo",
        "politico", "axios", "anadolu", "ria", "efe", "ansa",
    }
)  # fmt: skip
# A person's own words, spoken or written: "according to his prepared testimony" is his.
OWN_WORDS = frozenset(
    {"testimony", "statement", "remark", "speech", "letter", "memoir", "account", "word",
     "comment", "address", "message", "tweet", "post", "diary", "interview", "evidence"}
)  # fmt: skip
# Parts of a text that carry its author's words: "excerpts of his testimony".
EXCERPT_HEADS = frozenset({"excerpt", "extract", "copy", "transcript", "text"})
# Quantifiers whose "of" phrase holds the real source: "a number of the trainees".
QUANTIFIER_HEADS = frozenset(
    {"number", "some", "many", "several", "group", "one", "few", "most", "dozen", "dozens", "all"}
)
# Words before a quotation that make it a slogan or title.
SLOGAN_CUES = frozenset(
    {"slogan", "campaign", "chant", "chanted", "banner", "motto", "hashtag", "headline", "title"}
)

# --- confidences, in [0, 1] -------------------------------------------------------------
# An explicit "according to X" or "X said" with a named person: the plainest attribution.
CONF_NAMED = 0.9
# A named organisation or state as the source: on record, but whose voice is less sure.
CONF_INSTITUTION = 0.75
# A proper noun the entity recogniser did not tag: named, but we cannot say as whom.
CONF_UNRECOGNISED_NAME = 0.7
# Media outlets and documents: explicit, yet second-hand.
CONF_MEDIA = 0.85
# Unnamed officials and groups: the cue is explicit even though the source is not.
CONF_ANONYMOUS = 0.85
CONF_DENIAL = 0.9
# Hedges are single words: usually right, sometimes part of a quote or a title.
CONF_HEDGED = 0.8
# Author judgements rest on a short word list and miss many subtler cases.
CONF_AUTHOR = 0.6
# A sentence that takes its source from a neighbour is a guess about the neighbour's scope.
CONF_INHERITED_FACTOR = 0.8
# Nothing found: we are fairly sure nothing explicit is there, less sure nothing implicit is.
CONF_UNATTRIBUTED = 0.5
# A cue whose source we could not classify (a common noun that is no official or outlet).
CONF_OTHER_SOURCE = 0.6
# Words that open a clause of time, condition or concession: a report inside one sources that
# clause, not the sentence ("after Biden condemned the comments, Barton retracted").
SUBORDINATORS = frozenset({
    "after", "before", "while", "whilst", "when", "until", "although", "though", "since",
    "because", "once", "whereas", "if", "unless",
})  # fmt: skip
