"""Find article files and read them into text, or say why they cannot be used.

Why a library for each part: charset-normalizer guesses legacy encodings other
than cp1252 better than a hand-made list of tries (see :mod:`.decoding`), and
trafilatura is the maintained standard for reducing a web page to its article
text (navigation, cookie banners and comments removed).

Why every skipped file is named: an analyst who drops a PDF or a folder they
cannot read into ``seeds/`` must learn that it was not used, from the
rejected table, not by missing figures in a chart.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from .decoding import decode

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 200 * 1024 * 1024
#: The analyst's own tables in a seeds folder: documented inputs, read elsewhere, not articles.
SEED_TABLES = frozenset({"corrections.csv", "sources.csv"})


@dataclass(frozen=True)
class Article:
    """A readable article: its name (file name), the decoded text, how it was decoded, and (line, warning) pairs."""

    name: str
    path: str
    text: str
    encoding: str
    warnings: tuple[tuple[int | str, str], ...] = ()


@dataclass(frozen=True)
class Rejected:
    """A file that could not be used, with the reason in words an analyst can act on."""

    article: str
    path: str
    reason: str


def _os_reason(exc: OSError, what: str) -> str:
    """An OS error in words: "permission denied: cannot list folder"."""
    if isinstance(exc, PermissionError) or exc.errno == errno.EACCES:
        return f"permission denied: cannot {what}"
    return f"cannot {what}: {exc.strerror or exc}"


def _skip_reason(entry: os.DirEntry) -> str | None:
    """Why a folder entry is not an article (None when it is one, or is a folder to walk)."""
    name = entry.name
    if name.startswith("."):
        return "hidden folder skipped" if entry.is_dir() else "hidden file skipped"
    if entry.is_symlink() and entry.is_dir():
        return "symbolic link to a folder not followed; give that folder itself"
    if entry.is_dir(follow_symlinks=False):
        return None
    if not entry.is_file():
        return "not a regular file (device, pipe or broken link) skipped"
    suffix = Path(name).suffix.lower()
    if suffix in SUFFIXES:
        return None
    if suffix == ".csv":
        return "not an article (CSV); articles are .txt, .md or .html"
    return f"unsupported file type {suffix or '(no extension)'}; expected {', '.join(SUFFIXES)}"


def _walk(folder: Path, top: bool, files: list[Path], rejected: list[Rejected]) -> None:
    """Articles under ``folder`` into ``files``; everything else in it, and folders that cannot be listed, into ``rejected``."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        rejected.append(Rejected(folder.name, str(folder), _os_reason(exc, "list folder")))
        return
    for entry in entries:
        path = Path(entry.path)
        if top and entry.name in SEED_TABLES:
            continue
        try:
            reason = _skip_reason(entry)
            if reason is None and entry.is_dir(follow_symlinks=False):
                _walk(path, False, files, rejected)
                continue
        except OSError as exc:
            reason = _os_reason(exc, "tell what this is")
        if reason is None:
            files.append(path)
        else:
            rejected.append(Rejected(entry.name, str(path), reason))


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Rejected]]:
    """Expand files and folders into article files, sorted; whatever is not used is rejected, not raised.

    Inside folders: hidden files and folders, other file types and folders
    that cannot be listed each get a rejection; ``corrections.csv`` and
    ``sources.csv`` at the top of a folder are the analyst's tables, not
    articles, and pass silently. A file named on its own is read even when hidden.
    """
    files: list[Path] = []
    rejected: list[Rejected] = []
    for raw in paths:
        p = Path(raw)
        try:
            _discover_one(p, files, rejected)
        except OSError as exc:  # the path's own folder cannot be searched
            rejected.append(Rejected(p.name, str(p), _os_reason(exc, "reach this path")))
    return files, rejected


def _discover_one(p: Path, files: list[Path], rejected: list[Rejected]) -> None:
    """One path given by the user: a folder to walk, an article file, or a rejection."""
    if p.is_dir():
        found: list[Path] = []
        _walk(p, True, found, rejected)
        if not found:
            rejected.append(Rejected(p.name, str(p), "folder holds no .txt, .md or .html files"))
        files.extend(sorted(found))
    elif p.is_file():
        if p.suffix.lower() in SUFFIXES:
            files.append(p)
        else:
            rejected.append(Rejected(p.name, str(p), f"unsupported file type {p.suffix or '(no extension)'}; "
                                                     f"expected {', '.join(SUFFIXES)}"))
    elif p.exists():
        rejected.append(Rejected(p.name, str(p), "not a regular file (device, pipe or socket)"))
    else:
        rejected.append(Rejected(p.name, str(p), "no such file or folder"))


def is_folder(path: str | Path) -> bool:
    """Whether ``path`` is a folder; False when it cannot even be looked at (that is reported where it is read)."""
    try:
        return Path(path).is_dir()
    except OSError:
        return False


def html_to_text(html: str) -> str:
    """Main article text of a web page (trafilatura), without navigation or comments."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
    if not text:
        raise ValueError("HTML page has no recognisable article text")
    return text


def read_article(path: Path) -> Article | Rejected:
    """Read one file; never raises for bad content, returns a Rejected with the reason instead.

    Warnings (bytes that were not UTF-8, a guessed encoding) ride along on the
    Article: the file was read, and the caller tables them.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Rejected(name, str(path), f"file too large ({size} bytes > {MAX_BYTES})")
        data = path.read_bytes()
        text, encoding, warnings = decode(data)  # warning lines count in the file (for a page: its HTML)
        if path.suffix.lower() in (".html", ".htm"):
            text = html_to_text(text)
        return Article(name, str(path), text, encoding, warnings)
    except OSError as exc:
        return Rejected(name, str(path), _os_reason(exc, "read file"))
    except ValueError as exc:
        return Rejected(name, str(path), str(exc))
