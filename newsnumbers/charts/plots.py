"""Chart primitives that are honest about uncertainty.

A figure's qualifier decides how it is drawn, the same way in every chart:
exact = filled dot; approx = hollow dot and "ca."/"~" in its label;
lower_bound = dot with an arrow pointing up the scale (open-ended);
upper_bound = arrow pointing down the scale; range = a line from low to high.
Values spanning more than two orders of magnitude get a log scale, and the
subtitle says so.

A fact said twice in one article (same ``fact_id``) is one mark; beyond
``layout.GROUP_ABOVE`` facts a dot chart draws one line per organisation and
model with each source's figure a mark on it. Colours come from the house
table (:mod:`colours`), never from sort order.
"""
from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

from . import numfmt
from .colours import colours_for
from .layout import GROUP_ABOVE, facts, group_label
from .style import INK, MUTED, count

PAD = 0.05  # the axis's margin beyond the outermost marks, as a share of their span (decades on a log scale)
LABEL_CHARS = 46  # a row label's line is wrapped beyond this (the left margin stays under half the width)

PREFIX = numfmt.QUALIFIER_PREFIX


def value_label(row: pd.Series, locale: str) -> str:
    """'ca. 5,6 Mio. $', 'mind. 100 Mio. $', '0,1–1 Mrd. $' / '~$5.6M', '≥ $100M', '$0.1B–$1B'."""
    text = numfmt.value(row["value"], row["unit"], locale)
    if row["qualifier"] == "range" and pd.notna(row.get("value_high")):
        return f"{text}–{numfmt.value(row['value_high'], row['unit'], locale)}"
    return numfmt.qualified(text, row["qualifier"], locale)


def colours(keys: list[str], by: str = "organisation") -> dict[str, str]:
    """The colour of each key: the house colour of an organisation (grey for the rest), or a hashed pick."""
    return colours_for(keys, by)


def wrap_label(text: str) -> str:
    """A row label with every line cut to ``LABEL_CHARS``, so long names wrap instead of leaving the figure."""
    return "\n".join(textwrap.fill(line, LABEL_CHARS) for line in text.split("\n"))


def needs_log(values: pd.Series) -> bool:
    v = values[values > 0]
    return len(v) > 1 and v.max() / v.min() > 100


def _mark(ax: plt.Axes, row: pd.Series, yi: float, c: str, arrow) -> list[float]:
    """One figure as a mark on line ``yi``; returns the x positions it reaches (value, range end, arrow tip)."""
    v, q = float(row["value"]), row["qualifier"]
    reach = [v]
    if q == "range" and pd.notna(row["value_high"]):
        end = float(row["value_high"])
        ax.plot([v, end], [yi, yi], color=c, lw=2.5, solid_capstyle="round", zorder=2)
        ax.plot([v, end], [yi, yi], "o", color=c, ms=5, zorder=3)
        reach.append(end)
    elif q in ("lower_bound", "upper_bound"):
        end = arrow(v, 1 if q == "lower_bound" else -1)
        ax.annotate("", xy=(end, yi), xytext=(v, yi),
                    arrowprops={"arrowstyle": "-|>", "color": c, "lw": 1.6, "shrinkA": 0, "shrinkB": 0})
        ax.plot([v], [yi], "o", color=c, ms=6, zorder=3)
        reach.append(end)
    ax.plot([v], [yi], "o", ms=7, zorder=4, markeredgewidth=1.6, markeredgecolor=c,
            markerfacecolor="white" if q == "approx" else c)
    return reach


def _lines(rows: pd.DataFrame, locale: str) -> list[tuple[str, pd.DataFrame]]:
    """(row label, facts) per line: one line per fact, or beyond GROUP_ABOVE one per organisation and model."""
    if len(rows) <= GROUP_ABOVE:
        return [(str(r["label"]), rows.iloc[[i]]) for i, (_, r) in enumerate(rows.iterrows())]
    keys = rows["label"].map(group_label)
    out = []
    for key in dict.fromkeys(keys):
        part = rows[keys == key]
        n = part["article"].nunique() if "article" in part else len(part)
        first, _, rest = key.partition("\n")
        out.append((f"{first} · {count('n_sources', n, locale)}" + (f"\n{rest}" if rest else ""), part))
    return out


def _line_label(part: pd.DataFrame, locale: str) -> str:
    """A line's value label: the figure as written, or the span of its sources' figures."""
    if len(part) == 1:
        return value_label(part.iloc[0], locale)
    low = part.loc[part["value"].idxmin()]
    highs = part["value_high"].fillna(part["value"])
    high = part.loc[highs.idxmax()]
    return f"{numfmt.value(low['value'], low['unit'], locale)} – {numfmt.value(highs.max(), high['unit'], locale)}"


