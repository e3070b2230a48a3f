"""FollowTheMoney export: the dossier as FtM entities, one JSON object per line.

Built from the JSON export dict (`build_export`), so it loads into Aleph, nomenklatura,
yente or `ftm` tooling. What comes out, in this order:

- one `Article` per document (title, author, publisher, publishedAt, bodyText, sourceUrl,
  fileName = the source file, which `Document` requires, and name = the title or the
  file name, which `Thing` requires);
- one actor per entity whose type has a schema (`SCHEMA_BY_TYPE`), with name, alias,
  description (the role epithets) and proof (the articles that mention it);
- one link per actor and article that mentions it: a `Mention` (document, resolved, name =
  the surface forms used there, detectedSchema) where the actor is a `LegalEntity`, which is
  the range of `Mention:resolved`; otherwise a `Documentation` (document, entity, role,
  namesMentioned), whose `entity` accepts any `Thing`.

IDs are `make_id` hashes of the dossier ids, so a rebuild gives the same FtM ids.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from followthemoney import EntityProxy, model

log = logging.getLogger(__name__)

# spaCy label -> FtM schema.
# - GPE -> Territory: FtM 4 has no Country schema, but Territory is "a country, subnational
#   division or other administrative area", which is spaCy's GPE exactly.
# - LOC, FAC -> Address: FtM has no generic place schema; Address ("a location associated with
#   an entity") is the nearest, and carries the name in `full` as well as `name`.
# - EVENT -> Event.
# - NORP (nationalities, religious and political groups), PRODUCT, LAW, WORK_OF_ART, LANGUAGE
#   and OTHER are left out (logged): minting an Organization for "Iranian" or "Shia" would
#   invent actors, and FtM has no schema for a group identity or an artefact.
SCHEMA_BY_TYPE: dict[str, str] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Territory",
    "LOC": "Address",
    "FAC": "Address",
    "EVENT": "Event",
}

# Role of a `Documentation` link: the article mentions the entity, nothing more.
DOCUMENTATION_ROLE = "mentioned"


def write_ftm(data: Mapping[str, Any], out: TextIO) -> None:
    """Write the export dict as FtM entities, one JSON object per line."""
    for proxy in make_ftm_entities(data):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")


def make_ftm_entities(data: Mapping[str, Any]) -> Iterator[EntityProxy]:
    """Yield articles first, then each actor followed by its links to articles."""
    articles = {str(doc["id"]): _make_article(doc) for doc in data.get("documents") or []}
    yield from articles.values()
    skipped: Counter[str] = Counter()
    for entity in data.get("entities") or []:
        schema = SCHEMA_BY_TYPE.get(str(entity.get("type")))
        if schema is None:
            skipped[str(entity.get("type"))] += 1
            continue
        forms = _forms_by_document(entity, articles)
        actor = _make_actor(entity, schema, [articles[d] for d in forms])
        yield actor
        for document, names in forms.items():
            yield _make_link(actor, articles[document], names)
    if skipped:
        log.info("FtM export left out entities of types without a schema: %s", dict(skipped))


def _make_article(doc: Mapping[str, Any]) -> EntityProxy:
    proxy = model.make_entity("Article")
    proxy.make_id("dossier-document", doc["id"])
    file_name = doc.get("source") or doc["id"]
    proxy.add("name", doc.get("title") or file_name)  # Thing requires a name
    proxy.add("title", doc.get("title"))
    proxy.add("fileName", file_name)  # Document requires a fileName
    proxy.add("author", doc.get("authors") or [])
    proxy.add("publisher", doc.get("outlet"))
    proxy.add("publishedAt", (doc.get("published") or {}).get("value"))
    proxy.add("bodyText", doc.get("text"))
    proxy.add("sourceUrl", doc.get("url"))
    return proxy


def _make_actor(entity: Mapping[str, Any], schema: str, articles: list[EntityProxy]) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id("dossier-entity", entity["id"])
    name = entity["name"]
    proxy.add("name", name)
    if proxy.schema.is_a("Address"):
        proxy.add("full", name)
    proxy.add("alias", [a for a in entity.get("aliases") or [] if a != name])
    proxy.add("description", sorted({r["text"] for r in entity.get("roles") or []}))
    proxy.add("proof", [a.id for a in articles])
    return proxy


def _make_link(actor: EntityProxy, article: EntityProxy, names: list[str]) -> EntityProxy:
    if actor.schema.is_a("LegalEntity"):
        proxy = model.make_entity("Mention")
        proxy.add("resolved", actor.id)
        proxy.add("name", names)
        proxy.add("detectedSchema", actor.schema.name)
    else:
        proxy = model.make_entity("Documentation")
        proxy.add("entity", actor.id)
        proxy.add("role", DOCUMENTATION_ROLE)
        proxy.add("namesMentioned", names)
    proxy.add("document", article.id)
    proxy.make_id("dossier-mention", actor.id, article.id)
    return proxy


def _forms_by_document(
    entity: Mapping[str, Any], articles: Mapping[str, EntityProxy]
) -> dict[str, list[str]]:
    """Surface forms per document, in first-seen document order; unknown documents warn."""
    forms: dict[str, set[str]] = defaultdict(set)
    for mention in entity.get("mentions") or []:
        document = str(mention["document"])
        if document not in articles:
            log.warning("entity %s cites unknown document %s; left out", entity["id"], document)
            continue
        forms[document].add(mention.get("text") or entity["name"])
    return {document: sorted(names) for document, names in forms.items()}
