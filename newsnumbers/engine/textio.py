"""Read article files into text, or say why they cannot be read.

Why a library for each part: charset-normalizer guesses legacy encodings
(cp1252 from old CMS exports) far better than a hand-made list of tries, and
trafilatura is the maintained standard for reducing a web page to its article
text (navigation, cookie banners and comments removed).
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """A readable article: its name (file name), the decoded text and how it was decoded."""

    name: str
    path: str
    text: str
    encoding: str


@dataclass(frozen=True)
class Rejected:
    """A file that could not be used, with the reason in words an analyst can act on."""

    article: str
    path: str
    reason: str


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Rejected]]:
    """Expand files and folders into article files, sorted; missing paths are rejected, not raised."""
    files: list[Path] = []
    rejected: list[Rejected] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
            if not found:
                rejected.append(Rejected(p.name, str(p), "folder holds no .txt, .md or .html files"))
            files.extend(found)
        elif p.is_file():
            if p.suffix.lower() in SUFFIXES:
                files.append(p)
            else:
                rejected.append(Rejected(p.name, str(p), f"unsupported file type {p.suffix or '(none)'}; expected {', '.join(SUFFIXES)}"))
        else:
            rejected.append(Rejected(p.name, str(p), "no such file or folder"))
    return files, rejected


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: UTF-8 (with or without BOM) first, else the best charset guess.

    Raises ValueError for empty or binary content.
    """
    if not data.strip():
        raise ValueError("empty file")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValueError("binary file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ValueError("undecodable: not UTF-8 and no text encoding fits")
    text = str(best)
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:10000])
    if printable < 0.95 * min(len(text), 10000):
        raise ValueError(f"binary file (decodes as {best.encoding} to unprintable characters)")
    return text, best.encoding


def html_to_text(html: str) -> str:
    """Main article text of a web page (trafilatura), without navigation or comments."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
    if not text:
        raise ValueError("HTML page has no recognisable article text")
    return text


def read_article(path: Path) -> Article | Rejected:
    """Read one file; never raises for bad content, returns a Rejected with the reason instead."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Rejected(name, str(path), f"file too large ({size} bytes > {MAX_BYTES})")
        data = path.read_bytes()
        text, encoding = decode(data)
        if path.suffix.lower() in (".html", ".htm"):
            text = html_to_text(text)
        return Article(name, str(path), text, encoding)
    except (OSError, ValueError) as exc:
        return Rejected(name, str(path), str(exc))
