"""Where each figure comes from, as a reader wants it: outlet and date, not a file name.

Why: "Quelle: Artikel 000, 001 … (seeds/)" and row labels ending in "· 002"
told a reader nothing. The analyst's ``seeds/sources.csv`` (and, for HTML
pages, their own metadata in ``data/sources.detected.csv``; the analyst wins)
gives every article an outlet and a date; :func:`attach` puts them on the
table's rows, so the chart CSV carries them, the row labels name the outlet
and the source line lists outlets with their dates.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..sources import DETECTED_NAME, describe
from .style import label

MONTHS = {"de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
          "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]}


def detected_beside(figures_csv: str | Path) -> Path:
    """Where the extraction wrote the pages' metadata: beside the figures table."""
    return Path(figures_csv).with_name(DETECTED_NAME)


def attach(df: pd.DataFrame, seeds_dir: str | Path | None, detected: str | Path | None, locale: str) -> pd.DataFrame:
    """The table with ``outlet`` and ``date`` columns (the locale's "unknown" where nobody knows the outlet)."""
    arts = sorted(df["article"].astype(str).unique())
    about = describe(arts, seeds_dir, detected, unknown=label("unknown_outlet", locale))
    return df.assign(outlet=df["article"].map(lambda a: about[a]["outlet"]),
                     date=df["article"].map(lambda a: about[a]["date"]))


def date_text(date: str, locale: str) -> str:
    """'2025-01-27' -> '27.1.2025' / '27 Jan 2025'; '2025-01' -> 'Jan. 2025' / 'Jan 2025'; '2025' stays."""
    parts = [p for p in str(date or "").split("-") if p]
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return parts[0] if parts else ""
    year, month = parts[0], int(parts[1])
    if not 1 <= month <= 12:
        return year
    if len(parts) == 2:
        return f"{MONTHS[locale][month - 1]} {year}"
    day = int(parts[2])
    return f"{day}.{month}.{year}" if locale == "de" else f"{day} {MONTHS['en'][month - 1]} {year}"


def source_line(rows: pd.DataFrame, locale: str) -> str:
    """'Quelle: Handelsblatt (27.1.2025), heise online (28.1.2025), unbekannt (Jan. 2025); newsnumbers'.

    One entry per outlet, with the dates of its articles (oldest first); the unknown outlet last.
    """
    unknown = label("unknown_outlet", locale)
    pairs = rows[["outlet", "date"]].fillna("").astype(str).drop_duplicates()
    parts = []
    for outlet in sorted(pairs["outlet"].unique(), key=lambda o: (o == unknown, o.casefold(), o)):
        dates = [date_text(d, locale) for d in sorted(pairs.loc[pairs["outlet"] == outlet, "date"]) if d]
        parts.append(f"{outlet} ({', '.join(dates)})" if dates else outlet)
    return f"{label('source', locale)}: " + ", ".join(parts) + "; newsnumbers"


#: What every chart CSV carries about where a row comes from, besides the drawn fields.
TRACE = ["id", "fact_id", "article", "outlet", "date", "start", "end"]


def ensure(df: pd.DataFrame, seeds_dir: str | Path | None, locale: str) -> pd.DataFrame:
    """``df`` with outlet and date (attached here unless the caller did) and every TRACE column.

    A table made by hand without ids or offsets gets empty ones, so a chart never fails for them.
    """
    if "outlet" not in df.columns or "date" not in df.columns:
        df = attach(df, seeds_dir, None, locale)
    missing = [c for c in TRACE if c not in df.columns]
    return df.assign(**{c: "" for c in missing}) if missing else df
