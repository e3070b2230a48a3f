"""Bytes to text: encoding detection, binary detection, byte-order marks."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from dossier.errors import SourceError

# Share of control bytes (other than tab, newline, carriage return, form feed) in the
# first SNIFF_BYTES above which a file is binary: text in any legacy code page has
# almost none, while images, archives and executables have far more.
BINARY_CONTROL_SHARE = 0.02
SNIFF_BYTES = 65_536

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}
_TEXT_CONTROLS = {9, 10, 12, 13}


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise SourceError with a reason a user can act on."""
    if not data.strip():
        raise SourceError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, path), encoding
    _reject_binary(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: SNIFF_BYTES * 4]).best()
    if best is None or best.encoding is None:
        raise SourceError(path, "not text in any known encoding; convert it to UTF-8")
    return _decode(data, best.encoding, path), best.encoding


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(path, f"cannot decode as {encoding}: {exc}") from exc
    return text.lstrip("\ufeff")


def _reject_binary(data: bytes, path: str) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise SourceError(
                path, f"binary file ({what}); dossier reads .txt, .md, .html and .jsonl"
            )
    head = data[:SNIFF_BYTES]
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls / len(head) > BINARY_CONTROL_SHARE:
        share = 100 * controls / len(head)
        raise SourceError(path, f"binary file ({share:.0f}% control bytes); not an article")
