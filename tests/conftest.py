"""Shared test setup: where the repository is, the seeds' table extracted once, the ``slow`` marker.

``pytest -m "not slow"`` skips the notebook, make and browser tests (under a
minute); ``make test`` runs everything.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsnumbers import extract_paths, write_csv

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: runs notebooks, make or a browser (left out by -m 'not slow')")


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
