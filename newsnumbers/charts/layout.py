"""How big a chart is and where its panels go: from the rows it draws, in inches.

Why: a fixed figure size made 17 articles' labels overlap into illegibility.
Here the width stays fixed (1280 px in PNG) and the height follows the rows
drawn: each panel gets the height of its rows (taller rows for two-line
labels), plus the room its tick labels and title need, and the headline and
the foot get theirs; the same rows always give the same size. Beyond
``GROUP_ABOVE`` facts a chart draws one line per organisation and model
instead of one row per fact (see :func:`plots.dot_plot`).
"""
from __future__ import annotations

import re
import textwrap
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .. import lexicon

#: More facts than this in one panel: one line per organisation and model, each source a mark on it.
GROUP_ABOVE = 25
LINE_IN = 0.155  # one line of 9 pt tick label, with leading
ROW_GAP_IN = 0.11  # between two rows' labels
AXIS_BELOW_IN = 0.3  # x tick labels under a panel
TITLE_ABOVE_IN = 0.3  # a panel's own title
MIN_PANEL_IN = 0.9
#: room between a value label's end and the panel's right edge: a label at the frame ("mind. 100 Mio. $" touching
#: the end of 06's axis) reads as cut off
LABEL_PAD_PT = 10.0
LABEL_OFFSET_PT = 7.0  # a value label starts this far right of its mark (plots.py)
TEXT_MARGIN = 0.02  # share of the width left of the headline (style.decorate), kept right of every text too


