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
    return {a: d["outlet"] for a, d in describe(articles, seeds_dir, None, unknown).items()}

#: What the analyst writes for "not known"; read as no value, shown as the locale's word for unknown.
UNKNOWN = frozenset({"", "unbekannt", "unknown", "?"})
#: What the extraction writes beside figures.csv: the pages' own metadata, never the analyst's file.
DETECTED_NAME = "sources.detected.csv"


def detect(paths: list[str | Path]) -> list[dict[str, str]]:
    """Title, outlet (site name) and date of every HTML page among ``paths``, from the page's own metadata.

    Why a second reading of the pages: the article text is all the extractor keeps,
    and a page that cannot be read was already rejected there, so here it is skipped.
    """
    import trafilatura

    from .engine.decoding import decode
    from .engine.textio import discover

    files, _ = discover(paths)
    rows = []
    for path in files:
        if path.suffix.lower() not in (".html", ".htm"):
            continue
        try:
            meta = trafilatura.extract_metadata(decode(path.read_bytes())[0])
        except (OSError, ValueError):
            continue
        if meta is None:
            continue
        language = (getattr(meta, "language", None) or "")[:2]
        rows.append({"article": path.name, "title": meta.title or "", "outlet": meta.sitename or meta.hostname or "",
                     "date": (meta.date or "")[:10], "url": meta.url or "",
                     "language": language if language in LANGUAGES else ""})
    return sorted(rows, key=lambda r: r["article"])


def write_detected(paths: list[str | Path], out: str | Path) -> list[dict[str, str]]:
    """Write ``detect(paths)`` to ``out`` (always, a header when there is no page), atomically; returns the rows."""
    import csv
    import io

    from .atomic import write_text

    if Path(out).name == FILE_NAME:
        raise ValueError(f"{out}: refusing to write over the analyst's {FILE_NAME}")
    rows = detect(paths)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, SOURCE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text(out, buffer.getvalue())
    return rows


def _detected(path: Path | None) -> dict[str, dict[str, str]]:
    import csv

    if path is None or not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row.get("article", ""): row for row in csv.DictReader(handle)}


def _analyst(seeds_dir: str | Path | None) -> tuple[Path | None, dict[str, tuple[int, dict[str, str]]]]:
    """The analyst's file (None when there is none) and its usable rows; its problems are warned about on stderr."""
    path = Path(seeds_dir) / FILE_NAME if seeds_dir else None
    if path is None or not path.exists():
        return None, {}
    rows, rejected = read_sources(path)
    for r in _in_order(rejected):
        where = f"{r['path']}:{r['line']}" if r["line"] != "" else r["path"]
        print(f"warning: {where}: {r['reason']}", file=sys.stderr)
    return path, rows


def describe(articles: list[str], seeds_dir: str | Path | None, detected: str | Path | None = None,
             unknown: str = "unknown") -> dict[str, dict[str, str]]:
    """Article -> outlet, date and title: the analyst's ``sources.csv`` first, the pages' metadata where it is silent.

    Without either, the outlet is the short file name (as before there were sources). An article
    the analyst's file does not describe, and no page metadata either, gets ``unknown`` and a
    warning naming file and line; a row that says "unbekannt"/"unknown" is known not to be known.
    """
    found = _detected(Path(detected) if detected else None)
    path, rows = _analyst(seeds_dir)
    out = {}
    for article in articles:
        line, mine = rows.get(article, (0, {}))
        page = found.get(article, {})
        pick = {k: next((v for v in (mine.get(k, ""), page.get(k, "")) if v.strip().lower() not in UNKNOWN), "")
                for k in ("outlet", "date", "title")}
        if not pick["outlet"]:
            said = mine.get("outlet", "").strip().lower() in UNKNOWN - {""}
            if path is not None and not said:
                where = (f"{path}:{line}: article {article!r} has no outlet" if line
                         else f"{path}: no usable row for article {article!r}")
                print(f"warning: {where}; its outlet is shown as {unknown!r}", file=sys.stderr)
            pick["outlet"] = unknown if path is not None or found else short_article(article)
        out[article] = pick
    return out
