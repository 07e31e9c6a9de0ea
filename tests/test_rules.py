"""Each rule family, on sentences written for the tests (not from the seeds).

The cases live in tests/data/rule_cases.csv so that a failing case reads as a
sentence, and new cases need no code.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from newsnumbers import extract

CASES = Path(__file__).parent / "data" / "rule_cases.csv"


def _load() -> list[dict]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


ROWS = _load()


def _id(row: dict) -> str:
    return f"{row['family']}-{row['language']}-{row['quote'] or 'none'}"[:80]


@pytest.mark.parametrize("row", [r for r in ROWS if r["quote"]], ids=_id)
def test_figure(row: dict) -> None:
    table = extract(row["text"], language=row["language"])
    hits = table[table["quote"].str.contains(row["quote"], regex=False)
                 | table["quote"].map(lambda q: q in row["quote"] and len(q) >= len(row["quote"]) * 0.5)]
    assert not hits.empty, f"no figure overlapping {row['quote']!r}; got {table['quote'].tolist()}"
    got = hits.iloc[0]
    assert math.isclose(got["value"], float(row["value"]), rel_tol=1e-9)
    if row["value_high"]:
        assert math.isclose(got["value_high"], float(row["value_high"]), rel_tol=1e-9)
    else:
        assert math.isnan(got["value_high"])
    for field in ("unit", "per", "qualifier", "measure", "organisation", "model"):
        if row[field] != "*":
            assert got[field] == row[field], f"{field}: expected {row[field]!r}, got {got[field]!r}"


@pytest.mark.parametrize("row", [r for r in ROWS if not r["quote"]], ids=_id)
def test_no_figure(row: dict) -> None:
    table = extract(row["text"], language=row["language"])
    assert table.empty, f"unexpected figures: {table['quote'].tolist()}"


def test_quote_is_the_text_at_the_offsets() -> None:
    for row in ROWS:
        table = extract(row["text"], language=row["language"])
        for r in table.itertuples():
            assert row["text"][r.start:r.end] == r.quote


def test_case_file_is_well_formed() -> None:
    """Guards the case file itself: a stray comma would shift every column."""
    for row in ROWS:
        assert row["family"] and row["language"] in ("de", "en"), row
        if row["quote"]:
            assert row["quote"] in row["text"], row
            float(row["value"])
