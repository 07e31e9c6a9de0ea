"""Loading the figures table for charts, and the source line."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..extract import COLUMNS
from .style import label

REQUIRED = ["article", "quote", "sentence", "value", "value_high", "unit", "per", "qualifier",
            "measure", "organisation", "model"]


class NoData(Exception):
    """The table has no figures for this chart; the message says which measures were looked for."""


def load(path: str | Path) -> pd.DataFrame:
    """Read figures.csv; a missing file or missing columns raise with a clear message."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no figures table; run the extraction first (make data)")
    df = pd.read_csv(path, dtype={c: str for c in ("unit", "per", "qualifier", "measure", "organisation", "model")},
                     keep_default_na=False, na_values={"value": [""], "value_high": [""]})
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {', '.join(missing)} (expected {', '.join(COLUMNS)})")
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    df["value_high"] = pd.to_numeric(df["value_high"], errors="coerce")
    return df.dropna(subset=["value"])


def select(df: pd.DataFrame, measures: list[str], prefix: bool = False, money: bool | None = None) -> pd.DataFrame:
    """Rows of the given measures (``prefix``: measure names starting with them)."""
    m = df["measure"].fillna("")
    mask = m.map(lambda x: any(x.startswith(p) for p in measures)) if prefix else m.isin(measures)
    rows = df[mask]
    if money is not None:
        is_money = rows["unit"].map(lambda u: len(u) == 3 and u.isupper())
        rows = rows[is_money == money]
    return rows.copy()


def require(rows: pd.DataFrame, measures: list[str], locale: str) -> pd.DataFrame:
    if rows.empty:
        raise NoData(f"{label('no_data', locale)}: {', '.join(measures)}")
    return rows


def short_article(name: str) -> str:
    """'002_0dbbc1ffdb7b6cf2.txt' -> '002'; other names without extension."""
    stem = Path(name).stem
    return stem.split("_")[0] if "_" in stem and stem.split("_")[0].isdigit() else stem


def outlets(articles: list[str], seeds_dir: str | Path | None) -> dict[str, str]:
    """Article file -> outlet from seeds/sources.csv when an analyst wrote one, else the file name."""
    names = {a: short_article(a) for a in articles}
    if seeds_dir and (Path(seeds_dir) / "sources.csv").exists():
        src = pd.read_csv(Path(seeds_dir) / "sources.csv", dtype=str, keep_default_na=False)
        if {"article", "outlet"} <= set(src.columns):
            for row in src.itertuples():
                if row.article in names and row.outlet:
                    names[row.article] = row.outlet
    return names


def source_line(rows: pd.DataFrame, locale: str, seeds_dir: str | Path | None = None) -> str:
    arts = sorted(rows["article"].unique())
    names = outlets(arts, seeds_dir)
    shown = sorted(set(names[a] for a in arts))
    what = label("articles", locale)
    return f"{label('source', locale)}: {what} " + ", ".join(shown) + " (seeds/); newsnumbers"


def row_label(row: pd.Series, locale: str = "en") -> str:
    orgs = ", ".join(label(o, locale) for o in row["organisation"].split("|") if o)
    who = " ".join(x for x in (orgs, row["model"]) if x) or "–"
    return f"{who} · {short_article(row['article'])}"
