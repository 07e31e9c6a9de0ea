"""``sources.csv``: what an analyst knows about each article (title, outlet, date, url, language).

Why one module: the extraction checks the file and the charts name outlets
from it; both read it here, with the same strict reader, so a problem is
reported once with its file and line and never crashes a chart.
"""
from __future__ import annotations

from pathlib import Path

from .schema import read_csv_rows, rejection

SOURCE_COLUMNS = ["article", "title", "outlet", "date", "url", "language"]
FILE_NAME = "sources.csv"


def read_sources(path: Path) -> tuple[dict[str, tuple[int, dict[str, str]]], list[dict]]:
    """Article name -> (line, row), and the rejected rows (missing column, duplicates) with their lines."""
    table = read_csv_rows(path)
    rejected = list(table.rejected)
    if table.rows and "article" not in table.columns:
        return {}, rejected + [rejection(path, 1, f"missing column article; expected {', '.join(SOURCE_COLUMNS)}")]
    rows: dict[str, tuple[int, dict[str, str]]] = {}
    for line, row in table:
        name = row.get("article", "")
        if name in rows:
            rejected.append(rejection(path, line, f"article {name!r} listed twice"))
            continue
        rows[name] = (line, row)
    return rows, rejected


def check_sources(path: Path, articles: set[str]) -> list[dict]:
    """Problems in ``sources.csv``: missing columns, duplicates, unknown articles (file and line, in line order)."""
    rows, rejected = read_sources(path)
    for name, (line, _) in rows.items():
        if name not in articles:
            rejected.append(rejection(path, line, f"article {name!r} is not among the articles read"))
    whole_file = [r for r in rejected if r["line"] == ""]
    return whole_file + sorted((r for r in rejected if r["line"] != ""), key=lambda r: r["line"])


def short_article(name: str) -> str:
    """'002_0dbbc1ffdb7b6cf2.txt' -> '002'; other names without extension."""
    stem = Path(name).stem
    return stem.split("_")[0] if "_" in stem and stem.split("_")[0].isdigit() else stem


def outlets(articles: list[str], seeds_dir: str | Path | None) -> dict[str, str]:
    """Article file -> outlet from the analyst's sources.csv when there is one, else the short file name."""
    names = {a: short_article(a) for a in articles}
    if seeds_dir and (Path(seeds_dir) / FILE_NAME).exists():
        rows, _ = read_sources(Path(seeds_dir) / FILE_NAME)
        for article, (_, row) in rows.items():
            if article in names and row.get("outlet"):
                names[article] = row["outlet"]
    return names
