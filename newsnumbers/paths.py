"""Where the project is, so that a notebook's relative paths mean the same in every front end.

Why: papermill and ``make`` run notebooks from the project root, but JupyterLab
starts a kernel in the notebook's folder (``notebooks/``) and VS Code wherever
it likes. A parameter like ``data/figures.csv`` must name the root's table in
all of them, never a stray ``notebooks/data/figures.csv``. The root is the
nearest folder, from the working directory up, that holds the project's marks
(``Makefile``, ``newsnumbers/``, ``notebooks/``); when the working directory is
outside any project, the package's own checkout is used (an editable install).
"""
from __future__ import annotations

from pathlib import Path

#: What makes a folder the project root: a file and two folders.
MARK_FILES = ("Makefile",)
MARK_FOLDERS = ("newsnumbers", "notebooks")


def is_root(folder: Path) -> bool:
    """Whether ``folder`` holds the project's marks."""
    return (all((folder / f).is_file() for f in MARK_FILES)
            and all((folder / d).is_dir() for d in MARK_FOLDERS))


def _walk_up(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if is_root(folder):
            return folder
    return None


def project_root(start: str | Path | None = None) -> Path:
    """The project root above ``start`` (default: the working directory), else above the package, else ``start``."""
    here = Path.cwd() if start is None else Path(start)
    here = here.resolve()
    found = _walk_up(here) or _walk_up(Path(__file__).resolve().parent)
    return found or here


def resolve(path: str | Path, root: str | Path | None = None, must_exist: bool = False, what: str = "path") -> Path:
    """``path`` against the project root when relative; absolute paths are returned as given.

    ``must_exist``: raise ``FileNotFoundError`` naming the resolved path (and what it
    was resolved from) instead of letting a caller go on with nothing, as an
    extraction over a missing seeds folder would (an empty table, silently).
    """
    given = Path(path).expanduser()
    base = Path(root) if root is not None else project_root()
    # from the root itself a relative path already names the right file: kept as written, so that
    # messages (make's terminal lines) name it as the user did
    at_root = Path.cwd().resolve() == base.resolve()
    resolved = given if given.is_absolute() or at_root else base / given
    if must_exist and not resolved.exists():
        raise FileNotFoundError(f"{what} not found: {resolved} (given as {str(path)!r}, "
                                f"relative paths are read from the project root {base})")
    return resolved
