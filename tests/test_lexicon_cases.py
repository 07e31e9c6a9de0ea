"""Organisations added to the lexicon for the AI and tech economy (issue #11), on sentences written for the tests.

Why: a name the lexicon lacks hands its figure to the wrong company, and an alias that is an ordinary word
("Zug", "Henkel", "Bayer") steals figures from the right one. The cases live in
tests/data/lexicon_cases.csv, one group of new names each, so a new name needs a line, not code.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsnumbers import extract

CASES = Path(__file__).parent / "data" / "lexicon_cases.csv"


def _load() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


ROWS = _load()


def _organisation(row: dict[str, str]) -> str:
    """The organisation ``extract`` gives the case's figure (fails if the figure is not found)."""
    table = extract(row["text"], language=row["language"])
    hits = table[table["quote"] == row["quote"]]
    assert len(hits) == 1, f"figure {row['quote']!r} not found once in {row['text']!r}: {table['quote'].tolist()}"
    return str(hits["organisation"].iloc[0])


@pytest.mark.parametrize("row", [r for r in ROWS if r["group"] != "never"], ids=lambda r: f"{r['group']}-{r['quote']}")
def test_a_new_name_owns_its_figure(row: dict[str, str]) -> None:
    assert _organisation(row) == row["organisation"], row["text"]


@pytest.mark.parametrize("row", [r for r in ROWS if r["group"] == "never"], ids=lambda r: f"never-{r['organisation']}")
def test_an_ordinary_word_is_no_organisation(row: dict[str, str]) -> None:
    assert row["organisation"] not in _organisation(row).split("|"), row["text"]


def test_every_group_has_cases() -> None:
    groups = {r["group"] for r in ROWS}
    assert {"chips", "ai_labs", "investors", "indices", "regions", "descriptions", "never"} <= groups
