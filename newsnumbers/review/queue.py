"""The order an editor reviews rows in, and how one row is shown.

Why this order: a wrong figure does harm where it is published. Rows the
extractor is least sure of come first, then the rows behind a published chart
(found by running the charts' own builders, so the queue and the charts agree),
then the rest; rows already confirmed or corrected come last.
"""
from __future__ import annotations

import html

import matplotlib.pyplot as plt
import pandas as pd

from ..charts import common, questions
from ..schema import REVIEWED_SOURCES
from . import words

#: Why a row stands where it does in the queue, by priority.
REASONS = {0: "low confidence", 1: "feeds a chart", 2: "other", 3: "reviewed"}


def feeds(figures: pd.DataFrame, seeds_dir: str | None = None) -> pd.Series:
    """For every row, the charts it is drawn in (``"02_training_costs, 06_source_check"``), or ``""``."""
    keys = common.row_keys(figures)
    names: dict[object, list[str]] = {}
    for name, build in sorted(questions.CHARTS.items()):
        try:
            chart = build(figures, "en", seeds_dir)
        except common.NoData:
            continue
        plt.close(chart.figure)
        for key in set(common.row_keys(chart.data)):
            names.setdefault(key, []).append(name)
    return keys.map(lambda k: ", ".join(names.get(k, []))).astype(str)


def order(figures: pd.DataFrame, seeds_dir: str | None = None) -> pd.DataFrame:
    """The table in review order, with ``charts`` (what each row feeds), ``priority`` and ``reason``."""
    rows = figures.reset_index(drop=True).copy()
    rows["charts"] = feeds(rows, seeds_dir) if not rows.empty else pd.Series(dtype=str)
    reviewed = rows["source"].isin(REVIEWED_SOURCES)
    low = rows["confidence"].eq("low")
    charted = rows["charts"].ne("")
    rows["priority"] = 2
    rows.loc[charted, "priority"] = 1
    rows.loc[low, "priority"] = 0
    rows.loc[reviewed, "priority"] = 3
    rows["reason"] = rows["priority"].map(REASONS)
    # within a priority: rows behind a chart first, then by article and position
    rows = rows.sort_values(["priority", "charts", "article", "start"], key=_charted_first, kind="stable")
    return rows.reset_index(drop=True)


def _charted_first(col: pd.Series) -> pd.Series:
    return col.eq("") if col.name == "charts" else col


def highlight(sentence: str, quote: str) -> str:
    """The sentence as HTML with the quote marked (whitespace folded as in the table's sentence column)."""
    sentence, quote = str(sentence), " ".join(str(quote).split())
    at = sentence.find(quote)
    if at < 0:
        return f"{html.escape(sentence)} <mark>{html.escape(quote)}</mark>"
    return (html.escape(sentence[:at]) + f"<mark>{html.escape(quote)}</mark>"
            + html.escape(sentence[at + len(quote):]))


def reason(row: pd.Series, locale: str = "en") -> str:
    """Why the row stands where it does, in the form's words (the ``reason`` column keeps the English key)."""
    return words.word(str(row["reason"]).replace(" ", "_"), locale)


def card(row: pd.Series, locale: str = "en") -> str:
    """One row for the editor: where it stands, its sentence with the figure marked, how it was read and why."""
    say = lambda key: html.escape(words.word(key, locale))
    value = f"{row['value']:,.15g}" + (f"–{row['value_high']:,.15g}" if pd.notna(row.get("value_high")) else "")
    read = " · ".join(str(x) for x in (
        f"{value} {row['unit']}" + (f" {words.word('per_word', locale)} {row['per']}" if row.get("per") else ""),
        row.get("period") or "–", row["qualifier"], row["measure"], row["organisation"] or "–", row["model"] or "–"))
    charts = row.get("charts") or words.word("no_chart", locale)
    return (f"<div style='max-width:60em;line-height:1.5'>"
            f"<p><b>{html.escape(str(row['article']))}</b> @ {int(row['start'])} · {html.escape(reason(row, locale))}"
            f" · {say('feeds')}: {html.escape(charts)} · {say('source')}: {html.escape(str(row['source']))}</p>"
            f"<p style='font-size:1.1em'>{highlight(row['sentence'], row['quote'])}</p>"
            f"<p>{say('read_as')}: <code>{html.escape(read)}</code></p>"
            f"<p>{say('confidence')}: <b>{html.escape(str(row['confidence']))}</b> · {say('evidence')}: "
            f"<code>{html.escape(str(row['evidence']))}</code> · {say('id')} <code>{html.escape(str(row['id']))}</code></p></div>")
