"""Loading the figures table for charts, and the source line."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..schema import COLUMNS, is_money
from ..sources import outlets, short_article
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
        rows = rows[rows["unit"].map(is_money) == money]
    return rows.copy()


def require(rows: pd.DataFrame, measures: list[str], locale: str) -> pd.DataFrame:
    if rows.empty:
        raise NoData(f"{label('no_data', locale)}: {', '.join(measures)}")
    return rows


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
