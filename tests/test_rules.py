"""Each rule family, on sentences written for the tests (not from the seeds).

The cases live in tests/data/rule_cases.csv so that a failing case reads as a
sentence, and new cases need no code.
"""
from __future__ import annotations

import csv
import math
import re
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


#: Fields a case checks besides value and value_high ("*" in the file: not determined by the sentence).
CHECKED = ("unit", "per", "qualifier", "measure", "organisation", "model")
KNOWN = re.compile(r"(?P<fields>[a-z_]+(?:\+[a-z_]+)*): (?P<reason>\S.*)")


def known_failure(row: dict) -> tuple[set[str], str]:
    """``measure+organisation: why`` in column known_failure: fields the extractor is known to get wrong."""
    text = row.get("known_failure") or ""
    if not text:
        return set(), ""
    match = KNOWN.fullmatch(text)
    assert match, f"known_failure must read 'field[+field]: reason', not {text!r}"
    return set(match["fields"].split("+")), match["reason"]


@pytest.mark.parametrize("row", [r for r in ROWS if r["quote"]], ids=_id)
def test_figure(row: dict) -> None:
    """Every field the sentence determines; a known failure xfails only for its own fields.

    The expectation stays what the sentence says, never what the extractor does:
    a case the extractor gets wrong names the field and the reason in
    ``known_failure``, every other field is still checked, and the case fails
    as soon as the known failure is fixed (so the mark is removed with it).
    """
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
    wrong = {f: (row[f], got[f]) for f in CHECKED if row[f] != "*" and got[f] != row[f]}
    known, reason = known_failure(row)
    unexpected = {f: f"expected {e!r}, got {g!r}" for f, (e, g) in wrong.items() if f not in known}
    assert not unexpected, unexpected
    fixed = known - set(wrong)
    assert not fixed, f"known failure fixed for {sorted(fixed)}: remove it from known_failure"
    if known:
        pytest.xfail(f"{reason} ({'; '.join(f'{f}: expected {e!r}, got {g!r}' for f, (e, g) in wrong.items())})")


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
        assert None not in row and None not in row.values(), f"ragged row: {row}"
        assert row["family"] and row["language"] in ("de", "en"), row
        if row["quote"]:
            assert row["quote"] in row["text"], row
            float(row["value"])
            fields, _ = known_failure(row)
            assert fields <= set(CHECKED) and all(row[f] != "*" for f in fields), row


def test_cases_say_what_each_figure_is_about() -> None:
    """Measure, organisation and model are checked wherever the sentence decides them: few cases leave them open."""
    positive = [r for r in ROWS if r["quote"]]
    for field, most_open in (("measure", 0.15), ("organisation", 0.06), ("model", 0.0)):
        open_ = [r["text"] for r in positive if r[field] == "*"]
        assert len(open_) <= most_open * len(positive), (field, len(open_), open_)
