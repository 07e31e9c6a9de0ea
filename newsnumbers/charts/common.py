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
    """The table has no figures for this chart; the message says which measures were looked for.

    ``wanted`` says the same in English for the build's terminal line, whatever the chart's locale.
    """

    def __init__(self, message: str, wanted: str = ""):
        super().__init__(message)
        self.wanted = wanted or message


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
    m = df["measure"].fillna("").astype(str)
    # a boolean array, not a Series of objects: on an empty table pandas would read an empty
    # object Series as a list of column names and drop every column (KeyError: 'unit')
    mask = m.str.startswith(tuple(measures)) if prefix else m.isin(measures)
    rows = df[mask.to_numpy(dtype=bool)]
    if money is not None:
        rows = rows[(rows["unit"].map(is_money) == money).to_numpy(dtype=bool)]
    return rows.copy()


def require(rows: pd.DataFrame, measures: list[str], locale: str) -> pd.DataFrame:
    """``rows``, or NoData naming the measures when there are none."""
    if rows.empty:
        raise NoData(f"{label('no_data', locale)}: {', '.join(measures)}", f"no rows for measures {', '.join(measures)}")
    return rows


def source_line(rows: pd.DataFrame, locale: str, seeds_dir: str | Path | None = None) -> str:
    """Outlets and dates when the rows carry them (``provenance.attach``), else the outlets or file names."""
    if "outlet" in rows.columns and "date" in rows.columns:
        from .provenance import source_line as with_dates

        return with_dates(rows, locale)
    arts = sorted(rows["article"].unique())
    names = outlets(arts, seeds_dir, unknown=label("unknown_outlet", locale))
    shown = sorted(set(names[a] for a in arts))
    what = label("articles", locale)
    return f"{label('source', locale)}: {what} " + ", ".join(shown) + " (seeds/); newsnumbers"


#: Columns a chart's data shares with the table, enough to tell its rows apart (with the value).
ROW_KEY = ["article", "quote", "sentence", "unit", "measure", "organisation", "model"]


def row_keys(rows: pd.DataFrame) -> pd.Series:
    """One hashable key per row, the same for a table row and the chart row drawn from it
    (a chart's data keeps the table's fields but not its id or index)."""
    if rows.empty:
        return pd.Series(dtype=object, index=rows.index)
    text = rows[ROW_KEY].fillna("").astype(str)
    values = rows["value"].astype(float).round(9)
    return pd.Series(list(zip(*(text[c] for c in ROW_KEY), values)), index=rows.index)


def source_name(row: pd.Series) -> str:
    """The outlet of a row's article (``provenance.attach``), or its short file name when none is attached."""
    outlet = row.get("outlet")
    return str(outlet) if isinstance(outlet, str) and outlet else short_article(row["article"])


def row_label(row: pd.Series, locale: str = "en") -> str:
    orgs = ", ".join(label(o, locale) for o in row["organisation"].split("|") if o)
    who = " ".join(x for x in (orgs, row["model"]) if x) or "–"
    return f"{who} · {source_name(row)}"
