"""Bytes to text: UTF-8, else Western cp1252, else charset-normalizer's guess; and what went wrong, by line.

Why not the guess alone: charset-normalizer weighs every code page alike, so
it read German cp1252 exports as cp1250 ("Crčme" for "Crème"), and one bad
byte in an otherwise UTF-8 file sent the whole file to it ("BĂ¶rsenwert").
The articles here are German, English and French: a file that is UTF-8 but
for a few bytes is UTF-8 with those bytes replaced (and reported by line), and
a single-byte file whose cp1252 reading uses only the letters and marks of
those languages is cp1252. Anything else (Cyrillic, Central European) is left
to charset-normalizer, and the guess is reported.
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple

#: Non-ASCII characters German, English and French text shows when read as cp1252 (plus the
#: typographic marks of Windows text). Letters other code pages turn into under cp1252
#: (ì ò ø from Czech, ¹ ³ ¿ from Polish, Ð ð þ from Cyrillic) are left out on purpose.
WESTERN = ("äöüÄÖÜßéèêëÉÈÊËàâáÀÂÁçÇôóÔÓîïíÎÏÍûùúÛÙÚñÑœŒæÆÿ"
           "–—‘’‚“”„…•€£¥©®™°±§·«»‹›×½¼¾µ¢\u00a0\u00ad")
_NOT_WESTERN = re.compile(f"[^\\x00-\\x7f{WESTERN}]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BAD = re.compile(r"[\udc80-\udcff]+")  # bytes that were not UTF-8, kept by "surrogateescape"
MAX_NOTED_LINES = 10


class Decoded(NamedTuple):
    """Decoded text, the encoding used, and warnings as (line, reason) pairs: the file was still read."""

    text: str
    encoding: str
    warnings: tuple[tuple[int | str, str], ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode bytes: UTF-8 (with or without BOM, a few bad bytes replaced), cp1252, else the best guess.

    Raises ValueError for empty or binary content.

    >>> decode("Börsenwert".encode() + b"\\xff").warnings[0][1][:38]
    'warning: file read as UTF-8; 1 byte on'
    >>> decode("Crème brûlée".encode("cp1252")).text
    'Crème brûlée'
    """
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:  # a byte-order mark says UTF-16: no guess needed
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return _guess(data)
    if b"\x00" in data[:4096]:
        raise ValueError("binary file (contains NUL bytes)")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    encoding = "utf-8-sig" if bom else "utf-8"
    try:
        return Decoded(body.decode("utf-8"), encoding)
    except UnicodeDecodeError:
        pass
    escaped = body.decode("utf-8", errors="surrogateescape")
    if bom or _mostly_utf8(escaped):
        return _replace_bad_bytes(escaped, encoding)
    western = _western(data)
    if western is not None:
        return Decoded(western, "cp1252")
    return _guess(data)


def _mostly_utf8(escaped: str) -> bool:
    """UTF-8 with a few bad bytes: it has well-formed multi-byte characters, and more of them than bad bytes.

    A cp1252 file has none (its "ü" is one byte, never a valid sequence), so one
    stray byte in ASCII text is read as cp1252, where it is most likely a dash or quote.
    """
    bad = sum(m.end() - m.start() for m in _BAD.finditer(escaped))
    good = sum(1 for _ in _NON_ASCII.finditer(escaped)) - bad
    return good > 0 and bad <= good


def _replace_bad_bytes(escaped: str, encoding: str) -> Decoded:
    """Each byte that is not UTF-8 becomes U+FFFD; one warning per line that had any (the first few lines)."""
    by_line: dict[int, list[str]] = {}
    line, at = 1, 0
    for m in _BAD.finditer(escaped):
        line += escaped.count("\n", at, m.start())
        at = m.start()
        by_line.setdefault(line, []).extend(f"0x{ord(ch) - 0xDC00:02x}" for ch in m.group())
    text = _BAD.sub(lambda m: "\ufffd" * (m.end() - m.start()), escaped)
    warnings: list[tuple[int | str, str]] = []
    for line, shown in list(by_line.items())[:MAX_NOTED_LINES]:
        n = len(shown)
        warnings.append((line, f"warning: file read as UTF-8; {n} byte{'s' * (n != 1)} on this line "
                               f"{'are' if n != 1 else 'is'} not UTF-8 ({' '.join(shown[:8])}) and became U+FFFD"))
    if len(by_line) > MAX_NOTED_LINES:
        rest = len(by_line) - MAX_NOTED_LINES
        warnings.append(("", f"warning: file read as UTF-8; {rest} more lines have bytes that are not UTF-8 (U+FFFD)"))
    return Decoded(text, encoding, tuple(warnings))


def _western(data: bytes) -> str | None:
    """The cp1252 reading when it looks like German, English or French text, else None.

    Plausible: no control characters, at most 1 in 20 non-ASCII characters
    outside :data:`WESTERN`, and mostly ASCII (a Cyrillic or Greek text read
    as cp1252 is nearly all accented letters).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # a byte cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d)
        return None
    if _CONTROL.search(text):
        return None
    non_ascii = sum(1 for _ in _NON_ASCII.finditer(text))
    odd = sum(1 for _ in _NOT_WESTERN.finditer(text))
    if odd * 20 > non_ascii or non_ascii * 4 > len(text):
        return None
    return text


def _guess(data: bytes) -> Decoded:
    """charset-normalizer's best guess for text in another code page, reported as a guess."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ValueError("undecodable: not UTF-8 and no text encoding fits")
    text = str(best)
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:10000])
    if printable < 0.95 * min(len(text), 10000):
        raise ValueError(f"binary file (decodes as {best.encoding} to unprintable characters)")
    return Decoded(text, best.encoding,
                   (("", f"warning: file read, but it is not UTF-8; its encoding was guessed as {best.encoding}"),))
