"""Stage 1, ingest: find files, read bytes, decode, and split JSON Lines into articles.

Anything that cannot become an article becomes a Failure naming the file and what to do;
nothing is dropped silently.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dossier import settings
from dossier.errors import ConfigError, SourceError
from dossier.ingest.decode import decode_bytes
from dossier.ingest.overrides import (
    FOLDER_METADATA,
    SIDECAR_SUFFIX,
    parse_fields,
    read_folder_metadata,
    read_sidecar,
    sidecar_for,
)
from dossier.model import Failure, MetaSource, Overrides, RawArticle, SourceKind

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt": SourceKind.TEXT, ".md": SourceKind.TEXT, ".html": SourceKind.HTML,
                 ".htm": SourceKind.HTML}  # fmt: skip
JSONL_SUFFIX = ".jsonl"
SUPPORTED = sorted([*TEXT_SUFFIXES, JSONL_SUFFIX])

__all__ = ["Discovery", "ReadResult", "discover", "iter_read", "read_file", "read_source"]


@dataclass(slots=True)
class Discovery:
    files: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


@dataclass(slots=True)
class ReadResult:
    articles: list[RawArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def discover(paths: Iterable[str | Path]) -> Discovery:
    """Walk files and folders recursively, in a stable order, following symlinks once."""
    found = Discovery()
    seen: set[str] = set()
    for root in paths:
        _walk(Path(root), found, seen, explicit=True)
    return found


def _walk(path: Path, found: Discovery, seen: set[str], explicit: bool) -> None:
    try:
        info = path.stat()
        real = os.path.realpath(path)
    except OSError as exc:
        found.failures.append(Failure(str(path), "ingest", _os_reason(exc)))
        return
    if real in seen:
        return
    seen.add(real)
    if stat.S_ISDIR(info.st_mode):
        _walk_folder(path, found, seen)
    elif not stat.S_ISREG(info.st_mode):
        found.failures.append(
            Failure(str(path), "ingest", "not a regular file (device, pipe or socket)")
        )
    elif _is_article_file(path):
        found.files.append(path)
    elif explicit:
        found.failures.append(
            Failure(
                str(path), "ingest", f"unsupported file type; dossier reads {', '.join(SUPPORTED)}"
            )
        )
    elif not _is_companion(path):
        log.info("skipping %s: not an article file", path)


def _walk_folder(path: Path, found: Discovery, seen: set[str]) -> None:
    if path.suffix.lower() in SUPPORTED:
        found.failures.append(
            Failure(str(path), "ingest", "is a folder named like a file; reading what is inside")
        )
    try:
        children = sorted(path.iterdir())
    except OSError as exc:
        found.failures.append(Failure(str(path), "ingest", _os_reason(exc)))
        return
    for child in children:
        if not child.name.startswith("."):
            _walk(child, found, seen, explicit=False)


def _is_article_file(path: Path) -> bool:
    name = path.name.lower()
    return path.suffix.lower() in SUPPORTED and not name.endswith(SIDECAR_SUFFIX)


def _is_companion(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX) or path.name == FOLDER_METADATA


def _os_reason(exc: OSError) -> str:
    if exc.errno == 40:  # ELOOP
        return "symlink loop; fix or remove the link"
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied; check the file's permissions"
    if isinstance(exc, FileNotFoundError):
        return "does not exist (or is a broken symlink)"
    return f"cannot be read: {exc.strerror or exc}"


def read_file(path: Path, folder_overrides: dict[str, Overrides] | None = None) -> ReadResult:
    """Read one discovered file into raw articles; never raises for a bad file."""
    result = ReadResult()
    overrides = _overrides_for(path, folder_overrides, result)
    try:
        if path.suffix.lower() == JSONL_SUFFIX:
            _read_jsonl(path, overrides, result)
        else:
            result.articles.append(_read_article(path, overrides))
    except SourceError as exc:
        result.failures.append(Failure(exc.path, "ingest", exc.reason))
    except OSError as exc:
        result.failures.append(Failure(str(path), "ingest", _os_reason(exc)))
    return result


def read_source(path: Path) -> list[RawArticle]:
    """The raw articles of one file (with its sidecar and folder metadata applied)."""
    folder = (
        read_folder_metadata(path.parent) if (path.parent / FOLDER_METADATA).is_file() else None
    )
    result = read_file(path, folder)
    if not result.articles and result.failures:
        raise SourceError(str(path), result.failures[0].reason)
    return result.articles


def _overrides_for(
    path: Path, folder: dict[str, Overrides] | None, result: ReadResult
) -> tuple[Overrides, ...]:
    found: list[Overrides] = []
    if folder and path.name in folder:
        found.append(folder[path.name])
    sidecar = sidecar_for(path)
    if sidecar is not None:
        try:
            found.append(read_sidecar(sidecar))
        except ConfigError as exc:
            result.failures.append(
                Failure(str(sidecar), "sidecar", f"{exc}; the article is built without it")
            )
    return tuple(found)


def _read_article(path: Path, overrides: tuple[Overrides, ...]) -> RawArticle:
    size = path.stat().st_size
    if size > settings.MAX_ARTICLE_BYTES:
        raise SourceError(
            str(path),
            f"too large for one article ({size / 1e6:.1f} MB > {settings.MAX_ARTICLE_BYTES / 1e6:.0f} MB); "
            "split it, or raise DOSSIER_MAX_ARTICLE_BYTES",
        )
    data = path.read_bytes()
    text, encoding = decode_bytes(data, str(path))
    kind = TEXT_SUFFIXES[path.suffix.lower()]
    return RawArticle(str(path), kind, text, encoding, _sha256(data), overrides)


def _read_jsonl(path: Path, overrides: tuple[Overrides, ...], result: ReadResult) -> None:
    size = path.stat().st_size
    if size > settings.MAX_JSONL_BYTES:
        raise SourceError(
            str(path), f"too large ({size / 1e6:.0f} MB); raise DOSSIER_MAX_JSONL_BYTES"
        )
    if size == 0:
        raise SourceError(str(path), "empty file")
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                _read_jsonl_line(f"{path}:{number}", line, overrides, result)


def _read_jsonl_line(
    source: str, line: bytes, overrides: tuple[Overrides, ...], result: ReadResult
) -> None:
    try:
        if len(line) > settings.MAX_ARTICLE_BYTES:
            raise SourceError(
                source, "line too large for one article; raise DOSSIER_MAX_ARTICLE_BYTES"
            )
        record = json.loads(decode_bytes(line, source)[0])
        result.articles.append(_jsonl_article(source, line, record, overrides))
    except json.JSONDecodeError as exc:
        result.failures.append(
            Failure(source, "ingest", f"not valid JSON ({exc.msg} at column {exc.colno})")
        )
    except SourceError as exc:
        result.failures.append(Failure(source, "ingest", exc.reason))
    except ConfigError as exc:
        result.failures.append(Failure(source, "ingest", str(exc)))


def _jsonl_article(
    source: str, line: bytes, record: object, overrides: tuple[Overrides, ...]
) -> RawArticle:
    if not isinstance(record, dict):
        raise SourceError(source, "a JSON Lines article must be an object with 'text' or 'html'")
    html, text = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        raise SourceError(source, "no 'text' or 'html' string in this line")
    kind = SourceKind.HTML if content is html else SourceKind.TEXT
    known = {
        k: record[k]
        for k in ("title", "authors", "outlet", "published", "url")
        if record.get(k) is not None
    }
    fields = parse_fields(known, MetaSource.JSONL, source)
    return RawArticle(source, kind, content, "utf-8", _sha256(line), (fields, *overrides))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def iter_read(files: Iterable[Path]) -> Iterator[ReadResult]:
    """Read files in order, loading each folder's metadata.csv once."""
    folders: dict[Path, dict[str, Overrides] | None] = {}
    for path in files:
        folder = path.parent
        if folder not in folders:
            folders[folder], failure = _load_folder(folder)
            if failure is not None:
                yield ReadResult(failures=[failure])
        yield read_file(path, folders[folder])


def _load_folder(folder: Path) -> tuple[dict[str, Overrides] | None, Failure | None]:
    if not (folder / FOLDER_METADATA).is_file():
        return None, None
    try:
        return read_folder_metadata(folder), None
    except ConfigError as exc:
        reason = f"{exc}; the folder's articles are built without it"
        return None, Failure(str(folder / FOLDER_METADATA), "sidecar", reason)
