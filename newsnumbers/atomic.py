"""Write an output file so that it is always either the old file or the whole new one.

Why: a build killed mid-write, or a full disk, used to leave a truncated CSV or
chart where the previous good one had been. Every output the project writes
(tables, charts in every format, HTML, metadata, ``figures/index.csv``, executed
notebooks) goes through :func:`replacing`: it is written to a temporary name in
the same folder, flushed to disk, and only then renamed into place. A rename
within one folder is atomic on POSIX, so readers see the old file or the new
one, never half of either. A failed write removes its temporary file and leaves
the old file as it was.

Standard library only: ``newsnumbers/buildinfo.py`` runs it without the package.
"""
from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

#: Temporary files start with a dot and end with this marker (before an optional suffix).
PART = ".part"


def temp_name(path: str | Path, suffix: str = "") -> Path:
    """A hidden, unique name beside ``path``: ``.name.<pid>-<random>.part`` (+ ``suffix``).

    ``suffix`` keeps an extension a writer insists on (papermill wants ``.ipynb``);
    without one, globs such as ``*.json`` never see a half-written file.
    """
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}{PART}{suffix}")


def is_temp(path: str | Path) -> bool:
    """Whether ``path`` is one of :func:`temp_name`'s names (to skip in listings)."""
    name = Path(path).name
    return name.startswith(".") and PART in name


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


@contextlib.contextmanager
def replacing(path: str | Path, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds it replaces ``path``.

    When the block raises (a full disk, an error while drawing), the temporary
    file is removed, ``path`` keeps its previous content and the error goes on.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(path, suffix)
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically, with ``\\n`` line ends on every platform."""
    return write_bytes(path, text.encode(encoding))
