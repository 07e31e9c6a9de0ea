"""``sources.csv``: what an analyst knows about each article (title, outlet, date, url, language).

Why one module: the extraction checks the file and the charts name outlets
from it; both read it here, with the same strict reader (:mod:`handcsv`), so a
problem is reported with its file and line and never crashes a chart: an
article whose row is missing or rejected is drawn with an unknown outlet and a
warning that names the file and line.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from . import handcsv
from .schema import rejection

SOURCE_COLUMNS = ["article", "title", "outlet", "date", "url", "language"]
FILE_NAME = "sources.csv"
LANGUAGES = ("de", "en")
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _problem(row: dict[str, str]) -> str | None:
    """Why a row cannot be used, or None."""
    if not row["article"]:
        return "article is empty"
    if row["language"] and row["language"] not in LANGUAGES:
        return f"language must be {' or '.join(LANGUAGES)} (or empty), not {row['language']!r}"
    if row["date"] and not DATE.fullmatch(row["date"]):
        return f"date must be YYYY-MM-DD (or YYYY-MM, YYYY), not {row['date']!r}"
    return None


def read_sources(path: Path) -> tuple[dict[str, tuple[int, dict[str, str]]], list[dict]]:
    """Article name -> (line, row), and the rejected rows (bad file, columns, values, duplicates) with their lines."""
    table = handcsv.read(path, SOURCE_COLUMNS, required=("article",))
    rejected = list(table.rejected)
    rows: dict[str, tuple[int, dict[str, str]]] = {}
    for line, row in table:
        problem = _problem(row)
        if problem is None and row["article"] in rows:
            problem = f"article {row['article']!r} listed twice (first on line {rows[row['article']][0]})"
        if problem:
            rejected.append(rejection(path, line, problem))
            continue
        rows[row["article"]] = (line, row)
    return rows, rejected


def _in_order(rejected: list[dict]) -> list[dict]:
    whole_file = [r for r in rejected if r["line"] == ""]
    return whole_file + sorted((r for r in rejected if r["line"] != ""), key=lambda r: r["line"])


def check_sources(path: Path, articles: set[str]) -> list[dict]:
    """Problems in ``sources.csv``: the file, its columns, bad or duplicated rows, unknown articles (file and line)."""
    rows, rejected = read_sources(path)
    for name, (line, _) in rows.items():
        if name not in articles:
            rejected.append(rejection(path, line, f"article {name!r} is not among the articles read"))
    return _in_order(rejected)


def short_article(name: str) -> str:
    """'002_0dbbc1ffdb7b6cf2.txt' -> '002'; other names without extension."""
    stem = Path(name).stem
    return stem.split("_")[0] if "_" in stem and stem.split("_")[0].isdigit() else stem


def outlets(articles: list[str], seeds_dir: str | Path | None, unknown: str = "unknown") -> dict[str, str]:
    """Article file -> outlet from the analyst's sources.csv; the short file name when there is no sources.csv.

    When there is one, an article it does not describe (its row missing,
    rejected or without outlet) gets ``unknown``, and a warning naming file and
    line goes to stderr (the notebook run shows it on the terminal).
    """
    names = {a: short_article(a) for a in articles}
    path = Path(seeds_dir) / FILE_NAME if seeds_dir else None
    if path is None or not path.exists():
        return names
    rows, rejected = read_sources(path)
    for r in _in_order(rejected):
        where = f"{r['path']}:{r['line']}" if r["line"] != "" else r["path"]
        print(f"warning: {where}: {r['reason']}", file=sys.stderr)
    for article in articles:
        line, row = rows.get(article, (None, {}))
        names[article] = row.get("outlet") or unknown
        if not row.get("outlet"):
            where = f"{path}:{line}: article {article!r} has no outlet" if line else f"{path}: no usable row for article {article!r}"
            print(f"warning: {where}; its outlet is shown as {unknown!r}", file=sys.stderr)
    return names
