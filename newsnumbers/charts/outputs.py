"""The files a chart owns in ``figures/``, and ``figures/index.csv``.

Why its own module: a chart that is empty or failed on this run must take its
files from the last run with it (all formats, its CSV, alt text, metadata and
its index row); otherwise ``figures/`` keeps a chart of the previous corpus
that looks current. Both the chart notebooks (empty) and ``newsnumbers.run``
(failed) remove them here. No matplotlib here: ``run`` imports it cheaply.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..atomic import is_temp, replacing

#: The files every chart writes: name.<suffix>.
CHART_SUFFIXES = ("svg", "png", "pdf", "csv", "alt.txt", "json")
INDEX = "index.csv"
INDEX_COLUMNS = ["name", "title", "subtitle", "alt", "source", "language"]
#: Files a chart writes under another name than its own (the explorer's page and snapshots).
EXTRA_FILES = {"07_explorer": ("explorer.html", "explorer.svg", "explorer.png")}


def chart_files(name: str, out_dir: str | Path) -> list[Path]:
    """The existing files of chart ``name``: its standard files, its :data:`EXTRA_FILES`, those its metadata lists."""
    out = Path(out_dir)
    names = {f"{name}.{s}" for s in CHART_SUFFIXES} | set(EXTRA_FILES.get(name, ()))
    try:
        listed = json.loads((out / f"{name}.json").read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        listed = []
    names |= {Path(f).name for f in listed if isinstance(f, str) and Path(f).name}
    return sorted(out / n for n in names if (out / n).is_file())


def remove_chart(name: str, out_dir: str | Path) -> list[Path]:
    """Remove chart ``name``'s files and its index row; returns the files removed.

    Raises OSError when a file cannot be removed (a read-only folder): the
    caller says so, and the build must not go on as if the chart were current.
    """
    out = Path(out_dir)
    files = chart_files(name, out)
    for f in files:
        f.unlink()
    if files or (out / INDEX).exists():
        write_index(out)
    return files


def prune(name: str, out_dir: str | Path, keep: Iterable[str]) -> list[Path]:
    """Remove chart ``name``'s files that this run did not write (a format no longer asked for)."""
    kept = set(keep) | {f"{name}.json", f"{name}.alt.txt"}
    stale = [f for f in chart_files(name, out_dir) if f.name not in kept]
    for f in stale:
        f.unlink()
    return stale


def write_index(out_dir: str | Path) -> Path:
    """figures/index.csv: every chart's name, title, alt text, source and language, sorted by name."""
    import pandas as pd

    out = Path(out_dir)
    rows = []
    for meta_path in sorted(out.glob("*.json")):
        if is_temp(meta_path):
            continue
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if isinstance(meta, dict) and {"name", "title", "alt"} <= meta.keys():
            rows.append({k: meta.get(k, "") for k in INDEX_COLUMNS})
    index = out / INDEX
    with replacing(index) as tmp:
        pd.DataFrame(rows, columns=INDEX_COLUMNS).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    return index


def describe(files: list[Path], out_dir: str | Path) -> str:
    """'figures/03_token_prices.{alt.txt,csv,json,pdf,png,svg}' for a terminal line."""
    if not files:
        return "nothing"
    stems = sorted({f.name.split(".", 1)[0] for f in files})
    parts = sorted(f.name.split(".", 1)[1] if "." in f.name else "" for f in files)
    if len(stems) == 1:
        return f"{Path(out_dir) / stems[0]}.{{{','.join(parts)}}}"
    return ", ".join(str(f) for f in files)