def dot_plot(ax: plt.Axes, rows: pd.DataFrame, locale: str, colour_by: str = "organisation",
             log: bool | None = None) -> bool:
    """Draw one line per fact (top to bottom, in the frame's order); returns whether the scale is log.

    ``rows`` needs label, value, value_high, qualifier, unit and ``colour_by``; repeats of a
    ``fact_id`` are one mark. Beyond GROUP_ABOVE facts, one line per organisation and model.
    """
    rows = facts(rows)
    lows = rows["value"].astype(float)
    highs = rows["value_high"].astype(float).fillna(lows)
    log = needs_log(pd.concat([lows, highs])) if log is None else log
    palette = colours(rows[colour_by].fillna("").tolist(), colour_by)
    lo, hi = float(lows[lows > 0].min() if log else min(0.0, lows.min())), float(highs.max())
    span = (math.log10(hi) - math.log10(lo)) if log and lo > 0 else (hi - lo or abs(hi) or 1.0)
    arrow = (lambda v, d: v * 10 ** (d * max(span, 1) * 0.12)) if log else (lambda v, d: v + d * span * 0.12)
    lines = _lines(rows, locale)
    y = np.arange(len(lines))[::-1]
    ends = [lo, hi]
    for yi, (_, part) in zip(y, lines):
        reach: list[float] = []
        if len(part) > 1:
            ax.plot([part["value"].min(), highs[part.index].max()], [yi, yi], color=MUTED, lw=0.8, zorder=1)
        for _, row in part.iterrows():
            reach += _mark(ax, row, yi, palette[row[colour_by] if pd.notna(row[colour_by]) else ""], arrow)
        ends += reach
        ax.annotate(_line_label(part, locale), xy=(max(reach), yi), xytext=(7, 0), textcoords="offset points",
                    va="center", ha="left", fontsize=8, color=INK)
    ax.set_yticks(y)
    ax.set_yticklabels([wrap_label(lab) for lab, _ in lines])
    # The axis spans the marks with a margin of PAD of their span; the value labels' room is measured and added
    # when the figure is arranged (layout.fit_labels), so no decade is left empty.
    left, right = min(ends), max(ends)
    if log:
        ax.set_xscale("log")
        pad = 10 ** (max(span, 1) * PAD)
        ax.set_xlim(left / pad, right * pad)
        ax.xaxis.set_major_locator(LogLocator(base=10, numticks=5))
        ax.xaxis.set_minor_locator(NullLocator())
    else:
        ax.set_xlim(min(0, left), right + span * PAD)
        ax.xaxis.set_major_locator(MaxNLocator(5))
    unit = rows["unit"].iloc[0] if rows["unit"].nunique() == 1 else ""
    # no tick label beyond the last mark's decade: the room added there is for the value labels, not a scale
    # ("1.000.000 Bio. $" on an axis whose largest figure is 1 Bio. $)
    last = hi * 10 if log else float("inf")
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda x, _: "" if x > last else numfmt.value(x, unit, locale) if unit else numfmt.number(x, locale)))
    ax.tick_params(axis="x", labelsize=7.5, colors=MUTED)
    ax.set_ylim(-0.7, len(lines) - 0.3)
    return log


def bar_plot(ax: plt.Axes, rows: pd.DataFrame, locale: str, colour_by: str = "organisation") -> None:
    """Horizontal bars for exact values (prices), labelled directly at the bar end."""
    rows = facts(rows)
    palette = colours(rows[colour_by].fillna("").tolist(), colour_by)
    y = np.arange(len(rows))[::-1]
    for yi, (_, row) in zip(y, rows.iterrows()):
        c = palette[row[colour_by]]
        hatch = "//" if row["qualifier"] != "exact" else None
        ax.barh(yi, row["value"], color="white" if hatch else c, edgecolor=c, hatch=hatch, height=0.6)
        ax.annotate(value_label(row, locale), xy=(row["value"], yi), xytext=(5, 0), textcoords="offset points",
                    va="center", fontsize=8.5, color=INK)
    ax.set_yticks(y)
    ax.set_yticklabels([wrap_label(str(lab)) for lab in rows["label"]])
    ax.set_xlim(0, rows["value"].max() * (1 + PAD))  # the labels' room is added by layout.fit_labels
    ax.xaxis.set_major_locator(MaxNLocator(5))
    unit = rows["unit"].iloc[0]
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: numfmt.value(x, unit, locale)))
    ax.tick_params(axis="x", labelsize=7.5, colors=MUTED)