def facts(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per fact, in the frame's order: a figure said twice in one article is one mark.

    ``mentions`` counts how often the article says it. A row without ``fact_id`` stands for itself.
    """
    rows = rows.reset_index(drop=True)
    if "fact_id" not in rows.columns:
        return rows.assign(mentions=1)
    key = rows["fact_id"].fillna("").astype(str)
    key = key.where(key != "", "row" + rows.index.astype(str))
    counts = key.map(key.value_counts())
    return rows.assign(mentions=counts)[~key.duplicated()].reset_index(drop=True)


def group_label(text: str) -> str:
    """'OpenAI GPT-4 · Handelsblatt\\nTrainingskosten' -> 'OpenAI GPT-4\\nTrainingskosten': the row without its source."""
    return re.sub(r" · [^\n]*", "", text)


def _lines(ax: plt.Axes) -> int:
    return max((t.get_text().count("\n") + 1 for t in ax.get_yticklabels()), default=1)


def panel_height(ax: plt.Axes) -> float:
    """Inches for a panel's rows: every row as tall as its tallest label, plus a half row at each end."""
    n = max(len(ax.get_yticks()), 1)
    return max(MIN_PANEL_IN, (n + 0.6) * (LINE_IN * _lines(ax) + ROW_GAP_IN))


def text_width(fig: plt.Figure, text: str, **style) -> float:
    """Width in inches of ``text`` drawn on ``fig`` with ``style`` (measured by the renderer, not guessed)."""
    probe = fig.text(0, 0, text, **style)
    try:
        return probe.get_window_extent(fig.canvas.get_renderer()).width / fig.dpi
    finally:
        probe.remove()


def left_margin(fig: plt.Figure) -> float:
    """The width the row labels need, in inches (the widest label of any panel, measured)."""
    renderer = fig.canvas.get_renderer()
    widest = max((t.get_window_extent(renderer).width / fig.dpi for ax in fig.axes for t in ax.get_yticklabels()
                  if t.get_text()), default=0.5)
    return 0.25 + widest


@lru_cache(maxsize=1)
def _sticky() -> re.Pattern[str]:
    """A token of ``nobreak.csv`` at a word's start, then the space before a number or currency symbol."""
    tokens = sorted((r["token"] for r in lexicon.read_rows("nobreak.csv", Path(__file__).parent)), key=len, reverse=True)
    return re.compile(rf"(?<![^\s(\[„“\"‚'])({'|'.join(map(re.escape, tokens))}) (?=[\d$€£¥]|CHF)")


def glue(text: str) -> str:
    """``text`` with a no-break space after each symbol that belongs to the number after it ('≥ $5T', 'mind. 78 Mio.')."""
    return _sticky().sub("\\1\u00a0", text)


WRAP_SLACK = 0.97  # a line measured at the figure's dpi may draw a little wider at the saving dpi (hinting): keep room


def wrap(fig: plt.Figure, text: str, width_in: float, **style) -> str:
    """``text`` wrapped so that no line is wider than ``width_in`` inches in ``style`` (paragraphs kept), and no line
    ends in a symbol of ``nobreak.csv`` whose number starts the next ("from $2.9T to ≥" / "$5T")."""
    out = []
    for para in glue(text).split("\n"):
        chars = max(int(width_in / 0.04), 10)
        lines = textwrap.wrap(para, chars) or [""]
        while chars > 10 and max(text_width(fig, line, **style) for line in lines) > width_in * WRAP_SLACK:
            chars -= 3
            lines = textwrap.wrap(para, chars)
        out += lines
    return "\n".join(out)


def arrange(fig: plt.Figure, head_in: float, feet_in: float, width_in: float) -> float:
    """Size the figure to its panels and place them top to bottom; returns the height in inches.

    ``head_in``/``feet_in``: room for headline and subtitle, and for notes and source line.
    """
    axes = fig.axes
    heights = [panel_height(ax) for ax in axes]
    left, right = min(left_margin(fig), 0.55 * width_in) / width_in, 0.95
    lines = fit_titles(fig, left, right, width_in)
    above = [TITLE_ABOVE_IN + LINE_IN * (n - 1) if ax.get_title(loc="left") or ax.get_title() else 0.0
             for ax, n in zip(axes, lines)]
    total = head_in + feet_in + sum(h + AXIS_BELOW_IN + a for h, a in zip(heights, above))
    fig.set_size_inches(width_in, total)
    top = total - head_in
    for ax, h, a in zip(axes, heights, above):
        top -= a
        ax.set_position([left, (top - h) / total, right - left, h / total])
        top -= h + AXIS_BELOW_IN
    for ax in axes:
        fit_labels(ax)
    return total


def fit_titles(fig: plt.Figure, left: float, right: float, width_in: float) -> list[int]:
    """Fit each panel's left title inside the figure; returns its number of lines, per panel.

    A title starts at its panel's left edge, which the row labels push right (06's quoted sources take half
    the width), so a long organisation or measure name ("Nvidia · Verlust an Börsenwert · Sept. 2024") ran past
    the figure's edge. When one title does not fit there, all of the figure's panel titles start at the
    headline's margin instead (above the row labels, one line each, alike); a title wider than the whole text
    width is then wrapped, and ``arrange`` gives its panel the lines' height.
    """
    titles = [ax._left_title for ax in fig.axes]  # set by ax.set_title(loc="left"); no public getter of the Text
    wide = [text_width(fig, t.get_text(), fontsize=t.get_fontsize(), fontweight=t.get_fontweight()) for t in titles]
    if all(w <= (1 - TEXT_MARGIN - left) * width_in for w in wide):
        return [1] * len(titles)
    room = (1 - 2 * TEXT_MARGIN) * width_in
    for t, w in zip(titles, wide):
        t.set_x((TEXT_MARGIN - left) / (right - left))  # axes coordinates: the figure's margin, left of the panel
        if w > room:
            t.set_text(wrap(fig, t.get_text(), room, fontsize=t.get_fontsize(), fontweight=t.get_fontweight()))
    return [t.get_text().count("\n") + 1 for t in titles]


def fit_labels(ax: plt.Axes) -> None:
    """Widen the x-axis until every value label beside a mark ends inside the panel.

    The label's width is measured; on the axis's own scale (log or linear) the upper limit
    moves so that the mark's position plus the label's width fits the panel's width.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    width = ax.get_window_extent(renderer).width
    if width <= 0:
        return
    scale = ax.xaxis.get_transform()
    a, b = scale.transform([ax.get_xlim()[0], ax.get_xlim()[1]])
    need = b
    for t in ax.texts:
        if not t.get_text() or not hasattr(t, "xy") or t.xycoords != "data":
            continue
        room = 1 - (t.get_window_extent(renderer).width + (LABEL_OFFSET_PT + LABEL_PAD_PT) * fig.dpi / 72) / width
        if room <= 0.2:
            continue  # a label wider than the panel: widening the scale cannot help
        x = scale.transform([t.xy[0]])[0]
        need = max(need, a + (x - a) / room)
    if need > b:
        ax.set_xlim(ax.get_xlim()[0], scale.inverted().transform([need])[0])
    thin_ticks(ax)


def thin_ticks(ax: plt.Axes, gap_pt: float = 6.0) -> None:
    """Fewer x ticks until no two tick labels touch: a log axis over many decades ("900 $" to "10.000 Bio. $")
    would otherwise print its labels into each other. Only the ticks' number changes, never the scale."""
    from matplotlib.ticker import LogLocator, MaxNLocator

    renderer = ax.figure.canvas.get_renderer()
    log = ax.get_xscale() == "log"
    for n in (5, 4, 3, 2):
        ax.xaxis.set_major_locator(LogLocator(base=10, numticks=n) if log else MaxNLocator(n))
        boxes = sorted((t.get_window_extent(renderer) for t in ax.get_xticklabels()
                        if t.get_text() and t.get_visible() and ax.get_xlim()[0] <= t.get_position()[0] <= ax.get_xlim()[1]),
                       key=lambda box: box.x0)
        if all(b.x0 - a.x1 >= gap_pt * ax.figure.dpi / 72 for a, b in zip(boxes, boxes[1:])):
            break
    _inside_the_figure(ax, renderer)


def _inside_the_figure(ax: plt.Axes, renderer) -> None:
    """Only the ticks whose labels end inside the figure: a tick at the edge of an axis widened for long
    value labels ("100.000 Bio. $") would print beyond it."""
    from matplotlib.ticker import FixedLocator

    lo, hi = sorted(ax.get_xlim())
    width = ax.figure.bbox.width
    ticks = [t for t in ax.get_xticklabels() if lo <= t.get_position()[0] <= hi]
    keep = [t.get_position()[0] for t in ticks if t.get_text() and t.get_window_extent(renderer).x1 <= width]
    if len(keep) < len(ticks):  # nor a tick without a label (past the last mark's decade): a gridline nobody can read
        ax.xaxis.set_major_locator(FixedLocator(keep))
