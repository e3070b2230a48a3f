"""Resolver rules for institutions, glued names, contained names and peoples (names invented)."""

from __future__ import annotations

import itertools

from dossier.model import EntityType
from dossier.resolve import name_key, resolve_mentions
from dossier.resolve.institutions import expand_institutions
from dossier.resolve.types import Actor, MentionRef

P, ORG_, G, NORP = EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP
_ids = itertools.count(10_000)


def ref(text: str, doc: str = "d1", kind: EntityType = P, sentence: str = "") -> MentionRef:
    """A mention placed at its first occurrence in ``sentence`` (sentence at offset 0)."""
    n = next(_ids)
    at = sentence.find(text) if sentence else -1
    start = at if at >= 0 else n * 10
    return MentionRef(n, doc, start, start + len(text), text, kind, n, "outlet", sentence)


def actor_of(actors: list[Actor], mention: MentionRef) -> Actor:
    return next(a for a in actors if mention.id in a.mentions)


def together(actors: list[Actor], *mentions: MentionRef) -> bool:
    return len({actor_of(actors, m).id for m in mentions}) == 1


def apart(actors: list[Actor], *mentions: MentionRef) -> bool:
    return len({actor_of(actors, m).id for m in mentions}) == len(mentions)


def test_resolve_institution_named_by_surname_is_not_the_person() -> None:
    person = ref("Farid Velmar", "d1", P, "Farid Velmar spoke.")
    gov = ref("Velmar", "d1", P, "The Velmar administration denied it.")
    regime = ref("Velmar", "d2", P, "The Velmar regime fell.")
    actors = resolve_mentions([person, gov, regime])
    assert apart(actors, person, gov)
    assert together(actors, gov, regime)
    assert actor_of(actors, gov).type is ORG_
    assert actor_of(actors, gov).name == "Velmar administration"


def test_resolve_institution_named_by_people_joins_its_proper_name() -> None:
    army = ref("Tessian", "d1", NORP, "The Tessian army advanced.")
    named = ref("the Tessian Army", "d2", ORG_)
    people = ref("Tessian", "d3", NORP, "A Tessian farmer spoke.")
    actors = resolve_mentions([army, named, people])
    assert together(actors, army, named)
    assert apart(actors, army, people)


def test_resolve_institution_not_read_into_possessives_or_organisations() -> None:
    sentence = "Velmar's government and the Orvan Guild forces met."
    possessive = ref("Velmar's", "d1", P, sentence)
    org = ref("Orvan Guild", "d1", ORG_, sentence)
    expanded = expand_institutions([possessive, org])
    assert [m.text for m in expanded] == ["Velmar's", "Orvan Guild"]
    lost = ref("Farid Velmars", "d2", G, "Farid Velmars government fell.")
    base = ref("Farid Velmar", "d3", P, "Farid Velmar spoke.")
    assert expand_institutions([lost, base])[0].text == "Farid Velmars"


def test_resolve_institution_synonyms_share_a_key() -> None:
    assert name_key("Tessian regime") == name_key("Tessian government")
    assert name_key("Tessian military") == name_key("Tessian army")
    assert name_key("Regime") != name_key("Government")  # one word is a name of its own


def test_resolve_lone_surname_not_short_for_institution() -> None:
    person, short = ref("Farid Velmar"), ref("Velmar")
    gov = ref("Velmar", "d1", P, "The Velmar government fell.")
    actors = resolve_mentions([person, short, gov])
    assert together(actors, person, short) and apart(actors, person, gov)


def test_resolve_glued_conjunction_read_as_first_name() -> None:
    full = ref("Karim Orvani", "d1")
    glued = ref("Orvani and Saltmark", "d1", ORG_)
    guild = ref("Saltmark", "d2", ORG_)
    assert together(resolve_mentions([full, glued, guild]), full, glued)
    company = ref("Harland and Wulfe", "d1", ORG_)  # "Wulfe" never named alone
    harland = ref("Harland", "d2", ORG_)
    assert apart(resolve_mentions([company, harland]), company, harland)


def test_resolve_contained_org_name_joins_the_one_longer_name() -> None:
    long = ref("the Northern Tide Guard Corps", "d1", ORG_)
    short = ref("the Tide Guards", "d2", ORG_)
    assert together(resolve_mentions([long, short]), long, short)


def test_resolve_contained_org_name_apart_when_ambiguous_or_at_the_end() -> None:
    short = ref("Tide Guard", "d1", ORG_)
    a, b = (
        ref("Northern Tide Guard Corps", "d2", ORG_),
        ref("Southern Tide Guard Party", "d3", ORG_),
    )
    assert apart(resolve_mentions([short, a, b]), short, a, b)
    army, free = ref("Tessian Army", "d1", ORG_), ref("Free Tessian Army", "d2", ORG_)
    assert apart(resolve_mentions([army, free]), army, free)
    tail = ref("Tide Guard Relief Fund", "d2", ORG_)  # not a designator after it
    assert apart(resolve_mentions([short, tail]), short, tail)


def test_resolve_lost_apostrophe_on_known_alias() -> None:
    country = [ref("United States", "d1", G), ref("United States", "d2", G)]
    lost = ref("Americas", "d3", G)
    assert together(resolve_mentions([*country, lost]), country[0], lost)


def test_resolve_people_adjective_and_plural_join() -> None:
    ms = [ref("Varish", "d1", NORP), ref("Vars", "d2", NORP), ref("Var", "d3", NORP)]
    assert apart(resolve_mentions(ms), *ms)  # stem "var" too short to trust
    ms = [ref("Tessish", "d1", NORP), ref("Tessians", "d2", NORP), ref("Tessa", "d3", NORP)]
    assert apart(resolve_mentions(ms), *ms)
    ms = [ref("Korvish", "d1", NORP), ref("Korvs", "d2", NORP), ref("Korv", "d3", NORP)]
    assert together(resolve_mentions(ms), *ms)
    country = ref("Korvish", "d1", G)  # only peoples (NORP) are stemmed
    assert apart(resolve_mentions([country, ms[1]]), country, ms[1])
