"""The shortcuts taken for speed give what the plain way gives.

Why: each shortcut (the DataFrame built from typed arrays, the one search that
screens a clause for every period rule, the per-sentence cue scan) replaced a
slower but obviously right way; these tests keep the two ways side by side on
the real articles, so a later change to either cannot make them drift apart.
"""
from __future__ import annotations

import pandas as pd
from conftest import DATA, SEEDS

from newsnumbers import extract, iter_figures
from newsnumbers.engine import period
from newsnumbers.engine.casefold import fold
from newsnumbers.engine.pipeline import _EXTRACT_COLUMNS
from newsnumbers.engine.segment import detect_language

ARTICLES = sorted((DATA / "corpus/articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in ARTICLES]


def test_extract_builds_the_frame_pandas_would_infer():
    """Same values, same dtypes (``str`` for text, int64 offsets, float64 values) as ``pd.DataFrame(rows)``."""
    for text in _texts()[:40]:
        rows = list(iter_figures(text))
        inferred = pd.DataFrame([{c: r[c] for c in _EXTRACT_COLUMNS} for r in rows], columns=_EXTRACT_COLUMNS)
        built = extract(text)
        pd.testing.assert_frame_equal(built, inferred, check_exact=True)
        assert list(built.dtypes) == list(inferred.dtypes)
    assert str(extract("DeepSeek kostete 5,6 Millionen Dollar.")["quote"].dtype) == "str"


def test_the_period_screen_passes_every_clause_a_rule_matches():
    """A clause the screen turns away has no period; every clause with one passes it (each line of the corpus,
    and lines made to hold each rule's words)."""
    lines = [line.strip() for text in _texts() for line in text.splitlines() if line.strip()]
    lines += ["350 Millionen Euro pro Jahr", "über vier Jahre 500 Mrd.", "im Geschäftsjahr 2025", "bis Ende 2029",
              "$500 billion over four years", "a three-year plan", "by the end of 2027", "in the third quarter"]
    found = 0
    for line in lines:
        lang = detect_language(line)
        screen = period._screen(lang)
        assert screen is not None, "every period rule reads on folded text today"
        plain = period.find(line, lang)  # without the folded text: each rule tried, no screen
        if plain:
            found += 1
            assert screen.search(fold(line)), line
        assert period.find(line, lang, fold(line)) == plain, line
    assert found >= 10


def test_language_counts_are_those_of_the_words():
    """The stopword scan counts what splitting into ``\\w+`` words and looking each up counts."""
    import re
    from collections import Counter

    from newsnumbers.engine.segment import _stopword_scan, _stopwords

    table = _stopwords()
    samples = [line for text in _texts() for line in text.splitlines() if line.strip()]
    samples += ["der_die das2 für-the und\u00a0and", "Theorie der Themen, thesis: the THE the_ _the", "İst die Zeit"]
    for sample in samples:
        low = sample.lower()
        words = Counter(table[w] for w in re.findall(r"\w+", low) if w in table)
        assert Counter(map(table.__getitem__, _stopword_scan().findall(low))) == words, sample
