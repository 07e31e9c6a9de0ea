"""The figures table's shape, said once: its columns, its ids, what a unit means.

Why one module: the extractor writes the table, corrections rewrite rows of
it, the charts and the benchmark read it. When each kept its own copy of the
columns or of "is this unit money?", they drifted; here every one imports the
same definitions, and nothing here imports the rest of the package.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

#: Columns of the figures table, in order (``article`` only for files). ``period``: what span of time the
#: figure covers where its clause says so (``year``, ``quarter``, ``multi_year:4``, ``until:2029``, ``fiscal_year:2025``).
COLUMNS = ["id", "article", "start", "end", "quote", "sentence", "value", "value_high",
           "unit", "per", "period", "qualifier", "measure", "organisation", "model",
           "evidence", "confidence", "fact_id", "language", "source"]
#: How sure the extractor is of a row's measure and organisation (``high`` also for an analyst's correction).
CONFIDENCES = ("high", "medium", "low")
#: Columns of the rejected table: what could not be used, where, and why.
REJECTED_COLUMNS = ["article", "path", "line", "reason"]
#: The fields that say what a figure is (scored against gold, fixable by corrections).
FIELDS = ["value", "value_high", "unit", "per", "qualifier", "measure", "organisation", "model"]
#: The fields a correction may set: the FIELDS and the period (not scored: the gold has no period).
CORRECTABLE = ["value", "value_high", "unit", "per", "period", "qualifier", "measure", "organisation", "model"]
#: In corrections.csv an empty cell keeps the extracted value; this cell clears it (a period detected where the
#: article states none). Only the fields a figure may lack can be cleared.
CLEAR = "-"
CLEARABLE = ["value_high", "per", "period", "organisation", "model"]
QUALIFIERS = frozenset({"exact", "approx", "lower_bound", "upper_bound", "range"})
PERCENT_UNITS = frozenset({"percent", "percentage_points"})
#: Where a row's fields come from: the rules, an analyst's fix or add, or the rules confirmed by an analyst.
SOURCES = ("rule", "correction", "confirmed")
#: The sources of rows a person has looked at: what ``publish = "reviewed"`` draws.
REVIEWED_SOURCES = frozenset({"correction", "confirmed"})


def figure_id(article: str, start: int, end: int, quote: str) -> str:
    """Stable id: the same article, offsets and quote give the same id on every run.

    >>> figure_id("000_c4fb8e7e0f58dad6.txt", 1202, 1221, "78 Millionen Dollar")
    '06aac0f318198a20'
    """
    key = f"{article}\x1f{start}\x1f{end}\x1f{quote}".encode()
    return hashlib.sha1(key).hexdigest()[:16]


def fact_id(article: str, value: float, value_high: float | None, unit: str, per: str,
            measure: str, organisation: str) -> str:
    """One id for every mention of the same fact in one article (a headline and its body sentence):
    same value, unit, rate, measure and organisation. The hedge ("fast", "rund") does not count.

    >>> same = ("USD", "", "market_value_loss", "Nvidia")
    >>> fact_id("a.txt", 6e11, None, *same) == fact_id("a.txt", 600e9, float("nan"), *same)
    True
    """
    high = "" if value_high is None or value_high != value_high else f"{value_high:.6g}"
    key = f"{article}\x1f{value:.6g}\x1f{high}\x1f{unit}\x1f{per}\x1f{measure}\x1f{organisation}".encode()
    return hashlib.sha1(key).hexdigest()[:12]


def is_money(unit: object) -> bool:
    """Whether a unit is a currency: money units are ISO 4217 codes, three capital letters.

    >>> is_money("USD"), is_money("percent"), is_money("chips"), is_money(None)
    (True, False, False, False)
    """
    return isinstance(unit, str) and len(unit) == 3 and unit.isupper()


def unit_kind(unit: object) -> str:
    """``money``, ``percent`` or ``count``: the three kinds of figure the charts tell apart.

    >>> [unit_kind(u) for u in ("EUR", "percentage_points", "GPU_hours")]
    ['money', 'percent', 'count']
    """
    if unit in PERCENT_UNITS:
        return "percent"
    return "money" if is_money(unit) else "count"


def rejection(path: Path, line: int | str, reason: str) -> dict:
    """One row of the rejected table for a problem in a file (``line`` empty for the whole file)."""
    return {"article": path.name, "path": str(path), "line": line, "reason": reason}
