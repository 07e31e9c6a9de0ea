"""Shared test setup: where the repository is, the seeds' table extracted once, the ``slow`` marker.

``pytest -m "not slow"`` skips the notebook, make and browser tests (under a
minute); ``make test`` runs everything.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from newsnumbers import extract_paths, write_csv

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"
#: What `make figures` needs from the repository.
BUILD_FILES = ("Makefile", "pyproject.toml", "requirements.txt", "newsnumbers", "notebooks", "seeds")


def copy_repo(tmp_path: Path) -> Path:
    """A copy of what `make figures` needs, as it is in the work tree (committed or not), with the venv linked.

    Run make there with ``-o .venv/.installed``: the set-up is `make test`'s and stays untouched.
    """
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in BUILD_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(src, repo / name)
    (repo / "figures").mkdir()
    os.symlink(ROOT / ".venv", repo / ".venv")
    return repo


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: runs notebooks, make or a browser (left out by -m 'not slow')")


#: What a browser test's skip reason says (tests/test_explorer_browser.py).
BROWSER_SKIP = "chromium"


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Say loudly, at the end, when the browser tests were skipped: a green run without them proves less.

    A skip is one letter among hundreds of dots; without chromium (no network to
    install it, not root) the explorer's only real-browser check would pass unseen.
    """
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if BROWSER_SKIP in str(r.longrepr)]
    if skipped:
        terminalreporter.write_sep("!", f"WARNING: {len(skipped)} browser test(s) were SKIPPED: chromium is not "
                                        "installed; `make browser` installs it (root, network)", red=True, bold=True)


@pytest.fixture(scope="session")
def seed_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(figures, rejected) of the seeds, extracted once per test session; copy before changing."""
    return extract_paths([SEEDS])


@pytest.fixture(scope="session")
def seed_figures(seed_tables) -> pd.DataFrame:
    return seed_tables[0].copy()


@pytest.fixture(scope="session")
def seed_figures_csv(tmp_path_factory, seed_tables) -> Path:
    """The seeds' figures.csv, written once into a temporary folder."""
    path = tmp_path_factory.mktemp("seed_table") / "figures.csv"
    write_csv(seed_tables[0], path)
    return path


def make_env() -> dict[str, str]:
    """The environment for a ``make`` the tests start: without the variables of a ``make test`` around it,
    which would make the inner make print "Entering directory" lines and share the outer one's job slots."""
    return {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
