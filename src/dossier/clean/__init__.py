"""Stage 2, clean: extract the article body and its metadata, with an offset map.

Plain text goes through the line classifier (``lines``) and the text metadata patterns
(``textmeta``); HTML goes through trafilatura (``html``). Overrides from JSON Lines fields
and sidecars win over anything read from the article itself.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

import ftfy

from dossier.clean.html import extract_html
from dossier.clean.lines import classify_lines, split_lines
from dossier.clean.merge import apply_overrides, outlet_from_url
from dossier.clean.textmeta import extract_text_metadata
from dossier.errors import ExtractionError
from dossier.model import (
    CleanArticle,
    Line,
    Metadata,
    MetaField,
    MetaSource,
    RawArticle,
    RemovedLine,
    Segment,
    SourceKind,
)

__all__ = ["clean_article", "document_id", "repair_text"]

PARAGRAPH_BREAK = "\n\n"
# Leading list bullets and Markdown heading marks are layout, not words.
_LEAD_MARK = re.compile(r"^(?:[•·▪►*\-–]\s+|#{1,6}\s+)")


def clean_article(raw: RawArticle) -> CleanArticle:
    """Turn one raw article into clean body text, metadata and an offset map."""
    if raw.kind is SourceKind.HTML:
        text, metadata, removed, segments = _clean_html(raw)
    else:
        text, metadata, removed, segments = _clean_text(raw)
    if not text.strip():
        raise ExtractionError("no article body found after cleaning")
    metadata = outlet_from_url(apply_overrides(metadata, raw.overrides))
    return CleanArticle(
        id=document_id(text),
        source=raw.source,
        kind=raw.kind,
        encoding=raw.encoding,
        original_sha256=raw.original_sha256,
        text=text,
        metadata=metadata,
        removed=removed,
        segments=_with_byte_offsets(segments, raw),
    )


_BOM_BYTES = {"utf-8-sig": 3, "utf-16": 2, "utf-32": 4}


def _with_byte_offsets(segments: tuple[Segment, ...], raw: RawArticle) -> tuple[Segment, ...]:
    """Add the byte offsets in the original file, encoding the text between segments once."""
    encoding = "utf-8" if raw.encoding == "utf-8-sig" else raw.encoding
    if encoding in ("utf-16", "utf-32"):
        encoding += "-le" if raw.content.encode(encoding)[:2] == b"\xff\xfe" else "-be"
    cursor, byte = 0, _BOM_BYTES.get(raw.encoding, 0)
    located: list[Segment] = []
    for s in sorted(segments, key=lambda s: s.orig_start):
        start = byte + len(raw.content[cursor : s.orig_start].encode(encoding, "replace"))
        end = start + len(raw.content[s.orig_start : s.orig_end].encode(encoding, "replace"))
        located.append(replace(s, byte_start=start, byte_end=end))
        cursor, byte = s.orig_end, end
    return tuple(sorted(located, key=lambda s: s.clean_start))


def repair_text(text: str) -> str:
    """Repair mojibake (UTF-8 read as cp1252 and the like), keeping the author's quotes."""
    return ftfy.fix_text(text, uncurl_quotes=False)


def document_id(text: str) -> str:
    """A content hash that ignores whitespace, so re-flowed copies get the same id."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def _clean_text(
    raw: RawArticle,
) -> tuple[str, Metadata, tuple[RemovedLine, ...], tuple[Segment, ...]]:
    lines = split_lines(raw.content)
    decisions = classify_lines(lines)
    meta = extract_text_metadata(lines)
    consumed = dict(meta.consumed)
    removed: list[RemovedLine] = []
    kept: list[Line] = []
    for decision in decisions:
        line = decision.line
        if line.index in consumed:
            removed.append(
                RemovedLine(line.start, line.end, line.text, f"metadata: {consumed[line.index]}")
            )
        elif not decision.keep:
            removed.append(
                RemovedLine(line.start, line.end, line.text, decision.reason or "boilerplate")
            )
        else:
            kept.append(line)
    text, segments = _join_lines(kept)
    metadata = Metadata(
        meta.title, meta.authors, meta.outlet, meta.published, meta.not_before, _absent()
    )
    return text, metadata, tuple(removed), segments


def _join_lines(lines: list[Line]) -> tuple[str, tuple[Segment, ...]]:
    parts: list[str] = []
    segments: list[Segment] = []
    position = 0
    for line in lines:
        mark = _LEAD_MARK.match(line.text)
        skip = mark.end() if mark else 0
        piece = repair_text(line.text[skip:]).strip()
        if not piece:
            continue
        if parts:
            parts.append(PARAGRAPH_BREAK)
            position += len(PARAGRAPH_BREAK)
        parts.append(piece)
        segments.append(Segment(position, position + len(piece), line.start + skip, line.end))
        position += len(piece)
    return "".join(parts), tuple(segments)


def _clean_html(
    raw: RawArticle,
) -> tuple[str, Metadata, tuple[RemovedLine, ...], tuple[Segment, ...]]:
    extraction = extract_html(raw.content, raw.source)
    paragraphs = [repair_text(p).strip() for p in re.split(r"\n\s*\n|\n", extraction.text)]
    text = PARAGRAPH_BREAK.join(p for p in paragraphs if p)
    metadata = Metadata(
        extraction.title, extraction.authors, extraction.outlet, extraction.published,
        _absent(), extraction.url,
    )  # fmt: skip
    removed = tuple(RemovedLine(0, 0, what, "html") for what in extraction.removed)
    return text, metadata, removed, _locate_paragraphs(text, raw.content)


# A paragraph is located in the HTML source by its first characters: long enough to be
# unique in a page, short enough to stay clear of inline markup in most paragraphs.
LOCATE_PREFIX = 40


def _locate_paragraphs(text: str, source: str) -> tuple[Segment, ...]:
    """Best-effort map from clean paragraphs to where their text starts in the HTML."""
    segments: list[Segment] = []
    position = 0
    cursor = 0
    for paragraph in text.split(PARAGRAPH_BREAK):
        found = source.find(paragraph[:LOCATE_PREFIX], cursor)
        if found >= 0:
            segments.append(
                Segment(position, position + len(paragraph), found, found + len(paragraph))
            )
            cursor = found
        position += len(paragraph) + len(PARAGRAPH_BREAK)
    return tuple(segments)


def _absent() -> MetaField[str | None]:
    return MetaField(None, MetaSource.NONE, 0.0)
